"""Messages: the client's conversations with their provider, including
late-cancellation requests and the provider's answers, with unread counts."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLineEdit,
    QListView,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
)

from ...services import messaging
from ...services.errors import ServiceError
from ...services.result import Change
from ..dialogs import show_error
from ..widgets.page import Page, muted, page_layout
from ..widgets.rows_model import ThreadListModel
from ..widgets.thread_view import ThreadView
from .models import thread_text

KIND_LABELS = {"late_cancellation": "Late-cancellation request", "dispute": "Fee dispute", "notice": "Notice"}


class MessagesPage(Page):
    title = "Messages"
    interests = Change.MESSAGES | Change.LATE_REQUESTS

    def __init__(self, ctx, parent=None) -> None:
        super().__init__(ctx, parent)
        self.current_id: int | None = None
        layout = page_layout(self, self.title)
        top = QHBoxLayout()
        self.summary = muted("", self)
        self.summary.setObjectName("messagesSummary")
        top.addWidget(self.summary, 1)
        self.new_button = QPushButton("&New message", self)
        self.new_button.setObjectName("newMessageButton")
        self.new_button.clicked.connect(lambda: self.compose(""))
        top.addWidget(self.new_button)
        layout.addLayout(top)

        self.composer = QFrame(self)
        self.composer.setObjectName("composer")
        self.composer.setProperty("card", True)
        box = QVBoxLayout(self.composer)
        self.subject = QLineEdit(self.composer)
        self.subject.setObjectName("composeSubject")
        self.subject.setAccessibleName("Subject")
        self.subject.setPlaceholderText("Subject")
        self.body = QPlainTextEdit(self.composer)
        self.body.setObjectName("composeBody")
        self.body.setAccessibleName("Message")
        self.body.setPlaceholderText("Your message to your provider")
        self.body.setFixedHeight(90)
        line = QHBoxLayout()
        self.discard_button = QPushButton("Disca&rd", self.composer)
        self.discard_button.setObjectName("discardMessageButton")
        self.discard_button.clicked.connect(self.composer.hide)
        self.send_new_button = QPushButton("Sen&d", self.composer)
        self.send_new_button.setObjectName("sendNewMessageButton")
        self.send_new_button.setProperty("primary", True)
        self.send_new_button.setAccessibleName("Send new message")
        self.discard_button.setAccessibleName("Discard new message")
        self.send_new_button.clicked.connect(self._send_new)
        line.addStretch(1)
        line.addWidget(self.discard_button)
        line.addWidget(self.send_new_button)
        for w in (self.subject, self.body):
            box.addWidget(w)
        box.addLayout(line)
        self.composer.hide()
        layout.addWidget(self.composer)

        split = QSplitter(self)
        self.model = ThreadListModel(thread_text, self)
        self.list = QListView(split)
        self.list.setObjectName("threadList")
        self.list.setAccessibleName("Conversations")
        self.list.setModel(self.model)
        self.list.setWordWrap(True)
        self.list.setSpacing(2)
        self.list.selectionModel().currentChanged.connect(lambda cur, _prev: self._open(cur))
        self.view = ThreadView(ctx.actor.time_zone, split)
        self.view.reply_submitted.connect(self._reply)
        split.addWidget(self.list)
        split.addWidget(self.view)
        split.setSizes([340, 560])
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

    def open_thread(self, thread_id: int) -> None:
        row = self.model.row_of(thread_id)
        if row >= 0:
            self.list.setCurrentIndex(self.model.index(row, 0))

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
        if thread.unread:  # only then: marking read publishes a change that refreshes this page
            ctx = self.ctx
            ctx.ops.run(lambda: messaging.mark_thread_read(ctx.actor, thread.id, now=ctx.now()), parent=self)

    def _reply(self, text: str) -> None:
        ctx, thread_id = self.ctx, self.current_id
        if thread_id is None:
            return
        ctx.ops.run(lambda: messaging.reply(ctx.actor, thread_id, text, now=ctx.now()), parent=self,
                    on_done=lambda _r: self.view.sent())

    def compose(self, subject: str) -> None:
        """Open the new-message form, e.g. from an appointment's 'Message provider'."""
        self.subject.setText(subject)
        self.body.clear()
        self.composer.show()
        self.body.setFocus()

    def _send_new(self) -> None:
        ctx, subject, body = self.ctx, self.subject.text(), self.body.toPlainText()

        def done(result) -> None:
            self.composer.hide()
            self.current_id = result.value
            self.refresh_now()

        ctx.ops.run(lambda: messaging.start_thread(ctx.actor, subject, body, now=ctx.now()), parent=self,
                    on_done=done)
