"""Join video on the client's pages: which appointment can be joined now (the telehealth rule),
a single-shot timer to the next instant that changes (10 minutes before a start, an end), and
opening the link in the person's browser.

A page calls :meth:`JoinVideo.show_rows` with the rows it shows; the button appears only while
one of them is open to join, and the timer wakes the page at the next boundary by the window's
clock, so Join video appears on time without waiting for a poll.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import timedelta

from PySide6.QtCore import QObject, QTimer, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QPushButton

from ...rules import telehealth
from ...rules.timefmt import format_range
from ...services.client_portal import AppointmentRow

LONGEST_WAIT = timedelta(hours=6)  # a timer is set again at least this often (a sleeping laptop wakes late)


def open_link(link: str) -> bool:
    """The person's browser or video app opens the link (tests patch QDesktopServices.openUrl)."""
    return QDesktopServices.openUrl(QUrl(link))


class JoinVideo(QObject):
    """Drives one *Join video* button from a page's rows and the session's clock."""

    def __init__(self, ctx, button: QPushButton, on_change: Callable[[], None] | None = None) -> None:
        super().__init__(button)
        self.ctx, self.button, self.on_change = ctx, button, on_change
        self.rows: list[AppointmentRow] = []
        self.joinable: AppointmentRow | None = None
        self.timer = QTimer(self, singleShot=True, timeout=self.update)
        button.clicked.connect(self.join)
        button.setVisible(False)

    def show_rows(self, rows: Sequence[AppointmentRow]) -> None:
        self.rows = [r for r in rows if r.is_scheduled and r.telehealth]
        self.update()

    def update(self) -> None:
        """Show the button for the first row open to join now; wake at the next boundary."""
        self.timer.stop()
        now, zone = self.ctx.now(), self.ctx.actor.time_zone
        self.joinable = next((r for r in self.rows if telehealth.can_join(r.telehealth, r.video_link, r.start,
                                                                         r.end, now)), None)
        self.button.setVisible(self.joinable is not None)
        if self.joinable is not None:
            when = format_range(self.joinable.start, self.joinable.end, zone)
            self.button.setAccessibleName(f"Join video session of {when}")
            self.button.setToolTip(f"Open the video session of {when} in your browser")
        boundaries = [b for r in self.rows if (b := telehealth.next_change(r.start, r.end, now)) is not None]
        if boundaries:
            wait = min(max(min(boundaries) - now, timedelta(0)), LONGEST_WAIT)
            self.timer.start(int(wait.total_seconds() * 1000) + 1)
        if self.on_change is not None:
            self.on_change()

    def join(self) -> None:
        if self.joinable is not None and self.joinable.video_link:
            open_link(self.joinable.video_link)
