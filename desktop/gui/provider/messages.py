"""Messages: conversations with clients, unread counts, replies; a thread tied to an
appointment or a charge shows it."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QModelIndex
from PySide6.QtWidgets import QLabel, QListView, QSplitter, QVBoxLayout, QWidget

from ...rules.timefmt import format_range
from ...services import messaging, provider
from ...services.errors import ServiceError
from ...services.messaging import ThreadRow
from ...services.result import Change
from ..dialogs import show_error
from ..widgets.page import Page, muted, page_layout
from ..widgets.rows_model import ThreadListModel
from ..widgets.thread_view import ThreadView

KIND_LABELS = {"late_cancellation": "Late-cancellation request", "dispute": "Fee dispute", "notice": "Notice"}


_ROOT = QModelIndex()

def thread_text(row) -> str:
    unread = f"  ({row.unread} unread)" if row.unread else ""
    kind = KIND_LABELS.get(row.kind)
    return f"{row.other_party}: {row.subject}{unread}\n{(kind + ' · ') if kind else ''}{row.last_message}"


class ProviderMessagesPage(Page):
    title = "Messages"
    interests = Change.MESSAGES | Change.LATE_REQUESTS | Change.CHARGES

    def __init__(self, ctx, parent=None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("providerMessagesPage")
        self.current_id: int | None = None
        layout = page_layout(self, self.title)
        self.summary = muted("", self)
        self.summary.setObjectName("messagesSummary")
        layout.addWidget(self.summary)
        split = QSplitter(self)
        self.model = ThreadListModel(thread_text, self)
        self.list = QListView(split)
        self.list.setObjectName("threadList")
        self.list.setAccessibleName("Conversations")
        self.list.setModel(self.model)
        self.list.setWordWrap(True)
        self.list.setSpacing(2)
        self.list.selectionModel().currentChanged.connect(lambda cur, _prev: self._open(cur))
        right = QWidget(split)
        v = QVBoxLayout(right)
        v.setContentsMargins(0, 0, 0, 0)
        self.context_label = QLabel("", right)
        self.context_label.setObjectName("threadContext")
        self.context_label.setWordWrap(True)
        self.context_label.setProperty("muted", True)
        v.addWidget(self.context_label)
        self.view = ThreadView(ctx.actor.time_zone, right)
        self.view.reply_submitted.connect(self._reply)
        v.addWidget(self.view, 1)
        split.addWidget(self.list)
        split.addWidget(right)
        split.setSizes([360, 560])
        layout.addWidget(split, 1)

    def refresh(self) -> None:
        rows = messaging.list_threads(self.ctx.actor)
        keep = self.current_id
        self.list.selectionModel().blockSignals(True)
        self.model.set_rows(rows)
        self.list.selectionModel().blockSignals(False)
        unread = sum(r.unread for r in rows)
        self.summary.setText(f"{len(rows)} conversation{'s' if len(rows) != 1 else ''} · {unread} unread")
        row = self.model.row_of(keep) if keep is not None else -1
        if row >= 0:
            self.list.selectionModel().blockSignals(True)
            self.list.setCurrentIndex(self.model.index(row, 0))
            self.list.selectionModel().blockSignals(False)
            self._open(self.model.index(row, 0))
        else:
            self.current_id = None
            self.view.show_thread("", [])
            self.context_label.setText("")

    def open_thread(self, thread_id: int) -> None:
        row = self.model.row_of(thread_id)
        if row >= 0:
            self.list.setCurrentIndex(self.model.index(row, 0))

    def _context(self, thread: ThreadRow) -> str:
        zone = self.ctx.actor.time_zone
        try:
            if thread.appointment_id is not None:
                d = provider.appointment_detail(self.ctx.actor, thread.appointment_id, now=self.ctx.now())
                return f"About the appointment {format_range(d.start, d.end, zone)}: {d.status_label}."
            if thread.charge_id is not None:
                return "About the charge: " + provider.charge_summary(self.ctx.actor, thread.charge_id)
        except ServiceError as exc:
            return exc.message
        return ""

    def _open(self, index) -> None:
        if not index.isValid():
            return
        thread = self.model.rows[index.row()]
        self.current_id = thread.id
        try:
            messages = messaging.thread_messages(self.ctx.actor, thread.id)
        except ServiceError as exc:
            show_error(self, exc)
            return
        kind = KIND_LABELS.get(thread.kind)
        self.view.show_thread(f"{thread.subject} — {thread.other_party}" + (f" ({kind})" if kind else ""), messages)
        self.context_label.setText(escape(self._context(thread)))
        if thread.unread:
            ctx = self.ctx
            ctx.ops.run(lambda: messaging.mark_thread_read(ctx.actor, thread.id, now=ctx.now()), parent=self)

    def _reply(self, text: str) -> None:
        ctx, thread_id = self.ctx, self.current_id
        if thread_id is None:
            return
        ctx.ops.run(lambda: messaging.reply(ctx.actor, thread_id, text, now=ctx.now()), parent=self,
                    on_done=lambda _r: self.view.sent())
