"""The provider workspace: calendar, urgent items, requests, messages, disputes, booking page; for the
owner also the practice calendar and people."""

from __future__ import annotations

from ...services import urgent
from ...services.result import Change
from ..context import AppContext
from ..practice.calendar_page import PracticeCalendarPage
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
        self._update_urgent_badge()

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
