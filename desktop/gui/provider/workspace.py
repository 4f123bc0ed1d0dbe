"""The provider workspace: calendar, requests, messages, disputes, booking page, people."""

from __future__ import annotations

from ..context import AppContext
from ..widgets.navwindow import NavigationWindow
from .calendar_page import CalendarPage
from .disputes import DisputesPage
from .messages import ProviderMessagesPage
from .people import PeoplePage
from .policy import BookingSettingsPage
from .requests import RequestsPage


class ProviderWorkspace(NavigationWindow):
    def __init__(self, ctx: AppContext) -> None:
        super().__init__(ctx, "Provider" + (" (owner)" if ctx.actor.is_owner else ""))
        self.setObjectName("providerWorkspace")
        self.add_page("calendar", CalendarPage(ctx))
        self.add_page("requests", RequestsPage(ctx))
        self.add_page("messages", ProviderMessagesPage(ctx))
        self.add_page("disputes", DisputesPage(ctx))
        self.add_page("booking", BookingSettingsPage(ctx))
        if ctx.actor.is_owner:
            self.add_page("people", PeoplePage(ctx))
