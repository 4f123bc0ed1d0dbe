"""Fee requests: Fee-adjustment requests from providers."""

from __future__ import annotations

from ...services.result import Change
from ..widgets.page import Page, muted, page_layout


class QueuePage(Page):
    title = "Fee requests"
    interests = Change.ADJUSTMENTS | Change.CHARGES

    def __init__(self, ctx, parent=None) -> None:
        super().__init__(ctx, parent)
        layout = page_layout(self, self.title)
        layout.addWidget(muted("Fee-adjustment requests from providers.", self))
        layout.addStretch(1)
