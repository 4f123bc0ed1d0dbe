"""The buttons and labels the client's pages and dialogs are built from: named,
with an accessible name that never carries the mnemonic's ``&``."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QPushButton, QWidget


def button(text: str, name: str, parent: QWidget, *, primary: bool = False, danger: bool = False) -> QPushButton:
    widget = QPushButton(text, parent)
    widget.setObjectName(name)
    widget.setAccessibleName(text.replace("&", ""))
    if primary:
        widget.setProperty("primary", True)
    if danger:
        widget.setProperty("danger", True)
    return widget


def label(text: str, name: str, parent: QWidget) -> QLabel:
    """A wrapping label. An empty label gets no accessible name, so it reads its text once filled."""
    widget = QLabel(text, parent)
    widget.setObjectName(name)
    widget.setWordWrap(True)
    if text:
        widget.setAccessibleName(text)
    return widget
