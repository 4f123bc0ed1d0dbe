"""Upgrading a database written by an earlier schema keeps every row."""

from __future__ import annotations

from peewee import SqliteDatabase
from playhouse.migrations import Runner

from desktop.store import migrations
from desktop.store.db import close_database, open_database
from desktop.store.demo import build_demo
from desktop.store.models import Appointment


def first_release_database(path, now) -> int:
    """A database exactly as the first release left it (only 0001 applied) with the demo practice
    in it; returns its number of appointments. Today's code writes today's schema, so the demo is
    built in a current database and every column the 0001 schema has is copied across."""
    current = path.with_name("current.db")
    open_database(current)
    build_demo(now)
    count = Appointment.select().count()
    close_database()
    old = SqliteDatabase(str(path), pragmas={"foreign_keys": 0})  # tables copied in any order
    Runner(old, str(migrations.DIRECTORY), table_name=migrations.HISTORY_TABLE).up(target="0001_initial")
    old.execute_sql("ATTACH DATABASE ? AS current", (str(current),))
    for table in old.get_tables():
        if table != migrations.HISTORY_TABLE:
            columns = ", ".join(f'"{c.name}"' for c in old.get_columns(table))
            old.execute_sql(f'INSERT INTO "{table}" ({columns}) SELECT {columns} FROM current."{table}"')
    old.execute_sql("DETACH DATABASE current")
    assert {"appointment_provider_id", "appointment_client_id"} <= {i.name for i in old.get_indexes("appointment")}
    old.close()
    return count


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
    finally:
        close_database()


def test_known_migrations_are_numbered_in_order():
    names = migrations.known()
    assert names[0] == "0001_initial"
    assert [int(n[:4]) for n in names] == list(range(1, len(names) + 1))
