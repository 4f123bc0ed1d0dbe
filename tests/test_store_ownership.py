"""Only our files are ours: a database we make carries our mark; another program's file,
whatever its tables are called, is refused byte-for-byte unchanged; a read-only one too."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

import pytest
from peewee import SqliteDatabase
from playhouse.migrations import Runner

from desktop.store import migrations
from desktop.store.db import close_database, open_database
from desktop.store.models import Practice
from desktop.store.ownership import APPLICATION_ID, LEGACY_SCHEMA
from tests.dbfiles import assert_refused_untouched, make_real_db

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def opener():
    yield open_database
    close_database()


def application_id(path: Path) -> int:
    conn = sqlite3.connect(f"file:{path}?mode=ro&immutable=1", uri=True)
    try:
        return conn.execute("PRAGMA application_id").fetchone()[0]
    finally:
        conn.close()


def test_a_new_database_carries_our_application_id(tmp_path, opener):
    path = tmp_path / "practice.db"
    opener(path)
    close_database()
    assert application_id(path) == APPLICATION_ID == 0x5044736B


def test_a_zero_byte_file_may_be_initialised(tmp_path, opener):
    path = tmp_path / "empty.db"
    path.touch()
    opened = opener(path)
    assert opened.is_new and opened.applied_migrations == tuple(migrations.known())
    close_database()
    assert application_id(path) == APPLICATION_ID


def test_another_peewee_programs_database_is_refused_though_its_history_table_has_our_name(tmp_path, opener):
    # Another program on peewee's migration runner: its history is also "schema_migration",
    # its first migration also "0001_initial", and it even has a table called "user".
    scripts = tmp_path / "their_migrations"
    scripts.mkdir()
    (scripts / "0001_initial.py").write_text(textwrap.dedent('''
        from peewee import *

        def up(migrator, db):
            db.execute_sql('CREATE TABLE "user" (id INTEGER PRIMARY KEY, name TEXT)')
            db.execute_sql('CREATE TABLE note (id INTEGER PRIMARY KEY, body TEXT)')
            db.execute_sql("INSERT INTO note (body) VALUES ('keep me')")
    '''))
    path = tmp_path / "data" / "notes.db"
    path.parent.mkdir()
    theirs = SqliteDatabase(str(path), pragmas={"journal_mode": "wal"})
    Runner(theirs, str(scripts), table_name=migrations.HISTORY_TABLE).up()
    theirs.close()
    assert_refused_untouched(path, opener, "another program")


def test_a_non_empty_file_without_tables_is_refused(tmp_path, opener):
    path = tmp_path / "blank.sqlite"
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA user_version = 7")  # a valid SQLite file, one page, no tables
    conn.commit()
    conn.close()
    assert path.stat().st_size > 0
    assert_refused_untouched(path, opener, "another program", "no tables")


def test_a_file_with_some_of_our_table_names_is_not_ours(tmp_path, opener):
    path = tmp_path / "lookalike.db"
    conn = sqlite3.connect(path)
    for table in ("practice", "appointment", migrations.HISTORY_TABLE):
        conn.execute(f'CREATE TABLE "{table}" (id INTEGER PRIMARY KEY, name TEXT, applied TEXT)')
    conn.execute(f"INSERT INTO {migrations.HISTORY_TABLE} (name) VALUES ('0001_initial')")
    conn.commit()
    conn.close()
    assert_refused_untouched(path, opener, "another program")


def test_a_practice_desk_database_from_before_the_mark_is_stamped_and_opened(tmp_path, opener):
    path = tmp_path / "practice.db"
    make_real_db(path, rows=5)
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA application_id = 0")  # as every release before the mark wrote it
    conn.commit()
    conn.close()
    opened = opener(path)
    assert opened.applied_migrations == () and Practice.select().count() == 1
    close_database()
    assert application_id(path) == APPLICATION_ID


def test_the_schema_an_unmarked_file_must_have_is_exactly_what_migration_0001_made(tmp_path):
    # LEGACY_SCHEMA is written out by hand, frozen as 0001 is: it must not drift from the migration.
    path = tmp_path / "first-release.db"
    old = SqliteDatabase(str(path))
    Runner(old, str(migrations.DIRECTORY), table_name=migrations.HISTORY_TABLE).up(target="0001_initial")
    made = {t: frozenset(c.name for c in old.get_columns(t)) for t in old.get_tables()}
    old.close()
    assert made == LEGACY_SCHEMA


@pytest.mark.parametrize("last", migrations.known())
def test_an_unmarked_database_at_any_migration_is_still_ours(tmp_path, opener, last):
    # Every later migration (0003 rebuilds thread, 0004 adds urgent_item, 0005 adds columns to
    # audit_event, 0006 adds tables of its own) keeps 0001's tables
    # and columns, so a database from before the mark is recognised whatever it was upgraded to.
    path = tmp_path / "practice.db"
    old = SqliteDatabase(str(path), pragmas={"foreign_keys": 1})
    Runner(old, str(migrations.DIRECTORY), table_name=migrations.HISTORY_TABLE).up(target=last)
    old.execute_sql("INSERT INTO practice (name, time_zone, currency, created_at) VALUES (?, ?, ?, ?)",
                    ("Before the mark", "UTC", "USD", "2026-01-01 00:00:00"))
    old.close()
    assert application_id(path) == 0
    known = migrations.known()
    opened = opener(path)
    assert opened.applied_migrations == tuple(known[known.index(last) + 1:])
    assert Practice.get().name == "Before the mark"
    close_database()
    assert application_id(path) == APPLICATION_ID


UNPRIVILEGED_OPEN = textwrap.dedent("""
    import os, sys
    from desktop.store import migrations
    from desktop.store.db import DatabaseOpenError, open_database
    migrations.known()  # read while the checkout can be (it may sit in root's private home)
    if os.geteuid() == 0:  # root writes anything: open as 'nobody', as a person would
        os.setgid(65534); os.setuid(65534)
    try:
        open_database(sys.argv[1])
    except DatabaseOpenError as exc:
        print("REFUSED", exc)
    else:
        print("OPENED")
""")


@pytest.fixture
def shared_dir():
    """A folder another user can read (tmp_path's parents are private to us)."""
    folder = Path(tempfile.mkdtemp(prefix="pd-readonly-"))
    folder.chmod(0o755)
    yield folder
    shutil.rmtree(folder)


@pytest.mark.parametrize("what", ["file", "folder"])
def test_a_read_only_database_is_refused_with_a_message_and_left_alone(shared_dir, what):
    path = shared_dir / "practice.db"
    make_real_db(path, rows=5)
    path.chmod(0o444)
    if what == "folder":
        path.chmod(0o666)  # the file could be written; the folder, where the -wal goes, cannot
        shared_dir.chmod(0o555)
    before = {p.name: p.read_bytes() for p in shared_dir.iterdir()}
    try:
        proc = subprocess.run([sys.executable, "-c", UNPRIVILEGED_OPEN, str(path)], cwd=ROOT,
                              capture_output=True, text=True, timeout=60)
    finally:
        shared_dir.chmod(0o755)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith("REFUSED"), proc.stdout
    assert "read-only" in proc.stdout and "untouched" in proc.stdout
    assert ("The folder" in proc.stdout) == (what == "folder")
    assert {p.name: p.read_bytes() for p in shared_dir.iterdir()} == before


def test_our_mark_is_what_sqlite_tools_see(tmp_path, opener):
    # `file(1)` and sqlite3's .dbinfo read the id from bytes 68..71 of the header, big-endian.
    path = tmp_path / "practice.db"
    opener(path)
    close_database()
    with path.open("rb") as fh:
        fh.seek(68)
        assert int.from_bytes(fh.read(4), "big") == APPLICATION_ID
    assert os.path.getsize(path) > 0
