"""Booking's review step: before anything is booked (or moved), when, with whom, where, the
Worry-free booking policy and what cancelling it will mean — inside the notice window, that the
client cannot cancel it themselves and the late-cancellation fee that may apply.

The terms are the rule's (``rules.policy.booking_terms``), the same the service words the
confirmation with, so the review never promises a free cancellation the rule would refuse.
Opened with ``open()``; Escape or Back closes it and nothing is written.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDialog, QFrame, QHBoxLayout, QVBoxLayout, QWidget

from ...rules.policy import FeePolicySnapshot, booking_terms, worry_free_lines
from ...rules.timefmt import format_instant, format_range
from ..widgets.page import heading, muted
from .controls import button, label
from .policy_dialog import open_policy, policy_link


@dataclass(frozen=True)
class BookingChoice:
    """What the person picked on the booking page, for the review to show."""

    start: datetime
    length: timedelta
    provider_name: str
    service_name: str
    place: str
    policy: FeePolicySnapshot
    policy_text: str
    moving_from: datetime | None = None  # rescheduling: the appointment's current start


class BookingReviewDialog(QDialog):
    confirmed = Signal()

    def __init__(self, choice: BookingChoice, zone: str, now: datetime, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.choice = choice
        moving = choice.moving_from is not None
        title = "Review the new time" if moving else "Review your booking"
        self.setObjectName("bookingReview")
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setMinimumWidth(560)
        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        layout.addWidget(heading(title, self))
        layout.addWidget(muted("Nothing is booked until you confirm.", self))

        card = QFrame(self)
        card.setProperty("card", True)
        box = QVBoxLayout(card)
        box.setContentsMargins(14, 12, 14, 12)
        when = format_range(choice.start, choice.start + choice.length, zone)
        self.when_label = label(f"When: {when}", "reviewWhen", card)
        self.with_label = label(f"With: {choice.provider_name} · {choice.service_name}", "reviewWith", card)
        self.where_label = label(f"Where: {choice.place}", "reviewWhere", card)
        for w in (self.when_label, self.with_label, self.where_label):
            box.addWidget(w)
        if moving:
            self.from_label = label(f"Instead of: {format_instant(choice.moving_from, zone)}", "reviewFrom", card)
            box.addWidget(self.from_label)
        layout.addWidget(card)

        self.terms = booking_terms(choice.start, now, choice.policy)
        self.terms_label = label(self.terms.sentence(zone), "reviewTerms", self)
        self.terms_frame = QFrame(self)
        self.terms_frame.setObjectName("reviewTermsFrame")
        # Inside the notice window the warning is the blocked notice's colours: read it before confirming.
        self.terms_frame.setProperty("notice", "blocked" if self.terms.inside_window else "info")
        terms_box = QVBoxLayout(self.terms_frame)
        terms_box.addWidget(self.terms_label)
        layout.addWidget(self.terms_frame)

        lines = worry_free_lines(choice.policy)
        policy_title = label("<b>Worry-free booking</b>", "reviewPolicyTitle", self)
        policy_title.setAccessibleName("Worry-free booking")
        layout.addWidget(policy_title)
        self.policy_lines = [label(text, f"reviewPolicy{i}", self) for i, text in enumerate(
            (lines.notice, lines.late_cancellation_fee, lines.no_show_fee, lines.insurance))]
        for w in self.policy_lines:
            layout.addWidget(w)
        self.policy_link = policy_link("Read the full policy", self)
        self.policy_link.linkActivated.connect(self._open_policy)
        layout.addWidget(self.policy_link)

        bottom = QHBoxLayout()
        self.back_button = button("&Back", "reviewBackButton", self)
        self.back_button.clicked.connect(self.reject)
        self.confirm_button = button("C&onfirm move" if moving else "C&onfirm booking", "reviewConfirmButton", self,
                                     primary=True)
        self.confirm_button.setDefault(True)
        self.confirm_button.clicked.connect(self._confirm)
        bottom.addWidget(self.back_button)
        bottom.addStretch(1)
        bottom.addWidget(self.confirm_button)
        layout.addLayout(bottom)
        self.confirm_button.setFocus()

    def _open_policy(self, _href: str = "") -> None:
        self.policy_dialog = open_policy(self, f"Worry-free booking — {self.choice.provider_name}",
                                         self.choice.policy_text)

    def _confirm(self) -> None:
        self.confirmed.emit()
        self.accept()
