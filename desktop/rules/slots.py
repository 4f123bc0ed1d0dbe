"""Open booking slots: a provider's working hours minus booked time."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from .instants import require_aware
from .series import local_to_utc


@dataclass(frozen=True)
class WorkingBlock:
    weekday: int  # 0 = Monday
    start: time  # local wall-clock in the provider's zone
    end: time


@dataclass(frozen=True)
class Slot:
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
    busy_sorted = sorted(busy)
    by_day: dict[int, list[WorkingBlock]] = {}
    for b in blocks:
        by_day.setdefault(b.weekday, []).append(b)
    out: list[Slot] = []
    for offset in range(days):
        day = first_day + timedelta(days=offset)
        for block in sorted(by_day.get(day.weekday(), []), key=lambda b: b.start):
            cursor = datetime.combine(day, block.start)
            block_end = datetime.combine(day, block.end)
            while cursor + length <= block_end:
                start = local_to_utc(cursor, zone)
                end = start + length
                # A wall-clock time in the spring-forward gap does not exist: it would
                # only repeat the slot an hour later.
                exists = start.astimezone(zone).replace(tzinfo=None) == cursor
                if exists and start > now and not any(bs < end and start < be for bs, be in busy_sorted):
                    out.append(Slot(start.astimezone(UTC), end.astimezone(UTC)))
                cursor += step
    return out
