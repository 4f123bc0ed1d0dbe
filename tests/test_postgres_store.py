"""The same store and services on PostgreSQL (several workstations sharing one server).

Needs PRACTICE_DESK_TEST_POSTGRES (``bash scripts/test.sh`` always sets it); fails under CI
without it, skips elsewhere. Each test gets its own freshly created database.
"""

from __future__ import annotations

import threading
import time
from datetime import UTC, datetime, timedelta

import pytest

from desktop.store import migrations
from desktop.store.db import close_database, open_database
from desktop.store.models import Appointment, AppointmentStatus, Cancellation, database
from tests.postgres import pg_url  # noqa: F401  (fixture; pg_db comes from conftest)

pytestmark = pytest.mark.postgres

NOW = datetime(2026, 11, 24, 15, 0, tzinfo=UTC)
CLIENT = "alex.morgan"
PASSWORD = "demo-password"


@pytest.fixture
def pg_demo(pg_db):
    from desktop.store.demo import build_demo

    build_demo(NOW)
    return pg_db


def _cancellable_appointment(actor) -> Appointment:
    """One of the client's own scheduled appointments comfortably outside the 24 h window."""
    appt = (Appointment.select()
            .where(Appointment.client == actor.client_id,
                   Appointment.status == AppointmentStatus.SCHEDULED,
                   Appointment.starts_at > NOW + timedelta(hours=48))
            .order_by(Appointment.starts_at)
            .first())
    assert appt is not None, "the demo should give alex.morgan an upcoming appointment more than 48 h away"
    return appt


def test_open_migrates_a_new_postgres_database(pg_url):  # noqa: F811
    opened = open_database(pg_url)
    try:
        assert opened.is_new
        assert set(opened.applied_migrations) == set(migrations.known())
        assert opened.location.startswith("postgresql://")
        tables = set(opened.db.get_tables())
        assert {migrations.HISTORY_TABLE, "appointment", "user"} <= tables
    finally:
        close_database()

    reopened = open_database(pg_url)  # a second workstation: nothing left to apply
    try:
        assert reopened.applied_migrations == ()
        assert reopened.is_new
    finally:
        close_database()


def test_demo_sign_in_and_cancel_on_postgres(pg_demo, pg_url):  # noqa: F811
    from desktop.services.auth import sign_in
    from desktop.services.cancellation import client_cancel_one

    actor = sign_in(CLIENT, PASSWORD, now=NOW)
    assert actor.role == "client" and actor.client_id is not None

    appt = _cancellable_appointment(actor)
    result = client_cancel_one(actor, appt.id, "schedule_conflict", now=NOW)
    assert result.value == [appt.id]

    row = Appointment.get_by_id(appt.id)
    assert row.status == AppointmentStatus.CANCELLED_BY_CLIENT
    assert row.version == appt.version + 1
    assert row.starts_at == appt.starts_at and row.starts_at.tzinfo is not None  # aware UTC round trip
    cancellation = Cancellation.get(Cancellation.appointment == appt.id)
    assert cancellation.reason_code == "schedule_conflict"
    assert cancellation.answers == {}

    close_database()
    again = open_database(pg_url)  # the data is really on the server
    assert not again.is_new
    assert Appointment.get_by_id(appt.id).status == AppointmentStatus.CANCELLED_BY_CLIENT


def test_second_cancel_of_the_same_appointment_is_refused(pg_demo):
    from desktop.services.auth import sign_in
    from desktop.services.cancellation import client_cancel_one
    from desktop.services.errors import Conflict

    actor = sign_in(CLIENT, PASSWORD, now=NOW)
    appt = _cancellable_appointment(actor)
    client_cancel_one(actor, appt.id, "schedule_conflict", now=NOW)
    with pytest.raises(Conflict):
        client_cancel_one(actor, appt.id, "weather", now=NOW)
    assert Cancellation.select().where(Cancellation.appointment == appt.id).count() == 1


def test_two_connections_cancelling_at_once_second_gets_conflict(pg_demo, monkeypatch):
    """Workstation A has cancelled but not yet committed; workstation B (its own connection,
    peewee keeps one per thread) cancels the same appointment, waits on A's row lock, and is
    then told it was already cancelled: nothing is overwritten and only one Cancellation exists."""
    from desktop.services import cancellation as cancellation_service
    from desktop.services.auth import sign_in
    from desktop.services.errors import Conflict

    actor = sign_in(CLIENT, PASSWORD, now=NOW)
    appt = _cancellable_appointment(actor)
    main_backend = database.execute_sql("SELECT pg_backend_pid()").fetchone()[0]

    a_wrote = threading.Event()
    release_a = threading.Event()
    real_audit = cancellation_service.audit

    def audit_then_wait(*args, **kwargs):
        event = real_audit(*args, **kwargs)
        if threading.current_thread().name == "workstation-a":
            a_wrote.set()
            assert release_a.wait(30), "test did not release workstation A"
        return event

    monkeypatch.setattr(cancellation_service, "audit", audit_then_wait)

    outcome: dict[str, object] = {}
    backends: dict[str, int] = {}

    def workstation(name: str, reason: str) -> None:
        try:
            backends[name] = database.execute_sql("SELECT pg_backend_pid()").fetchone()[0]
            outcome[name] = cancellation_service.client_cancel_one(actor, appt.id, reason, now=NOW)
        except Exception as exc:  # noqa: BLE001 - recorded and asserted on below
            outcome[name] = exc
        finally:
            database.close()

    a = threading.Thread(target=workstation, args=("a", "schedule_conflict"), name="workstation-a")
    a.start()
    assert a_wrote.wait(30), f"workstation A never reached its commit: {outcome.get('a')!r}"

    b = threading.Thread(target=workstation, args=("b", "weather"), name="workstation-b")
    b.start()
    # B blocks on A's row lock (SELECT ... FOR UPDATE); wait until the server shows it waiting.
    deadline = time.monotonic() + 10
    waiting = False
    while time.monotonic() < deadline and not waiting:
        waiting = bool(database.execute_sql(
            "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND pid <> %s",
            (main_backend,)).fetchone()[0])
        if not waiting:
            time.sleep(0.02)
    release_a.set()
    a.join(30)
    b.join(30)
    assert not a.is_alive() and not b.is_alive()

    assert waiting, "workstation B never waited for A's lock: the cancel does not lock the row"
    assert backends["a"] != backends["b"] != main_backend  # really separate connections
    assert not isinstance(outcome["a"], Exception), outcome["a"]
    assert isinstance(outcome["b"], Conflict), f"expected Conflict, got {outcome['b']!r}"
    row = Appointment.get_by_id(appt.id)
    assert row.status == AppointmentStatus.CANCELLED_BY_CLIENT
    assert row.version == appt.version + 1
    only = Cancellation.select().where(Cancellation.appointment == appt.id)
    assert [c.reason_code for c in only] == ["schedule_conflict"]


def test_url_credentials_are_percent_decoded():
    """A password containing @ : / has to be %-encoded in the URL; the driver must get it decoded."""
    from desktop.store.db import _connect_postgres, hide_password

    url = "postgresql://front%40desk:p%40ss%3Aw%2Frd@db.practice.lan:5433/practice%20desk?sslmode=require"
    db = _connect_postgres(url)
    assert db.database == "practice desk"
    assert db.connect_params["user"] == "front@desk"
    assert db.connect_params["password"] == "p@ss:w/rd"
    assert db.connect_params["port"] == 5433 and db.connect_params["sslmode"] == "require"
    assert "p%40ss" not in hide_password(url) and "***" in hide_password(url)
