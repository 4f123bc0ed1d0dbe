"""A page of a role window: knows which changes concern it and refreshes from a query.

A page declares what to load and how to show it. :meth:`Page.loader` runs on the GUI thread
and returns a function with the page's current choices bound (search text, filters); that
function runs on the reader (gui/reads.py) and returns plain values; :meth:`Page.show_loaded`
gets them back on the GUI thread. A newer refresh supersedes an older one still under way.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from ...services.errors import DatabaseUnavailable, ServiceError
from ...services.result import Change
from ..context import AppContext
from ..dialogs import show_error

PAGE_SLOT = "page"


class Page(QWidget):
    title = "Page"
    interests: Change = Change.NONE  # refresh when any of these change

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._stale = True
        self.loads = 0  # results shown (tests wait for the next one)

    def loader(self) -> Callable[[], Any] | None:
        """What to read, on the GUI thread: a function for the reader (read services only, no
        widgets) with the page's current choices bound; None when there is nothing to read."""
        return None

    def show_loaded(self, data: Any) -> None:
        """Show what :meth:`loader`'s function returned (GUI thread)."""

    def refresh(self) -> None:
        """Read again what the page shows (its result arrives later, through the reader)."""
        self.refresh_now()

    def mark_stale(self) -> None:
        self._stale = True
        if self.isVisible():
            self.refresh_now()

    def refresh_now(self) -> None:
        if self.ctx.bus.unreachable:
            self._stale = True  # the server is gone: keep what is shown, re-read when it is back
            return
        self._stale = False
        fn = self.loader()
        if fn is None:
            return
        self.read(fn, self._loaded, slot=PAGE_SLOT, on_error=self.load_failed)

    def load_failed(self, error: ServiceError) -> None:
        """The page's read was refused (not for the account: that signs out). Shown by default;
        the server gone is said once, by the window's banner, and the page keeps what it shows."""
        if isinstance(error, DatabaseUnavailable):
            self._stale = True
            self.ctx.bus.unavailable.emit(error)
            return
        show_error(self, error)

    def _loaded(self, data: Any) -> None:
        self.loads += 1
        self.show_loaded(data)

    def read(self, fn: Callable[[], Any], on_done: Callable[[Any], None], *, slot: str,
             on_error=None) -> None:
        """Run ``fn`` on the reader for one part of this page (``slot``); a newer read of the
        same slot supersedes it. A refusal of the account signs out; another refusal goes to
        ``on_error`` or is shown."""
        self.ctx.reads.run(fn, owner=self, slot=slot, on_done=on_done, on_error=on_error)

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
