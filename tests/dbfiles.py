"""Database files for the store's tests: a real one with rows, one as the first release left
it, and the check that a refused file (with anything beside it) is byte-for-byte what it was."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from peewee import SqliteDatabase
from playhouse.migrations import Runner

from desktop.store import migrations
from desktop.store.db import DatabaseOpenError, close_database, open_database
from desktop.store.demo import build_demo
from desktop.store.models import Appointment, database


def snapshot(folder: Path) -> dict[str, str]:
    """Every file in the folder with its SHA-256: the file and any -wal/-shm beside it."""
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())}


def make_real_db(path: Path, rows: int = 400) -> None:
    """A real Practice Desk database with enough rows to span many pages."""
    open_database(path)
    try:
        with database.atomic():
            database.execute_sql(
                "INSERT INTO practice (name, time_zone, currency, created_at) VALUES (?, ?, ?, ?)",
                ("P", "UTC", "USD", "2026-01-01 00:00:00"))
            for i in range(rows):
                database.execute_sql(
                    "INSERT INTO audit_event (at, action, entity, entity_id, detail) VALUES (?, ?, ?, ?, ?)",
                    ("2026-01-01 00:00:00", f"action-{i}", "x" * 200, i, "{}"))
    finally:
        close_database()


def make_damaged_inside(folder: Path) -> Path:
    """practice.db in the folder, sound to its header and schema but with pages of its audit rows
    overwritten: only the whole-file check finds it."""
    folder.mkdir(exist_ok=True)
    path = folder / "practice.db"
    make_real_db(path, rows=2000)
    data = bytearray(path.read_bytes())
    page = 4096
    for start in range(len(data) // 2, len(data) - page, 3 * page):
        data[start + 300:start + 900] = b"\xa5" * 600
    path.write_bytes(bytes(data))
    return path


def assert_refused_untouched(path: Path, opener, *words: str) -> DatabaseOpenError:
    before = snapshot(path.parent)
    with pytest.raises(DatabaseOpenError) as info:
        opener(path)
    message = str(info.value)
    assert str(path) in message
    assert "untouched" in message
    for word in words:
        assert word in message, message
    assert len(message) < 400, "the message is for a dialog: short and readable"
    assert snapshot(path.parent) == before  # byte-for-byte, and no -wal/-shm/-journal appeared
    return info.value


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
