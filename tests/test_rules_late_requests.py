"""Rule 2: which decisions a provider can take on a late-cancellation request, and why not."""

from __future__ import annotations

import pytest

from desktop.rules.late_requests import LateDecision, LateRefusalReason, late_decisions, late_refusal
from desktop.rules.vocabulary import AppointmentStatus, LateRequestStatus

DECIDED = [s for s in LateRequestStatus if s is not LateRequestStatus.PENDING]


def test_a_decision_is_stored_as_a_request_status():
    assert [d.status for d in LateDecision] == [LateRequestStatus.APPROVED_WITH_FEE,
                                                LateRequestStatus.APPROVED_WAIVED, LateRequestStatus.DECLINED]
    assert [d.approves for d in LateDecision] == [True, True, False]


def test_a_pending_request_on_a_scheduled_appointment_can_take_every_decision():
    assert late_decisions(LateRequestStatus.PENDING, AppointmentStatus.SCHEDULED) == tuple(LateDecision)


@pytest.mark.parametrize("appointment", [s for s in AppointmentStatus if s is not AppointmentStatus.SCHEDULED])
def test_once_the_appointment_is_not_scheduled_the_request_can_only_be_declined(appointment):
    assert late_decisions(LateRequestStatus.PENDING, appointment) == (LateDecision.DECLINE,)
    refusal = late_refusal(LateRequestStatus.PENDING, appointment, LateDecision.APPROVE_WAIVE)
    assert refusal.reason is LateRefusalReason.APPOINTMENT_NOT_SCHEDULED
    assert refusal.message() == (f"The appointment is already {appointment.label.lower()}, so it can no longer "
                                 "be late-cancelled; decline the request to close it.")


@pytest.mark.parametrize("request_status", DECIDED)
@pytest.mark.parametrize("appointment", list(AppointmentStatus))
def test_a_decided_request_takes_no_decision(request_status, appointment):
    assert late_decisions(request_status, appointment) == ()
    for decision in LateDecision:
        refusal = late_refusal(request_status, appointment, decision)
        assert refusal.reason is LateRefusalReason.ALREADY_DECIDED
        assert refusal.message().startswith("This request was already decided (")


def test_stored_strings_are_read_as_the_vocabulary():
    assert late_decisions("pending", "scheduled") == tuple(LateDecision)
    with pytest.raises(ValueError):
        late_decisions("maybe", "scheduled")
