"""A shared PostgreSQL server (issue 10, items 1 and 3): the database itself keeps scheduled
appointments apart (migration 0007), a clash the services' check could not see is the same
refusal, a series skips only the clashing occurrence, and the rules decide by the server's clock
whatever the workstation's says."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import peewee
import pytest
from playhouse.migrations import Runner

from desktop.rules.series import Frequency, local_to_utc
from desktop.services import booking, clock, tx
from desktop.services.booking import SeriesRequest, create_series
from desktop.services.cancellation import cancel_preview, client_cancel_one
from desktop.services.errors import TIME_TAKEN, Conflict, RuleRefused
from desktop.services.provider import mark_no_show
from desktop.store import migrations
from desktop.store.db import _connect_postgres, close_database, open_database
from desktop.store.errors import DatabaseOpenError
from desktop.store.models import Appointment, AppointmentStatus, AuditEvent, database
from tests import factories
from tests.conftest import NOW
from tests.postgres import pg_url  # noqa: F401  (fixture; pg_db comes from conftest)

pytestmark = pytest.mark.postgres

NO_OVERLAP = "0007_no_overlapping_appointments"
REASON = "schedule_conflict"


def _constraints() -> set[str]:
    return {name for (name,) in database.execute_sql(
        "SELECT conname FROM pg_constraint WHERE conrelid = 'appointment'::regclass AND contype = 'x'").fetchall()}


def test_the_database_refuses_overlapping_scheduled_appointments(pg_db, monkeypatch):
    assert _constraints() == {"appointment_provider_no_overlap", "appointment_client_no_overlap"}
    team = factories.make_team(NOW)
    start = NOW + timedelta(days=2)
    factories.book(team.owner, team.client, start, now=NOW)
    # As if another workstation's booking committed after this one's check: the check sees nothing.
    monkeypatch.setattr(booking, "busy_overlap", lambda *a, **k: None)
    second = factories.add_client(NOW, team.owner, "second.client")
    with pytest.raises(Conflict, match=TIME_TAKEN):  # the same provider
        factories.book(team.owner, second, start + timedelta(minutes=20), now=NOW)
    # Rows written past the services are refused by the database itself, for the provider and for
    # the client (with another provider).
    booked = Appointment.get()
    for provider in (team.owner.provider_id, team.other_provider.provider_id):
        with pytest.raises(peewee.IntegrityError, match="exclusion constraint"), database.atomic():
            Appointment.create(provider=provider, client=booked.client_id, policy=booked.policy_id,
                               starts_at=start + timedelta(minutes=10), ends_at=start + timedelta(minutes=40))
    assert Appointment.select().count() == 1
    # Back to back, or over a cancelled one, is fine.
    factories.book(team.owner, second, start + factories.SESSION, now=NOW)
    factories.add_appointment(second, start, status=AppointmentStatus.CANCELLED_BY_CLIENT)


def test_a_series_skips_only_the_occurrence_the_database_refuses(pg_db, monkeypatch):
    team = factories.make_team(NOW)
    first_local = datetime(2026, 12, 1, 10, 0)
    taken = local_to_utc(first_local + timedelta(weeks=2), ZoneInfo(factories.ZONE))
    factories.book(team.owner, team.client, taken, now=NOW)
    monkeypatch.setattr(booking, "busy_overlap", lambda *a, **k: None)
    result = create_series(team.owner, SeriesRequest(
        client_id=team.client.client_id, first_local=first_local, time_zone=factories.ZONE,
        duration=factories.SESSION, frequency=Frequency.WEEKLY, count=5), now=NOW)
    assert "4 occurrences booked" in result.summary and "1 skipped" in result.summary
    event = AuditEvent.select().where(AuditEvent.action == "create_series").get()
    assert event.detail["skipped_for_clash"] == 1 and event.detail["occurrences"] == 4


def test_the_demo_practice_keeps_apart_on_the_server(pg_db):
    from desktop.store.demo import build_demo

    build_demo(NOW)  # the exclusion constraints would refuse an overlap in the demo data
    assert Appointment.select().count() > 0


def test_an_existing_overlap_stops_the_upgrade_and_is_named(pg_url):  # noqa: F811
    open_database(pg_url)
    team = factories.make_team(NOW)
    Runner(database.obj, str(migrations.DIRECTORY), table_name=migrations.HISTORY_TABLE).down(target=NO_OVERLAP)
    a = factories.add_appointment(team.client, NOW + timedelta(days=3))
    b = factories.add_appointment(team.client, NOW + timedelta(days=3, minutes=30))
    close_database()
    with pytest.raises(DatabaseOpenError, match=rf"appointments {a.id} \(.*\) and {b.id} .*same provider"):
        open_database(pg_url)
    # Nothing was changed: the person cancels one, and the next start upgrades.
    db = _connect_postgres(pg_url)
    db.execute_sql("UPDATE appointment SET status = %s WHERE id = %s", (AppointmentStatus.CANCELLED_BY_CLIENT, b.id))
    db.close()
    opened = open_database(pg_url)
    try:
        assert opened.applied_migrations == tuple(m for m in migrations.known() if m >= NO_OVERLAP)
        assert len(_constraints()) == 2
    finally:
        close_database()


class _WrongClock(datetime):
    """The workstation's clock, ``shift`` away from the truth."""

    shift = timedelta(0)

    @classmethod
    def now(cls, tz=None):
        return datetime.now(tz) + cls.shift


@pytest.fixture
def wrong_clock(monkeypatch):
    def set_shift(shift: timedelta) -> None:
        _WrongClock.shift = shift
        monkeypatch.setattr(tx, "datetime", _WrongClock)
        monkeypatch.setattr(clock, "datetime", _WrongClock)
    return set_shift


def _team_and_appointment(starts_in: timedelta):
    server_now = tx.database_now()
    team = factories.make_team(server_now - timedelta(days=1))
    appt = factories.book(team.owner, team.client, server_now + starts_in, now=server_now - timedelta(days=1))
    return team, appt


def test_a_workstation_clock_days_behind_cannot_cancel_inside_the_notice_window(pg_db, wrong_clock):
    team, appt = _team_and_appointment(timedelta(hours=2))  # well inside the 24-hour window
    wrong_clock(-timedelta(days=3))  # by this clock the appointment is three days away
    assert tx.datetime.now(UTC) < tx.database_now() - timedelta(days=2)
    assert not cancel_preview(team.client, appt).decision.allowed  # the preview decides by the server too
    with pytest.raises(RuleRefused, match="late-cancellation request"):
        client_cancel_one(team.client, appt, REASON)
    assert factories.status_of(appt) == AppointmentStatus.SCHEDULED
    offset = clock.server_clock_offset()
    assert abs(offset - timedelta(days=3)) < timedelta(minutes=1) and clock.clock_is_off(offset)


def test_a_workstation_clock_a_day_ahead_cannot_mark_a_no_show_early(pg_db, wrong_clock):
    team, appt = _team_and_appointment(timedelta(hours=1))  # it has not even started
    wrong_clock(timedelta(days=1))
    with pytest.raises(RuleRefused):
        mark_no_show(team.owner, appt)
    assert factories.status_of(appt) == AppointmentStatus.SCHEDULED
    assert clock.server_clock_offset() < -timedelta(hours=23)


def test_explicit_now_still_wins_on_the_server(pg_db):
    team, appt = _team_and_appointment(timedelta(hours=2))
    server_now = tx.database_now()
    client_cancel_one(team.client, appt, REASON, now=server_now - timedelta(days=2))  # tests and demos pass it
    assert factories.status_of(appt) == AppointmentStatus.CANCELLED_BY_CLIENT


def test_a_connection_the_server_dropped_is_told_and_the_next_call_reconnects(pg_db, pg_url):  # noqa: F811
    from desktop.services.client_portal import upcoming
    from desktop.services.errors import DatabaseUnavailable

    team = factories.make_team(NOW)
    appt = factories.book(team.owner, team.client, NOW + timedelta(days=2), now=NOW)
    pid = database.execute_sql("SELECT pg_backend_pid()").fetchone()[0]
    admin = _connect_postgres(pg_url)
    admin.execute_sql("SELECT pg_terminate_backend(%s)", (pid,))  # as a server restart would
    admin.close()
    with pytest.raises(DatabaseUnavailable, match="cannot be reached"):
        client_cancel_one(team.client, appt, REASON, now=NOW)
    assert [row.id for row in upcoming(team.client, now=NOW)] == [appt]  # reconnected by itself
    assert factories.status_of(appt) == AppointmentStatus.SCHEDULED
    client_cancel_one(team.client, appt, REASON, now=NOW)
    assert factories.status_of(appt) == AppointmentStatus.CANCELLED_BY_CLIENT
