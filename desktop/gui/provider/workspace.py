"""The provider workspace: calendar, urgent items, requests, messages, disputes, booking page; for the
owner also the practice calendar, people and reports."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from PySide6.QtGui import QKeySequence, QShortcut

from ...services import urgent
from ...services.result import Change
from ..context import AppContext
from ..practice.calendar_page import PracticeCalendarPage
from ..reports.page import ReportsPage
from ..widgets.calendar.layout import CalendarMode
from ..widgets.navwindow import NavigationWindow
from .calendar_page import CalendarPage
from .disputes import DisputesPage
from .messages import ProviderMessagesPage
from .people import PeoplePage
from .policy import BookingSettingsPage
from .requests import RequestsPage
from .urgent import UrgentPage


class ProviderWorkspace(NavigationWindow):
    def __init__(self, ctx: AppContext) -> None:
        super().__init__(ctx, "Provider" + (" (owner)" if ctx.actor.is_owner else ""))
        self.setObjectName("providerWorkspace")
        self.add_page("calendar", CalendarPage(ctx))
        self.add_page("urgent", UrgentPage(ctx))
        self.add_page("requests", RequestsPage(ctx))
        self.add_page("messages", ProviderMessagesPage(ctx))
        self.add_page("disputes", DisputesPage(ctx))
        self.add_page("booking", BookingSettingsPage(ctx))
        if ctx.actor.is_owner:
            self.add_page("practice", PracticeCalendarPage(ctx))
            self.add_page("people", PeoplePage(ctx))
            self.add_page("reports", ReportsPage(ctx))
        self._update_urgent_badge()
        QShortcut(QKeySequence(QKeySequence.StandardKey.Find), self, self.find)  # Ctrl+F

    def find(self) -> None:
        """Ctrl+F: on a page with its own Find box (People), that box; elsewhere, find an appointment."""
        page = self.current_page()
        if hasattr(page, "find_edit"):
            page.find_edit.setFocus()
            page.find_edit.selectAll()
            return
        from .find import FindDialog

        if isinstance(page, PracticeCalendarPage):  # the owner's practice calendar: every provider's
            self.find_dialog = FindDialog(self.ctx, page.show_found, self, practice=True)
        else:
            self.find_dialog = FindDialog(self.ctx, self.show_found, self)
        self.find_dialog.open()

    def show_found(self, found) -> None:
        """The calendar on the appointment's day, the appointment selected and its detail shown."""
        page = self.go_to("calendar")
        day = found.start.astimezone(ZoneInfo(self.ctx.actor.time_zone)).date()
        page.calendar.go_to(day, CalendarMode.DAY if page.calendar.mode is CalendarMode.MONTH else None)
        page.calendar.grid.selected_id = found.id
        page.show_detail(found.id)

    def on_changed(self, changes: Change) -> None:
        super().on_changed(changes)
        if changes & (Change.URGENT | Change.APPOINTMENTS):
            self._update_urgent_badge()

    def _update_urgent_badge(self) -> None:
        """Clients waiting to be contacted: counted on the navigation until handled (rule 6),
        read on the reader (a refusal of the account signs out, as a page's read does)."""
        actor = self.ctx.actor
        self.ctx.reads.run(lambda: urgent.open_urgent_count(actor), owner=self, slot="urgentBadge",
                           on_done=lambda count: self.set_badge("urgent", count))
