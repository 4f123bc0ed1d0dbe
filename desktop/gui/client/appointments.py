"""Appointments: Upcoming and past appointments."""

from __future__ import annotations

from ...services.result import Change
from ..widgets.page import Page, muted, page_layout


class AppointmentsPage(Page):
    title = "Appointments"
    interests = Change.APPOINTMENTS

    def __init__(self, ctx, parent=None) -> None:
        super().__init__(ctx, parent)
        layout = page_layout(self, self.title)
        layout.addWidget(muted("Upcoming and past appointments.", self))
        layout.addStretch(1)
