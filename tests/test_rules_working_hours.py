"""Working hours as typed on the booking page: parsed into blocks, or the first problem named."""

from __future__ import annotations

from datetime import time

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from desktop.rules.slots import WorkingBlock
from desktop.rules.working_hours import (
    DAYS,
    HoursProblem,
    HoursProblemKind,
    check_blocks,
    format_day,
    parse_day,
    parse_week,
)

EMPTY_WEEK = [""] * 7
times = st.times().map(lambda t: t.replace(second=0, microsecond=0))


def week(**days: str) -> list[str]:
    fields = list(EMPTY_WEEK)
    for name, text in days.items():
        fields[DAYS.index(name.capitalize())] = text
    return fields


def test_a_typical_week_parses_into_sorted_blocks():
    parsed = parse_week(week(monday="09:00-12:00, 13:00-17:00", friday=" 08:30 – 12:00 "))
    assert parsed.ok
    assert parsed.blocks == (WorkingBlock(0, time(9), time(12)), WorkingBlock(0, time(13), time(17)),
                             WorkingBlock(4, time(8, 30), time(12)))


def test_empty_fields_are_days_off():
    assert parse_week(EMPTY_WEEK).ok and parse_week(EMPTY_WEEK).blocks == ()
    assert parse_day(2, " , ,") == []


@pytest.mark.parametrize(("text", "kind"), [
    ("9-12", HoursProblemKind.NOT_A_RANGE),
    ("09:00 to 12:00", HoursProblemKind.NOT_A_RANGE),
    ("٠٩:٠٠-١٢:٠٠", HoursProblemKind.NOT_A_RANGE),  # digits, but not ASCII ones
    ("09:00-24:00", HoursProblemKind.NOT_A_TIME),
    ("09:60-12:00", HoursProblemKind.NOT_A_TIME),
    ("12:00-09:00", HoursProblemKind.ENDS_BEFORE_START),
    ("22:00-00:00", HoursProblemKind.ENDS_BEFORE_START),  # past midnight: the next day's field
    ("10:00-10:00", HoursProblemKind.ENDS_BEFORE_START),
])
def test_a_bad_range_is_named_with_its_day_and_text(text, kind):
    parsed = parse_week(week(wednesday=f"08:00-09:00, {text}"))
    assert not parsed.ok and parsed.blocks == ()
    assert parsed.problem == HoursProblem(kind, 2, text)
    assert parsed.problem.message.startswith("Wednesday: ")


def test_overlapping_blocks_name_both():
    parsed = parse_week(week(tuesday="13:00-17:00, 09:00-13:30"))
    assert parsed.problem == HoursProblem(HoursProblemKind.OVERLAP, 1, "09:00-13:30", "13:00-17:00")
    assert "“09:00-13:30” and “13:00-17:00” overlap" in parsed.problem.message


def test_the_earliest_day_with_a_problem_is_the_one_named():
    parsed = parse_week(week(thursday="12:00-09:00", monday="09:00-12:00, 11:00-13:00"))
    assert parsed.problem.weekday == 0 and parsed.problem.kind is HoursProblemKind.OVERLAP


def test_midnight_starts_a_day_and_23_59_ends_it():
    assert parse_week(week(sunday="00:00-23:59")).blocks == (WorkingBlock(6, time(0), time(23, 59)),)


def test_a_block_on_no_weekday_is_refused():
    problem = check_blocks([WorkingBlock(7, time(9), time(10))])
    assert problem.kind is HoursProblemKind.NOT_A_WEEKDAY and "Monday to Sunday" in problem.message


def test_a_week_is_seven_fields():
    with pytest.raises(ValueError):
        parse_week([""] * 6)


@given(times, times)
@example(time(0), time(0))
@example(time(23, 59), time(0))
@example(time(0), time(23, 59))
def test_a_block_is_accepted_exactly_when_it_ends_after_it_starts(start, end):
    parsed = parse_week(week(monday=f"{start:%H:%M}-{end:%H:%M}"))
    assert parsed.ok == (end > start)
    if parsed.ok:
        assert parsed.blocks == (WorkingBlock(0, start, end),)
    else:
        assert parsed.problem.kind is HoursProblemKind.ENDS_BEFORE_START


@given(times, times, times, times)
@example(time(9), time(12), time(12), time(13))  # touching is not overlapping
@example(time(9), time(12), time(11, 59), time(13))
def test_two_blocks_of_a_day_are_accepted_exactly_when_they_do_not_overlap(s1, e1, s2, e2):
    blocks = [WorkingBlock(3, s1, e1), WorkingBlock(3, s2, e2)]
    problem = check_blocks(blocks)
    if e1 <= s1 or e2 <= s2:
        assert problem.kind is HoursProblemKind.ENDS_BEFORE_START
    elif s2 < e1 and s1 < e2:
        assert problem.kind is HoursProblemKind.OVERLAP
    else:
        assert problem is None


def _minute(m: int) -> time:
    return time(m // 60, m % 60)


# A day's blocks: sorted distinct minutes taken in pairs, so they never overlap.
day_blocks = st.lists(st.integers(0, 24 * 60 - 1), unique=True, max_size=8).map(
    lambda ms: sorted(ms)[: len(ms) // 2 * 2])


@given(st.lists(day_blocks, min_size=7, max_size=7))
def test_what_the_page_shows_reads_back_as_the_same_blocks(days):
    """The page fills each field with format_day; saving it unchanged gives the same blocks."""
    blocks = [WorkingBlock(d, _minute(ms[i]), _minute(ms[i + 1]))
              for d, ms in enumerate(days) for i in range(0, len(ms), 2)]
    assert check_blocks(blocks) is None
    parsed = parse_week([format_day(reversed(blocks), d) for d in range(7)])
    assert parsed.ok and parsed.blocks == tuple(blocks)
