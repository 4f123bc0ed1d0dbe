"""Rule 4: which fee a cancellation or no-show carries."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field

from .money import Money
from .policy import FeePolicySnapshot
from .wording import NOT_COVERED_BY_INSURANCE, PROVIDER_CANCELLATION_RULE


class FeeKind(enum.StrEnum):
    LATE_CANCELLATION = "late_cancellation"
    NO_SHOW = "no_show"

    @property
    def label(self) -> str:
        return {FeeKind.LATE_CANCELLATION: "Late cancellation", FeeKind.NO_SHOW: "No-show"}[self]


class CancellationBy(enum.Enum):
    CLIENT_WITH_NOTICE = "client_with_notice"
    CLIENT_LATE = "client_late"  # approved late-cancellation request
    NO_SHOW = "no_show"
    PROVIDER = "provider"




@dataclass(frozen=True)
class FeeDecision:
    kind: FeeKind | None
    amount: Money
    waived: bool
    # Cancellation and no-show fees are self-pay by rule: nothing that bills
    # insurance may include them. The flag is a constant so no caller can set it.
    insurance_billable: bool = field(default=False, init=False)
    note: str = ""

    @property
    def charges(self) -> bool:
        return self.kind is not None and self.amount.cents > 0


def fee_decision(by: CancellationBy, policy: FeePolicySnapshot, *, waive: bool = False) -> FeeDecision:
    zero = Money.zero(policy.currency)
    if by is CancellationBy.PROVIDER:
        return FeeDecision(None, zero, False, note=PROVIDER_CANCELLATION_RULE)
    if by is CancellationBy.CLIENT_WITH_NOTICE:
        return FeeDecision(None, zero, False, note="Cancelled with enough notice: no fee.")
    kind = FeeKind.LATE_CANCELLATION if by is CancellationBy.CLIENT_LATE else FeeKind.NO_SHOW
    amount = policy.late_cancellation_fee if kind is FeeKind.LATE_CANCELLATION else policy.no_show_fee
    if waive:
        return FeeDecision(kind, zero, True, note=f"{kind.label} fee waived by the provider.")
    return FeeDecision(kind, amount, False, note=f"{kind.label} fee of {amount.format()}. {NOT_COVERED_BY_INSURANCE}.")


@dataclass(frozen=True)
class AdjustmentCheck:
    ok: bool
    why: str = ""


def check_adjustment(original: Money, current: Money, new_amount: Money) -> AdjustmentCheck:
    """Rule 7: Support may lower a fee to anything between 0 and the original, never above."""
    if new_amount.currency != original.currency:
        return AdjustmentCheck(False, f"The fee is in {original.currency}, not {new_amount.currency}.")
    if new_amount.cents < 0:
        return AdjustmentCheck(False, "A fee cannot be adjusted below zero.")
    if new_amount.cents > original.cents:
        return AdjustmentCheck(False, f"A fee cannot be raised above its original {original.format()}.")
    if new_amount == current:
        return AdjustmentCheck(False, f"The fee is already {current.format()}.")
    return AdjustmentCheck(True)
