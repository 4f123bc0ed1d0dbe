"""People: Clients, providers and Support staff."""

from __future__ import annotations

from ...services.result import Change
from ..widgets.page import Page, muted, page_layout


class PeoplePage(Page):
    title = "People"
    interests = Change.PEOPLE

    def __init__(self, ctx, parent=None) -> None:
        super().__init__(ctx, parent)
        layout = page_layout(self, self.title)
        layout.addWidget(muted("Clients, providers and Support staff.", self))
        layout.addStretch(1)
