"""Billing: Fees and your balance."""

from __future__ import annotations

from ...services.result import Change
from ..widgets.page import Page, muted, page_layout


class BillingPage(Page):
    title = "Billing"
    interests = Change.CHARGES

    def __init__(self, ctx, parent=None) -> None:
        super().__init__(ctx, parent)
        layout = page_layout(self, self.title)
        layout.addWidget(muted("Fees and your balance.", self))
        layout.addStretch(1)
