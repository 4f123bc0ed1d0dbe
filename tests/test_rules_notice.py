"""Rule 1: the notice window, decided in elapsed time."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from desktop.rules.noshow import no_show_eligibility
from desktop.rules.notice import DEFAULT_NOTICE, NoticeStatus, notice_decider, notice_decision
from tests.factories import all_dst_transitions

START = datetime(2026, 11, 26, 15, 0, tzinfo=UTC)
DAY = timedelta(hours=24)
TRANSITIONS = all_dst_transitions(2020, 2035)


def test_default_notice_is_24_hours():
    assert DEFAULT_NOTICE == DAY


def test_exactly_notice_before_start_is_allowed():
    d = notice_decision(START, START - DAY)
    assert d.status is NoticeStatus.ALLOWED
    assert d.allowed and not d.can_request_late_cancellation
    assert d.deadline == START - DAY
    assert d.notice == DAY


@pytest.mark.parametrize("late_by", [timedelta(seconds=1), timedelta(microseconds=1), timedelta(hours=23)])
def test_less_than_notice_is_blocked(late_by):
    d = notice_decision(START, START - DAY + late_by)
    assert d.status is NoticeStatus.BLOCKED_WINDOW
    assert not d.allowed
    assert d.can_request_late_cancellation
    assert d.deadline == START - DAY
    assert "24 hours" in d.why


def test_well_before_the_deadline_is_allowed():
    assert notice_decision(START, START - timedelta(days=30)).allowed


@pytest.mark.parametrize("after", [timedelta(0), timedelta(microseconds=1), timedelta(minutes=10), timedelta(days=3)])
def test_at_or_after_start_is_already_started(after):
    d = notice_decision(START, START + after)
    assert d.status is NoticeStatus.ALREADY_STARTED
    assert not d.allowed
    assert not d.can_request_late_cancellation


def test_one_microsecond_before_start_is_still_blocked_not_started():
    assert notice_decision(START, START - timedelta(microseconds=1)).status is NoticeStatus.BLOCKED_WINDOW


def test_custom_notice_is_used():
    notice = timedelta(hours=48)
    assert notice_decision(START, START - notice, notice).allowed
    assert not notice_decision(START, START - notice + timedelta(seconds=1), notice).allowed
    assert "48 hours" in notice_decision(START, START - timedelta(hours=1), notice).why


def test_zero_notice_allows_until_the_start():
    assert notice_decision(START, START - timedelta(microseconds=1), timedelta(0)).allowed
    assert notice_decision(START, START, timedelta(0)).status is NoticeStatus.ALREADY_STARTED


def test_negative_notice_is_refused():
    with pytest.raises(ValueError):
        notice_decision(START, START - DAY * 2, -DAY)


@pytest.mark.parametrize("which", ["start", "now", "both"])
def test_naive_datetimes_are_refused(which):
    start = START.replace(tzinfo=None) if which in ("start", "both") else START
    now = (START - DAY * 2).replace(tzinfo=None) if which in ("now", "both") else START - DAY * 2
    with pytest.raises(ValueError, match="aware"):
        notice_decision(start, now)


def test_instants_in_other_zones_compare_as_instants():
    ny = ZoneInfo("America/New_York")
    start_local = START.astimezone(ny)  # 10:00 EST
    now_tokyo = (START - DAY).astimezone(ZoneInfo("Asia/Tokyo"))
    d = notice_decision(start_local, now_tokyo)
    assert d.allowed
    assert d.deadline == START - DAY  # equal as instants
    assert d.deadline.utcoffset() == timedelta(0)  # and stored/returned in UTC


# ---- DST: 24 h of notice is 24 real hours ---------------------------------

def test_dst_transitions_were_found():
    # Two a year in each zone: the scan is the test's premise, so check it.
    assert len(TRANSITIONS) == 3 * 16 * 2
    assert all(t.before != t.after for t in TRANSITIONS)


def test_spring_forward_notice_is_elapsed_not_wall_clock():
    ny = ZoneInfo("America/New_York")
    # Clocks go forward 2026-03-08 02:00 EST -> 03:00 EDT.
    start = datetime(2026, 3, 8, 10, 0, tzinfo=ny)  # 14:00 UTC
    d = notice_decision(start, datetime(2026, 3, 7, 9, 0, tzinfo=ny))  # 14:00 UTC the day before
    assert d.allowed
    assert d.deadline == datetime(2026, 3, 7, 14, 0, tzinfo=UTC)
    assert d.deadline.astimezone(ny).hour == 9  # 25 wall-clock hours earlier, 24 real hours
    # At 10:00 local the day before only 23 real hours are left: blocked.
    assert notice_decision(start, datetime(2026, 3, 7, 10, 0, tzinfo=ny)).status is NoticeStatus.BLOCKED_WINDOW


def test_fall_back_notice_is_elapsed_not_wall_clock():
    london = ZoneInfo("Europe/London")
    # Clocks go back 2026-10-25 02:00 BST -> 01:00 GMT.
    start = datetime(2026, 10, 25, 10, 0, tzinfo=london)  # 10:00 UTC
    d = notice_decision(start, start - DAY)
    assert d.deadline == datetime(2026, 10, 24, 10, 0, tzinfo=UTC)
    assert d.deadline.astimezone(london).hour == 11  # 23 wall-clock hours earlier
    # 10:00 local the day before is 09:00 UTC: 25 real hours ahead, allowed.
    assert notice_decision(start, datetime(2026, 10, 24, 10, 0, tzinfo=london)).allowed
    # 11:00:01 local the day before is a second too late.
    late = datetime(2026, 10, 24, 11, 0, 1, tzinfo=london)
    assert notice_decision(start, late).status is NoticeStatus.BLOCKED_WINDOW


OFFSETS = [timedelta(hours=h) for h in (-49, -25, -24, -23, -1)] + [
    -timedelta(seconds=1), timedelta(0), timedelta(seconds=1),
] + [timedelta(hours=h) for h in (1, 23, 24, 25, 49)]


@pytest.mark.parametrize("transition", TRANSITIONS, ids=str)
def test_deadline_is_start_minus_notice_in_elapsed_time_at_every_transition(transition):
    zone = ZoneInfo(transition.zone)
    for offset in OFFSETS:
        for notice in (DAY, timedelta(hours=1), timedelta(hours=48), timedelta(minutes=90)):
            start_utc = transition.at + offset
            start_local = start_utc.astimezone(zone)  # as a window would hold it
            d = notice_decision(start_local, start_local - timedelta(days=10), notice)
            assert d.deadline == start_utc - notice, (offset, notice)
            assert start_utc - d.deadline.astimezone(UTC) == notice
            # The boundary holds whichever zone ``now`` is expressed in.
            at_deadline = (start_utc - notice).astimezone(zone)
            assert notice_decision(start_local, at_deadline, notice).allowed
            just_late = (start_utc - notice + timedelta(microseconds=1)).astimezone(zone)
            assert notice_decision(start_local, just_late, notice).status is NoticeStatus.BLOCKED_WINDOW


@settings(max_examples=300)
@given(
    transition=st.sampled_from(TRANSITIONS),
    offset_s=st.integers(min_value=-3 * 86400, max_value=3 * 86400),
    notice_s=st.integers(min_value=2, max_value=4 * 86400),  # one second late is still before the start
)
def test_deadline_near_dst_property(transition, offset_s, notice_s):
    zone = ZoneInfo(transition.zone)
    start_utc = transition.at + timedelta(seconds=offset_s)
    notice = timedelta(seconds=notice_s)
    start_local = start_utc.astimezone(zone)
    deadline_local = (start_utc - notice).astimezone(zone)
    d = notice_decision(start_local, deadline_local, notice)
    assert d.status is NoticeStatus.ALLOWED
    assert d.deadline == start_utc - notice
    assert start_utc - d.deadline == notice  # elapsed, whatever the wall clocks say
    one_second_late = (start_utc - notice + timedelta(seconds=1)).astimezone(zone)
    assert notice_decision(start_local, one_second_late, notice).status is NoticeStatus.BLOCKED_WINDOW


# ---- the exact boundary for arbitrary starts and notices -----------------

starts = st.datetimes(min_value=datetime(2000, 1, 1), max_value=datetime(2100, 1, 1),
                      timezones=st.one_of(st.just(UTC), st.timezones(),
                                          st.builds(lambda m: timezone(timedelta(minutes=m)),
                                                    st.integers(-14 * 60 + 1, 14 * 60 - 1))))
notices = st.timedeltas(min_value=timedelta(seconds=1), max_value=timedelta(days=60))


@given(start=starts, notice=notices)
@example(start=START, notice=DAY)
def test_exact_boundary_property(start, notice):
    start_utc = start.astimezone(UTC)
    deadline = start_utc - notice
    assert notice_decision(start, deadline, notice).status is NoticeStatus.ALLOWED
    assert notice_decision(start, deadline - timedelta(microseconds=1), notice).status is NoticeStatus.ALLOWED
    assert notice_decision(start, deadline + timedelta(microseconds=1), notice).status is NoticeStatus.BLOCKED_WINDOW
    assert notice_decision(start, start_utc - timedelta(microseconds=1), notice).status is NoticeStatus.BLOCKED_WINDOW
    assert notice_decision(start, start_utc, notice).status is NoticeStatus.ALREADY_STARTED
    assert notice_decision(start, deadline, notice).deadline == deadline


@given(start=starts, notice=notices, now_offset=st.timedeltas(min_value=-timedelta(days=90),
                                                             max_value=timedelta(days=90)))
def test_status_is_a_function_of_elapsed_time_property(start, notice, now_offset):
    start_utc = start.astimezone(UTC)
    now = start_utc + now_offset
    status = notice_decision(start, now, notice).status
    left = start_utc - now
    if left <= timedelta(0):
        assert status is NoticeStatus.ALREADY_STARTED
    elif left >= notice:
        assert status is NoticeStatus.ALLOWED
    else:
        assert status is NoticeStatus.BLOCKED_WINDOW


# ---- rule 3 shares the same discipline -------------------------------------

def test_no_show_grace_is_elapsed_time_across_fall_back():
    ny = ZoneInfo("America/New_York")
    # 01:50 EDT on 2026-11-01; fifteen real minutes later it is 01:05 EST.
    start = datetime(2026, 11, 1, 1, 50, tzinfo=ny, fold=0)
    e = no_show_eligibility(start, start.astimezone(UTC) + timedelta(minutes=15), timedelta(minutes=15))
    assert e.allowed
    assert e.allowed_from == start.astimezone(UTC) + timedelta(minutes=15)
    early = no_show_eligibility(start, start.astimezone(UTC) + timedelta(minutes=14, seconds=59),
                                timedelta(minutes=15))
    assert not early.allowed
    assert "15 minutes" in early.why


def test_no_show_refuses_naive():
    with pytest.raises(ValueError):
        no_show_eligibility(START.replace(tzinfo=None), START, timedelta(minutes=15))


@settings(max_examples=200)
@given(offset=st.integers(min_value=-3 * 24 * 60, max_value=3 * 24 * 60),
       notice_minutes=st.sampled_from([0, 30, 90, 24 * 60, 48 * 60]))
def test_the_decider_for_many_starts_decides_as_notice_decision(offset, notice_minutes):
    now = datetime(2026, 3, 8, 6, 30, tzinfo=UTC)
    notice = timedelta(minutes=notice_minutes)
    start = (now + timedelta(minutes=offset)).astimezone(ZoneInfo("America/New_York"))
    assert notice_decider(now, notice)(start) == notice_decision(start, now, notice)


def test_the_decider_refuses_what_notice_decision_refuses():
    now = datetime(2026, 3, 8, 6, 30, tzinfo=UTC)
    with pytest.raises(ValueError):
        notice_decider(now, timedelta(minutes=-1))
    with pytest.raises(ValueError):
        notice_decider(now.replace(tzinfo=None))
    with pytest.raises(ValueError):
        notice_decider(now)(datetime(2026, 3, 9, 9, 0))
