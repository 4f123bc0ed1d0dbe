"""Every public service function asks the database who is acting, every time (issue 9, item 1).

A window keeps the :class:`Actor` its session began with. If the practice owner deactivates the
account, or the account's role or owner flag changes, or a client is moved to another provider,
the very next call of any service is refused with ``AccountChanged`` and writes nothing.

The functions are found by introspection: every function of ``desktop.services`` with a
parameter named ``actor`` is either a use case in ``CALLS`` (how to call it, as whom, with
arguments that succeed) or a guard used inside one (``GUARDS``). A new public service function
without an entry fails ``test_every_public_service_function_is_listed``.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta
from pathlib import Path
from typing import Any

import pytest
from peewee import PostgresqlDatabase

import desktop.services
from desktop.rules.late_requests import LateDecision
from desktop.rules.money import Money
from desktop.rules.series import Frequency
from desktop.rules.slots import WorkingBlock
from desktop.services import (
    actor as actor_service,
)
from desktop.services import (
    auth,
    booking,
    calendar,
    cancellation,
    client_portal,
    exports,
    fees,
    ical,
    maintenance,
    messaging,
    people,
    policy,
    provider,
    reschedule,
)
from desktop.services.actor import Actor
from desktop.services.errors import AccountChanged, InvalidInput
from desktop.store.models import (
    ALL_MODELS,
    Appointment,
    AppointmentStatus,
    Client,
    FeeAdjustment,
    Role,
    User,
    database,
)
from tests import factories as f

# Functions with an ``actor`` that are not use cases: each runs inside one, after the use case
# checked its actor (``current_actor`` or ``write_transaction(actor)``).
GUARDS = {
    "desktop.services.access.appointment_for": "whose appointment it is, for a use case",
    "desktop.services.access.client_for_provider": "whose client it is, for a use case",
    "desktop.services.actor.require_role": "the role the session holds, checked by every use case",
    "desktop.services.actor.require_owner": "the owner flag the session holds",
    "desktop.services.fees.guards.charge_for": "whose charge it is, for a use case",
    "desktop.services.guards.own_appointment": "whose appointment it is, for a write",
    "desktop.services.messaging.thread_for": "whose conversation it is, for a use case",
    "desktop.services.provider.cancel.close_pending_requests": "part of a provider's cancellation",
    "desktop.services.tx.audit": "the audit event inside a write transaction",
    "desktop.services.tx.write_transaction": "the write transaction: it re-checks the actor itself",
}


@dataclass
class World:
    """A practice with one of everything a service can be asked about, built through the services."""

    now: datetime
    team: f.Team
    appt: int  # the client's, three days ahead: free to cancel or move
    in_window: int  # the client's, in five hours: a late-cancellation request can be sent
    requested: int  # the late-cancellation request pending on another appointment
    past: int  # the client's, started three hours ago: can be marked a no-show
    series_appt: int  # the first occurrence of a weekly series
    charge: int  # an open no-show fee
    dispute: int  # an open dispute about another fee
    request: int  # a provider's pending request to Support about a third fee
    thread: int  # a conversation of the client with their provider
    backup_to: Path


def _local(day: int, hour: int) -> datetime:
    """A wall-clock time in New York in late November 2026 (EST, UTC-5) as a UTC instant."""
    return datetime(2026, 11, day, hour + 5, tzinfo=UTC)


def build_world(now: datetime, tmp_path: Path) -> World:
    team = f.make_team(now)
    owner, client = team.owner, team.client
    appt = f.book(client, client, _local(27, 10), now=now)  # Friday 10:00
    in_window = f.book(owner, client, now + timedelta(hours=5), now=now)
    other_in_window = f.book(owner, client, now + timedelta(hours=6), now=now)
    requested = cancellation.request_late_cancellation(client, other_in_window, "Sorry", now=now).value
    charges = []
    for hours in (30, 27, 24):
        row = f.add_appointment(client, now - timedelta(hours=hours))
        charges.append(provider.mark_no_show(owner, row.id, now=now).value)
    past = f.add_appointment(client, now - timedelta(hours=3)).id
    dispute = fees.dispute_charge(client, charges[1], "I was there.", now=now).value
    asked = fees.dispute_charge(client, charges[2], "The office was closed.", now=now).value
    request = fees.ask_support_to_adjust(owner, asked, "Closed that day.", waive=True, now=now).value
    series = f.weekly_series(owner, client, datetime(2026, 12, 7, 10), now=now, count=4)
    series_appt = (Appointment.select(Appointment.id).where(Appointment.series == series)
                   .order_by(Appointment.starts_at).scalar())
    thread = messaging.start_thread(client, "A question", "Is there parking?", now=now).value
    return World(now, team, appt, in_window, requested, past, series_appt, charges[0], dispute, request, thread,
                 tmp_path / "backup.db")


@pytest.fixture
def world(db, now: datetime, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> World:
    # Argon2 is slow on purpose: the owner's first password is hashed once per run, as
    # tests/factories.py does for everyone else (sign-in and passwords are not what is tested here).
    hash_password = auth.hash_password
    with monkeypatch.context() as m:
        m.setattr(auth, "hash_password", lambda p: f.password_hash() if p == f.PASSWORD else hash_password(p))
        return build_world(now, tmp_path)


@dataclass(frozen=True)
class Call:
    who: str  # "client", "owner" (a provider and the practice owner) or "support"
    run: Callable[[World, Actor], Any]
    # The control call (same arguments, account unchanged) succeeds, except where the database
    # itself says no: a PostgreSQL practice is backed up on the server, not by the application.
    refused_on_postgres: type[Exception] | None = None


W = World
NEW_FIRST_LOCAL = datetime(2026, 12, 14, 11)


def _series_change() -> provider.SeriesChange:
    return provider.SeriesChange(first_local=NEW_FIRST_LOCAL, time_zone=f.ZONE, duration=f.SESSION,
                                 frequency=Frequency.WEEKLY, count=3)


def _booking(w: W, a: Actor, start: datetime) -> booking.BookingRequest:
    return booking.BookingRequest(provider_id=w.team.owner.provider_id, client_id=w.team.client.client_id,
                                  start=start, duration=f.SESSION)


CALLS: dict[Callable[..., Any], Call] = {
    actor_service.current_actor: Call("client", lambda w, a: actor_service.current_actor(a)),
    auth.change_password: Call("client", lambda w, a: auth.change_password(a, f.PASSWORD, "a new password 2",
                                                                           now=w.now)),
    booking.book_appointment: Call("client", lambda w, a: booking.book_appointment(
        a, _booking(w, a, _local(30, 10)), now=w.now)),
    booking.create_series: Call("owner", lambda w, a: booking.create_series(a, booking.SeriesRequest(
        client_id=w.team.client.client_id, first_local=datetime(2026, 12, 8, 14), time_zone=f.ZONE,
        duration=f.SESSION, frequency=Frequency.WEEKLY, count=3), now=w.now)),
    calendar.provider_range: Call("owner", lambda w, a: calendar.provider_range(a, w.now, w.now + timedelta(days=7))),
    calendar.client_range: Call("client", lambda w, a: calendar.client_range(a, w.now, w.now + timedelta(days=7))),
    cancellation.cancel_preview: Call("client", lambda w, a: cancellation.cancel_preview(a, w.series_appt, now=w.now)),
    cancellation.client_cancel_one: Call("client", lambda w, a: cancellation.client_cancel_one(
        a, w.appt, "schedule_conflict", now=w.now)),
    cancellation.client_cancel_upcoming: Call("client", lambda w, a: cancellation.client_cancel_upcoming(
        a, w.series_appt, "schedule_conflict", now=w.now)),
    cancellation.request_late_cancellation: Call("client", lambda w, a: cancellation.request_late_cancellation(
        a, w.in_window, "I am ill.", now=w.now)),
    client_portal.upcoming: Call("client", lambda w, a: client_portal.upcoming(a, now=w.now)),
    client_portal.past: Call("client", lambda w, a: client_portal.past(a, now=w.now)),
    client_portal.appointment: Call("client", lambda w, a: client_portal.appointment(a, w.appt, now=w.now)),
    client_portal.booked_policy_text: Call("client", lambda w, a: client_portal.booked_policy_text(a, w.appt)),
    client_portal.dashboard: Call("client", lambda w, a: client_portal.dashboard(a, now=w.now)),
    client_portal.booking_page: Call("client", lambda w, a: client_portal.booking_page(a)),
    client_portal.slots: Call("client", lambda w, a: client_portal.slots(
        a, w.team.owner.provider_id, f.SESSION, now=w.now, exclude_appointment_id=w.appt)),
    exports.export_size: Call("support", lambda w, a: exports.export_size(a, w.now - timedelta(days=2), w.now)),
    exports.export_fee_rows: Call("support", lambda w, a: list(exports.export_fee_rows(
        a, w.now - timedelta(days=2), w.now + timedelta(seconds=1)))),
    exports.client_statement: Call("client", lambda w, a: exports.client_statement(a)),
    fees.adjustment_queue: Call("support", lambda w, a: fees.adjustment_queue(a)),
    fees.request_detail: Call("support", lambda w, a: fees.request_detail(a, w.request)),
    fees.adjust_fee: Call("support", lambda w, a: fees.adjust_fee(a, w.request, Money(1000, "USD"), "Agreed.",
                                                                  now=w.now)),
    fees.waive_fee: Call("support", lambda w, a: fees.waive_fee(a, w.request, "Office closed.", now=w.now)),
    fees.decline_request: Call("support", lambda w, a: fees.decline_request(a, w.request, "Policy.", now=w.now)),
    fees.client_billing: Call("client", lambda w, a: fees.client_billing(a)),
    fees.dispute_charge: Call("client", lambda w, a: fees.dispute_charge(a, w.charge, "I was there.", now=w.now)),
    fees.provider_disputes: Call("owner", lambda w, a: fees.provider_disputes(a)),
    fees.ask_support_to_adjust: Call("owner", lambda w, a: fees.ask_support_to_adjust(
        a, w.dispute, "They were there.", waive=True, now=w.now)),
    fees.charge_history: Call("support", lambda w, a: fees.charge_history(a, w.charge)),
    fees.search_charges: Call("support", lambda w, a: fees.search_charges(a)),
    ical.client_calendar_file: Call("client", lambda w, a: ical.client_calendar_file(a, now=w.now)),
    maintenance.backup_database: Call("owner", lambda w, a: maintenance.backup_database(a, w.backup_to, now=w.now),
                                      refused_on_postgres=InvalidInput),
    messaging.list_threads: Call("client", lambda w, a: messaging.list_threads(a)),
    messaging.unread_total: Call("owner", lambda w, a: messaging.unread_total(a)),
    messaging.thread_messages: Call("owner", lambda w, a: messaging.thread_messages(a, w.thread)),
    messaging.mark_thread_read: Call("owner", lambda w, a: messaging.mark_thread_read(a, w.thread, now=w.now)),
    messaging.reply: Call("owner", lambda w, a: messaging.reply(a, w.thread, "Yes, behind the building.",
                                                                now=w.now)),
    messaging.start_thread: Call("client", lambda w, a: messaging.start_thread(a, "Another", "Hello", now=w.now)),
    people.list_people: Call("owner", lambda w, a: people.list_people(a)),
    people.provider_choices: Call("owner", lambda w, a: people.provider_choices(a)),
    people.add_person: Call("owner", lambda w, a: people.add_person(
        a, Role.SUPPORT, "new.support", f.PASSWORD, people.PersonForm("New Support"), now=w.now)),
    people.edit_person: Call("owner", lambda w, a: people.edit_person(
        a, w.team.client.user_id, people.PersonForm("Casey Renamed", provider_id=w.team.owner.provider_id),
        now=w.now)),
    people.set_active: Call("owner", lambda w, a: people.set_active(a, w.team.other_client.user_id, False,
                                                                    now=w.now)),
    policy.current: Call("owner", lambda w, a: policy.current(a)),
    policy.history: Call("owner", lambda w, a: policy.history(a)),
    policy.save_policy: Call("owner", lambda w, a: policy.save_policy(a, policy.PolicyChange(
        48, Money(4000, "USD"), Money(6000, "USD"), 10, "New policy."), now=w.now)),
    policy.working_hours: Call("owner", lambda w, a: policy.working_hours(a)),
    policy.save_working_hours: Call("owner", lambda w, a: policy.save_working_hours(
        a, [WorkingBlock(0, time(8), time(12))], now=w.now)),
    provider.cancel_for_client: Call("owner", lambda w, a: provider.cancel_for_client(
        a, w.appt, "provider_unwell", now=w.now)),
    provider.series_cancel_preview: Call("owner", lambda w, a: provider.series_cancel_preview(
        a, w.series_appt, now=w.now)),
    provider.cancel_series_from_for_client: Call("owner", lambda w, a: provider.cancel_series_from_for_client(
        a, w.series_appt, "provider_unwell", now=w.now)),
    provider.my_clients: Call("owner", lambda w, a: provider.my_clients(a)),
    provider.my_services: Call("owner", lambda w, a: provider.my_services(a)),
    provider.appointment_detail: Call("owner", lambda w, a: provider.appointment_detail(a, w.appt, now=w.now)),
    provider.charge_summary: Call("owner", lambda w, a: provider.charge_summary(a, w.charge)),
    provider.book_for_client: Call("owner", lambda w, a: provider.book_for_client(
        a, w.team.client.client_id, _local(30, 14), f.SESSION, now=w.now)),
    provider.move_occurrence: Call("owner", lambda w, a: provider.move_occurrence(a, w.appt, _local(27, 14),
                                                                                  now=w.now)),
    provider.change_series_from: Call("owner", lambda w, a: provider.change_series_from(
        a, w.series_appt, _series_change(), now=w.now)),
    provider.late_requests: Call("owner", lambda w, a: provider.late_requests(a)),
    provider.decide_late_request: Call("owner", lambda w, a: provider.decide_late_request(
        a, w.requested, LateDecision.DECLINE, now=w.now)),
    provider.mark_no_show: Call("owner", lambda w, a: provider.mark_no_show(a, w.past, now=w.now)),
    reschedule.reschedule_appointment: Call("client", lambda w, a: reschedule.reschedule_appointment(
        a, w.appt, _local(27, 11), now=w.now)),
}


def _qualified(fn: Callable[..., Any]) -> str:
    return f"{fn.__module__}.{fn.__name__}"


def public_functions_with_an_actor() -> set[str]:
    """Every function defined in a module of desktop.services, not private, taking ``actor``."""
    found = set()
    for info in pkgutil.walk_packages(desktop.services.__path__, "desktop.services."):
        module = importlib.import_module(info.name)
        for name, fn in vars(module).items():
            if name.startswith("_") or not inspect.isfunction(fn) or fn.__module__ != module.__name__:
                continue
            if "actor" in inspect.signature(fn).parameters:
                found.add(f"{module.__name__}.{name}")
    return found


def test_every_public_service_function_is_listed():
    found = public_functions_with_an_actor()
    listed = {_qualified(fn) for fn in CALLS}
    missing = found - listed - set(GUARDS)
    assert not missing, f"public service functions with no entry in CALLS (or GUARDS): {sorted(missing)}"
    assert not (listed | set(GUARDS)) - found, "entries for functions that no longer exist"
    assert not listed & set(GUARDS)


# ---- how an account changes behind an open window -------------------------------------------

def _deactivate(a: Actor, w: World) -> None:
    User.update(active=False).where(User.id == a.user_id).execute()


def _change_role(a: Actor, w: World) -> None:
    other = Role.CLIENT if a.role == Role.SUPPORT else Role.SUPPORT
    User.update(role=other).where(User.id == a.user_id).execute()


def _flip_owner_flag(a: Actor, w: World) -> None:
    """The owner loses the flag; anyone else gains it."""
    User.update(is_owner=not a.is_owner).where(User.id == a.user_id).execute()


def _move_client(a: Actor, w: World) -> None:
    Client.update(provider=w.team.other_provider.provider_id).where(Client.id == a.client_id).execute()


CHANGES = {"deactivated": _deactivate, "role changed": _change_role, "owner flag changed": _flip_owner_flag}


def _caller(w: World, who: str) -> Actor:
    return {"client": w.team.client, "owner": w.team.owner, "support": w.team.support}[who]


def snapshot_database() -> dict[str, list[str]]:
    """Every row of every table, comparable: what "nothing was written" means."""
    return {model._meta.table_name: sorted(repr(row) for row in model.select().tuples()) for model in ALL_MODELS}


@pytest.mark.parametrize("fn", list(CALLS), ids=_qualified)
def test_a_changed_account_is_refused_and_nothing_is_written(fn, world: World):
    w = world
    call = CALLS[fn]
    acting = _caller(w, call.who)
    changes = dict(CHANGES)
    if acting.is_client:
        changes["moved to another provider"] = _move_client
    for what, change in changes.items():
        # The change is made (as the owner, or another workstation, would) and committed; then the
        # window's next call comes with the actor it still holds.
        with database.atomic():
            account = User.get_by_id(acting.user_id)
            record = Client.get_or_none(Client.user == acting.user_id)
            change(acting, w)
        before = snapshot_database()
        with pytest.raises(AccountChanged) as refused:
            call.run(w, acting)
        assert snapshot_database() == before, f"{_qualified(fn)} wrote while refusing ({what})"
        assert not w.backup_to.exists()
        assert "signed out" in refused.value.message, refused.value.message
        # Put the account back as it was for the next kind of change.
        User.update(active=account.active, role=account.role, is_owner=account.is_owner).where(
            User.id == account.id).execute()
        if record is not None:
            Client.update(provider=record.provider_id).where(Client.id == record.id).execute()
    # The control: the same call by the unchanged account goes through, so the refusals above
    # came from the account check and not from the arguments.
    if call.refused_on_postgres is not None and isinstance(database.obj, PostgresqlDatabase):
        with pytest.raises(call.refused_on_postgres):
            call.run(w, acting)
    else:
        call.run(w, acting)


def test_the_refusal_says_what_happened(db, now):
    team = f.make_team(now)
    people.set_active(team.owner, team.other_client.user_id, False, now=now)
    with pytest.raises(AccountChanged) as refused:
        client_portal.upcoming(team.other_client, now=now)
    assert refused.value.message == ("Your account was deactivated by the practice owner; "
                                     "you have been signed out.")
    assert refused.value.title == "Signed out"
    people.edit_person(team.owner, team.client.user_id, people.PersonForm(
        "Casey Client", time_zone=f.ZONE, provider_id=team.other_provider.provider_id), now=now)
    with pytest.raises(AccountChanged, match="moved you to another provider"):
        client_portal.booking_page(team.client)
    User.update(is_owner=False).where(User.id == team.owner.user_id).execute()
    with pytest.raises(AccountChanged, match="no longer the practice owner"):
        people.list_people(team.owner)


def test_the_holes_found_are_closed(world: World, now):
    """What the issue saw: a deactivated Support user waived a fee and a deactivated provider
    charged a no-show, from windows left open."""
    w = world
    User.update(active=False).where(User.id.in_([w.team.owner.user_id, w.team.support.user_id])).execute()
    with pytest.raises(AccountChanged):
        fees.waive_fee(w.team.support, w.request, "Goodwill.", now=now)
    with pytest.raises(AccountChanged):
        provider.mark_no_show(w.team.owner, w.past, now=now)
    assert f.status_of(w.past) == AppointmentStatus.SCHEDULED
    assert not FeeAdjustment.select().exists()
