"""Messages: Conversations with your clients."""

from __future__ import annotations

from ...services.result import Change
from ..widgets.page import Page, muted, page_layout


class ProviderMessagesPage(Page):
    title = "Messages"
    interests = Change.MESSAGES

    def __init__(self, ctx, parent=None) -> None:
        super().__init__(ctx, parent)
        layout = page_layout(self, self.title)
        layout.addWidget(muted("Conversations with your clients.", self))
        layout.addStretch(1)
