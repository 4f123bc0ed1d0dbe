"""One conversation: its messages and a reply box. Shared by the client's and the
provider's Messages pages; it displays rows and emits what was typed, the page
runs the service call."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ...rules.timefmt import format_instant
from ...services.messaging import MessageRow
from ..theme import colour
from .keys import extra_shortcut


class ThreadView(QWidget):
    reply_submitted = Signal(str)

    def __init__(self, zone: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.zone = zone
        self.setObjectName("threadView")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.subject = QLabel("", self)
        self.subject.setObjectName("threadSubject")
        self.subject.setProperty("role", "subheading")
        self.subject.setWordWrap(True)
        layout.addWidget(self.subject)
        self.messages = QTextBrowser(self)
        self.messages.setObjectName("threadMessages")
        self.messages.setAccessibleName("Messages in this conversation")
        layout.addWidget(self.messages, 1)
        self.reply = QPlainTextEdit(self)
        self.reply.setTabChangesFocus(True)  # Tab moves on, never types a tab
        self.reply.setObjectName("replyText")
        self.reply.setAccessibleName("Your reply")
        self.reply.setPlaceholderText("Write a reply…")
        self.reply.setFixedHeight(80)
        layout.addWidget(self.reply)
        line = QHBoxLayout()
        line.addStretch(1)
        self.send_button = QPushButton("&Send", self)
        self.send_button.setObjectName("sendReplyButton")
        self.send_button.setAccessibleName("Send reply")
        self.send_button.setProperty("primary", True)
        extra_shortcut(self.send_button, "Ctrl+Return")
        self.send_button.clicked.connect(self._send)
        line.addWidget(self.send_button)
        layout.addLayout(line)
        self.show_thread("", [])

    def show_thread(self, subject: str, rows: list[MessageRow]) -> None:
        self.subject.setText(subject or "Choose a conversation")
        parts = []
        for r in rows:
            align = "right" if r.mine else "left"
            who = "You" if r.mine else escape(r.sender)
            body = escape(r.body).replace("\n", "<br>")
            parts.append(f'<p align="{align}"><b>{who}</b> <span style="color:{colour("muted").name()}">'
                         f'{escape(format_instant(r.created_at, self.zone))}</span><br>{body}</p>')
        self.messages.setHtml("".join(parts))
        enabled = bool(subject)
        self.reply.setEnabled(enabled)
        self.send_button.setEnabled(enabled)

    def _send(self) -> None:
        text = self.reply.toPlainText().strip()
        if text:
            self.reply_submitted.emit(text)

    def sent(self) -> None:
        self.reply.clear()
