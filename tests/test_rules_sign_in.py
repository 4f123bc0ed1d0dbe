"""The sign-in throttle and the session bounds: pure rules."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.rules import sign_in as rules
from desktop.rules.limits import WHOLES, whole_problem
from desktop.rules.session import MAX_LOCK_MINUTES, MIN_LOCK_MINUTES

T0 = datetime(2026, 11, 24, 15, 0, tzinfo=UTC)
failures = st.integers(min_value=0, max_value=10_000)
offsets = st.timedeltas(min_value=timedelta(seconds=-3600), max_value=timedelta(days=2))


def test_the_first_failures_cost_nothing_then_the_wait_doubles_to_its_cap():
    waits = [rules.delay_after(n) for n in range(0, 10)]
    assert waits[:rules.FREE_FAILURES + 1] == [timedelta(0)] * (rules.FREE_FAILURES + 1)
    assert waits[rules.FREE_FAILURES + 1:rules.FREE_FAILURES + 5] == [
        timedelta(seconds=30), timedelta(seconds=60), timedelta(seconds=120), timedelta(seconds=240)]
    assert rules.delay_after(10_000) == rules.MAX_DELAY == timedelta(minutes=15)


@given(failures, failures)
def test_the_delay_never_shrinks_as_failures_grow_and_never_passes_the_cap(a, b):
    low, high = sorted((a, b))
    assert timedelta(0) <= rules.delay_after(low) <= rules.delay_after(high) <= rules.MAX_DELAY


@given(failures, offsets)
def test_a_wait_is_at_most_the_delay_and_ends_when_the_delay_has_passed(count, since_failure):
    now = T0 + since_failure
    decision = rules.throttle(count, T0, now)
    delay = rules.delay_after(count)
    assert timedelta(0) <= decision.wait <= delay  # a clock behind the failure's never waits longer
    if since_failure >= rules.FORGET_AFTER:
        assert decision.allowed and decision.failures == 0
    elif since_failure >= delay or delay == timedelta(0):
        assert decision.allowed
    else:
        assert not decision.allowed
        assert decision.retry_at == now + decision.wait
        assert "Too many attempts for this user name: try again in" in decision.message()


@given(failures, offsets, st.timedeltas(min_value=timedelta(0), max_value=timedelta(hours=1)))
def test_the_wait_only_shortens_as_time_passes(count, since_failure, later):
    now = T0 + max(since_failure, timedelta(0))
    assert rules.throttle(count, T0, now + later).wait <= rules.throttle(count, T0, now).wait


@given(failures, offsets)
def test_each_failure_counts_one_more_unless_the_last_was_long_ago(count, since_failure):
    now = T0 + max(since_failure, timedelta(0))
    new_count, next_attempt = rules.after_failure(count, T0, now)
    expected = 1 if count == 0 or since_failure >= rules.FORGET_AFTER else count + 1
    assert new_count == expected
    assert next_attempt.wait == rules.delay_after(new_count)


def test_nothing_stored_means_no_wait():
    assert rules.throttle(0, None, T0) == rules.NO_WAIT
    assert rules.after_failure(0, None, T0)[0] == 1


def test_the_message_says_the_wait_rounded_up():
    assert rules.wait_words(timedelta(seconds=30)) == "30 seconds"
    assert rules.wait_words(timedelta(seconds=0.2)) == "1 second"
    assert rules.wait_words(timedelta(seconds=29.1)) == "30 seconds"
    assert rules.wait_words(timedelta(seconds=240)) == "4 minutes"
    assert rules.wait_words(timedelta(seconds=241)) == "5 minutes"
    decision = rules.throttle(rules.FREE_FAILURES + 1, T0, T0)
    assert decision.message() == "Too many attempts for this user name: try again in 30 seconds."


def test_naive_instants_are_refused():
    with pytest.raises(ValueError):
        rules.throttle(3, T0.replace(tzinfo=None), T0)
    with pytest.raises(ValueError):
        rules.throttle(3, T0, T0.replace(tzinfo=None))


@pytest.mark.parametrize("name, possible", [
    ("owner", True), ("dr.rivera", True), ("", False), ("a\x00b", False), ("tab\there", False),
    ("lone\ud800", False), ("x" * 255, True), ("x" * 256, False),
])
def test_names_no_account_can_have(name, possible):
    assert rules.could_be_username(name) is possible


def test_user_names_compare_without_case_or_surrounding_spaces():
    assert rules.normalise_username("  Dr.Rivera ") == "dr.rivera"


@given(st.one_of(st.integers(-1000, 1000), st.floats(), st.booleans(), st.text(max_size=3), st.none()))
def test_the_lock_timeout_is_whole_minutes_from_5_to_30(value):
    ok = isinstance(value, int) and not isinstance(value, bool) and MIN_LOCK_MINUTES <= value <= MAX_LOCK_MINUTES
    problem = whole_problem("lock_after_minutes", value, WHOLES["lock_after_minutes"])
    assert (problem is None) is ok
    if problem:
        assert problem.message.startswith("The lock timeout must be a whole number of minutes")


def test_the_lock_bounds_are_5_and_30_minutes():
    limit = WHOLES["lock_after_minutes"]
    assert [whole_problem("lock_after_minutes", v, limit) is None for v in (4, 5, 30, 31)] == \
        [False, True, True, False]
