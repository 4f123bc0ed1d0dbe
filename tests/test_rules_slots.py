"""Open booking slots: working hours minus busy time, after now, in the provider's zone."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.rules.slots import WorkingBlock, open_slots

NY = "America/New_York"
ZONE = ZoneInfo(NY)
HOUR = timedelta(hours=1)
LONG_AGO = datetime(2000, 1, 1, tzinfo=UTC)
MONDAY = date(2026, 11, 30)
MORNING = [WorkingBlock(0, time(9), time(12))]  # Mondays 09:00-12:00


def at(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime.combine(day, time(hour, minute), tzinfo=ZONE).astimezone(UTC)


def local_times(slots) -> list[str]:
    return [s.start.astimezone(ZONE).strftime("%a %H:%M") for s in slots]


def test_free_morning_gives_every_slot():
    slots = open_slots(MORNING, [], NY, MONDAY, 1, HOUR, LONG_AGO)
    assert local_times(slots) == ["Mon 09:00", "Mon 10:00", "Mon 11:00"]
    assert all(s.end - s.start == HOUR for s in slots)
    assert all(s.start.utcoffset() == timedelta(0) for s in slots)


def test_busy_time_is_subtracted():
    busy = [(at(MONDAY, 10), at(MONDAY, 10, 50))]
    assert local_times(open_slots(MORNING, busy, NY, MONDAY, 1, HOUR, LONG_AGO)) == ["Mon 09:00", "Mon 11:00"]


def test_partial_overlap_blocks_both_sides():
    busy = [(at(MONDAY, 9, 30), at(MONDAY, 10, 30))]
    assert local_times(open_slots(MORNING, busy, NY, MONDAY, 1, HOUR, LONG_AGO)) == ["Mon 11:00"]


def test_touching_intervals_do_not_overlap():
    busy = [(at(MONDAY, 8), at(MONDAY, 9)), (at(MONDAY, 12), at(MONDAY, 13))]
    assert len(open_slots(MORNING, busy, NY, MONDAY, 1, HOUR, LONG_AGO)) == 3


def test_busy_order_does_not_matter():
    busy = [(at(MONDAY, 11), at(MONDAY, 12)), (at(MONDAY, 9), at(MONDAY, 9, 10))]
    assert local_times(open_slots(MORNING, busy, NY, MONDAY, 1, HOUR, LONG_AGO)) == ["Mon 10:00"]


def test_slots_start_after_now():
    now = at(MONDAY, 10)  # a slot starting exactly now is gone
    assert local_times(open_slots(MORNING, [], NY, MONDAY, 1, HOUR, now)) == ["Mon 11:00"]
    now = at(MONDAY, 9, 59)
    assert local_times(open_slots(MORNING, [], NY, MONDAY, 1, HOUR, now)) == ["Mon 10:00", "Mon 11:00"]
    assert open_slots(MORNING, [], NY, MONDAY, 1, HOUR, at(MONDAY, 12)) == []


def test_naive_now_is_refused():
    with pytest.raises(ValueError):
        open_slots(MORNING, [], NY, MONDAY, 1, HOUR, datetime(2026, 11, 30, 8))


def test_step_and_length():
    slots = open_slots(MORNING, [], NY, MONDAY, 1, timedelta(minutes=50), LONG_AGO, step=timedelta(minutes=30))
    assert local_times(slots) == ["Mon 09:00", "Mon 09:30", "Mon 10:00", "Mon 10:30", "Mon 11:00"]
    # A slot must fit inside the block: 11:30-12:20 does not.


def test_several_days_and_blocks():
    blocks = [WorkingBlock(0, time(13), time(15)), WorkingBlock(0, time(9), time(10)), WorkingBlock(2, time(9), time(10))]
    slots = open_slots(blocks, [], NY, MONDAY, 7, HOUR, LONG_AGO)
    assert local_times(slots) == ["Mon 09:00", "Mon 13:00", "Mon 14:00", "Wed 09:00"]


def test_working_hours_are_local_across_the_spring_change():
    # Weekdays 09:00-11:00 from Thu 2026-03-05 to Wed 2026-03-11; US clocks change Sun 03-08.
    blocks = [WorkingBlock(d, time(9), time(11)) for d in range(5)]
    slots = open_slots(blocks, [], NY, date(2026, 3, 5), 7, HOUR, LONG_AGO)
    assert [s.start.astimezone(ZONE).strftime("%H:%M") for s in slots] == ["09:00", "10:00"] * 5
    utc_hours = [s.start.hour for s in slots]
    assert utc_hours == [14, 15, 14, 15, 13, 14, 13, 14, 13, 14]


def test_working_hours_are_local_across_the_autumn_change_in_london():
    blocks = [WorkingBlock(d, time(9), time(10)) for d in range(7)]
    slots = open_slots(blocks, [], "Europe/London", date(2026, 10, 24), 3, HOUR, LONG_AGO)
    assert [(s.start.day, s.start.hour) for s in slots] == [(24, 8), (25, 9), (26, 9)]


def test_spring_forward_night_offers_no_time_that_does_not_exist():
    sunday = date(2026, 3, 8)  # 02:00-03:00 does not exist in New York
    blocks = [WorkingBlock(6, time(0), time(5))]
    slots = open_slots(blocks, [], NY, sunday, 1, HOUR, LONG_AGO)
    assert local_times(slots) == ["Sun 00:00", "Sun 01:00", "Sun 03:00", "Sun 04:00"]
    assert len({s.start for s in slots}) == len(slots)


def test_fall_back_night_slots_never_overlap():
    sunday = date(2026, 11, 1)  # 01:00-02:00 happens twice in New York
    blocks = [WorkingBlock(6, time(0), time(4))]
    slots = open_slots(blocks, [], NY, sunday, 1, HOUR, LONG_AGO)
    assert slots == sorted(slots, key=lambda s: s.start)
    assert all(a.end <= b.start for a, b in zip(slots, slots[1:], strict=False))


def test_busy_in_utc_blocks_the_local_slot_on_a_dst_day():
    monday = date(2026, 3, 9)  # first weekday on EDT: 09:00 local is 13:00 UTC
    busy = [(datetime(2026, 3, 9, 13, tzinfo=UTC), datetime(2026, 3, 9, 14, tzinfo=UTC))]
    slots = open_slots([WorkingBlock(0, time(9), time(11))], busy, NY, monday, 1, HOUR, LONG_AGO)
    assert local_times(slots) == ["Mon 10:00"]


_minutes = st.integers(min_value=0, max_value=7 * 24 * 60)


@given(busy=st.lists(st.tuples(_minutes, st.integers(min_value=1, max_value=300)), max_size=12),
       now_minutes=_minutes, step=st.sampled_from([15, 30, 50, 60]))
def test_no_slot_overlaps_busy_time_or_starts_before_now_property(busy, now_minutes, step):
    origin = at(date(2026, 3, 5), 0)  # a week around the spring change
    intervals = [(origin + timedelta(minutes=s), origin + timedelta(minutes=s + n)) for s, n in busy]
    now = origin + timedelta(minutes=now_minutes)
    blocks = [WorkingBlock(d, time(8), time(18)) for d in range(7)]
    length = timedelta(minutes=50)
    slots = open_slots(blocks, intervals, NY, date(2026, 3, 5), 7, length, now, step=timedelta(minutes=step))
    free = open_slots(blocks, [], NY, date(2026, 3, 5), 7, length, LONG_AGO, step=timedelta(minutes=step))
    for s in slots:
        assert s.start > now
        assert s.end - s.start == length
        assert not any(b0 < s.end and s.start < b1 for b0, b1 in intervals)
        local = s.start.astimezone(ZONE)
        assert time(8) <= local.time() and (local + length).time() <= time(18)
    # And nothing that qualifies is missing.
    expected = [s for s in free if s.start > now and not any(b0 < s.end and s.start < b1 for b0, b1 in intervals)]
    assert slots == expected


def _naive_open_slots(blocks, busy, zone_name, first_day, days, length, now, step):
    """open_slots as first written: every candidate checked against every busy interval."""
    from desktop.rules.series import local_to_utc
    zone = ZoneInfo(zone_name)
    out = []
    for offset in range(days):
        day = first_day + timedelta(days=offset)
        for block in sorted([b for b in blocks if b.weekday == day.weekday()], key=lambda b: b.start):
            cursor, block_end = datetime.combine(day, block.start), datetime.combine(day, block.end)
            while cursor + length <= block_end:
                start = local_to_utc(cursor, zone)
                end = start + length
                exists = start.astimezone(zone).replace(tzinfo=None) == cursor
                if exists and start > now and not any(bs < end and start < be for bs, be in busy):
                    out.append((start.astimezone(UTC), end.astimezone(UTC)))
                cursor += step
    return out


@given(busy=st.lists(st.tuples(st.integers(0, 14 * 24 * 4), st.integers(1, 4 * 12)), max_size=40))
def test_the_overlap_search_finds_what_checking_every_busy_interval_finds(busy):
    base = datetime(2026, 3, 2, 0, 0, tzinfo=UTC)
    intervals = [(base + timedelta(minutes=15 * s), base + timedelta(minutes=15 * (s + n))) for s, n in busy]
    blocks = [WorkingBlock(d, time(8, 0), time(18, 0)) for d in range(5)]
    now = base + timedelta(hours=30)
    args = (blocks, intervals, "America/New_York", date(2026, 3, 2), 14, timedelta(minutes=50), now)
    found = [(s.start, s.end) for s in open_slots(*args, step=timedelta(minutes=30))]
    assert found == _naive_open_slots(*args, timedelta(minutes=30))


def _slots_slot_by_slot(blocks, busy, zone_name, first_day, days, length, now, step):
    """The definition, one slot at a time: each wall-clock start fixed in the zone on its own."""
    from desktop.rules.series import local_to_utc

    zone, out = ZoneInfo(zone_name), []
    for offset in range(days):
        day = first_day + timedelta(days=offset)
        for block in sorted((b for b in blocks if b.weekday == day.weekday()), key=lambda b: b.start):
            cursor, block_end = datetime.combine(day, block.start), datetime.combine(day, block.end)
            while cursor + length <= block_end:
                start = local_to_utc(cursor, zone)
                exists = start.astimezone(zone).replace(tzinfo=None) == cursor
                if exists and start > now and not any(bs < start + length and be > start for bs, be in busy):
                    out.append((start, start + length))
                cursor += step
    return out


# Days around the year's changes of offset in zones that change at different hours (and one
# that changes by 30 minutes), so blocks cross a change, start or end inside one, or miss it.
_CHANGES = [("America/New_York", date(2026, 3, 8)), ("America/New_York", date(2026, 11, 1)),
            ("Europe/London", date(2026, 3, 29)), ("Europe/London", date(2026, 10, 25)),
            ("Australia/Lord_Howe", date(2026, 4, 5)), ("Australia/Lord_Howe", date(2026, 10, 4))]


@given(change=st.sampled_from(_CHANGES), shift=st.integers(-1, 1),
       hours=st.lists(st.tuples(st.integers(0, 22), st.integers(1, 8)), min_size=1, max_size=3),
       busy=st.lists(st.tuples(st.integers(0, 3 * 24 * 4), st.integers(1, 12)), max_size=8),
       length=st.sampled_from([30, 50, 60]), step=st.sampled_from([30, 60]))
def test_blocks_without_a_change_of_offset_step_in_utc_and_agree_with_slot_by_slot(change, shift, hours, busy,
                                                                                 length, step):
    zone_name, day = change
    first_day = day + timedelta(days=shift)
    blocks = [WorkingBlock(w, time(h), time(min(h + n, 23), 59 if h + n >= 24 else 0))
              for w in range(7) for h, n in hours]
    origin = datetime.combine(first_day, time(0), tzinfo=ZoneInfo(zone_name)).astimezone(UTC)
    intervals = [(origin + timedelta(minutes=15 * a), origin + timedelta(minutes=15 * (a + n))) for a, n in busy]
    got = open_slots(blocks, intervals, zone_name, first_day, 3, timedelta(minutes=length), LONG_AGO,
                     step=timedelta(minutes=step))
    want = _slots_slot_by_slot(blocks, intervals, zone_name, first_day, 3, timedelta(minutes=length), LONG_AGO,
                               timedelta(minutes=step))
    assert [(s.start, s.end) for s in got] == want
    assert all(s.start.tzinfo is UTC for s in got)
