"""What an iCalendar (RFC 5545) file says about a series: the rule, its exceptions, its overrides.

A series is written as one event with the stored RRULE (UNTIL turned into the UTC instant RFC 5545
asks for when DTSTART carries a TZID). Its occurrence rows are then compared with the rule's
instants, in wall-clock time in the series' zone, exactly as ``rules/series.expand`` fixes them:

- a row on an instant that is kept (scheduled, or a no-show: it happened then) needs nothing;
- a row on an instant that is cancelled makes that instant an EXDATE;
- a row off the rule (moved by the provider or rescheduled by the client) is paired with the
  nearest instant that has no row and becomes an override (RECURRENCE-ID = that instant); a
  cancelled one makes its instant an EXDATE instead. The database does not keep where a moved
  occurrence came from: nearest-first pairing is deterministic, so the same rows always give the
  same RECURRENCE-IDs and another calendar program updates the same override;
- an instant before the series' horizon with no row left over (skipped because the time was
  taken when it was materialised) is an EXDATE; instants past the horizon are left to the rule
  (the horizon job makes them rows later);
- a row off the rule with no instant left to pair with is written as an event of its own.

Pure: no Qt, no peewee, no icalendar.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from itertools import islice
from zoneinfo import ZoneInfo

from dateutil import rrule

from .limits import MAX_OCCURRENCES
from .series import local_to_utc
from .vocabulary import AppointmentStatus

# The last month's appointments and every later one go into a calendar file (older ones are in
# the person's calendar already, and a file that grows for ever helps no one).
HISTORY = timedelta(days=31)
UID_DOMAIN = "practice-desk"
PRODID = "-//Practice Desk//Appointments//EN"
# How much of an existing file is read to tell whether it is one of ours (PRODID comes first).
HEAD_BYTES = 4096


def is_ours(head: bytes) -> bool:
    """Whether a file that starts with ``head`` may be replaced by a new calendar file: empty, or
    a calendar this application wrote. Anything else (another program's calendar, a document
    saved under that name) is never overwritten."""
    if not head.strip():
        return True
    text = head.lstrip(b"\xef\xbb\xbf").lstrip()
    return text.upper().startswith(b"BEGIN:VCALENDAR") and f"PRODID:{PRODID}".encode() in text


def appointment_uid(appointment_id: int) -> str:
    return f"appointment-{appointment_id}@{UID_DOMAIN}"


def series_uid(series_id: int) -> str:
    return f"series-{series_id}@{UID_DOMAIN}"


def is_kept(status: str) -> bool:
    """Whether an appointment still stands in a calendar (a no-show's time was kept by the
    practice; only a cancellation takes it off)."""
    return not AppointmentStatus(status).is_cancelled


@dataclass(frozen=True)
class FileRow:
    """One appointment as a calendar file needs it."""

    id: int
    start: datetime  # UTC
    end: datetime  # UTC
    status: str
    version: int

    @property
    def kept(self) -> bool:
        return is_kept(self.status)


@dataclass(frozen=True)
class SeriesShape:
    rule: str  # as stored: RRULE without DTSTART, UNTIL in local wall-clock time
    first_local: datetime  # naive, wall-clock in ``zone``
    zone: str
    duration: timedelta
    horizon: datetime  # UTC: every instant before it has been materialised (row or skipped)


@dataclass(frozen=True)
class Override:
    recurrence_local: datetime  # naive, wall-clock in the series' zone: the instant replaced
    row: FileRow


@dataclass(frozen=True)
class SeriesPlan:
    rule: str  # RRULE text for the file (UNTIL as a UTC instant)
    exdates: tuple[datetime, ...]  # naive wall-clock instants in the series' zone, in order
    overrides: tuple[Override, ...]
    strays: tuple[FileRow, ...]  # rows written as events of their own
    sequence: int  # grows with every change to an occurrence (each bumps its row's version)
    last_local: datetime | None  # the rule's last instant (wall-clock), for the zone's definitions


def file_rule(rule_text: str, zone: ZoneInfo) -> str:
    """The stored rule with UNTIL (local wall-clock) as the UTC instant it names."""
    parts = []
    for part in (p for p in rule_text.split(";") if p):
        key, _, value = part.partition("=")
        if key.upper() == "UNTIL" and not value.upper().endswith("Z"):
            local = datetime.strptime(value[:15], "%Y%m%dT%H%M%S") if "T" in value else \
                datetime.strptime(value[:8], "%Y%m%d").replace(hour=23, minute=59, second=59)
            value = f"{local_to_utc(local, zone):%Y%m%dT%H%M%SZ}"
        parts.append(f"{key.upper()}={value}")
    return ";".join(parts)


def rule_instants(shape: SeriesShape) -> list[datetime]:
    """Every wall-clock instant of the rule (bounded: a stored rule has at most MAX_OCCURRENCES)."""
    rule = rrule.rrulestr(shape.rule, dtstart=shape.first_local)
    return list(islice(rule, 2 * MAX_OCCURRENCES))


def plan_series(shape: SeriesShape, rows: list[FileRow]) -> SeriesPlan:
    zone = ZoneInfo(shape.zone)
    instants = rule_instants(shape)
    by_utc = {local_to_utc(local, zone): local for local in instants}
    on_rule: dict[datetime, FileRow] = {}
    off_rule: list[FileRow] = []
    for row in sorted(rows, key=lambda r: (r.start, r.id)):
        if row.start in by_utc and row.start not in on_rule:
            on_rule[row.start] = row
        else:
            off_rule.append(row)
    free = [utc for utc in by_utc if utc not in on_rule and utc < shape.horizon]
    exdates: list[datetime] = []
    overrides: list[Override] = []
    for utc, row in on_rule.items():
        if not row.kept:
            exdates.append(by_utc[utc])
        elif row.end - row.start != shape.duration:
            overrides.append(Override(by_utc[utc], row))
    strays: list[FileRow] = []
    for row in off_rule:
        if not free:
            strays.append(row)
            continue
        nearest = min(free, key=lambda utc: (abs(utc - row.start), utc))
        free.remove(nearest)
        if row.kept:
            overrides.append(Override(by_utc[nearest], row))
        else:
            exdates.append(by_utc[nearest])
    exdates.extend(by_utc[utc] for utc in free)  # skipped when materialised: the time was taken
    return SeriesPlan(
        rule=file_rule(shape.rule, zone),
        exdates=tuple(sorted(exdates)),
        overrides=tuple(sorted(overrides, key=lambda o: o.recurrence_local)),
        strays=tuple(strays),
        sequence=sum(max(r.version - 1, 0) for r in rows),
        last_local=instants[-1] if instants else None,
    )

