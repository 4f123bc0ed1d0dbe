"""Reminders (issue #14, item 1), on both databases: due from the person's lead before the start
or the free-cancellation deadline, never before, once (recorded: a restart or another
workstation does not repeat it), caught up after a sleep while still meaningful, never for a
cancelled appointment; each person's own times."""

from __future__ import annotations

from datetime import timedelta

import pytest

from desktop.rules.reminders import CLIENT_DEFAULTS, PROVIDER_DEFAULTS, ReminderKind, ReminderSettings
from desktop.rules.vocabulary import AppointmentStatus
from desktop.services import reminders
from desktop.services.errors import InvalidInput, NotAllowed
from desktop.store.models import Appointment
from desktop.store.reminder_models import ReminderShown
from tests import factories
from tests.factories import add_appointment

SECOND = timedelta(seconds=1)


@pytest.fixture
def team(db, now):
    return factories.make_team(now)


def _due(actor, at):
    return [(r.appointment_id, r.kind) for r in reminders.reminder_plan(actor, now=at).due]


def test_each_reminder_is_due_at_its_instant_and_not_a_second_before(team, now):
    start = now + timedelta(days=3)
    appt = add_appointment(team.client, start).id  # the provider's policy: 24 hours' notice
    deadline = start - timedelta(hours=24)
    client_deadline = deadline - CLIENT_DEFAULTS.before_deadline
    assert reminders.reminder_plan(team.client, now=now).next_at == client_deadline
    assert _due(team.client, client_deadline - SECOND) == []
    assert _due(team.client, client_deadline) == [(appt, ReminderKind.DEADLINE)]
    client_start = start - CLIENT_DEFAULTS.before_start
    assert _due(team.client, client_start - SECOND) == []  # the deadline passed: its reminder with it
    provider_start = start - PROVIDER_DEFAULTS.before_start
    assert _due(team.owner, provider_start - SECOND) == []
    assert _due(team.owner, provider_start) == [(appt, ReminderKind.START)]
    # The deadline reminder's moment has passed by the time the start one is due.
    assert _due(team.client, client_start) == [(appt, ReminderKind.START)]
    text = reminders.reminder_plan(team.client, now=client_deadline).due[0].text
    assert text.startswith("You can cancel your session with ") and "free until" in text


def test_a_reminder_shown_is_not_shown_again_and_one_missed_is_caught_up_once_while_it_still_means_something(
        team, now):
    start = now + timedelta(days=3)
    appt = add_appointment(team.client, start).id
    deadline = start - timedelta(hours=24)
    asleep_until = deadline - timedelta(hours=2)  # the computer slept through the reminder's time
    due = reminders.reminder_plan(team.client, now=asleep_until).due
    assert [(r.appointment_id, r.kind) for r in due] == [(appt, ReminderKind.DEADLINE)]
    reminders.mark_reminded(team.client, appt, ReminderKind.DEADLINE, now=asleep_until)
    reminders.mark_reminded(team.client, appt, ReminderKind.DEADLINE, now=asleep_until)  # another workstation
    assert ReminderShown.select().count() == 1
    assert _due(team.client, asleep_until + timedelta(minutes=1)) == []  # the application restarted
    # Started only after the deadline: that reminder is not shown late; the start one is due later.
    other = add_appointment(team.client, now + timedelta(days=5)).id
    past_deadline = now + timedelta(days=5) - timedelta(hours=23)
    assert (other, ReminderKind.DEADLINE) not in _due(team.client, past_deadline)
    # The provider's reminder is the provider's: the client's showing does not hide it.
    assert _due(team.owner, start - timedelta(minutes=10)) == [(appt, ReminderKind.START)]


def test_a_cancelled_appointment_gets_no_reminder(team, now):
    start = now + timedelta(days=3)
    appt = add_appointment(team.client, start)
    Appointment.update(status=AppointmentStatus.CANCELLED_BY_CLIENT).where(Appointment.id == appt.id).execute()
    for at in (start - timedelta(hours=48), start - timedelta(minutes=10)):
        assert _due(team.client, at) == [] and _due(team.owner, at) == []
    assert reminders.reminder_plan(team.client, now=now).next_at is None


def test_each_person_sets_their_own_times_or_turns_a_reminder_off(team, now):
    assert reminders.reminder_settings(team.client) == CLIENT_DEFAULTS
    assert reminders.reminder_settings(team.owner) == PROVIDER_DEFAULTS
    reminders.set_reminder_settings(team.client, before_start_minutes=None, before_deadline_hours=2, now=now)
    assert reminders.reminder_settings(team.client) == ReminderSettings(None, timedelta(hours=2))
    assert factories.audit_count("set_reminders") == 1
    start = now + timedelta(days=3)
    appt = add_appointment(team.client, start).id
    assert _due(team.client, start - timedelta(hours=27)) == []
    assert _due(team.client, start - timedelta(hours=26)) == [(appt, ReminderKind.DEADLINE)]
    assert _due(team.client, start - timedelta(minutes=5)) == []  # the start reminder is off
    # A provider has no deadline reminder, whatever is asked.
    reminders.set_reminder_settings(team.owner, before_start_minutes=60, before_deadline_hours=5, now=now)
    assert reminders.reminder_settings(team.owner) == ReminderSettings(timedelta(hours=1), None)
    assert reminders.reminder_settings(team.client).before_deadline == timedelta(hours=2)  # the client's kept
    for minutes, hours in ((0, None), (24 * 60 + 1, None), (30, 0), (30, 73)):
        with pytest.raises(InvalidInput):
            reminders.set_reminder_settings(team.client, before_start_minutes=minutes, before_deadline_hours=hours,
                                            now=now)


def test_only_clients_and_providers_and_only_for_their_own_appointments(team, now):
    theirs = add_appointment(team.other_client, now + timedelta(days=2)).id
    for who in (team.client, team.owner):
        with pytest.raises(NotAllowed):
            reminders.mark_reminded(who, theirs, ReminderKind.START, now=now)
    with pytest.raises(NotAllowed):
        reminders.reminder_plan(team.support, now=now)
    assert ReminderShown.select().count() == 0
