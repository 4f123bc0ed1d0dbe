"""The client portal: Dashboard, Appointments, Book, Messages, Billing."""

from __future__ import annotations

from ..context import AppContext
from ..widgets.navwindow import NavigationWindow
from .appointments import AppointmentsPage
from .billing import BillingPage
from .booking import BookingPage
from .dashboard import DashboardPage
from .messages import MessagesPage


class ClientPortal(NavigationWindow):
    def __init__(self, ctx: AppContext) -> None:
        super().__init__(ctx, "Client portal")
        self.setObjectName("clientPortal")
        self.add_page("dashboard", DashboardPage(ctx))
        self.add_page("appointments", AppointmentsPage(ctx))
        self.add_page("book", BookingPage(ctx))
        self.add_page("messages", MessagesPage(ctx))
        self.add_page("billing", BillingPage(ctx))
