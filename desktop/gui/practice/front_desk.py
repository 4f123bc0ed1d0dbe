"""The front desk's window: the practice calendar, read-only, and nothing clinical."""

from __future__ import annotations

from PySide6.QtGui import QKeySequence, QShortcut

from ..context import AppContext
from ..widgets.navwindow import NavigationWindow
from .calendar_page import PracticeCalendarPage


class FrontDeskWindow(NavigationWindow):
    def __init__(self, ctx: AppContext) -> None:
        super().__init__(ctx, "Front desk")
        self.setObjectName("frontDeskWindow")
        self.calendar = PracticeCalendarPage(ctx)
        self.add_page("practice", self.calendar)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Find), self, self.find)  # Ctrl+F

    def find(self) -> None:
        """Ctrl+F: find an appointment anywhere in the practice, shown on the calendar."""
        from ..provider.find import FindDialog

        self.find_dialog = FindDialog(self.ctx, self.calendar.show_found, self, practice=True)
        self.find_dialog.open()
