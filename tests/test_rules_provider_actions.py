"""What a provider may do with an appointment now: cancel, move, no-show, series cancel and change."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.rules.provider_actions import (
    ActionRefusal,
    ProviderAction,
    RefusalReason,
    cancel_refusal,
    changed_start_refusal,
    move_refusal,
    no_show_refusal,
    not_scheduled_text,
    series_cancel_refusal,
    series_change_refusal,
)
from desktop.rules.vocabulary import AppointmentStatus

NOW = datetime(2026, 11, 24, 15, 0, tzinfo=UTC)
HOUR = timedelta(hours=1)
GRACE = timedelta(minutes=15)
NY = "America/New_York"
SCHEDULED = AppointmentStatus.SCHEDULED
NOT_SCHEDULED = [s for s in AppointmentStatus if s is not SCHEDULED]
offsets = st.integers(min_value=-3 * 24 * 60, max_value=3 * 24 * 60).map(lambda m: timedelta(minutes=m))


def reason(refusal: ActionRefusal | None) -> RefusalReason | None:
    return refusal.reason if refusal is not None else None


@pytest.mark.parametrize("status", NOT_SCHEDULED)
def test_an_appointment_acted_on_already_refuses_every_action_with_one_text(status):
    later = NOW + 2 * HOUR
    refusals = [cancel_refusal(status, later, NOW), move_refusal(status, later, NOW),
                no_show_refusal(status, NOW - HOUR, NOW, GRACE, has_pending_request=False),
                series_cancel_refusal(status, later, NOW, repeats=True),
                series_change_refusal(status, later, NOW, repeats=True)]
    assert {r.reason for r in refusals} == {RefusalReason.NOT_SCHEDULED}
    assert {r.message(NY) for r in refusals} == {not_scheduled_text(status)}
    assert not_scheduled_text(status) == f"This appointment is already {status.label.lower()}; nothing was changed."


@given(end=offsets)
def test_cancel_is_refused_exactly_once_the_appointment_is_over(end):
    refusal = cancel_refusal(SCHEDULED, NOW + end, NOW)
    assert reason(refusal) is (RefusalReason.ALREADY_OVER if end <= timedelta(0) else None)
    if refusal is not None:
        assert "mark it a no-show instead" in refusal.message(NY)


@given(start=offsets)
def test_move_is_refused_exactly_once_the_appointment_has_started(start):
    refusal = move_refusal(SCHEDULED, NOW + start, NOW)
    assert reason(refusal) is (RefusalReason.ALREADY_STARTED if start <= timedelta(0) else None)
    if refusal is not None:
        assert refusal.message(NY).endswith("past appointments are never moved.")


@given(since_start=offsets, pending=st.booleans())
def test_no_show_waits_for_the_grace_period_then_for_a_pending_request(since_start, pending):
    start = NOW - since_start
    refusal = no_show_refusal(SCHEDULED, start, NOW, GRACE, has_pending_request=pending)
    if since_start < GRACE:
        assert reason(refusal) is RefusalReason.GRACE_NOT_OVER
        assert refusal.allowed_from == start + GRACE
    elif pending:  # the client's request is answered before a no-show can overtake it
        assert reason(refusal) is RefusalReason.LATE_REQUEST_PENDING
        assert refusal.allowed_from is None
    else:
        assert refusal is None


def test_no_show_refusal_texts_name_the_time_in_the_viewers_zone_and_the_way_on():
    start = datetime(2026, 11, 24, 15, 0, tzinfo=UTC)  # 10:00 EST
    early = no_show_refusal(SCHEDULED, start, start + timedelta(minutes=5), GRACE, has_pending_request=True)
    assert early.message(NY) == ("A no-show can be marked once 15 minutes have passed after the start. "
                                 "That is from Tue 24 Nov, 10:15 EST.")
    assert early.message("Europe/London").endswith("15:15 GMT.")
    pending = no_show_refusal(SCHEDULED, start, start + GRACE, GRACE, has_pending_request=True)
    assert "Decide their late-cancellation request in Requests first" in pending.message(NY)


def test_a_grace_refusal_always_carries_its_eligibility():
    with pytest.raises(ValueError):
        ActionRefusal(ProviderAction.NO_SHOW, RefusalReason.GRACE_NOT_OVER, SCHEDULED)


@pytest.mark.parametrize("status", list(AppointmentStatus))
def test_a_single_appointment_is_never_the_start_of_a_series_edit(status):
    cancel = series_cancel_refusal(status, NOW - HOUR, NOW, repeats=False)
    change = series_change_refusal(status, NOW - HOUR, NOW, repeats=False)
    assert reason(cancel) is reason(change) is RefusalReason.DOES_NOT_REPEAT
    assert cancel.message(NY) == "This appointment does not repeat; cancel it on its own."
    assert change.message(NY) == "This appointment does not repeat; move it on its own."


@given(end=offsets)
def test_series_cancel_starts_at_an_occurrence_that_is_not_over(end):
    refusal = series_cancel_refusal(SCHEDULED, NOW + end, NOW, repeats=True)
    assert reason(refusal) is (RefusalReason.ALREADY_OVER if end <= timedelta(0) else None)
    if refusal is not None:
        assert refusal.message(NY).endswith("past appointments are never cancelled.")


@given(start=offsets, status=st.sampled_from(list(AppointmentStatus)))
def test_series_change_refuses_a_started_occurrence_before_asking_its_status(start, status):
    refusal = series_change_refusal(status, NOW + start, NOW, repeats=True)
    if start <= timedelta(0):
        assert reason(refusal) is RefusalReason.ALREADY_STARTED
        assert refusal.message(NY) == "Pick an upcoming occurrence: past appointments are never changed."
    elif status is not SCHEDULED:
        assert reason(refusal) is RefusalReason.NOT_SCHEDULED
    else:
        assert refusal is None


@given(replaced=st.dates(min_value=date(2000, 1, 1), max_value=date(2090, 1, 1)),
       days=st.integers(min_value=-60, max_value=60))
def test_a_changed_series_starts_at_most_six_days_before_the_occurrence_it_replaces(replaced, days):
    refusal = changed_start_refusal(SCHEDULED, replaced + timedelta(days=days), replaced)
    assert reason(refusal) is (RefusalReason.STARTS_TOO_EARLY if days < -6 else None)
    if refusal is not None:
        assert "more than a week before the occurrence it replaces" in refusal.message(NY)
