"""Rule 7 after a fee is charged: who may dispute it, ask Support about it, and what
Support's decision does to it.

Each question returns a typed decision; its refusal text is built here and nowhere
else, so the Billing and Disputes screens say exactly what the service refuses with.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from .fees import AdjustmentCheck, check_adjustment
from .money import Money
from .vocabulary import AdjustmentRequestStatus, ChargeStatus

# ---- a client disputes a fee ------------------------------------------------


class DisputeRefusal(enum.Enum):
    ALREADY_DISPUTED = enum.auto()
    WAIVED = enum.auto()  # waived, or nothing owed
    REVIEWED = enum.auto()  # Support already decided it


_DISPUTE_TEXT = {
    DisputeRefusal.ALREADY_DISPUTED:
        "This fee is already disputed; your provider will answer in the dispute conversation.",
    DisputeRefusal.WAIVED: "This fee was waived: there is nothing to dispute.",
    DisputeRefusal.REVIEWED:
        "This fee was already reviewed by Support; message your provider if you have questions.",
}


@dataclass(frozen=True)
class DisputeDecision:
    refusal: DisputeRefusal | None = None

    @property
    def allowed(self) -> bool:
        return self.refusal is None

    @property
    def why(self) -> str:
        """The refusal in the client's words ("" when the fee may be disputed)."""
        return "" if self.refusal is None else _DISPUTE_TEXT[self.refusal]


def dispute_decision(status: str, amount_cents: int) -> DisputeDecision:
    """Only an open fee that still asks for money can be disputed, and only once."""
    if status == ChargeStatus.DISPUTED:
        return DisputeDecision(DisputeRefusal.ALREADY_DISPUTED)
    if status == ChargeStatus.WAIVED or amount_cents == 0:
        return DisputeDecision(DisputeRefusal.WAIVED)
    if status != ChargeStatus.OPEN:
        return DisputeDecision(DisputeRefusal.REVIEWED)
    return DisputeDecision()


# ---- the provider asks Support to adjust ----------------------------------------


class AskSupportRefusal(enum.Enum):
    SETTLED = enum.auto()  # the charge is no longer disputed: Support decided
    ALREADY_ASKED = enum.auto()  # one request at a time per fee


_ASK_TEXT = {
    AskSupportRefusal.SETTLED: "This dispute was already settled by Support: there is nothing to ask.",
    AskSupportRefusal.ALREADY_ASKED: "Support already has a request for this fee; wait for their decision.",
}


@dataclass(frozen=True)
class AskSupportDecision:
    refusal: AskSupportRefusal | None = None

    @property
    def allowed(self) -> bool:
        return self.refusal is None

    @property
    def why(self) -> str:
        return "" if self.refusal is None else _ASK_TEXT[self.refusal]


def ask_support_decision(charge_status: str, *, request_pending: bool) -> AskSupportDecision:
    """While a fee is disputed its provider may send Support one request at a time."""
    if charge_status != ChargeStatus.DISPUTED:
        return AskSupportDecision(AskSupportRefusal.SETTLED)
    if request_pending:
        return AskSupportDecision(AskSupportRefusal.ALREADY_ASKED)
    return AskSupportDecision()


# ---- Support decides a request ---------------------------------------------------


class RequestRefusal(enum.Enum):
    ALREADY_DECIDED = enum.auto()


@dataclass(frozen=True)
class RequestDecision:
    """May Support still decide this request? Only a pending one, and only once."""

    refusal: RequestRefusal | None = None
    status: AdjustmentRequestStatus = AdjustmentRequestStatus.PENDING
    decided_by: str = ""

    @property
    def allowed(self) -> bool:
        return self.refusal is None

    @property
    def why(self) -> str:
        if self.refusal is None:
            return ""
        return f"This request was already {self.status} by {self.decided_by or 'someone'}; nothing was changed."


def request_decision(status: str, decided_by: str = "") -> RequestDecision:
    request_status = AdjustmentRequestStatus(status)
    if request_status is not AdjustmentRequestStatus.PENDING:
        return RequestDecision(RequestRefusal.ALREADY_DECIDED, request_status, decided_by)
    return RequestDecision()


@dataclass(frozen=True)
class Settlement:
    """What Support's decision makes of the fee: its new amount and the charge's status.

    ``check`` is not ok when the amount breaks rule 7 (then nothing may be written)."""

    outcome: AdjustmentRequestStatus
    old: Money
    new: Money
    charge_status: ChargeStatus
    check: AdjustmentCheck


def settle(outcome: AdjustmentRequestStatus, original: Money, current: Money,
           new_amount: Money | None = None) -> Settlement:
    """Adjusted to ``new_amount``, waived (to zero) or declined (the fee stands as it is now)."""
    if outcome is AdjustmentRequestStatus.PENDING:
        raise ValueError("a decision is adjusted, waived or declined")
    if outcome is AdjustmentRequestStatus.DECLINED:
        # A declined request leaves the fee where it is, including an earlier adjustment.
        status = ChargeStatus.ADJUSTED if current != original else ChargeStatus.OPEN
        return Settlement(outcome, current, current, status, AdjustmentCheck(True))
    new = Money.zero(original.currency) if outcome is AdjustmentRequestStatus.WAIVED else new_amount
    if new is None:
        raise ValueError("an adjustment needs its new amount")
    status = ChargeStatus.WAIVED if new.is_zero else ChargeStatus.ADJUSTED
    return Settlement(outcome, current, new, status, check_adjustment(original, current, new))


def adjustment_outcome(old: Money, new: Money) -> AdjustmentRequestStatus:
    """Read back from a recorded adjustment: a decline keeps the amount, a waiver ends at zero."""
    if old == new:
        return AdjustmentRequestStatus.DECLINED
    if new.is_zero:
        return AdjustmentRequestStatus.WAIVED
    return AdjustmentRequestStatus.ADJUSTED


# ---- the trail ----------------------------------------------------------------------


class TrailEntry(enum.StrEnum):
    """What one line of a charge's history records (shown, never stored)."""

    CREATED = "created"
    DISPUTED = "disputed"
    REQUESTED = "requested"
    ADJUSTED = "adjusted"
    WAIVED = "waived"
    DECLINED = "declined"
    MESSAGE = "message"
    OTHER = "other"

    @property
    def label(self) -> str:
        return _TRAIL_LABELS[self]

    @classmethod
    def of_outcome(cls, outcome: AdjustmentRequestStatus) -> TrailEntry:
        return {AdjustmentRequestStatus.ADJUSTED: cls.ADJUSTED, AdjustmentRequestStatus.WAIVED: cls.WAIVED,
                AdjustmentRequestStatus.DECLINED: cls.DECLINED}[outcome]


_TRAIL_LABELS = {
    TrailEntry.CREATED: "Charged",
    TrailEntry.DISPUTED: "Disputed",
    TrailEntry.REQUESTED: "Asked Support",
    TrailEntry.ADJUSTED: "Adjusted",
    TrailEntry.WAIVED: "Waived",
    TrailEntry.DECLINED: "Declined",
    TrailEntry.MESSAGE: "Message",
    TrailEntry.OTHER: "Event",
}
