"""The front desk's window: the practice calendar, read-only, and nothing clinical."""

from __future__ import annotations

from ..context import AppContext
from ..widgets.navwindow import NavigationWindow
from .calendar_page import PracticeCalendarPage


class FrontDeskWindow(NavigationWindow):
    def __init__(self, ctx: AppContext) -> None:
        super().__init__(ctx, "Front desk")
        self.setObjectName("frontDeskWindow")
        self.add_page("practice", PracticeCalendarPage(ctx))
