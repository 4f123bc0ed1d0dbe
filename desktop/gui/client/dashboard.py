"""Dashboard: the next appointment (with its Edit button) and what needs attention."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout

from ...rules import telehealth
from ...services import client_portal, waitlist
from ...services.result import Change
from ..widgets.page import Page, muted, page_layout
from ..widgets.page import card as titled_card
from .controls import button, label
from .flows import ClientFlows
from .rows import when
from .video import JoinVideo
from .waitlist import OffersCard


class DashboardPage(Page):
    title = "Dashboard"
    interests = Change.APPOINTMENTS | Change.MESSAGES | Change.LATE_REQUESTS

    def __init__(self, ctx, parent=None) -> None:
        super().__init__(ctx, parent)
        self.flows = ClientFlows(self)
        self.data: client_portal.DashboardData | None = None
        layout = page_layout(self, self.title)
        self.summary = muted("", self)
        self.summary.setObjectName("dashboardSummary")
        layout.addWidget(self.summary)

        card, box = titled_card(self, "nextCard", "Next appointment", margins=(18, 14, 18, 14))
        self.next_when = label("", "nextWhen", card)
        self.next_when.setStyleSheet("font-size: 14pt; font-weight: 600;")
        self.next_provider = label("", "nextProvider", card)
        self.next_place = label("", "nextPlace", card)
        self.next_notice = label("", "nextNotice", card)
        self.next_pending = label("", "nextPending", card)
        self.next_video = label("", "nextVideo", card)
        for w in (self.next_when, self.next_provider, self.next_place, self.next_notice, self.next_pending,
                  self.next_video):
            box.addWidget(w)
        line = QHBoxLayout()
        self.join_button = button(telehealth.JOIN_LABEL, "joinVideoButton", card, primary=True)
        self.join = JoinVideo(ctx, self.join_button, self._video_line)
        line.addWidget(self.join_button)
        self.edit_button = button("&Edit", "nextEditButton", card)
        self.edit_button.setAccessibleName("Edit next appointment")
        self.edit_button.clicked.connect(self._edit)
        self.book_button = button("&Book an appointment", "dashboardBookButton", card, primary=True)
        self.book_button.clicked.connect(lambda: self.window().go_to("book").begin_booking(None))
        line.addWidget(self.edit_button)
        line.addWidget(self.book_button)
        line.addStretch(1)
        box.addLayout(line)
        layout.addWidget(card)
        self.offers = OffersCard(self.ctx, self, on_refused=self.refresh_now)
        layout.addWidget(self.offers)

        more = QHBoxLayout()
        self.all_button = button("See all a&ppointments", "seeAllAppointmentsButton", self)
        self.all_button.clicked.connect(lambda: self.window().go_to("appointments"))
        self.messages_button = button("&Messages", "dashboardMessagesButton", self)
        self.messages_button.clicked.connect(lambda: self.window().go_to("messages"))
        more.addWidget(self.all_button)
        more.addWidget(self.messages_button)
        more.addStretch(1)
        layout.addLayout(more)
        layout.addStretch(1)

    def loader(self):
        actor, now = self.ctx.actor, self.ctx.service_now()
        return lambda: (client_portal.dashboard(actor, now=now), waitlist.my_offers(actor, now=now))

    def show_loaded(self, loaded) -> None:
        data, offers = loaded
        self.data = data
        self.offers.show_offers(offers)
        zone = self.ctx.actor.time_zone
        unread = f"{data.unread_messages} unread message{'s' if data.unread_messages != 1 else ''}"
        self.summary.setText(f"{data.upcoming_count} upcoming appointment{'s' if data.upcoming_count != 1 else ''}"
                             f" · {unread} · times in {zone}")
        self.messages_button.setText(f"&Messages ({data.unread_messages} unread)" if data.unread_messages
                                     else "&Messages")
        self.messages_button.setAccessibleName(self.messages_button.text().replace("&", ""))
        row = data.next
        self.join.show_rows([row] if row is not None else [])
        self.edit_button.setVisible(row is not None)
        self.book_button.setVisible(row is None)
        if row is None:
            self.next_when.setText("No upcoming appointments")
            for w in (self.next_provider, self.next_place, self.next_notice, self.next_pending):
                w.setText("")
            return
        self.next_when.setText(when(row, zone))
        self.next_provider.setText(f"{row.service_name} with {row.provider_name}")
        self.next_place.setText(row.place)
        self.next_notice.setText(row.notice_line(zone))
        self.next_notice.setProperty("error", not row.decision.allowed)
        self.next_notice.style().polish(self.next_notice)
        # What became of a late-cancellation request for it: waiting, or the provider's answer and when.
        line = row.late_request_line(zone)
        if row.pending_late_request:
            line = "Late-cancellation request sent: your provider will answer in Messages."
        self.next_pending.setText(line)
        self.next_pending.setVisible(bool(line))
        for w in (self.next_when, self.next_provider, self.next_place, self.next_notice):
            w.setAccessibleName(w.text())

    def _video_line(self) -> None:
        """The video session's line under the next appointment, as of the window's clock."""
        row = self.data.next if self.data is not None else None
        text = "" if row is None or not row.is_scheduled else telehealth.join_line(
            row.telehealth, row.video_link, row.start, row.end, self.ctx.now(), self.ctx.actor.time_zone)
        self.next_video.setText(text)
        self.next_video.setAccessibleName(text)
        self.next_video.setVisible(bool(text))

    def _edit(self) -> None:
        if self.data is not None and self.data.next is not None:
            self.flows.edit(self.data.next.id)
