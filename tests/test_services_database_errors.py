"""No database exception leaves a service (issue 10, item 2): each kind, injected into several
writes where the driver would raise it, reaches the caller as a ServiceError in words, nothing is
written half-way, a deadlock is run again, and a lost connection is closed so the next call
reconnects. Runs on SQLite and (PRACTICE_DESK_TEST_BACKEND=postgresql) on PostgreSQL."""

from __future__ import annotations

import sqlite3
from datetime import timedelta

import peewee
import pytest

from desktop.services import dberrors
from desktop.services.cancellation import client_cancel_one
from desktop.services.errors import (
    TIME_TAKEN,
    Conflict,
    DatabaseFailed,
    DatabaseUnavailable,
    DatabaseUnwritable,
    ServiceError,
)
from desktop.services.provider import cancel_for_client, provider_reasons
from desktop.store.models import Appointment, AuditEvent, Cancellation, database
from tests import factories
from tests.dbfaults import lite, pg

REASON = "schedule_conflict"


KINDS = {  # what the driver raised (as peewee wraps it) -> what the person is shown
    "deadlock": (pg("40P01", "deadlock detected"), Conflict, "could not get its turn"),
    "serialization": (pg("40001", "could not serialize access"), Conflict, "could not get its turn"),
    "lost connection": (pg(None, "server closed the connection unexpectedly"), DatabaseUnavailable,
                        "cannot be reached"),
    "server shutting down": (pg("57P01", "terminating connection due to administrator command"),
                             DatabaseUnavailable, "cannot be reached"),
    "lock timeout": (pg("55P03", "canceling statement due to lock timeout"), Conflict, "try again in a moment"),
    "sqlite locked": (lite("database is locked"), Conflict, "try again in a moment"),
    "read-only file": (lite("attempt to write a readonly database"), DatabaseUnwritable, "read-only"),
    "read-only server": (pg("25006", "cannot execute INSERT in a read-only transaction"), DatabaseUnwritable,
                         "read-only"),
    "disk full": (lite("database or disk is full"), DatabaseUnwritable, "full"),
    "server disk full": (pg("53100", "could not extend file"), DatabaseUnwritable, "full"),
    "overlap": (pg("23P01", "conflicting key value violates exclusion constraint", peewee.IntegrityError),
                Conflict, TIME_TAKEN[:25]),
    "unique": (lite("UNIQUE constraint failed", peewee.IntegrityError, sqlite3.IntegrityError), Conflict,
               "clashes with something"),
    "other": (pg("XX000", "internal error", peewee.InternalError), DatabaseFailed, "could not do this"),
}


@pytest.fixture
def team(db, now):
    return factories.make_team(now)


@pytest.fixture
def inject(monkeypatch):
    """``inject(error, times)``: the next ``times`` writing statements (INSERT, UPDATE, DELETE)
    raise ``error`` instead of running; returns a counter of the statements refused."""
    def arm(error: Exception, times: int = 1_000) -> dict:
        real = database.obj.execute_sql
        seen = {"refused": 0}

        def execute_sql(sql, params=None, *args, **kwargs):
            if sql.lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE")) and seen["refused"] < times:
                seen["refused"] += 1
                raise error
            return real(sql, params, *args, **kwargs)
        monkeypatch.setattr(database.obj, "execute_sql", execute_sql)
        return seen
    return arm


def writes(team, now):
    """Three writes of different use cases, each as a call ready to make."""
    later = factories.book(team.owner, team.client, now + timedelta(days=5), now=now)
    other = factories.book(team.owner, team.client, now + timedelta(days=6), now=now)
    start = now + timedelta(days=7)
    return {
        "book": lambda: factories.book(team.owner, team.client, start, now=now),
        "client cancels": lambda: client_cancel_one(team.client, later, REASON, now=now),
        "provider cancels": lambda: cancel_for_client(team.owner, other, provider_reasons()[0].id, now=now),
    }


def rows() -> tuple[int, int, int]:
    return Appointment.select().count(), Cancellation.select().count(), AuditEvent.select().count()


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_every_kind_of_database_error_reaches_the_caller_as_words(team, now, inject, monkeypatch, kind):
    error, refusal, words = KINDS[kind]
    for name, call in writes(team, now).items():
        before = rows()
        inject(error)
        with pytest.raises(refusal, match=words) as caught:
            call()
        assert isinstance(caught.value, ServiceError) and caught.value.__cause__ is error, name
        monkeypatch.delattr(database.obj, "execute_sql")  # disarmed: the class's own again
        assert rows() == before, f"{name} wrote half-way after {kind}"


def test_a_deadlock_is_run_again_whole_and_then_succeeds(team, now, inject):
    call = writes(team, now)["book"]
    seen = inject(pg("40P01", "deadlock detected"), times=2)
    appointment_id = call()
    assert seen["refused"] == 2 and Appointment.get_by_id(appointment_id)


def test_a_deadlock_that_keeps_happening_is_refused_after_a_bounded_number_of_runs(team, now, inject):
    call = writes(team, now)["client cancels"]
    seen = inject(pg("40P01", "deadlock detected"))
    with pytest.raises(Conflict, match="look at it again and try once more"):
        call()
    assert seen["refused"] == dberrors.ATTEMPTS


def test_after_a_lost_connection_the_next_call_reconnects(team, now, inject):
    calls = writes(team, now)
    inject(pg(None, "server closed the connection unexpectedly"), times=1)
    with pytest.raises(DatabaseUnavailable, match="Nothing was saved"):
        calls["book"]()
    assert database.obj.is_closed()  # closed on the way out; peewee reconnects on the next query
    assert calls["book"]()  # the same call again, reconnected by itself
    assert not database.obj.is_closed()


def test_a_connection_lost_while_committing_is_not_run_again_and_says_it_may_be_saved(team, now, monkeypatch):
    calls = writes(team, now)
    call = calls["book"]
    real_commit, seen = database.obj.commit, {"commits": 0}

    def commit():
        seen["commits"] += 1
        real_commit()
        raise pg("40P01", "deadlock detected")  # even a retryable one: the commit may have happened
    monkeypatch.setattr(database.obj, "commit", commit)
    with pytest.raises(ServiceError):
        call()
    assert seen["commits"] == 1  # not run again

    def lost():
        raise pg(None, "server closed the connection unexpectedly")
    monkeypatch.setattr(database.obj, "commit", lost)
    with pytest.raises(DatabaseUnavailable, match="may or may not have been saved"):
        calls["client cancels"]()


def test_a_read_losing_the_server_is_told_too(team, now, inject, monkeypatch):
    from desktop.services.client_portal import upcoming

    def gone(*args, **kwargs):
        raise pg("08006", "could not receive data from server")
    monkeypatch.setattr(database.obj, "execute_sql", gone)
    with pytest.raises(DatabaseUnavailable, match="cannot be shown now"):
        upcoming(team.client, now=now)


def test_the_clock_offset_on_one_machine_is_nothing(db):
    from desktop.services.clock import clock_is_off, server_clock_offset

    offset = server_clock_offset()  # SQLite: exactly zero; the test server runs on this machine
    assert abs(offset) < timedelta(seconds=5) and not clock_is_off(offset)
