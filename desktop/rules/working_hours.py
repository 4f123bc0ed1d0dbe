"""A provider's weekly working hours, as typed on the booking page and as saved.

Each weekday is one field of comma-separated ranges ("09:00-12:00, 13:00-17:00", wall-clock
in the provider's zone). ``parse_week`` turns the seven fields into blocks or names the
first problem (which day, which part, why); ``check_blocks`` is the same rule for blocks
from anywhere, so the service refuses what the page would refuse.

A block lies within one day: it starts at 00:00 at the earliest and ends by 23:59, after it
starts. Blocks of one day may touch (12:00-13:00, 13:00-17:00) but not overlap.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import time
from enum import Enum

from .slots import WorkingBlock

DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
# ASCII digits only; a hyphen or an en dash between the two times.
_RANGE = re.compile(r"^\s*(\d{1,2}):(\d{2})\s*[-–]\s*(\d{1,2}):(\d{2})\s*$", re.ASCII)


class HoursProblemKind(Enum):
    NOT_A_RANGE = "not_a_range"  # not "HH:MM-HH:MM"
    NOT_A_TIME = "not_a_time"  # 25:00, 09:75, 24:00
    ENDS_BEFORE_START = "ends_before_start"  # end at or before the start (a block past midnight too)
    OVERLAP = "overlap"  # two blocks of one day share time
    NOT_A_WEEKDAY = "not_a_weekday"  # a block's weekday outside Monday (0) .. Sunday (6)


@dataclass(frozen=True)
class HoursProblem:
    """What is wrong and where: ``weekday`` is the field (0 = Monday), ``part`` the range as
    typed (or as formatted from a block), ``other`` the range it overlaps."""

    kind: HoursProblemKind
    weekday: int
    part: str
    other: str = ""

    @property
    def message(self) -> str:
        if self.kind is HoursProblemKind.NOT_A_WEEKDAY:
            return "A working block falls on a day of the week (Monday to Sunday)."
        day = DAYS[self.weekday]
        if self.kind is HoursProblemKind.NOT_A_RANGE:
            return f"{day}: “{self.part}” is not a time range such as 09:00-12:00."
        if self.kind is HoursProblemKind.NOT_A_TIME:
            return f"{day}: “{self.part}” is not a time of day (00:00 to 23:59)."
        if self.kind is HoursProblemKind.ENDS_BEFORE_START:
            return (f"{day}: “{self.part}” must end after it starts. A block ends by 23:59 on its own day; "
                    "hours past midnight go on the next day.")
        return f"{day}: “{self.part}” and “{self.other}” overlap."


@dataclass(frozen=True)
class WorkingHoursParse:
    """The blocks of a whole week, or the first problem found (then ``blocks`` is empty)."""

    blocks: tuple[WorkingBlock, ...] = ()
    problem: HoursProblem | None = None

    @property
    def ok(self) -> bool:
        return self.problem is None


def format_block(block: WorkingBlock) -> str:
    return f"{block.start:%H:%M}-{block.end:%H:%M}"


def format_day(blocks: Iterable[WorkingBlock], weekday: int) -> str:
    """The text of one day's field: its blocks in order, as ``parse_day`` reads them back."""
    return ", ".join(format_block(b) for b in sorted((b for b in blocks if b.weekday == weekday),
                                                    key=lambda b: b.start))


def parse_day(weekday: int, text: str) -> list[WorkingBlock] | HoursProblem:
    """One day's field: its blocks in the order typed (an empty field is a day off)."""
    blocks: list[WorkingBlock] = []
    for part in filter(None, (p.strip() for p in text.split(","))):
        m = _RANGE.match(part)
        if m is None:
            return HoursProblem(HoursProblemKind.NOT_A_RANGE, weekday, part)
        h1, m1, h2, m2 = map(int, m.groups())
        if h1 > 23 or h2 > 23 or m1 > 59 or m2 > 59:
            return HoursProblem(HoursProblemKind.NOT_A_TIME, weekday, part)
        blocks.append(WorkingBlock(weekday, time(h1, m1), time(h2, m2)))
    return blocks


def check_blocks(blocks: Iterable[WorkingBlock]) -> HoursProblem | None:
    """The first problem of a set of blocks, earliest day first, or None if they can be saved."""
    by_day: dict[int, list[WorkingBlock]] = {}
    for b in blocks:
        if not 0 <= b.weekday <= 6:
            return HoursProblem(HoursProblemKind.NOT_A_WEEKDAY, b.weekday, format_block(b))
        by_day.setdefault(b.weekday, []).append(b)
    for weekday in sorted(by_day):
        for b in by_day[weekday]:
            if b.end <= b.start:
                return HoursProblem(HoursProblemKind.ENDS_BEFORE_START, weekday, format_block(b))
        day_blocks = sorted(by_day[weekday], key=lambda b: (b.start, b.end))
        for a, b in zip(day_blocks, day_blocks[1:], strict=False):
            if b.start < a.end:
                return HoursProblem(HoursProblemKind.OVERLAP, weekday, format_block(a), format_block(b))
    return None


def parse_week(fields: Sequence[str]) -> WorkingHoursParse:
    """The seven day fields, Monday first, into blocks; the first problem stops the parse."""
    if len(fields) != len(DAYS):
        raise ValueError(f"one field per day of the week, got {len(fields)}")
    blocks: list[WorkingBlock] = []
    for weekday, text in enumerate(fields):
        day = parse_day(weekday, text)
        if isinstance(day, HoursProblem):
            return WorkingHoursParse(problem=day)
        blocks.extend(day)
    problem = check_blocks(blocks)
    if problem is not None:
        return WorkingHoursParse(problem=problem)
    return WorkingHoursParse(tuple(sorted(blocks, key=lambda b: (b.weekday, b.start))))
