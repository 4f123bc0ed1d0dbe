"""A page of a role window: knows which changes concern it and refreshes from a query."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from ...services.errors import AccountChanged, DatabaseUnavailable
from ...services.result import Change
from ..context import AppContext


class Page(QWidget):
    title = "Page"
    interests: Change = Change.NONE  # refresh when any of these change

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._stale = True

    def refresh(self) -> None:
        """Re-read what the page shows. Subclasses query services and fill their models."""

    def mark_stale(self) -> None:
        self._stale = True
        if self.isVisible():
            self.refresh_now()

    def refresh_now(self) -> None:
        if self.ctx.bus.unreachable:
            self._stale = True  # the server is gone: keep what is shown, re-read when it is back
            return
        self._stale = False
        try:
            self.refresh()
        except AccountChanged as exc:  # every page's read: the account changed, the session ends
            self.ctx.bus.account_changed.emit(exc)
        except DatabaseUnavailable as exc:  # the server went away: the banner says so
            self._stale = True
            self.ctx.bus.unavailable.emit(exc)

    def showEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        if self._stale:
            self.refresh_now()
        super().showEvent(event)


def heading(text: str, parent: QWidget | None = None) -> QLabel:
    label = QLabel(text, parent)
    label.setProperty("role", "heading")
    label.setAccessibleName(text)
    return label


def muted(text: str, parent: QWidget | None = None) -> QLabel:
    label = QLabel(text, parent)
    label.setProperty("muted", True)
    label.setWordWrap(True)
    return label


def page_layout(page: QWidget, title: str) -> QVBoxLayout:
    layout = QVBoxLayout(page)
    layout.setContentsMargins(24, 20, 24, 20)
    layout.setSpacing(12)
    layout.addWidget(heading(title, page))
    return layout


def card(parent: QWidget, name: str, title: str | None = None, *,
         margins: tuple[int, int, int, int] = (16, 14, 16, 14)) -> tuple[QFrame, QVBoxLayout]:
    """A white panel (the theme's ``card``) with an optional subheading; returns it and its layout."""
    frame = QFrame(parent)
    frame.setObjectName(name)
    frame.setProperty("card", True)
    box = QVBoxLayout(frame)
    box.setContentsMargins(*margins)
    if title:
        frame.setAccessibleName(title)
        label = QLabel(title, frame)
        label.setProperty("role", "subheading")
        box.addWidget(label)
    return frame, box
