"""Rule 5: repeating appointments (RFC 5545 RRULE) and cancelling a series.

Recurrence is wall-clock in the series' own time zone (every Tuesday at 10:00
in New York stays 10:00 across DST); each occurrence is then fixed as a UTC
instant, which is what the notice rule compares.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from dateutil import rrule

from .instants import require_aware
from .limits import MAX_OCCURRENCES, MAX_SERIES_YEARS
from .notice import DEFAULT_NOTICE, NoticeDecision, notice_decision


class Frequency(enum.Enum):
    WEEKLY = "weekly"
    EVERY_2_WEEKS = "every_2_weeks"
    MONTHLY_BY_WEEKDAY = "monthly_by_weekday"  # e.g. the second Tuesday of every month

    @property
    def label(self) -> str:
        return {
            Frequency.WEEKLY: "Every week",
            Frequency.EVERY_2_WEEKS: "Every 2 weeks",
            Frequency.MONTHLY_BY_WEEKDAY: "Every month (same weekday)",
        }[self]


_WEEKDAYS = (rrule.MO, rrule.TU, rrule.WE, rrule.TH, rrule.FR, rrule.SA, rrule.SU)
_BYDAY = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")


def nth_weekday_of_month(day: date) -> int:
    """1..4 for the first to fourth weekday of its kind; -1 for a fifth (the last)."""
    n = (day.day - 1) // 7 + 1
    return -1 if n == 5 else n


def build_rrule(frequency: Frequency, first_day: date, *, until: date | None = None,
                count: int | None = None) -> str:
    """The RRULE text (without DTSTART) for a series starting on ``first_day``, within the
    declared bounds: at most MAX_OCCURRENCES occurrences, ending within MAX_SERIES_YEARS."""
    if not isinstance(frequency, Frequency):
        choices = ", ".join(f.label for f in Frequency)
        raise ValueError(f"the repeat frequency must be one of: {choices}")
    if (until is None) == (count is None):
        raise ValueError("a series ends either on a date or after a count")
    if count is not None and not 1 <= count <= MAX_OCCURRENCES:
        raise ValueError(f"a series has between 1 and {MAX_OCCURRENCES} occurrences")
    if until is not None and until < first_day:
        raise ValueError("a series cannot end before it starts")
    if until is not None and until > _years_after(first_day, MAX_SERIES_YEARS):
        raise ValueError(f"a series ends within {MAX_SERIES_YEARS} years of its first appointment")
    byday = _BYDAY[first_day.weekday()]
    if frequency is Frequency.WEEKLY:
        parts = ["FREQ=WEEKLY", "INTERVAL=1", f"BYDAY={byday}"]
    elif frequency is Frequency.EVERY_2_WEEKS:
        parts = ["FREQ=WEEKLY", "INTERVAL=2", f"BYDAY={byday}"]
    else:
        parts = ["FREQ=MONTHLY", "INTERVAL=1", f"BYDAY={nth_weekday_of_month(first_day)}{byday}"]
    if count is not None:
        parts.append(f"COUNT={count}")
    else:
        # UNTIL is inclusive of the whole end day, in the series' local time.
        parts.append(f"UNTIL={until:%Y%m%d}T235959")
        first = datetime.combine(first_day, time(0))
        if rrule.rrulestr(";".join(parts), dtstart=first).count() > MAX_OCCURRENCES:
            raise ValueError(f"a series has at most {MAX_OCCURRENCES} occurrences; end it earlier")
    return ";".join(parts)


def _years_after(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


class UnreadableRule(ValueError):
    """A stored series cannot be expanded: its rule, first start or zone is not one we write."""


# What build_rrule writes (and end_rule_before keeps); anything else is not ours to expand —
# FREQ=SECONDLY or BYHOUR would multiply occurrences beyond any horizon.
_STORED_PARTS = frozenset({"FREQ", "INTERVAL", "BYDAY", "COUNT", "UNTIL", "WKST"})
_STORED_FREQUENCIES = frozenset({"WEEKLY", "MONTHLY"})
MAX_STORED_INTERVAL = 12


def _whole_between(text: str, low: int, high: int) -> bool:
    return text.isascii() and text.isdigit() and low <= int(text) <= high


def read_stored(rule_text: str, first_local: str, zone_name: str) -> datetime:
    """Check a stored series before expanding it; returns its first wall-clock start.
    Raises :class:`UnreadableRule` saying what is wrong."""
    try:
        ZoneInfo(zone_name)
    except (KeyError, ValueError, OSError) as exc:
        raise UnreadableRule(f"unknown time zone {zone_name!r}") from exc
    try:
        first = datetime.fromisoformat(first_local)
    except (TypeError, ValueError) as exc:
        raise UnreadableRule(f"first start {first_local!r} is not a date and time") from exc
    if first.tzinfo is not None:
        raise UnreadableRule(f"first start {first_local!r} carries a zone; it is wall-clock time")
    parts = [p for p in str(rule_text).split(";") if p]
    keys = [p.split("=", 1)[0].upper() for p in parts]
    if any("=" not in p for p in parts) or not set(keys) <= _STORED_PARTS or len(keys) != len(set(keys)):
        raise UnreadableRule(f"rule {rule_text!r} is not one Practice Desk writes")
    values = rule_parts(rule_text)
    if values.get("FREQ") not in _STORED_FREQUENCIES:
        raise UnreadableRule(f"rule {rule_text!r} repeats neither weekly nor monthly")
    if not _whole_between(values.get("INTERVAL", "1"), 1, MAX_STORED_INTERVAL):
        raise UnreadableRule(f"rule {rule_text!r} has an interval outside 1 to {MAX_STORED_INTERVAL}")
    if "COUNT" in values and not _whole_between(values["COUNT"], 1, MAX_OCCURRENCES):
        raise UnreadableRule(f"rule {rule_text!r} has a count outside 1 to {MAX_OCCURRENCES}")
    try:
        rrule.rrulestr(rule_text, dtstart=first)
    except (ValueError, TypeError, OverflowError) as exc:
        raise UnreadableRule(f"rule {rule_text!r}: {exc}") from exc
    return first


def local_to_utc(local: datetime, zone: ZoneInfo) -> datetime:
    """Fix a wall-clock time in ``zone`` as a UTC instant.

    An ambiguous time (autumn fall-back) takes its first occurrence; a time that
    does not exist (spring-forward gap) moves forward by the gap, as RFC 5545 says.
    """
    # fold=0 takes the first of an ambiguous pair and, in a gap, the UTC offset
    # in force before the gap (PEP 495), so a nonexistent time lands later.
    return local.replace(tzinfo=zone, fold=0).astimezone(UTC)


@dataclass(frozen=True)
class Occurrence:
    start: datetime  # UTC
    end: datetime  # UTC
    local_start: datetime  # naive wall-clock in the series' zone


def expand(rule_text: str, first_local: datetime, zone_name: str, duration: timedelta, *,
           window_start: datetime, window_end: datetime) -> list[Occurrence]:
    """Occurrences whose start lies in [window_start, window_end) (UTC instants).

    Used by the services to materialise rows; never while painting.
    """
    require_aware(window_start, "window_start")
    require_aware(window_end, "window_end")
    if first_local.tzinfo is not None:
        raise ValueError("first_local is a naive wall-clock time in the series' zone")
    zone = ZoneInfo(zone_name)
    rule = rrule.rrulestr(rule_text, dtstart=first_local)
    # Pad the local search window by a day either side: offsets never exceed that.
    lo = window_start.astimezone(zone).replace(tzinfo=None) - timedelta(days=1)
    hi = window_end.astimezone(zone).replace(tzinfo=None) + timedelta(days=1)
    out = []
    for local in rule.between(lo, hi, inc=True):
        start = local_to_utc(local, zone)
        if window_start <= start < window_end:
            out.append(Occurrence(start, start + duration, local))
    return out


def rule_parts(rule_text: str) -> dict[str, str]:
    return dict(part.split("=", 1) for part in rule_text.upper().split(";") if "=" in part)


def rule_summary(rule_text: str, first_local: datetime) -> str:
    """A short human description, e.g. 'Every 2 weeks on Tuesday, 10 times'."""
    parts = rule_parts(rule_text)
    weekday = first_local.strftime("%A")
    if parts.get("FREQ") == "MONTHLY":
        n = nth_weekday_of_month(first_local.date())
        ordinal = {1: "first", 2: "second", 3: "third", 4: "fourth", -1: "last"}[n]
        text = f"Every month on the {ordinal} {weekday}"
    elif parts.get("INTERVAL") == "2":
        text = f"Every 2 weeks on {weekday}"
    else:
        text = f"Every week on {weekday}"
    if "COUNT" in parts:
        text += f", {parts['COUNT']} times"
    elif "UNTIL" in parts:
        until = datetime.strptime(parts["UNTIL"][:8], "%Y%m%d")
        text += f", until {until:%-d %b %Y}"
    return text


def frequency_of(rule_text: str) -> Frequency:
    """The frequency a rule built by :func:`build_rrule` repeats at (what the edit form preselects)."""
    parts = rule_parts(rule_text)
    if parts.get("FREQ") == "MONTHLY":
        return Frequency.MONTHLY_BY_WEEKDAY
    return Frequency.EVERY_2_WEEKS if parts.get("INTERVAL") == "2" else Frequency.WEEKLY


def end_rule_before(rule_text: str, day: date) -> str:
    """The same rule, ending on the day before ``day`` (a count becomes an end date).

    ``day`` is the local day of one of the rule's occurrences (the first one cancelled or
    replaced), so the rule ran at least until then and ending it earlier never extends it.
    """
    parts = [p for p in rule_text.split(";") if not p.upper().startswith(("COUNT=", "UNTIL="))]
    last = day - timedelta(days=1)
    # UNTIL is inclusive of the whole end day, in the series' local time (as build_rrule writes it).
    parts.append(f"UNTIL={last:%Y%m%d}T235959")
    return ";".join(parts)


# A changed series may start a little earlier than the occurrence it replaces, within that
# occurrence's week: a week or more earlier would land on (or before) the previous occurrence
# of a weekly series, which is not being replaced.
CHANGED_SERIES_EARLIEST = timedelta(days=6)


def earliest_changed_start(replaced_day: date) -> date:
    """The first local day a series changed from the occurrence on ``replaced_day`` may start."""
    return replaced_day - CHANGED_SERIES_EARLIEST


@dataclass(frozen=True)
class PlannedOccurrence:
    id: int
    start: datetime
    decision: NoticeDecision


@dataclass(frozen=True)
class SeriesCancellationPlan:
    cancel: tuple[PlannedOccurrence, ...]
    stay: tuple[PlannedOccurrence, ...]  # inside the notice window: late-cancellation request instead

    @property
    def anything_to_cancel(self) -> bool:
        return bool(self.cancel)


@dataclass(frozen=True)
class OccurrenceState:
    id: int
    start: datetime  # UTC
    is_scheduled: bool  # False for ones already cancelled / no-show


def plan_series_cancellation(occurrences: Iterable[OccurrenceState], now: datetime,
                             notice: timedelta = DEFAULT_NOTICE) -> SeriesCancellationPlan:
    """"Cancel all upcoming": the upcoming scheduled occurrences split into those
    the notice rule still allows (cancelled) and those inside the window (stay).
    Past or started occurrences and ones no longer scheduled are never touched."""
    require_aware(now, "now")
    cancel: list[PlannedOccurrence] = []
    stay: list[PlannedOccurrence] = []
    for occ in sorted(occurrences, key=lambda o: o.start):
        if not occ.is_scheduled or occ.start <= now:
            continue
        decision = notice_decision(occ.start, now, notice)
        (cancel if decision.allowed else stay).append(PlannedOccurrence(occ.id, occ.start, decision))
    return SeriesCancellationPlan(tuple(cancel), tuple(stay))


def day_bounds_utc(day: date, zone_name: str) -> tuple[datetime, datetime]:
    """The UTC instants that bound a local calendar day (23 or 25 hours on DST days)."""
    zone = ZoneInfo(zone_name)
    start = datetime.combine(day, time(0), tzinfo=zone).astimezone(UTC)
    end = datetime.combine(day + timedelta(days=1), time(0), tzinfo=zone).astimezone(UTC)
    return start, end
