"""Exports: Fees and adjustments for a date range."""

from __future__ import annotations

from ...services.result import Change
from ..widgets.page import Page, muted, page_layout


class ExportsPage(Page):
    title = "Exports"
    interests = Change.CHARGES

    def __init__(self, ctx, parent=None) -> None:
        super().__init__(ctx, parent)
        layout = page_layout(self, self.title)
        layout.addWidget(muted("Fees and adjustments for a date range.", self))
        layout.addStretch(1)
