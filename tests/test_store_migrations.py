"""Upgrading a database written by an earlier schema keeps every row."""

from __future__ import annotations

from peewee import SqliteDatabase
from playhouse.migrations import Runner

from desktop.store import migrations
from desktop.store.db import close_database, open_database
from desktop.store.demo import build_demo
from desktop.store.models import Appointment, database


def test_a_0001_database_upgrades_to_the_current_schema_with_its_data(tmp_path, now):
    path = tmp_path / "old.db"
    # A database exactly as the first release left it: only 0001 applied, with a practice in it.
    old = SqliteDatabase(str(path), pragmas={"foreign_keys": 1})
    Runner(old, str(migrations.DIRECTORY), table_name=migrations.HISTORY_TABLE).up(target="0001_initial")
    database.initialize(old)
    build_demo(now)
    count = Appointment.select().count()
    assert {"appointment_provider_id", "appointment_client_id"} <= {i.name for i in old.get_indexes("appointment")}
    old.close()

    opened = open_database(path)
    try:
        assert opened.applied_migrations == tuple(m for m in migrations.known() if m != "0001_initial")
        assert not opened.is_new
        assert Appointment.select().count() == count
        names = {i.name for i in opened.db.get_indexes("appointment")}
        assert "appointment_provider_id" not in names and "appointment_client_id" not in names
        assert {"appointment_provider_id_starts_at", "appointment_client_id_starts_at"} <= names
    finally:
        close_database()


def test_known_migrations_are_numbered_in_order():
    names = migrations.known()
    assert names[0] == "0001_initial"
    assert [int(n[:4]) for n in names] == list(range(1, len(names) + 1))
