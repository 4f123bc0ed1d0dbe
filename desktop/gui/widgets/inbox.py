"""A message inbox: conversations (unread in bold) beside the open thread, reply box
included. The client's and the provider's Messages pages both compose one."""

from __future__ import annotations

from collections.abc import Callable
from html import escape

from PySide6.QtWidgets import QLabel, QSplitter, QVBoxLayout, QWidget

from ...rules.vocabulary import ThreadKind
from ...services import messaging
from ...services.messaging import ThreadRow
from ..context import AppContext
from .empty import PlaceholderListView
from .rows_model import ThreadListModel
from .thread_view import ThreadView

KIND_LABELS = {ThreadKind.LATE_CANCELLATION: "Late-cancellation request", ThreadKind.DISPUTE: "Fee dispute",
               ThreadKind.NOTICE: "Notice", ThreadKind.URGENT: "URGENT: asked to be contacted"}


class Inbox(QSplitter):
    def __init__(self, ctx: AppContext, summary: QLabel, text: Callable[[ThreadRow], str], *, empty: str,
                 context: Callable[[ThreadRow], str] | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.summary, self._context = ctx, summary, context
        self.current_id: int | None = None
        self.model = ThreadListModel(text, self)
        self.list = PlaceholderListView(self)
        self.list.set_placeholder(empty)
        self.list.setObjectName("threadList")
        self.list.setAccessibleName("Conversations")
        self.list.setModel(self.model)
        self.list.setWordWrap(True)
        self.list.setSpacing(2)
        self.list.selectionModel().currentChanged.connect(lambda cur, _prev: self._open(cur))
        right = QWidget(self)
        column = QVBoxLayout(right)
        column.setContentsMargins(0, 0, 0, 0)
        self.context_label = QLabel("", right)
        self.context_label.setObjectName("threadContext")
        self.context_label.setWordWrap(True)
        self.context_label.setProperty("muted", True)
        self.context_label.setVisible(context is not None)
        column.addWidget(self.context_label)
        self.view = ThreadView(ctx.actor.time_zone, right)
        self.view.reply_submitted.connect(self._reply)
        column.addWidget(self.view, 1)
        self.addWidget(self.list)
        self.addWidget(right)
        self.setSizes([350, 560])

    def refresh(self) -> None:
        """Read the conversations on the reader; the list fills when they come."""
        actor = self.ctx.actor
        self.ctx.reads.run(lambda: messaging.list_threads(actor), owner=self, slot="threads",
                           on_done=self._show_threads)

    def _show_threads(self, rows: list[ThreadRow]) -> None:
        keep = self.current_id
        selection = self.list.selectionModel()
        selection.blockSignals(True)
        self.model.set_rows(rows)
        selection.blockSignals(False)
        unread = sum(r.unread for r in rows)
        self.summary.setText(f"{len(rows)} conversation{'s' if len(rows) != 1 else ''} · {unread} unread")
        row = self.model.row_of(keep) if keep is not None else -1
        if row >= 0:
            selection.blockSignals(True)
            self.list.setCurrentIndex(self.model.index(row, 0))
            selection.blockSignals(False)
            self._open(self.model.index(row, 0))
        else:
            self.current_id = None
            self.view.show_thread("", [])
            self.context_label.setText("")

    def open_thread(self, thread_id: int) -> None:
        row = self.model.row_of(thread_id)
        if row >= 0:
            self.list.setCurrentIndex(self.model.index(row, 0))

    def _open(self, index) -> None:
        if not index.isValid():
            return
        thread = self.model.rows[index.row()]
        self.current_id = thread.id
        actor, context = self.ctx.actor, self._context
        # The messages and the line about what the thread is tied to, both read on the reader.
        self.ctx.reads.run(lambda: (messaging.thread_messages(actor, thread.id),
                                    context(thread) if context is not None else ""),
                           owner=self, slot="thread", on_done=lambda data: self._show_thread(thread, *data))

    def _show_thread(self, thread: ThreadRow, messages, context: str) -> None:
        kind = KIND_LABELS.get(thread.kind)
        self.view.show_thread(f"{thread.subject} — {thread.other_party}" + (f" ({kind})" if kind else ""), messages)
        if self._context is not None:
            self.context_label.setText(escape(context))
        if thread.unread:  # only then: marking read publishes a change that refreshes the page
            ctx = self.ctx
            ctx.ops.run(lambda: messaging.mark_thread_read(ctx.actor, thread.id, now=ctx.service_now()), parent=self)

    def _reply(self, text: str) -> None:
        ctx, thread_id = self.ctx, self.current_id
        if thread_id is None:
            return
        ctx.ops.run(lambda: messaging.reply(ctx.actor, thread_id, text, now=ctx.service_now()), parent=self,
                    on_done=lambda _r: self.view.sent())
