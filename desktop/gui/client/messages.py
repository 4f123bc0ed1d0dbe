"""Messages: the client's conversations with their provider, including
late-cancellation requests and the provider's answers, with unread counts."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
)

from ...rules import limits
from ...services import messaging
from ...services.result import Change
from ..widgets.inbox import Inbox
from ..widgets.page import Page, muted, page_layout
from .models import thread_text


class MessagesPage(Page):
    title = "Messages"
    interests = Change.MESSAGES | Change.LATE_REQUESTS

    def __init__(self, ctx, parent=None) -> None:
        super().__init__(ctx, parent)
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
        self.subject.setMaxLength(limits.SUBJECT.max_length)  # what the service accepts
        self.body = QPlainTextEdit(self.composer)
        self.body.setTabChangesFocus(True)  # Tab moves on, never types a tab
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

        self.inbox = Inbox(ctx, self.summary, thread_text, parent=self,
                           empty="No conversations yet. Choose New message to write to your provider; their replies, and "
                                 "notices about your appointments and fees, are listed here.")
        # The parts a person (and a test) works with.
        self.model, self.list, self.view = self.inbox.model, self.inbox.list, self.inbox.view
        layout.addWidget(self.inbox, 1)

    @property
    def current_id(self) -> int | None:
        return self.inbox.current_id

    @current_id.setter
    def current_id(self, value: int | None) -> None:
        self.inbox.current_id = value

    def refresh_now(self) -> None:
        super().refresh_now()
        self.inbox.refresh()

    def open_thread(self, thread_id: int) -> None:
        self.inbox.open_thread(thread_id)

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

        ctx.ops.run(lambda: messaging.start_thread(ctx.actor, subject, body, now=ctx.service_now()), parent=self,
                    on_done=done)
