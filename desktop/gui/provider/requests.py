"""Requests: Late-cancellation requests waiting for your decision."""

from __future__ import annotations

from ...services.result import Change
from ..widgets.page import Page, muted, page_layout


class RequestsPage(Page):
    title = "Requests"
    interests = Change.LATE_REQUESTS

    def __init__(self, ctx, parent=None) -> None:
        super().__init__(ctx, parent)
        layout = page_layout(self, self.title)
        layout.addWidget(muted("Late-cancellation requests waiting for your decision.", self))
        layout.addStretch(1)
