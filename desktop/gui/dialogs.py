"""Messages to the user that never block the event loop (``open()``, not ``exec()``)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from ..services.errors import AccountChanged, DatabaseUnavailable, ServiceError


def show_error(parent: QWidget | None, error: ServiceError | str, title: str | None = None) -> QMessageBox | None:
    if isinstance(error, AccountChanged) and (bus := _session_bus(parent)) is not None:
        bus.account_changed.emit(error)  # a read refused the account: the session signs out instead
        return None
    if isinstance(error, DatabaseUnavailable) and (bus := _session_bus(parent)) is not None:
        bus.unavailable.emit(error)  # the window's one banner says it, not a box per refusal
        return None
    text = error.message if isinstance(error, ServiceError) else str(error)
    heading = title or (error.title if isinstance(error, ServiceError) else "Something went wrong")
    box = QMessageBox(QMessageBox.Icon.Warning, heading, text, QMessageBox.StandardButton.Ok, parent)
    box.setObjectName("errorBox")
    box.setAccessibleName(heading)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box


def _session_bus(widget: QWidget | None):
    """The change bus of the session ``widget`` belongs to (its page's or window's context)."""
    while widget is not None:
        ctx = getattr(widget, "ctx", None)
        if ctx is not None and hasattr(ctx, "bus"):
            return ctx.bus
        widget = widget.parentWidget()
    return None


def show_info(parent: QWidget | None, title: str, text: str) -> QMessageBox:
    box = QMessageBox(QMessageBox.Icon.Information, title, text, QMessageBox.StandardButton.Ok, parent)
    box.setObjectName("infoBox")
    box.open()
    return box
