"""Upgrading a database written by an earlier schema keeps every row."""

from __future__ import annotations

import pytest
from peewee import Database, IntegrityError, SqliteDatabase
from playhouse.db_url import connect
from playhouse.migrations import Runner

from desktop.rules.session import SessionPolicy
from desktop.services.practice import practice_details
from desktop.services.session_policy import session_policy
from desktop.store import migrations
from desktop.store.db import close_database, open_database
from desktop.store.demo import build_demo
from desktop.store.models import (
    Appointment,
    Charge,
    Dispute,
    Message,
    Practice,
    SignInThrottle,
    Thread,
    ThreadKind,
    WorkstationPolicy,
    database,
)
from tests.dbfiles import first_release_database
from tests.postgres import pg_url  # noqa: F401  (fixture)

BEFORE_THREAD_FK = "0002_drop_redundant_appointment_indexes"
SIGN_IN_MIGRATION = "0006_sign_in_throttle_and_workstation_policy"


def test_a_0001_database_upgrades_to_the_current_schema_with_its_data(tmp_path, now):
    path = tmp_path / "old.db"
    count = first_release_database(path, now)

    opened = open_database(path)
    try:
        assert opened.applied_migrations == tuple(m for m in migrations.known() if m != "0001_initial")
        assert not opened.is_new
        assert Appointment.select().count() == count
        names = {i.name for i in opened.db.get_indexes("appointment")}
        assert "appointment_provider_id" not in names and "appointment_client_id" not in names
        assert {"appointment_provider_id_starts_at", "appointment_client_id_starts_at"} <= names
        # ANALYZE ran after the migrations: the planner knows the new indexes' statistics.
        analysed = {i for (i,) in opened.db.execute_sql("SELECT idx FROM sqlite_stat1 WHERE tbl = 'appointment'")}
        assert "appointment_provider_id_starts_at" in analysed
    finally:
        close_database()


def test_known_migrations_are_numbered_in_order():
    names = migrations.known()
    assert names[0] == "0001_initial"
    assert [int(n[:4]) for n in names] == list(range(1, len(names) + 1))


def _database_at(db: Database, target: str, now) -> dict:
    """The demo practice in ``db`` as it stood at ``target``, with one thread whose charge_id
    names no charge (nothing refused it before 0003); what it holds. Today's models write
    today's schema, so the demo is built at the newest migration and the later migrations are
    then rolled back by their own ``down`` (which every migration has)."""
    runner = Runner(db, str(migrations.DIRECTORY), table_name=migrations.HISTORY_TABLE)
    runner.up()
    database.initialize(db)
    build_demo(now)
    known = migrations.known()
    runner.down(target=known[known.index(target) + 1])  # rolls back that one and every later one
    assert list(runner.applied())[-1] == target
    dispute = Thread.get(Thread.kind == ThreadKind.DISPUTE)
    if isinstance(db, SqliteDatabase):  # 0003's down keeps SQLite's constraint; a 0002 file had none
        db.execute_sql("PRAGMA foreign_keys = OFF")
    db.execute_sql('UPDATE "thread" SET "charge_id" = 999999 WHERE "id" = '
                   '(SELECT MIN("id") FROM "thread" WHERE "charge_id" IS NULL)')
    threads = {t.id: (t.subject, t.kind, t.charge_id) for t in Thread.select()}
    held = {"threads": threads, "messages": Message.select().count(), "disputes": Dispute.select().count(),
            "dispute_thread": (dispute.id, dispute.charge_id)}
    db.close()
    return held


def _assert_upgraded_with_the_constraint(target: str, held: dict) -> None:
    opened = open_database(target)
    try:
        assert opened.applied_migrations[0] == "0003_thread_charge_foreign_key"
        threads = {t.id: (t.subject, t.kind, t.charge_id) for t in Thread.select()}
        assert threads.keys() == held["threads"].keys()
        dangling = [tid for tid, (_s, _k, charge) in held["threads"].items() if charge == 999999]
        assert len(dangling) == 1
        for tid, (subject, kind, charge) in held["threads"].items():
            assert threads[tid] == (subject, kind, None if tid in dangling else charge)
        assert Message.select().count() == held["messages"]
        assert Dispute.select().count() == held["disputes"]
        dispute_thread, charge_id = held["dispute_thread"]
        assert Thread.get_by_id(dispute_thread).charge_id == charge_id
        fks = {(fk.column, fk.dest_table) for fk in opened.db.get_foreign_keys("thread")}
        assert ("charge_id", "charge") in fks
        assert "thread_charge_id_kind" in {i.name for i in opened.db.get_indexes("thread")}
        # Messages still point at their threads: the rebuilt table kept its name and ids.
        assert Message.select().join(Thread).count() == held["messages"]
        with pytest.raises(IntegrityError):
            with database.atomic():
                Thread.update(charge_id=999999).where(Thread.id == dispute_thread).execute()
        with pytest.raises(IntegrityError):
            with database.atomic():
                Charge.delete().where(Charge.id == charge_id).execute()
    finally:
        close_database()


def test_a_0002_sqlite_database_gets_the_thread_charge_foreign_key_and_keeps_its_rows(tmp_path, now):
    path = tmp_path / "0002.db"
    held = _database_at(SqliteDatabase(str(path), pragmas={"foreign_keys": 1}), BEFORE_THREAD_FK, now)
    _assert_upgraded_with_the_constraint(str(path), held)


@pytest.mark.postgres
def test_a_0002_postgres_database_gets_the_thread_charge_foreign_key_and_keeps_its_rows(pg_url, now):  # noqa: F811
    held = _database_at(connect(pg_url), BEFORE_THREAD_FK, now)
    _assert_upgraded_with_the_constraint(pg_url, held)


def test_a_0005_database_gets_the_sign_in_throttle_and_the_workstation_policy(tmp_path, now):
    path = tmp_path / "0005.db"
    old = SqliteDatabase(str(path), pragmas={"foreign_keys": 1})
    runner = Runner(old, str(migrations.DIRECTORY), table_name=migrations.HISTORY_TABLE)
    runner.up()  # today's models write today's schema: the demo first, then 0006 rolled back by its down
    database.initialize(old)
    build_demo(now)
    runner.down(target=SIGN_IN_MIGRATION)
    assert list(runner.applied())[-1] == "0005_audit_chain"
    assert not {"sign_in_throttle", "workstation_policy"} & set(old.get_tables())
    old.close()

    opened = open_database(path)
    try:
        assert opened.applied_migrations[0] == SIGN_IN_MIGRATION  # and every later one
        assert session_policy() == SessionPolicy()  # no row yet: the defaults, for every workstation
        assert SignInThrottle.select().count() == WorkstationPolicy.select().count() == 0
    finally:
        close_database()


def _at_0007_with_a_practice_written_by_an_older_copy(db: Database, now) -> None:
    runner = Runner(db, str(migrations.DIRECTORY), table_name=migrations.HISTORY_TABLE)
    runner.up()
    database.initialize(db)
    build_demo(now)
    runner.down(target="0008_practice_locale")
    assert list(runner.applied())[-1] == "0007_no_overlapping_appointments"
    assert "locale" not in {c.name for c in db.get_columns("practice")}
    db.execute_sql("INSERT INTO practice (name, time_zone, currency, created_at) VALUES ('Second', 'UTC', 'USD', "
                   "'2026-01-01 00:00:00')")  # as an older copy of the app would write it
    db.close()


def _assert_upgraded_with_the_locale(target: str) -> None:
    opened = open_database(target)
    try:
        # 0008 and every later migration (rolled back with it above) apply.
        assert opened.applied_migrations == tuple(m for m in migrations.known() if m >= "0008")
        assert practice_details().locale == "en_GB"  # the app's own pattern, as before
        assert [p.locale for p in Practice.select().order_by(Practice.id)] == ["en_GB", "en_GB"]
        database.execute_sql("INSERT INTO practice (name, time_zone, currency, created_at) VALUES "
                             "('Third', 'UTC', 'USD', '2026-01-01 00:00:00')")
        assert Practice.select().order_by(Practice.id.desc()).first().locale == "en_GB"  # the database's default
    finally:
        close_database()


def test_a_0007_sqlite_database_gets_the_practice_locale_and_keeps_its_words(tmp_path, now):
    path = tmp_path / "0007.db"
    _at_0007_with_a_practice_written_by_an_older_copy(SqliteDatabase(str(path), pragmas={"foreign_keys": 1}), now)
    _assert_upgraded_with_the_locale(str(path))


@pytest.mark.postgres
def test_a_0007_postgres_database_gets_the_practice_locale_and_keeps_its_words(pg_url, now):  # noqa: F811
    _at_0007_with_a_practice_written_by_an_older_copy(connect(pg_url), now)
    _assert_upgraded_with_the_locale(pg_url)
