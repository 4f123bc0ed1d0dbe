"""The fee policy a client was shown when booking (a snapshot, never today's)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from .money import Money
from .notice import hours_phrase
from .wording import NOT_COVERED_BY_INSURANCE

__all__ = ["NOT_COVERED_BY_INSURANCE", "DEFAULT_POLICY", "FeePolicySnapshot", "WorryFreeLines", "worry_free_lines"]


@dataclass(frozen=True)
class FeePolicySnapshot:
    version: int
    notice: timedelta
    late_cancellation_fee: Money
    no_show_fee: Money
    grace: timedelta  # after the start, before a no-show may be marked

    def __post_init__(self) -> None:
        if self.late_cancellation_fee.currency != self.no_show_fee.currency:
            raise ValueError("a policy's fees share one currency")
        if self.late_cancellation_fee.cents < 0 or self.no_show_fee.cents < 0:
            raise ValueError("fees cannot be negative")
        if self.notice < timedelta(0) or self.grace < timedelta(0):
            raise ValueError("notice and grace cannot be negative")

    @property
    def currency(self) -> str:
        return self.late_cancellation_fee.currency


DEFAULT_POLICY = FeePolicySnapshot(
    version=1,
    notice=timedelta(hours=24),
    late_cancellation_fee=Money(5000, "USD"),
    no_show_fee=Money(7500, "USD"),
    grace=timedelta(minutes=15),
)


@dataclass(frozen=True)
class WorryFreeLines:
    """What the booking page's Worry-free booking section says: one wording, used by the
    client's booking page and the provider's preview of it."""

    notice: str
    late_cancellation_fee: str
    no_show_fee: str
    insurance: str


def worry_free_lines(policy: FeePolicySnapshot) -> WorryFreeLines:
    minutes = int(policy.grace.total_seconds() // 60)
    return WorryFreeLines(
        notice=f"Cancel or reschedule free of charge up to {hours_phrase(policy.notice)} before your appointment.",
        late_cancellation_fee=(f"Late-cancellation fee: {policy.late_cancellation_fee.format()} "
                               "(only if your provider approves a late cancellation)"),
        no_show_fee=f"No-show fee: {policy.no_show_fee.format()} (after {minutes} minutes without you)",
        insurance=NOT_COVERED_BY_INSURANCE + ".",
    )
