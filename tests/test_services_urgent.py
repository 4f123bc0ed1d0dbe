"""Rule 6: a client who asks to be contacted while cancelling reaches a person.

The urgent item is raised in the cancellation's own transaction, flagged in Messages,
counted for the provider, and stays until the provider marks it handled (audited).
"""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from desktop.rules import limits
from desktop.rules.vocabulary import ThreadKind
from desktop.services import urgent
from desktop.services.calendar import provider_range
from desktop.services.cancellation import client_cancel_one, client_cancel_upcoming, request_late_cancellation
from desktop.services.errors import Conflict, InvalidInput, NotAllowed
from desktop.services.result import Change
from desktop.store.models import Appointment, AuditEvent, Message, Thread, UrgentItem
from tests import factories
from tests.factories import add_appointment, audit_count, weekly_series

CRISIS = "unsafe"
CONTACT_ME = {"provider_contact": "yes"}
NOT_NOW = {"provider_contact": "no"}


@pytest.fixture
def team(db, now):
    return factories.make_team(now)


def test_asking_to_be_contacted_raises_an_urgent_item_with_the_cancellation(team, now):
    appt = add_appointment(team.client, now + timedelta(days=3)).id
    result = client_cancel_one(team.client, appt, CRISIS, CONTACT_ME, now=now)

    assert result.changes & Change.URGENT and result.changes & Change.MESSAGES
    (item,) = urgent.urgent_items(team.owner)
    assert (item.client_id, item.appointment_id, item.open) == (team.client.client_id, appt, True)
    assert "asked to be contacted" in item.summary and "Feeling unsafe or in crisis" in item.summary
    assert urgent.open_urgent_count(team.owner) == 1
    # The flagged message is in the provider's Messages, tied to the appointment.
    thread = Thread.get_by_id(item.thread_id)
    assert (thread.kind, thread.appointment_id, thread.provider_id) == (ThreadKind.URGENT, appt,
                                                                         team.owner.provider_id)
    assert Message.get(Message.thread == thread).body == item.summary
    # The calendar marks the appointment.
    (row,) = [r for r in provider_range(team.owner, now, now + timedelta(days=7)) if r.id == appt]
    assert row.urgent
    assert AuditEvent.select().where(AuditEvent.action == "raise_urgent_item").count() == 1


def test_other_answers_raise_nothing(team, now):
    first = add_appointment(team.client, now + timedelta(days=3)).id
    second = add_appointment(team.client, now + timedelta(days=4)).id
    client_cancel_one(team.client, first, CRISIS, NOT_NOW, now=now)
    result = client_cancel_one(team.client, second, "schedule_conflict", {}, now=now)
    assert not result.changes & Change.URGENT
    assert UrgentItem.select().count() == 0 and urgent.open_urgent_count(team.owner) == 0


def test_cancelling_a_series_raises_one_item(team, now):
    series_id = weekly_series(team.owner, team.client, datetime(2026, 11, 30, 10, 0), now=now, count=4)
    first = Appointment.select().where(Appointment.series == series_id).order_by(Appointment.starts_at).first()
    result = client_cancel_upcoming(team.client, first.id, CRISIS, CONTACT_ME, now=now)
    assert len(result.value) == 4 and result.changes & Change.URGENT
    assert [i.appointment_id for i in urgent.urgent_items(team.owner)] == [first.id]


def test_a_late_request_that_asks_for_contact_raises_one_too(team, now):
    appt = add_appointment(team.client, now + timedelta(hours=5)).id
    result = request_late_cancellation(team.client, appt, "I can't come", reason_code=CRISIS, answers=CONTACT_ME,
                                       now=now)
    assert result.changes & Change.URGENT
    assert [i.appointment_id for i in urgent.urgent_items(team.owner)] == [appt]


def test_marking_handled_keeps_the_item_audited_and_refuses_twice(team, now):
    appt = add_appointment(team.client, now + timedelta(days=3)).id
    client_cancel_one(team.client, appt, CRISIS, CONTACT_ME, now=now)
    (item,) = urgent.urgent_items(team.owner)
    later = now + timedelta(minutes=20)

    urgent.mark_urgent_handled(team.owner, item.id, "Called; booked a telehealth session.",
                               expected_version=item.version, now=later)

    assert urgent.urgent_items(team.owner) == [] and urgent.open_urgent_count(team.owner) == 0
    (done,) = urgent.urgent_items(team.owner, include_handled=True)
    assert (done.open, done.handled_at, done.handled_note) == (False, later, "Called; booked a telehealth session.")
    assert done.handled_by == team.owner.display_name
    (row,) = [r for r in provider_range(team.owner, now, now + timedelta(days=7)) if r.id == appt]
    assert not row.urgent
    event = AuditEvent.get(AuditEvent.action == "handle_urgent_item")
    assert (event.actor_id, event.entity_id) == (team.owner.user_id, item.id)
    with pytest.raises(Conflict):
        urgent.mark_urgent_handled(team.owner, item.id, now=later)


def test_a_stale_version_is_refused_and_nothing_is_written(team, now):
    appt = add_appointment(team.client, now + timedelta(days=3)).id
    client_cancel_one(team.client, appt, CRISIS, CONTACT_ME, now=now)
    (item,) = urgent.urgent_items(team.owner)
    before = audit_count()
    with pytest.raises(Conflict):
        urgent.mark_urgent_handled(team.owner, item.id, expected_version=item.version + 1, now=now)
    assert urgent.open_urgent_count(team.owner) == 1 and audit_count() == before


def test_only_the_clients_provider_sees_and_handles_it(team, now):
    appt = add_appointment(team.client, now + timedelta(days=3)).id
    client_cancel_one(team.client, appt, CRISIS, CONTACT_ME, now=now)
    (item,) = urgent.urgent_items(team.owner)
    before = audit_count()
    assert urgent.urgent_items(team.other_provider, include_handled=True) == []
    with pytest.raises(NotAllowed):
        urgent.mark_urgent_handled(team.other_provider, item.id, now=now)
    for someone in (team.client, team.support):
        with pytest.raises(NotAllowed):
            urgent.mark_urgent_handled(someone, item.id, now=now)
        with pytest.raises(NotAllowed):
            urgent.urgent_items(someone)
    assert urgent.open_urgent_count(team.owner) == 1 and audit_count() == before


def test_a_note_that_is_too_long_is_refused(team, now):
    appt = add_appointment(team.client, now + timedelta(days=3)).id
    client_cancel_one(team.client, appt, CRISIS, CONTACT_ME, now=now)
    (item,) = urgent.urgent_items(team.owner)
    with pytest.raises(InvalidInput):
        urgent.mark_urgent_handled(team.owner, item.id, "x" * (limits.NOTE.max_length + 1), now=now)
    assert urgent.open_urgent_count(team.owner) == 1


def test_the_result_tells_the_client_who_will_get_in_touch(team, now):
    appt = add_appointment(team.client, now + timedelta(days=3)).id
    result = client_cancel_one(team.client, appt, CRISIS, CONTACT_ME, now=now)
    assert team.owner.display_name in result.notice and "reach out" in result.notice
    other = add_appointment(team.client, now + timedelta(days=4)).id
    assert client_cancel_one(team.client, other, CRISIS, NOT_NOW, now=now).notice == ""
