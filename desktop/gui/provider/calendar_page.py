"""Calendar: Your appointments by day, week and month."""

from __future__ import annotations

from ...services.result import Change
from ..widgets.page import Page, muted, page_layout


class CalendarPage(Page):
    title = "Calendar"
    interests = Change.APPOINTMENTS

    def __init__(self, ctx, parent=None) -> None:
        super().__init__(ctx, parent)
        layout = page_layout(self, self.title)
        layout.addWidget(muted("Your appointments by day, week and month.", self))
        layout.addStretch(1)
