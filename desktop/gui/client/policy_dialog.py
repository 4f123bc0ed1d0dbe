"""The full text of a provider's fee policy, opened from a link (never modal-blocking)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QTextBrowser, QVBoxLayout, QWidget


class PolicyDialog(QDialog):
    def __init__(self, title: str, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("policyDialog")
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.resize(520, 420)
        layout = QVBoxLayout(self)
        self.text = QTextBrowser(self)
        self.text.setObjectName("policyText")
        self.text.setAccessibleName("Policy text")
        self.text.setPlainText(text)
        layout.addWidget(self.text)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)


def open_policy(parent: QWidget, title: str, text: str) -> PolicyDialog:
    dialog = PolicyDialog(title, text, parent)
    dialog.open()
    return dialog


class PolicyLink(QLabel):
    """A link label the keyboard reaches in one Tab and opens with Enter or Space (a plain
    QLabel wants a second Tab to select its link before Enter does anything)."""

    def keyPressEvent(self, event) -> None:  # noqa: N802
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.linkActivated.emit("policy")
            event.accept()
            return
        super().keyPressEvent(event)


def policy_link(text: str = "Read the fee policy", parent: QWidget | None = None) -> PolicyLink:
    """A keyboard-reachable link label; connect ``linkActivated``."""
    label = PolicyLink(f'<a href="policy">{text}</a>', parent)
    label.setObjectName("policyLink")
    label.setAccessibleName(text)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse
                                  | Qt.TextInteractionFlag.LinksAccessibleByKeyboard)
    label.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    return label
