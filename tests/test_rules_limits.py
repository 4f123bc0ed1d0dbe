"""The declared input limits (pure) and the rule that says whether a client's time is offered."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from desktop.rules import limits
from desktop.rules.limits import ProblemKind
from desktop.rules.money import Money
from desktop.rules.series import Frequency, build_rrule
from desktop.rules.slots import SlotRefusal, WorkingBlock, offered_slot_refusal

NY = ZoneInfo("America/New_York")
NOW = datetime(2026, 11, 24, 15, 0, tzinfo=UTC)  # Tuesday 10:00 in New York


@pytest.mark.parametrize("value, limit, kind", [
    ("x" * 201, limits.SUBJECT, ProblemKind.TOO_LONG),
    ("a\x00b", limits.BODY, ProblemKind.CONTROL_CHARACTER),
    ("a\nb", limits.SUBJECT, ProblemKind.CONTROL_CHARACTER),
    ("a\x7f", limits.BODY, ProblemKind.CONTROL_CHARACTER),
    ("\ud800", limits.BODY, ProblemKind.NOT_TEXT),
    (None, limits.BODY, ProblemKind.WRONG_TYPE),
    (b"bytes", limits.BODY, ProblemKind.WRONG_TYPE),
])
def test_text_problems(value, limit, kind):
    problem = limits.text_problem("field", value, limit)
    assert problem is not None and problem.kind is kind and problem.field == "field"
    assert problem.message.startswith(f"The {limit.label}")


@pytest.mark.parametrize("value", ["x" * 200, "Line one\n\tLine two", "Ünïcødé ✓ 🙂", ""])
def test_text_within_the_limits_passes(value):
    limit = limits.BODY if "\n" in value else limits.SUBJECT
    assert limits.text_problem("field", value, limit) is None


def test_every_declared_text_limit_is_positive_and_labelled():
    for name, limit in limits.TEXTS.items():
        assert limit.max_length > 0 and limit.label, name


@pytest.mark.parametrize("value, ok", [(0, True), (336, True), (337, False), (-1, False), (24.0, False),
                                       (True, False), ("24", False), (10**30, False)])
def test_notice_hours_are_whole_hours_in_range(value, ok):
    problem = limits.whole_problem("notice_hours", value, limits.WHOLES["notice_hours"])
    assert (problem is None) is ok
    if problem is not None:
        assert "whole number of hours" in problem.message


def test_ids_fit_the_database_integer():
    ids = limits.whole_for("appointment_id")
    assert (ids.minimum, ids.maximum) == (1, 2**31 - 1)
    assert limits.whole_problem("appointment_id", 2**31, ids).kind is ProblemKind.OUT_OF_RANGE


@pytest.mark.parametrize("span, ok", [(timedelta(minutes=5), True), (timedelta(hours=12), True),
                                      (timedelta(minutes=4), False), (timedelta(hours=12, minutes=1), False),
                                      (timedelta(minutes=50, seconds=1), False), (50, False)])
def test_appointment_lengths(span, ok):
    assert (limits.span_problem("duration", span, limits.SPANS["duration"]) is None) is ok


@pytest.mark.parametrize("amount, ok", [(Money(0), True), (limits.MAX_FEE, True), (Money(-1), False),
                                        (Money(limits.MAX_FEE.cents + 1), False), (12.5, False),
                                        (Money(100, "usd"), False)])
def test_amounts_are_money_within_the_maximum(amount, ok):
    assert (limits.amount_problem("new_amount", amount, limits.AMOUNTS["new_amount"]) is None) is ok


def test_instants_must_be_aware_and_within_the_years():
    assert limits.instant_problem("now", NOW) is None
    assert limits.instant_problem("now", NOW.replace(tzinfo=None)).kind is ProblemKind.NAIVE
    assert limits.instant_problem("now", datetime(9999, 1, 1, tzinfo=UTC)).kind is ProblemKind.OUT_OF_RANGE
    assert limits.wall_clock_problem("first_local", datetime(2026, 12, 1, 10)) is None
    assert limits.wall_clock_problem("first_local", NOW).kind is ProblemKind.AWARE


def test_a_string_frequency_is_not_a_frequency():
    with pytest.raises(ValueError, match="Every week"):
        build_rrule("weekly", datetime(2026, 12, 1).date(), count=3)


HOURS = [WorkingBlock(d, time(9), time(12)) for d in range(5)]
SESSION = timedelta(minutes=50)


@pytest.mark.parametrize("start, length, refusal", [
    (datetime(2026, 11, 27, 10, tzinfo=NY), SESSION, None),
    (datetime(2026, 11, 27, 11, tzinfo=NY), SESSION, None),
    (datetime(2026, 11, 27, 10, 30, tzinfo=NY), SESSION, SlotRefusal.NOT_OFFERED),  # off the hourly step
    (datetime(2026, 11, 29, 10, tzinfo=NY), SESSION, SlotRefusal.NOT_OFFERED),  # a Sunday
    (datetime(2026, 11, 27, 13, tzinfo=NY), SESSION, SlotRefusal.NOT_OFFERED),  # after hours
    (datetime(2026, 12, 18, 10, tzinfo=NY), SESSION, SlotRefusal.NOT_OFFERED),  # past the booking days
    (datetime(2026, 11, 24, 9, tzinfo=NY), SESSION, SlotRefusal.NOT_OFFERED),  # already begun today
    (datetime(2026, 11, 27, 10, tzinfo=NY), timedelta(minutes=30), SlotRefusal.WRONG_LENGTH),
])
def test_offered_slot_refusal(start, length, refusal):
    assert offered_slot_refusal(HOURS, "America/New_York", start, length, SESSION, NOW) is refusal


def test_a_frequency_enum_member_still_builds():
    assert build_rrule(Frequency.WEEKLY, datetime(2026, 12, 1).date(), count=3).startswith("FREQ=WEEKLY")
