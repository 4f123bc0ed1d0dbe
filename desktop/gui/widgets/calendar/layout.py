"""Which days a view shows, the UTC range it reads, and where each row sits.

Plain computations on dates and rows, done once per new range or resize, never
while painting.
"""

from __future__ import annotations

import enum
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from ....rules.datefmt import day_heading, month_heading, week_heading
from ....services.calendar import CalendarRow


class CalendarMode(enum.Enum):
    DAY = "day"
    WEEK = "week"
    MONTH = "month"

    @property
    def label(self) -> str:
        return {CalendarMode.DAY: "Day", CalendarMode.WEEK: "Week", CalendarMode.MONTH: "Month"}[self]


SERIES_MARK = "↻"


def visible_days(anchor: date, mode: CalendarMode) -> list[date]:
    if mode is CalendarMode.DAY:
        return [anchor]
    if mode is CalendarMode.WEEK:
        monday = anchor - timedelta(days=anchor.weekday())
        return [monday + timedelta(days=i) for i in range(7)]
    first = anchor.replace(day=1)
    start = first - timedelta(days=first.weekday())
    return [start + timedelta(days=i) for i in range(42)]  # six full weeks


def utc_range(days: Sequence[date], zone_name: str) -> tuple[datetime, datetime]:
    zone = ZoneInfo(zone_name)
    start = datetime.combine(days[0], time(0), tzinfo=zone).astimezone(UTC)
    end = datetime.combine(days[-1] + timedelta(days=1), time(0), tzinfo=zone).astimezone(UTC)
    return start, end


def step(anchor: date, mode: CalendarMode, direction: int) -> date:
    """The anchor one period earlier (-1) or later (+1)."""
    if mode is CalendarMode.DAY:
        return anchor + timedelta(days=direction)
    if mode is CalendarMode.WEEK:
        return anchor + timedelta(weeks=direction)
    month = anchor.month - 1 + direction
    year = anchor.year + month // 12
    month = month % 12 + 1
    return date(year, month, min(anchor.day, 28))


def title(anchor: date, mode: CalendarMode) -> str:
    """The period in the practice's locale (rules/datefmt.py)."""
    if mode is CalendarMode.DAY:
        return day_heading(anchor)
    if mode is CalendarMode.WEEK:
        days = visible_days(anchor, mode)
        return week_heading(days[0], days[-1])
    return month_heading(anchor)


@dataclass(frozen=True)
class Placed:
    """A row placed in a day: local day index, wall-clock minutes, and its lane among overlaps."""

    row: CalendarRow
    day_index: int
    start_minute: int
    end_minute: int
    lane: int
    lanes: int


def place(rows: Sequence[CalendarRow], days: Sequence[date], zone_name: str) -> list[Placed]:
    """Rows by local day, side by side where they overlap (cancelled ones included)."""
    zone = ZoneInfo(zone_name)
    index = {d: i for i, d in enumerate(days)}
    per_day: dict[int, list[tuple[int, int, CalendarRow]]] = {}
    for row in rows:
        local_start = row.start.astimezone(zone)
        day = index.get(local_start.date())
        if day is None:
            continue
        local_end = row.end.astimezone(zone)
        s = local_start.hour * 60 + local_start.minute
        e = (local_end.hour * 60 + local_end.minute) if local_end.date() == local_start.date() else 24 * 60
        per_day.setdefault(day, []).append((s, max(e, s + 15), row))
    out: list[Placed] = []
    for day, items in per_day.items():
        items.sort(key=lambda t: (t[0], t[1]))
        for cluster in _clusters(items):
            lanes = max(c[3] for c in cluster) + 1
            out.extend(Placed(r, day, s, e, lane, lanes) for s, e, r, lane in cluster)
    return out


def _clusters(items: list[tuple[int, int, CalendarRow]]) -> list[list[tuple[int, int, CalendarRow, int]]]:
    """Groups of overlapping items, each item given the first lane free at its start."""
    clusters: list[list[tuple[int, int, CalendarRow, int]]] = []
    cluster: list[tuple[int, int, CalendarRow, int]] = []
    cluster_end = -1
    for s, e, row in items:
        if s >= cluster_end and cluster:
            clusters.append(cluster)
            cluster = []
        lane_ends: dict[int, int] = {}
        for _s, ce, _r, lane in cluster:
            lane_ends[lane] = max(lane_ends.get(lane, 0), ce)
        lane = next(i for i in range(len(cluster) + 1) if lane_ends.get(i, -1) <= s)
        cluster.append((s, e, row, lane))
        cluster_end = max(cluster_end, e)
    if cluster:
        clusters.append(cluster)
    return clusters


def hour_span(placed: Sequence[Placed], first: int = 7, last: int = 20) -> tuple[int, int]:
    """The hours a day/week grid shows: the working day, widened to fit every item."""
    for p in placed:
        first = min(first, p.start_minute // 60)
        last = max(last, -(-p.end_minute // 60))
    return first, min(last, 24)


def side_by_side(items: list[tuple[Any, int, int]]) -> list[tuple[Any, int, int, int, int]]:
    """Overlapping (row, start minute, end minute) items of one column side by side:
    (row, start, end, lane, lanes), each in the first lane free at its start."""
    items = sorted(items, key=lambda t: (t[1], t[2]))
    out: list[tuple[Any, int, int, int, int]] = []
    cluster: list[tuple[Any, int, int, int]] = []
    end = -1

    def flush() -> None:
        lanes = max(c[3] for c in cluster) + 1
        out.extend((r, s, e, lane, lanes) for r, s, e, lane in cluster)

    for row, s, e in items:
        if cluster and s >= end:
            flush()
            cluster = []
        busy = {lane for _r, _s, ce, lane in cluster if ce > s}
        lane = next(i for i in range(len(cluster) + 1) if i not in busy)
        cluster.append((row, s, e, lane))
        end = max(end, e)
    if cluster:
        flush()
    return out
