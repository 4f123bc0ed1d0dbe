"""Booking page: Your Worry-free booking policy and working hours."""

from __future__ import annotations

from ...services.result import Change
from ..widgets.page import Page, muted, page_layout


class BookingSettingsPage(Page):
    title = "Booking page"
    interests = Change.POLICY

    def __init__(self, ctx, parent=None) -> None:
        super().__init__(ctx, parent)
        layout = page_layout(self, self.title)
        layout.addWidget(muted("Your Worry-free booking policy and working hours.", self))
        layout.addStretch(1)
