"""Rule 5: repeating appointments and "cancel all upcoming"."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from desktop.rules.notice import NoticeStatus, notice_decision
from desktop.rules.series import (
    Frequency,
    OccurrenceState,
    build_rrule,
    day_bounds_utc,
    earliest_changed_start,
    end_rule_before,
    expand,
    frequency_of,
    local_to_utc,
    nth_weekday_of_month,
    plan_series_cancellation,
    rule_parts,
    rule_summary,
)
from tests.factories import all_dst_transitions

NY = "America/New_York"
WIDE = dict(window_start=datetime(2000, 1, 1, tzinfo=UTC), window_end=datetime(2100, 1, 1, tzinfo=UTC))
FIFTY = timedelta(minutes=50)
DAY = timedelta(hours=24)
NOW = datetime(2026, 11, 24, 15, 0, tzinfo=UTC)
TRANSITIONS = all_dst_transitions(2020, 2035)


def local_dates(rule: str, first: datetime, zone: str = NY) -> list[date]:
    return [o.local_start.date() for o in expand(rule, first, zone, FIFTY, **WIDE)]


# ---- build_rrule ---------------------------------------------------------

def test_weekly_rule():
    rule = build_rrule(Frequency.WEEKLY, date(2026, 12, 1), count=5)  # a Tuesday
    assert rule == "FREQ=WEEKLY;INTERVAL=1;BYDAY=TU;COUNT=5"
    days = local_dates(rule, datetime(2026, 12, 1, 10))
    assert days == [date(2026, 12, 1) + timedelta(weeks=i) for i in range(5)]


def test_every_two_weeks_rule():
    rule = build_rrule(Frequency.EVERY_2_WEEKS, date(2026, 12, 3), count=4)  # a Thursday
    assert rule_parts(rule) == {"FREQ": "WEEKLY", "INTERVAL": "2", "BYDAY": "TH", "COUNT": "4"}
    days = local_dates(rule, datetime(2026, 12, 3, 9))
    assert days == [date(2026, 12, 3), date(2026, 12, 17), date(2026, 12, 31), date(2027, 1, 14)]


def test_monthly_by_weekday_rule():
    rule = build_rrule(Frequency.MONTHLY_BY_WEEKDAY, date(2026, 11, 10), count=4)  # second Tuesday
    assert rule == "FREQ=MONTHLY;INTERVAL=1;BYDAY=2TU;COUNT=4"
    assert local_dates(rule, datetime(2026, 11, 10, 10)) == [
        date(2026, 11, 10), date(2026, 12, 8), date(2027, 1, 12), date(2027, 2, 9)]


def test_monthly_on_a_fifth_weekday_means_the_last():
    first = date(2026, 12, 29)  # the fifth Tuesday of December 2026
    assert nth_weekday_of_month(first) == -1
    rule = build_rrule(Frequency.MONTHLY_BY_WEEKDAY, first, count=4)
    assert "BYDAY=-1TU" in rule
    # January, February and March 2027 have their last Tuesday on the 26th, 23rd and 30th.
    assert local_dates(rule, datetime(2026, 12, 29, 10)) == [
        date(2026, 12, 29), date(2027, 1, 26), date(2027, 2, 23), date(2027, 3, 30)]
    assert "last Tuesday" in rule_summary(rule, datetime(2026, 12, 29, 10))


@pytest.mark.parametrize("day, n", [(1, 1), (7, 1), (8, 2), (14, 2), (15, 3), (22, 4), (28, 4), (29, -1), (31, -1)])
def test_nth_weekday_of_month(day, n):
    assert nth_weekday_of_month(date(2026, 12, day)) == n


def test_until_is_inclusive_of_the_end_day():
    rule = build_rrule(Frequency.WEEKLY, date(2026, 12, 1), until=date(2026, 12, 22))
    assert rule.endswith("UNTIL=20261222T235959")
    assert "COUNT" not in rule
    days = local_dates(rule, datetime(2026, 12, 1, 18))
    assert days == [date(2026, 12, 1), date(2026, 12, 8), date(2026, 12, 15), date(2026, 12, 22)]
    assert local_dates(build_rrule(Frequency.WEEKLY, date(2026, 12, 1), until=date(2026, 12, 21)),
                       datetime(2026, 12, 1, 18))[-1] == date(2026, 12, 15)


def test_count_limits_occurrences():
    rule = build_rrule(Frequency.WEEKLY, date(2026, 12, 1), count=3)
    assert len(local_dates(rule, datetime(2026, 12, 1, 10))) == 3
    assert rule_summary(rule, datetime(2026, 12, 1, 10)) == "Every week on Tuesday, 3 times"


@pytest.mark.parametrize("kwargs", [
    {},  # neither
    {"until": date(2027, 1, 1), "count": 3},  # both
    {"count": 0},
    {"count": -1},
    {"until": date(2026, 11, 30)},  # before the first day
])
def test_bad_endings_are_refused(kwargs):
    with pytest.raises(ValueError):
        build_rrule(Frequency.WEEKLY, date(2026, 12, 1), **kwargs)


def test_until_on_the_first_day_gives_one_occurrence():
    rule = build_rrule(Frequency.EVERY_2_WEEKS, date(2026, 12, 1), until=date(2026, 12, 1))
    assert local_dates(rule, datetime(2026, 12, 1, 10)) == [date(2026, 12, 1)]


# ---- wall-clock stability across DST ---------------------------------------

def test_weekly_keeps_local_time_across_spring_forward():
    rule = build_rrule(Frequency.WEEKLY, date(2027, 3, 2), count=4)  # US DST starts 2027-03-14
    occ = expand(rule, datetime(2027, 3, 2, 10), NY, FIFTY, **WIDE)
    assert [o.local_start.time() for o in occ] == [time(10)] * 4
    assert [o.start.hour for o in occ] == [15, 15, 14, 14]  # UTC shifts by the hour
    zone = ZoneInfo(NY)
    assert [o.start.astimezone(zone).hour for o in occ] == [10] * 4
    assert all(o.end - o.start == FIFTY for o in occ)
    assert all(o.start.utcoffset() == timedelta(0) for o in occ)


def test_weekly_keeps_local_time_across_fall_back_in_three_zones():
    for zone_name, first in (
            (NY, date(2026, 10, 27)),
            ("Europe/London", date(2026, 10, 20)),
            ("Australia/Sydney", date(2026, 9, 29)),  # Sydney springs forward in October
    ):
        rule = build_rrule(Frequency.WEEKLY, first, count=3)
        occ = expand(rule, datetime.combine(first, time(10)), zone_name, FIFTY, **WIDE)
        zone = ZoneInfo(zone_name)
        assert [o.start.astimezone(zone).replace(tzinfo=None).time() for o in occ] == [time(10)] * 3
        offsets = {o.start.astimezone(zone).utcoffset() for o in occ}
        assert len(offsets) == 2, zone_name  # the series really crosses a change


def test_nonexistent_local_time_moves_forward():
    # New York springs forward 2026-03-08 02:00 -> 03:00.
    utc = local_to_utc(datetime(2026, 3, 8, 2, 30), ZoneInfo(NY))
    assert utc == datetime(2026, 3, 8, 7, 30, tzinfo=UTC)
    assert utc.astimezone(ZoneInfo(NY)).replace(tzinfo=None) == datetime(2026, 3, 8, 3, 30)
    # London 2026-03-29 01:00 -> 02:00; Sydney 2026-10-04 02:00 -> 03:00.
    assert local_to_utc(datetime(2026, 3, 29, 1, 15), ZoneInfo("Europe/London")) == datetime(
        2026, 3, 29, 1, 15, tzinfo=UTC)
    assert local_to_utc(datetime(2026, 10, 4, 2, 0), ZoneInfo("Australia/Sydney")).astimezone(
        ZoneInfo("Australia/Sydney")).replace(tzinfo=None) == datetime(2026, 10, 4, 3, 0)


def test_a_series_at_a_time_in_the_gap_keeps_its_wall_clock_on_other_weeks():
    first = date(2026, 3, 1)  # Sundays at 02:30; 2026-03-08 has no 02:30 in New York
    rule = build_rrule(Frequency.WEEKLY, first, count=3)
    occ = expand(rule, datetime.combine(first, time(2, 30)), NY, FIFTY, **WIDE)
    zone = ZoneInfo(NY)
    local = [o.start.astimezone(zone).replace(tzinfo=None) for o in occ]
    assert local == [datetime(2026, 3, 1, 2, 30), datetime(2026, 3, 8, 3, 30), datetime(2026, 3, 15, 2, 30)]
    assert occ[1].start > occ[0].start + timedelta(days=6)


def test_ambiguous_local_time_takes_the_first():
    # New York falls back 2026-11-01 02:00 EDT -> 01:00 EST: 01:30 happens twice.
    assert local_to_utc(datetime(2026, 11, 1, 1, 30), ZoneInfo(NY)) == datetime(2026, 11, 1, 5, 30, tzinfo=UTC)
    assert local_to_utc(datetime(2026, 10, 25, 1, 30), ZoneInfo("Europe/London")) == datetime(
        2026, 10, 25, 0, 30, tzinfo=UTC)
    # Sydney falls back 2026-04-05 03:00 AEDT -> 02:00 AEST: 02:30 at +11 first.
    assert local_to_utc(datetime(2026, 4, 5, 2, 30), ZoneInfo("Australia/Sydney")) == datetime(
        2026, 4, 4, 15, 30, tzinfo=UTC)


@given(transition=st.sampled_from(TRANSITIONS), minutes=st.integers(min_value=-180, max_value=180))
def test_local_to_utc_near_every_transition_property(transition, minutes):
    zone = ZoneInfo(transition.zone)
    # A wall-clock time near the change, as a person would type it.
    local = (transition.at + transition.before).replace(tzinfo=None) + timedelta(minutes=minutes)
    utc = local_to_utc(local, zone)
    assert utc.utcoffset() == timedelta(0)
    # Every UTC instant that shows this wall-clock time in the zone.
    candidates = sorted({local - off for off in (transition.before, transition.after)
                         if (local - off).replace(tzinfo=UTC).astimezone(zone).replace(tzinfo=None) == local})
    if candidates:
        assert utc == candidates[0].replace(tzinfo=UTC)  # existing: exact; ambiguous: the first
    else:
        # In the gap: read with the offset before the gap, so it lands later by the gap.
        assert transition.spring_forward
        assert utc == (local - transition.before).replace(tzinfo=UTC)
        shown = utc.astimezone(zone).replace(tzinfo=None)
        assert shown - local == transition.after - transition.before


def test_expand_window_is_half_open_in_utc():
    rule = build_rrule(Frequency.WEEKLY, date(2026, 12, 1), count=10)
    first = datetime(2026, 12, 1, 10)
    start = datetime(2026, 12, 8, 15, 0, tzinfo=UTC)  # exactly the second occurrence
    occ = expand(rule, first, NY, FIFTY, window_start=start, window_end=start + timedelta(weeks=2))
    assert [o.start for o in occ] == [start, start + timedelta(weeks=1)]


def test_expand_refuses_aware_first_local_and_naive_window():
    rule = build_rrule(Frequency.WEEKLY, date(2026, 12, 1), count=2)
    with pytest.raises(ValueError):
        expand(rule, datetime(2026, 12, 1, 10, tzinfo=UTC), NY, FIFTY, **WIDE)
    with pytest.raises(ValueError):
        expand(rule, datetime(2026, 12, 1, 10), NY, FIFTY,
               window_start=datetime(2026, 1, 1), window_end=datetime(2027, 1, 1, tzinfo=UTC))


def test_day_bounds_on_dst_days():
    s, e = day_bounds_utc(date(2026, 3, 8), NY)
    assert e - s == timedelta(hours=23)
    s, e = day_bounds_utc(date(2026, 11, 1), NY)
    assert e - s == timedelta(hours=25)
    s, e = day_bounds_utc(date(2026, 11, 24), NY)
    assert (s, e - s) == (datetime(2026, 11, 24, 5, tzinfo=UTC), DAY)


# ---- "cancel all upcoming" --------------------------------------------------

def test_plan_with_a_series_partly_inside_the_window():
    occ = [
        OccurrenceState(1, NOW - timedelta(days=7), True),  # past: never touched
        OccurrenceState(2, NOW - timedelta(minutes=10), True),  # started: never touched
        OccurrenceState(3, NOW + timedelta(hours=20), True),  # inside the window: stays
        OccurrenceState(4, NOW + DAY, True),  # exactly 24 h: may cancel
        OccurrenceState(5, NOW + timedelta(days=7), False),  # already cancelled: not touched
        OccurrenceState(6, NOW + timedelta(days=14), True),
        OccurrenceState(7, NOW + DAY - timedelta(seconds=1), True),  # a second short: stays
    ]
    plan = plan_series_cancellation(reversed(occ), NOW)
    assert [p.id for p in plan.cancel] == [4, 6]
    assert [p.id for p in plan.stay] == [3, 7]
    assert plan.anything_to_cancel
    assert all(p.decision.status is NoticeStatus.BLOCKED_WINDOW for p in plan.stay)
    assert all(p.decision.can_request_late_cancellation for p in plan.stay)
    assert plan.stay[0].decision.deadline == NOW - timedelta(hours=4)


def test_plan_with_everything_inside_the_window_cancels_nothing():
    plan = plan_series_cancellation([OccurrenceState(1, NOW + timedelta(hours=2), True)], NOW)
    assert not plan.anything_to_cancel
    assert [p.id for p in plan.stay] == [1]


def test_plan_uses_the_given_notice():
    occ = [OccurrenceState(1, NOW + timedelta(hours=30), True)]
    assert [p.id for p in plan_series_cancellation(occ, NOW, timedelta(hours=48)).stay] == [1]
    assert [p.id for p in plan_series_cancellation(occ, NOW, timedelta(hours=24)).cancel] == [1]


def test_plan_refuses_naive_now():
    with pytest.raises(ValueError):
        plan_series_cancellation([], NOW.replace(tzinfo=None))


_offsets = st.one_of(
    st.integers(min_value=-30 * 86400, max_value=90 * 86400),
    st.sampled_from([0, 1, -1, 86400, 86399, 86401, 172800]),  # the edges
)


@given(
    rows=st.lists(st.tuples(_offsets, st.booleans()), max_size=40),
    notice_h=st.sampled_from([0, 1, 24, 48]),
)
def test_plan_partitions_the_upcoming_scheduled_occurrences_property(rows, notice_h):
    notice = timedelta(hours=notice_h)
    occ = [OccurrenceState(i, NOW + timedelta(seconds=s), sched) for i, (s, sched) in enumerate(rows)]
    assume(len({o.start for o in occ}) == len(occ))  # a series has one occurrence per instant
    plan = plan_series_cancellation(occ, NOW, notice)
    cancel = {p.id for p in plan.cancel}
    stay = {p.id for p in plan.stay}
    upcoming = {o.id for o in occ if o.is_scheduled and o.start > NOW}
    assert cancel | stay == upcoming
    assert not cancel & stay
    by_id = {o.id: o for o in occ}
    for p in plan.cancel:
        assert p.start == by_id[p.id].start
        assert p.decision.allowed
        assert notice_decision(p.start, NOW, notice).allowed
    for p in plan.stay:
        assert p.decision.status is NoticeStatus.BLOCKED_WINDOW
        assert not notice_decision(p.start, NOW, notice).allowed
    # Shown to the client in time order.
    assert [p.start for p in plan.cancel] == sorted(p.start for p in plan.cancel)
    assert [p.start for p in plan.stay] == sorted(p.start for p in plan.stay)
    # Everything that stays comes before everything cancelled: the window is a prefix.
    if plan.cancel and plan.stay:
        assert max(p.start for p in plan.stay) < min(p.start for p in plan.cancel)


# ---- editing a rule: frequency, ending before a day, how early a change may start --------

first_days = st.dates(min_value=date(2020, 1, 1), max_value=date(2035, 12, 31))
endings = st.one_of(st.integers(min_value=1, max_value=30).map(lambda n: {"count": n}),
                    st.integers(min_value=0, max_value=400).map(lambda d: {"until_days": d}))


def _rule(frequency: Frequency, first: date, ending: dict) -> str:
    if "count" in ending:
        return build_rrule(frequency, first, count=ending["count"])
    return build_rrule(frequency, first, until=first + timedelta(days=ending["until_days"]))


@given(frequency=st.sampled_from(list(Frequency)), first=first_days, ending=endings)
def test_frequency_of_reads_back_what_build_rrule_wrote(frequency, first, ending):
    rule = _rule(frequency, first, ending)
    assert frequency_of(rule) is frequency
    assert frequency_of(end_rule_before(rule, first + timedelta(days=1))) is frequency


@given(frequency=st.sampled_from(list(Frequency)), first=first_days, ending=endings,
       pick=st.integers(min_value=0, max_value=40))
def test_end_rule_before_keeps_exactly_the_occurrences_before_that_day(frequency, first, ending, pick):
    rule = _rule(frequency, first, ending)
    start = datetime.combine(first, time(10))
    days = local_dates(rule, start)
    cut = days[pick % len(days)]  # the day of one occurrence: the first one cancelled or replaced
    ended = end_rule_before(rule, cut)
    assert "COUNT=" not in ended and ended.count("UNTIL=") == 1
    assert ended.endswith(f"UNTIL={cut - timedelta(days=1):%Y%m%d}T235959")
    assert [p for p in ended.split(";") if not p.startswith("UNTIL=")] == [
        p for p in rule.split(";") if not p.startswith(("COUNT=", "UNTIL="))]
    assert local_dates(ended, start) == [d for d in days if d < cut]


def test_end_rule_before_replaces_a_count_or_an_until():
    assert end_rule_before("FREQ=WEEKLY;INTERVAL=1;BYDAY=TU;COUNT=10", date(2026, 12, 15)) == (
        "FREQ=WEEKLY;INTERVAL=1;BYDAY=TU;UNTIL=20261214T235959")
    assert end_rule_before("FREQ=WEEKLY;INTERVAL=2;BYDAY=TU;until=20271231T235959", date(2027, 1, 1)) == (
        "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU;UNTIL=20261231T235959")


@given(replaced=first_days)
def test_a_changed_series_may_start_six_days_before_the_occurrence_it_replaces(replaced):
    earliest = earliest_changed_start(replaced)
    assert replaced - earliest == timedelta(days=6)
    # A weekly series' previous occurrence, a week before, is never inside the allowed days.
    assert replaced - timedelta(weeks=1) < earliest
