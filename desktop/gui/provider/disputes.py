"""Disputes: Fees your clients dispute."""

from __future__ import annotations

from ...services.result import Change
from ..widgets.page import Page, muted, page_layout


class DisputesPage(Page):
    title = "Disputes"
    interests = Change.CHARGES

    def __init__(self, ctx, parent=None) -> None:
        super().__init__(ctx, parent)
        layout = page_layout(self, self.title)
        layout.addWidget(muted("Fees your clients dispute.", self))
        layout.addStretch(1)
