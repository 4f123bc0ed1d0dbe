"""The waitlist (issue #14, item 2): a client says on which days and between which times they
could come; when an appointment of their provider's in that range is freed (cancelled,
late-cancelled, moved), every waitlisted client it suits is offered it at once, in the order they
joined, and the first to accept books it through the normal booking rules; the others then see
it taken. An offer lasts a day, and never past an hour before the time itself.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from .timefmt import format_instant, format_range
from .vocabulary import OfferStatus

OFFER_LASTS = timedelta(hours=24)
LAST_CALL = timedelta(hours=1)  # no offer (and no acceptance) closer to the start than this
WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


@dataclass(frozen=True)
class Wish:
    """When a client could come: weekdays (0 = Monday) and a time of day range in the provider's zone."""

    weekdays: frozenset[int]
    start: time
    end: time

    def problem(self) -> str | None:
        """Why this is not a wish anyone could be offered a time for, in words; None when it is."""
        if not self.weekdays:
            return "Choose at least one day you could come."
        if any(d not in range(7) for d in self.weekdays):
            return "Days are Monday to Sunday."
        if self.end <= self.start:
            return "The latest time must be after the earliest."
        return None

    def suits(self, start: datetime, end: datetime, zone: str) -> bool:
        """Whether an appointment from ``start`` to ``end`` (UTC) lies within the wish, read on
        the provider's wall clock (a wish for "Tuesdays 9–12" means 9–12 there, in any season)."""
        tz = ZoneInfo(zone)
        local_start, local_end = start.astimezone(tz), end.astimezone(tz)
        return (local_start.weekday() in self.weekdays and local_start.date() == local_end.date()
                and self.start <= local_start.time() and local_end.time() <= self.end)

    def describe(self) -> str:
        days = ", ".join(WEEKDAY_NAMES[d] for d in sorted(self.weekdays))
        return f"{days}, {self.start:%H:%M}–{self.end:%H:%M}"


def encode_weekdays(days: frozenset[int]) -> str:
    return ",".join(str(d) for d in sorted(days))


def decode_weekdays(text: str) -> frozenset[int]:
    return frozenset(int(part) for part in text.split(",") if part.strip())


def offer_expires(offered_at: datetime, start: datetime) -> datetime:
    """A day to answer, and never later than an hour before the time itself."""
    return min(offered_at + OFFER_LASTS, start - LAST_CALL)


def worth_offering(start: datetime, now: datetime, booking_days: int) -> bool:
    """A freed time is offered only if there is time to answer and it lies in the booking page's range."""
    return start - LAST_CALL > now and start < now + timedelta(days=booking_days)


def live_status(status: str, expires_at: datetime, now: datetime) -> OfferStatus:
    """An offer's status as of ``now``: an offer not answered in time has expired."""
    state = OfferStatus(status)
    return OfferStatus.EXPIRED if state is OfferStatus.OFFERED and now >= expires_at else state


def offer_message(start: datetime, end: datetime, provider_name: str, expires_at: datetime, zone: str) -> tuple[str, str]:
    """The subject and body of the message that tells a waitlisted client about a freed time."""
    when = format_range(start, end, zone)
    subject = f"A time opened up: {when}"
    body = (f"A time you said you could come has opened up with {provider_name}: {when}. "
            f"Accept it on your dashboard before {format_instant(expires_at, zone)}. Others on the waitlist "
            "have been offered it too: the first to accept books it.")
    return subject, body


TAKEN_TEXT = "Someone else accepted this time first, or it was booked another way."
EXPIRED_TEXT = "This offer has expired."
