"""The fee policy a client was shown when booking (a snapshot, never today's)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta

from .money import Money
from .notice import hours_phrase, notice_decision
from .timefmt import format_instant
from .wording import NOT_COVERED_BY_INSURANCE

__all__ = ["NOT_COVERED_BY_INSURANCE", "DEFAULT_POLICY", "FeePolicySnapshot", "WorryFreeLines", "worry_free_lines",
           "full_policy_text", "own_text_problem", "OWN_TEXT_HEADING", "BookingTerms", "booking_terms"]


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


def _grace_phrase(policy: FeePolicySnapshot) -> str:
    minutes = int(policy.grace.total_seconds() // 60)
    return "1 minute" if minutes == 1 else f"{minutes} minutes"


OWN_TEXT_HEADING = "From your provider"


def full_policy_text(policy: FeePolicySnapshot, own_text: str = "") -> str:
    """The whole policy a client reads, built from the policy's fields so that it cannot say
    anything else than the summary (:func:`worry_free_lines`) and the rules that apply it; the
    provider's own words (``own_text``, no amounts: :func:`own_text_problem`) follow under
    their heading. ``own_text`` of a version saved before this rule may still hold amounts."""
    notice, grace = hours_phrase(policy.notice), _grace_phrase(policy)
    lines = worry_free_lines(policy)
    sections = [
        "Worry-free booking",
        lines.notice,
        f"Within {notice} of the start you cannot cancel yourself: send your provider a "
        "late-cancellation request from the appointment. Your provider may approve it with a "
        f"late-cancellation fee of {policy.late_cancellation_fee.format()}, waive the fee, or decline; "
        "you are told which.",
        f"If you have not arrived {grace} after the start and did not cancel, the appointment may be "
        f"marked as a no-show, with a no-show fee of {policy.no_show_fee.format()}.",
        lines.insurance + " If you think a fee is wrong, you can dispute it from Billing.",
        "When your provider cancels, there is never a fee.",
    ]
    own = own_text.strip()
    if own:
        sections += [OWN_TEXT_HEADING, own]
    return "\n\n".join(sections)


# Amounts and durations belong in the policy's fields, where the rules read them: prose that
# repeats one goes stale the day a field changes (and then contradicts the summary).
_NUMBER = r"\d+(?:[.,]\d+)*"
_AMOUNT = re.compile(
    rf"[$€£¥]\s*{_NUMBER}|{_NUMBER}\s*[$€£¥]"
    rf"|\b(?:USD|EUR|GBP|CAD|AUD|CHF)\s*{_NUMBER}|\b{_NUMBER}\s*(?:USD|EUR|GBP|CAD|AUD|CHF)\b"
    rf"|\b{_NUMBER}\s*(?:hours?|hrs?|h|minutes?|mins?|dollars?|euros?|pounds?)\b",
    re.IGNORECASE)


def own_text_problem(text: str) -> str | None:
    """Why the provider's own policy text cannot be saved as it is, or ``None``."""
    found = _AMOUNT.search(text)
    if found is None:
        return None
    return (f"Your own text mentions “{found.group(0).strip()}”. Fees, the notice window and the grace period "
            "come from their fields and are written into the policy for you; leave amounts and times out "
            "of your text, so the policy never contradicts itself.")


@dataclass(frozen=True)
class BookingTerms:
    """What booking (or moving to) a time means for cancelling it, told before confirming and in
    the confirmation: never a free cancellation that the notice rule would refuse."""

    inside_window: bool  # starts within the notice window: the client cannot cancel it themselves
    deadline: datetime  # the end of free cancellation (already past when inside_window)
    policy: FeePolicySnapshot

    def sentence(self, zone: str) -> str:
        if self.inside_window:
            return (f"This appointment starts within {hours_phrase(self.policy.notice)}: you will not be able to "
                    "cancel or move it yourself. To cancel it you would ask your provider, and a late-cancellation "
                    f"fee of {self.policy.late_cancellation_fee.format()} may apply.")
        return (f"You can cancel or reschedule it free of charge until {format_instant(self.deadline, zone)} "
                f"({hours_phrase(self.policy.notice)} before the start).")


def booking_terms(start: datetime, now: datetime, policy: FeePolicySnapshot) -> BookingTerms:
    decision = notice_decision(start, now, policy.notice)
    return BookingTerms(not decision.allowed, start - policy.notice, policy)
