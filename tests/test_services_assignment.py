"""Access follows today's assignment (issue 9, items 2 and 3).

After a client moves to another provider, new messages, replies, bookings and charges go to
the current provider only; the previous provider keeps reading the appointments they held and
the charges of those, nothing newer, and cannot write to that client. Slot queries never reveal
another client's time. A deactivated client cannot be booked and their series stop growing.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from desktop.services import booking, calendar, client_portal, fees, messaging, people, provider
from desktop.services.auth import actor_for
from desktop.services.booking import HORIZON, SeriesRequest, create_series, extend_horizons
from desktop.services.errors import Conflict, NotAllowed
from desktop.services.guards import MOVED_CLIENT
from desktop.store.models import Appointment, Series, Thread, ThreadKind, User
from tests import factories as f


def _local(day: int, hour: int, month: int = 11) -> datetime:
    """New York wall-clock in late 2026 (EST, UTC-5) as a UTC instant."""
    return datetime(2026, month, day, hour + 5, tzinfo=UTC)


def _move(team: f.Team, now: datetime) -> None:
    """The owner moves Casey (the owner's client) to Dr. Other."""
    people.edit_person(team.owner, team.client.user_id, people.PersonForm(
        "Casey Client", time_zone=f.ZONE, provider_id=team.other_provider.provider_id), now=now)


@pytest.fixture
def moved(db, now):
    """Casey saw the owner (a no-show fee, a conversation), then moved to Dr. Other; ``client``
    is Casey signed in again (the old session was signed out by the move)."""
    team = f.make_team(now)
    held = f.add_appointment(team.client, now - timedelta(days=2)).id
    charge = provider.mark_no_show(team.owner, held, now=now).value
    thread = messaging.start_thread(team.client, "Parking", "Is there parking?", now=now).value
    _move(team, now)
    client = actor_for(User.get_by_id(team.client.user_id))
    return team, client, held, charge, thread


def test_the_previous_provider_reads_what_they_held_and_writes_nothing(moved, now):
    team, client, held, charge, thread = moved
    old = team.owner
    detail = provider.appointment_detail(old, held, now=now)
    assert detail.client_id == client.client_id
    assert detail.cancel_refusal == detail.move_refusal == detail.no_show_refusal == MOVED_CLIENT
    assert held in [r.id for r in calendar.provider_range(old, now - timedelta(days=3), now)]
    assert "No-show" in provider.charge_summary(old, charge)
    assert fees.charge_history(old, charge)
    assert [m.body for m in messaging.thread_messages(old, thread)] == ["Is there parking?"]
    with pytest.raises(NotAllowed, match="another provider"):
        messaging.reply(old, thread, "Yes, behind the building.", now=now)
    with pytest.raises(NotAllowed):
        messaging.start_thread(old, "Hello", "Still there?", client_id=client.client_id, now=now)
    with pytest.raises(NotAllowed):
        provider.book_for_client(old, client.client_id, _local(30, 10), f.SESSION, now=now)
    with pytest.raises(NotAllowed):
        create_series(old, SeriesRequest(client_id=client.client_id, first_local=datetime(2026, 12, 7, 10),
                                         time_zone=f.ZONE, duration=f.SESSION,
                                         frequency=booking.series_rules.Frequency.WEEKLY, count=3), now=now)
    assert client.client_id not in [c.id for c in provider.my_clients(old)]


def test_what_comes_after_the_move_goes_to_the_current_provider_only(moved, now):
    team, client, held, charge, thread = moved
    old, new = team.owner, team.other_provider
    booked = f.book(client, client, _local(30, 10), now=now)
    assert Appointment.get_by_id(booked).provider_id == new.provider_id
    assert booked not in [r.id for r in calendar.provider_range(old, now, now + timedelta(days=7))]
    assert booked in [r.id for r in calendar.provider_range(new, now, now + timedelta(days=7))]
    with pytest.raises(NotAllowed):
        provider.appointment_detail(old, booked, now=now)
    # The client reads the old conversation but writes to their provider of today.
    assert messaging.thread_messages(client, thread)
    with pytest.raises(NotAllowed, match="previous provider"):
        messaging.reply(client, thread, "Thanks!", now=now)
    started = messaging.start_thread(client, "New question", "Hello", now=now).value
    assert Thread.get_by_id(started).provider_id == new.provider_id
    assert started not in [t.id for t in messaging.list_threads(old)]


def test_a_dispute_after_the_move_is_brought_to_the_current_provider(moved, now):
    team, client, held, charge, thread = moved
    old, new = team.owner, team.other_provider
    dispute = fees.dispute_charge(client, charge, "I was there.", now=now).value
    dispute_thread = Thread.get(Thread.charge_id == charge, Thread.kind == ThreadKind.DISPUTE)
    assert dispute_thread.provider_id == new.provider_id
    assert [d.id for d in fees.provider_disputes(new)] == [dispute]
    assert fees.provider_disputes(old) == []
    assert "No-show" in provider.charge_summary(new, charge)  # what the dispute is about
    with pytest.raises(NotAllowed):
        fees.ask_support_to_adjust(old, dispute, "Was there.", waive=True, now=now)
    request = fees.ask_support_to_adjust(new, dispute, "They were there.", waive=True, now=now).value
    fees.waive_fee(team.support, request, "Agreed.", now=now)
    # Support's answer is told in the dispute's thread, with the provider it was brought to.
    assert not Thread.select().where(Thread.charge_id == charge, Thread.provider == old.provider_id).exists()
    assert "waived" in messaging.thread_messages(new, dispute_thread.id)[-1].body


def test_a_client_with_an_open_dispute_is_not_moved(db, now):
    team = f.make_team(now)
    held = f.add_appointment(team.client, now - timedelta(days=2)).id
    charge = provider.mark_no_show(team.owner, held, now=now).value
    fees.dispute_charge(team.client, charge, "I was there.", now=now)
    with pytest.raises(Conflict, match="open fee dispute"):
        _move(team, now)
    assert f.provider_of(team.client) == team.owner.provider_id


# ---- slots ----------------------------------------------------------------------------------

def test_slots_exclude_only_the_callers_own_appointment(db, now):
    """Leaked slot: excluding another client's appointment showed their time as open."""
    team = f.make_team(now)
    neighbour = f.add_client(now, team.owner, "sam.same", display_name="Sam Same")
    theirs = f.book(neighbour, neighbour, _local(27, 10), now=now)
    mine = f.book(team.client, team.client, _local(27, 11), now=now)
    pid = team.owner.provider_id
    with pytest.raises(NotAllowed):
        client_portal.slots(team.client, pid, f.SESSION, now=now, exclude_appointment_id=theirs)
    plain = {s.start for s in client_portal.slots(team.client, pid, f.SESSION, now=now)}
    moving = {s.start for s in client_portal.slots(team.client, pid, f.SESSION, now=now,
                                                   exclude_appointment_id=mine)}
    assert _local(27, 10) not in plain | moving  # the neighbour's time never shows
    assert _local(27, 11) in moving - plain  # one's own time is offered when moving it


# ---- a deactivated client -------------------------------------------------------------------

def test_a_deactivated_client_cannot_be_booked_and_their_series_stop_growing(db, now):
    team = f.make_team(now)
    series = f.weekly_series(team.owner, team.client, datetime(2026, 12, 1, 10), now=now, count=52)
    people.set_active(team.owner, team.client.user_id, False, now=now)
    with pytest.raises(NotAllowed, match="deactivated"):
        provider.book_for_client(team.owner, team.client.client_id, _local(30, 10), f.SESSION, now=now)
    with pytest.raises(NotAllowed, match="deactivated"):
        f.weekly_series(team.owner, team.client, datetime(2026, 12, 2, 14), now=now, count=3)
    first = Appointment.select(Appointment.id).where(Appointment.series == series).order_by(
        Appointment.starts_at).scalar()
    with pytest.raises(NotAllowed, match="deactivated"):
        provider.change_series_from(team.owner, first, provider.SeriesChange(
            first_local=datetime(2026, 12, 1, 11), time_zone=f.ZONE, duration=f.SESSION,
            frequency=booking.series_rules.Frequency.WEEKLY, count=3), now=now)
    # The horizon job leaves their series alone while they are deactivated; another client's grows.
    other = f.weekly_series(team.other_provider, team.other_client, datetime(2026, 12, 1, 10), now=now, count=52)
    rows = Appointment.select().where(Appointment.series == series).count()
    later = now + timedelta(days=60)
    extend_horizons(now=later)
    assert Appointment.select().where(Appointment.series == series).count() == rows
    assert Series.get_by_id(other).materialised_until == later + HORIZON
    # Reactivated, the series grows again from that day on, never into the time that passed.
    people.set_active(team.owner, team.client.user_id, True, now=later)
    extend_horizons(now=later)
    added = Appointment.select().where(Appointment.series == series, Appointment.created_at == later)
    assert added.count() > 0 and min(a.starts_at for a in added) >= later
