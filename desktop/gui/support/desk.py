"""The Support desk: fee-adjustment queue, charge history, exports."""

from __future__ import annotations

from ..context import AppContext
from ..widgets.navwindow import NavigationWindow
from .exports import ExportsPage
from .queue import QueuePage


class SupportDesk(NavigationWindow):
    def __init__(self, ctx: AppContext) -> None:
        super().__init__(ctx, "Support")
        self.setObjectName("supportDesk")
        self.add_page("queue", QueuePage(ctx))
        self.add_page("exports", ExportsPage(ctx))
