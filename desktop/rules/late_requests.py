"""Rule 2: what a provider may decide on a late-cancellation request, and why not.

The request inbox enables the decisions :func:`late_decisions` returns and shows the
approval refusal's message; the service raises the same refusal.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import datetime

from .money import Money
from .timefmt import format_instant
from .vocabulary import AppointmentStatus, LateRequestStatus


class LateDecision(enum.Enum):
    """A provider's answer; its value is the status the request is stored with."""

    APPROVE_WITH_FEE = LateRequestStatus.APPROVED_WITH_FEE
    APPROVE_WAIVE = LateRequestStatus.APPROVED_WAIVED
    DECLINE = LateRequestStatus.DECLINED

    @property
    def status(self) -> LateRequestStatus:
        return self.value

    @property
    def approves(self) -> bool:
        """Approving late-cancels the appointment; declining leaves it standing."""
        return self is not LateDecision.DECLINE

    @property
    def label(self) -> str:
        return {LateDecision.APPROVE_WITH_FEE: "Approve with fee",
                LateDecision.APPROVE_WAIVE: "Approve and waive fee",
                LateDecision.DECLINE: "Decline"}[self]


class LateRefusalReason(enum.Enum):
    ALREADY_DECIDED = enum.auto()
    APPOINTMENT_NOT_SCHEDULED = enum.auto()  # approving needs an appointment that can still be late-cancelled


@dataclass(frozen=True)
class LateRefusal:
    reason: LateRefusalReason
    request_status: LateRequestStatus
    appointment_status: AppointmentStatus

    def message(self) -> str:
        """What the provider is told (the inbox and the service say the same)."""
        if self.reason is LateRefusalReason.ALREADY_DECIDED:
            return (f"This request was already decided ({self.request_status.value.replace('_', ' ')}); "
                    "nothing was changed.")
        return (f"The appointment is already {self.appointment_status.label.lower()}, so it can no longer be "
                "late-cancelled; decline the request to close it.")


def late_refusal(request_status: str, appointment_status: str, decision: LateDecision) -> LateRefusal | None:
    """Why ``decision`` cannot be taken on a request now, or None. Approving late-cancels the
    appointment, so it needs one that is still scheduled; declining only closes the request."""
    request, appointment = LateRequestStatus(request_status), AppointmentStatus(appointment_status)
    if request is not LateRequestStatus.PENDING:
        return LateRefusal(LateRefusalReason.ALREADY_DECIDED, request, appointment)
    if decision.approves and appointment is not AppointmentStatus.SCHEDULED:
        return LateRefusal(LateRefusalReason.APPOINTMENT_NOT_SCHEDULED, request, appointment)
    return None


def late_decisions(request_status: str, appointment_status: str) -> tuple[LateDecision, ...]:
    """The decisions the provider can take on a request now (none once it is decided)."""
    return tuple(d for d in LateDecision if late_refusal(request_status, appointment_status, d) is None)


@dataclass(frozen=True)
class LateRequestOutcome:
    """The latest late-cancellation request of one appointment, as its client reads it."""

    status: LateRequestStatus
    asked_at: datetime
    decided_at: datetime | None
    fee: Money  # the booked policy's late-cancellation fee
    reply: str = ""  # the provider's words with the decision, if any

    def sentence(self, zone: str) -> str:
        """'Your provider approved … on Tue 24 Nov, 10:00 EST; a late-cancellation fee of $50.00 applies.'"""
        asked = format_instant(self.asked_at, zone)
        if self.status is LateRequestStatus.PENDING or self.decided_at is None:
            return f"You asked to cancel on {asked}; your provider has not answered yet."
        when = format_instant(self.decided_at, zone)
        text = {
            LateRequestStatus.APPROVED_WITH_FEE: (f"Your provider approved your late cancellation on {when}; "
                                                  f"a late-cancellation fee of {self.fee.format()} applies."),
            LateRequestStatus.APPROVED_WAIVED: (f"Your provider approved your late cancellation on {when} "
                                                "and waived the fee."),
            LateRequestStatus.DECLINED: (f"Your provider declined your late-cancellation request on {when}; "
                                         "the appointment stays booked."),
            LateRequestStatus.CLOSED_CANCELLED: (f"Your provider cancelled the appointment on {when}, "
                                                 "so your request was closed; there is no fee."),
        }[self.status]
        return f"{text} “{self.reply.strip()}”" if self.reply.strip() else text


def second_request_refusal(outcome: LateRequestOutcome | None, zone: str) -> str | None:
    """Why the client cannot ask again for the same appointment, or None: one request per
    appointment — pending, it waits for the answer; decided, the answer stands (a declined client
    messages the provider instead of asking the same question again)."""
    if outcome is None:
        return None
    if outcome.status is LateRequestStatus.PENDING:
        return "You have already asked to cancel this appointment; your provider will answer soon."
    if outcome.status is LateRequestStatus.DECLINED:
        return (outcome.sentence(zone) + " You cannot ask again for the same appointment; if something has "
                "changed, send your provider a message.")
    return outcome.sentence(zone)
