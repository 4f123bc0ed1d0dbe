"""Opening a database file: refuse what is not ours and never touch it; create
and migrate a fresh one; the pragmas are in force."""

from __future__ import annotations

import os
import sqlite3

import pytest
from peewee import IntegrityError

from desktop.store import migrations
from desktop.store.db import DatabaseOpenError, Opened, close_database, open_database
from desktop.store.models import ALL_MODELS, Appointment, Practice, database
from tests.dbfiles import assert_refused_untouched, make_real_db


@pytest.fixture
def opener():
    """open_database, closing whatever it opened at the end of the test."""
    yield open_database
    close_database()


def test_a_text_file_is_refused(tmp_path, opener):
    path = tmp_path / "notes.db"
    path.write_text("Shopping list\n- milk\n- SQLite format 3 books\n")
    assert_refused_untouched(path, opener, "not an SQLite file")


def test_a_random_bytes_file_is_refused(tmp_path, opener):
    path = tmp_path / "noise.db"
    path.write_bytes(os.urandom(64 * 1024))
    assert_refused_untouched(path, opener, "not an SQLite file")


def test_a_tiny_file_is_refused(tmp_path, opener):
    path = tmp_path / "tiny.db"
    path.write_bytes(b"SQL")
    assert_refused_untouched(path, opener)


def test_a_corrupted_database_is_refused(tmp_path, opener):
    path = tmp_path / "practice.db"
    make_real_db(path)
    data = bytearray(path.read_bytes())
    page = 4096
    assert len(data) > 10 * page
    # Overwrite the middle of several pages after the first (the header stays valid).
    for start in range(2 * page, len(data) - page, 3 * page):
        data[start + 300:start + 900] = b"\xa5" * 600
    path.write_bytes(bytes(data))
    assert_refused_untouched(path, opener, "damaged", "backup")


def test_a_truncated_database_is_refused(tmp_path, opener):
    path = tmp_path / "practice.db"
    make_real_db(path)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2 + 123])  # cut mid-page
    assert_refused_untouched(path, opener, "damaged")


def test_another_programs_database_is_refused(tmp_path, opener):
    path = tmp_path / "contacts.sqlite"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE contact (id INTEGER PRIMARY KEY, name TEXT)")
    conn.execute("INSERT INTO contact (name) VALUES ('Ada')")
    conn.commit()
    conn.close()
    assert_refused_untouched(path, opener, "another program")


def test_another_programs_wal_database_is_refused_without_side_files(tmp_path, opener):
    path = tmp_path / "other.sqlite"
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode=wal")
    conn.execute("CREATE TABLE thing (id INTEGER PRIMARY KEY)")
    conn.commit()
    conn.close()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["other.sqlite"]
    assert_refused_untouched(path, opener, "another program")


def test_a_database_from_a_newer_version_is_refused(tmp_path, opener):
    path = tmp_path / "practice.db"
    make_real_db(path, rows=10)
    conn = sqlite3.connect(path)
    conn.execute(f"INSERT INTO {migrations.HISTORY_TABLE} (name, applied) VALUES ('0099_future_thing', "
                 "'2030-01-01 00:00:00')")
    conn.commit()
    conn.close()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["practice.db"]
    assert_refused_untouched(path, opener, "newer version", "0099_future_thing")


def test_a_folder_is_refused(tmp_path, opener):
    folder = tmp_path / "data"
    folder.mkdir()
    with pytest.raises(DatabaseOpenError, match="folder"):
        opener(folder)


def test_a_fresh_path_is_created_and_migrated(tmp_path, opener):
    path = tmp_path / "sub" / "dir" / "practice.db"
    opened = opener(path)
    assert isinstance(opened, Opened)
    assert path.exists()
    assert opened.is_new
    assert opened.location == str(path)
    assert opened.applied_migrations == tuple(migrations.known())
    assert "0001_initial" in opened.applied_migrations
    tables = set(opened.db.get_tables())
    assert {m._meta.table_name for m in ALL_MODELS} <= tables
    assert migrations.HISTORY_TABLE in tables


def test_an_empty_file_is_treated_as_new(tmp_path, opener):
    path = tmp_path / "empty.db"
    path.write_bytes(b"")
    opened = opener(path)
    assert opened.is_new and opened.applied_migrations


def test_reopening_applies_nothing(tmp_path, opener):
    path = tmp_path / "practice.db"
    opener(path)
    Practice.create(name="P", time_zone="UTC")
    close_database()
    reopened = opener(path)
    assert reopened.applied_migrations == ()
    assert not reopened.is_new
    assert Practice.select().count() == 1


def test_pragmas_are_in_force(tmp_path, opener):
    path = tmp_path / "practice.db"
    opened = opener(path)
    db = opened.db
    assert db.execute_sql("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute_sql("PRAGMA foreign_keys").fetchone()[0] == 1
    assert db.execute_sql("PRAGMA busy_timeout").fetchone()[0] >= 1000
    assert db.execute_sql("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    # Foreign keys are really enforced, not just reported.
    with pytest.raises(IntegrityError):
        with database.atomic():
            Appointment.insert(provider=999, client=999, policy=999, starts_at="2026-01-01 00:00:00",
                               ends_at="2026-01-01 01:00:00", created_at="2026-01-01 00:00:00",
                               updated_at="2026-01-01 00:00:00").execute()
    close_database()
    # The WAL journal mode is persistent: another program sees it in the file.
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    finally:
        conn.close()


def test_the_models_follow_the_opened_database(tmp_path, opener):
    opener(tmp_path / "a.db")
    Practice.create(name="A", time_zone="UTC")
    close_database()
    opener(tmp_path / "b.db")
    assert Practice.select().count() == 0
