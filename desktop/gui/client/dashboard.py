"""Dashboard: Your next appointment and what needs your attention."""

from __future__ import annotations

from ...services.result import Change
from ..widgets.page import Page, muted, page_layout


class DashboardPage(Page):
    title = "Dashboard"
    interests = Change.APPOINTMENTS

    def __init__(self, ctx, parent=None) -> None:
        super().__init__(ctx, parent)
        layout = page_layout(self, self.title)
        layout.addWidget(muted("Your next appointment and what needs your attention.", self))
        layout.addStretch(1)
