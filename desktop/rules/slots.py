"""Open booking slots: a provider's working hours minus booked time, and whether a time a
client asks for is one of them (a client books and reschedules only into what is offered)."""

from __future__ import annotations

import enum
from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import NamedTuple
from zoneinfo import ZoneInfo

from .instants import require_aware
from .limits import BOOKING_DAYS
from .series import local_to_utc

# What the booking page offers when a provider lists no services yet.
DEFAULT_SESSION = timedelta(minutes=50)


def slot_step(length: timedelta) -> timedelta:
    """Slots start on the half hour: a 50-minute session every hour, a 30-minute one every half hour."""
    half = timedelta(minutes=30)
    return max(half, ((length + half - timedelta(seconds=1)) // half) * half)


@dataclass(frozen=True)
class WorkingBlock:
    weekday: int  # 0 = Monday
    start: time  # local wall-clock in the provider's zone
    end: time


class Slot(NamedTuple):
    """A time the booking page offers (a named tuple: a booking page makes some hundred)."""

    start: datetime  # UTC
    end: datetime


def open_slots(blocks: Iterable[WorkingBlock], busy: Iterable[tuple[datetime, datetime]], zone_name: str,
               first_day: date, days: int, length: timedelta, now: datetime,
               step: timedelta | None = None) -> list[Slot]:
    """Slots of ``length`` inside working hours over ``days`` days from ``first_day``
    (local dates in the provider's zone) that overlap no busy interval and start after ``now``."""
    require_aware(now, "now")
    zone = ZoneInfo(zone_name)
    step = step or length
    # Overlap test in O(log n): an interval overlapping [start, end) exists iff, among the busy
    # intervals starting before ``end``, the latest end is after ``start``.
    busy_sorted = sorted(busy)
    busy_starts = [bs for bs, _be in busy_sorted]
    latest_end: list[datetime] = []
    for _bs, be in busy_sorted:
        latest_end.append(be if not latest_end or be > latest_end[-1] else latest_end[-1])
    by_day: dict[int, list[WorkingBlock]] = {}
    for b in sorted(blocks, key=lambda b: b.start):
        by_day.setdefault(b.weekday, []).append(b)
    out: list[Slot] = []
    for offset in range(days):
        day = first_day + timedelta(days=offset)
        for block in by_day.get(day.weekday(), ()):
            cursor = datetime.combine(day, block.start)
            block_end = datetime.combine(day, block.end)
            start = local_to_utc(cursor, zone)
            if local_to_utc(block_end, zone) - start == block_end - cursor:
                # No change of UTC offset inside the block (every block but one or two a year):
                # its slots are steps of UTC time, with no zone lookup per slot.
                last = start + (block_end - cursor - length)  # the latest start that fits
                while start <= last:
                    end = start + length
                    before = bisect_left(busy_starts, end)
                    if start > now and not (before and latest_end[before - 1] > start):
                        out.append(Slot(start, end))
                    start += step
                continue
            while cursor + length <= block_end:
                start = local_to_utc(cursor, zone)
                end = start + length
                # A wall-clock time in the spring-forward gap does not exist: it would
                # only repeat the slot an hour later.
                exists = start.astimezone(zone).replace(tzinfo=None) == cursor
                before = bisect_left(busy_starts, end)
                if exists and start > now and not (before and latest_end[before - 1] > start):
                    out.append(Slot(start.astimezone(UTC), end.astimezone(UTC)))
                cursor += step
    return out


class SlotRefusal(enum.Enum):
    """Why a time a client asked for is not one the booking page offers."""

    WRONG_LENGTH = "wrong_length"
    NOT_OFFERED = "not_offered"

    def message(self, offered: timedelta) -> str:
        if self is SlotRefusal.WRONG_LENGTH:
            minutes = int(offered.total_seconds() // 60)
            return f"This service is booked for {minutes} minutes; pick one of the open times on the booking page."
        return ("That time is not one of the open times on the booking page (working hours, the coming "
                f"{BOOKING_DAYS // 7} weeks); pick one from the list.")


def offered_slot_refusal(blocks: Iterable[WorkingBlock], zone_name: str, start: datetime, length: timedelta,
                         offered: timedelta, now: datetime) -> SlotRefusal | None:
    """May a client take [start, start + length)? Only when it is the service's length
    (``offered``) and one of the slots :func:`open_slots` offers within the booking days,
    on the same step the booking page uses. Booked time is not considered here: a slot taken
    meanwhile is the service's conflict ("no longer free"), not a slot that never was."""
    require_aware(start, "start")
    if length != offered:
        return SlotRefusal.WRONG_LENGTH
    zone = ZoneInfo(zone_name)
    first_day = now.astimezone(zone).date()
    day = start.astimezone(zone).date()
    if not 0 <= (day - first_day).days < BOOKING_DAYS:
        return SlotRefusal.NOT_OFFERED
    offered_slots = open_slots(blocks, (), zone_name, day, 1, length, now, step=slot_step(length))
    if not any(slot.start == start for slot in offered_slots):
        return SlotRefusal.NOT_OFFERED
    return None
