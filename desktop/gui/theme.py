"""The application style sheet and icon, from resources/."""

from __future__ import annotations

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from ..paths import resource


def apply_theme(app: QApplication) -> None:
    app.setStyle("Fusion")
    app.setStyleSheet(resource("theme.qss").read_text(encoding="utf-8"))
    app.setWindowIcon(QIcon(str(resource("icons/app.svg"))))
