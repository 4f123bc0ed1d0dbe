"""Rescheduling: one transaction, only while the client could still cancel."""

from __future__ import annotations

from datetime import timedelta

import pytest

from desktop.services import cancellation
from desktop.services.errors import Conflict, InvalidInput, NotAllowed, RuleRefused
from desktop.services.reschedule import reschedule_appointment
from desktop.store.models import Appointment, AppointmentStatus, AuditEvent, FeePolicy
from tests import factories as f


@pytest.fixture
def team(db, now):
    return f.make_team(now)


def test_reschedule_moves_the_appointment_and_audits_it(team, now):
    appt = f.book(team.client, team.client, now + timedelta(days=3), now=now)
    new_start = now + timedelta(days=6)  # Monday 10:00 in New York: an open slot
    result = reschedule_appointment(team.client, appt, new_start, expected_version=1, now=now)
    row = Appointment.get_by_id(appt)
    assert (row.starts_at, row.ends_at - row.starts_at, row.version) == (new_start, f.SESSION, 2)
    assert row.status == AppointmentStatus.SCHEDULED
    assert "moved to" in result.summary
    event = AuditEvent.get(AuditEvent.action == "reschedule")
    assert event.entity_id == appt and event.detail["new_start"] == new_start.isoformat()


def test_reschedule_takes_the_current_policy(team, now):
    appt = f.book(team.client, team.client, now + timedelta(days=3), now=now)
    pid = f.provider_of(team.client)
    FeePolicy.create(provider=pid, version=2, late_cancellation_fee_cents=1, no_show_fee_cents=2, policy_text="v2")
    reschedule_appointment(team.client, appt, now + timedelta(days=6), now=now)
    assert Appointment.get_by_id(appt).policy.version == 2


def test_reschedule_inside_the_window_is_refused(team, now):
    appt = f.book(team.owner, team.client, now + timedelta(hours=20), now=now - timedelta(days=2))
    with pytest.raises(RuleRefused, match="Free cancellation ended"):
        reschedule_appointment(team.client, appt, now + timedelta(days=4), now=now)
    assert Appointment.get_by_id(appt).starts_at == now + timedelta(hours=20)


def test_reschedule_into_a_taken_slot_is_refused(team, now):
    appt = f.book(team.client, team.client, now + timedelta(days=3), now=now)
    taken = now + timedelta(days=6)
    f.book(team.owner, team.client, taken + timedelta(minutes=20), now=now)
    with pytest.raises(Conflict, match="no longer free"):
        reschedule_appointment(team.client, appt, taken, now=now)


def test_reschedule_refuses_others_and_other_roles(team, now):
    theirs = f.book(team.other_client, team.other_client, now + timedelta(days=3), now=now)
    with pytest.raises(NotAllowed):
        reschedule_appointment(team.client, theirs, now + timedelta(days=5), now=now)
    for other in (team.owner, team.other_provider, team.support):
        with pytest.raises(NotAllowed):
            reschedule_appointment(other, theirs, now + timedelta(days=5), now=now)


def test_reschedule_refuses_cancelled_stale_past_and_same_time(team, now):
    appt = f.book(team.client, team.client, now + timedelta(days=3), now=now)
    with pytest.raises(InvalidInput):
        reschedule_appointment(team.client, appt, now - timedelta(hours=1), now=now)
    with pytest.raises(InvalidInput):
        reschedule_appointment(team.client, appt, now + timedelta(days=3), now=now)
    with pytest.raises(Conflict, match="changed since you opened it"):
        reschedule_appointment(team.client, appt, now + timedelta(days=5), expected_version=7, now=now)
    cancellation.client_cancel_one(team.client, appt, "schedule_conflict", now=now)
    with pytest.raises(Conflict, match="already cancelled"):
        reschedule_appointment(team.client, appt, now + timedelta(days=5), now=now)
