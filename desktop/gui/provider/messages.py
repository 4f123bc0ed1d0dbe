"""Messages: conversations with clients, unread counts, replies; a thread tied to an
appointment or a charge shows it."""

from __future__ import annotations

from ...rules.timefmt import format_range
from ...services import provider
from ...services.errors import ServiceError
from ...services.messaging import ThreadRow
from ...services.result import Change
from ..widgets.inbox import KIND_LABELS, Inbox
from ..widgets.page import Page, muted, page_layout


def thread_text(row) -> str:
    unread = f"  ({row.unread} unread)" if row.unread else ""
    kind = KIND_LABELS.get(row.kind)
    return f"{row.other_party}: {row.subject}{unread}\n{(kind + ' · ') if kind else ''}{row.last_message}"


class ProviderMessagesPage(Page):
    title = "Messages"
    interests = Change.MESSAGES | Change.LATE_REQUESTS | Change.CHARGES

    def __init__(self, ctx, parent=None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("providerMessagesPage")
        layout = page_layout(self, self.title)
        self.summary = muted("", self)
        self.summary.setObjectName("messagesSummary")
        layout.addWidget(self.summary)
        self.inbox = Inbox(ctx, self.summary, thread_text, context=self._context, parent=self,
                           empty="No conversations yet. Messages from your clients, their late-cancellation "
                                 "requests and fee disputes are listed here.")
        self.model, self.list, self.view = self.inbox.model, self.inbox.list, self.inbox.view
        self.context_label = self.inbox.context_label
        layout.addWidget(self.inbox, 1)

    def refresh_now(self) -> None:
        super().refresh_now()
        self.inbox.refresh()

    def open_thread(self, thread_id: int) -> None:
        self.inbox.open_thread(thread_id)

    def _context(self, thread: ThreadRow) -> str:
        """Run on the reader (with the thread's messages): read services and wording only."""
        zone = self.ctx.actor.time_zone
        try:
            if thread.appointment_id is not None:
                d = provider.appointment_detail(self.ctx.actor, thread.appointment_id, now=self.ctx.service_now())
                return f"About the appointment {format_range(d.start, d.end, zone)}: {d.status_label}."
            if thread.charge_id is not None:
                return "About the charge: " + provider.charge_summary(self.ctx.actor, thread.charge_id)
        except ServiceError as exc:
            return exc.message
        return ""
