"""The Support desk: fee-adjustment queue, charge history, exports."""

from __future__ import annotations

from ..context import AppContext
from ..widgets.navwindow import NavigationWindow
from .exports import ExportsPage
from .history import HistoryPage
from .queue import QueuePage


class SupportDesk(NavigationWindow):
    def __init__(self, ctx: AppContext) -> None:
        super().__init__(ctx, "Support")
        self.setObjectName("supportDesk")
        queue = self.add_page("queue", QueuePage(ctx))
        history = self.add_page("history", HistoryPage(ctx))
        self.add_page("exports", ExportsPage(ctx))
        queue.history_requested.connect(lambda charge_id: (self.go_to("history"), history.show_charge(charge_id)))
