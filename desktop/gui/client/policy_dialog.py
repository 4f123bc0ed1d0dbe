"""The full text of a provider's fee policy, opened from a link (never modal-blocking)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget


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


def policy_link(text: str = "Read the fee policy", parent: QWidget | None = None):
    """A keyboard-reachable link label; connect ``linkActivated``."""
    from PySide6.QtWidgets import QLabel

    label = QLabel(f'<a href="policy">{text}</a>', parent)
    label.setObjectName("policyLink")
    label.setAccessibleName(text)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse
                                  | Qt.TextInteractionFlag.LinksAccessibleByKeyboard)
    return label
