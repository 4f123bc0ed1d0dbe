"""Book: Your provider's open times and booking policy."""

from __future__ import annotations

from ...services.result import Change
from ..widgets.page import Page, muted, page_layout


class BookingPage(Page):
    title = "Book"
    interests = Change.APPOINTMENTS | Change.POLICY

    def __init__(self, ctx, parent=None) -> None:
        super().__init__(ctx, parent)
        layout = page_layout(self, self.title)
        layout.addWidget(muted("Your provider's open times and booking policy.", self))
        layout.addStretch(1)
