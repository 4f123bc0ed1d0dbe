"""Database files for the store's tests: a real one with rows, and the check that a refused
file (with anything beside it) is byte-for-byte what it was."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from desktop.store.db import DatabaseOpenError, close_database, open_database
from desktop.store.models import database


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
