"""Automatic, verified backups of the SQLite file: before an upgrade, once a day, under a
busy writer in another process, cancellable without leaving anything behind."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import textwrap
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from desktop.rules.backups import BackupKind
from desktop.store import migrations
from desktop.store.autobackup import backups_dir, daily_backup_if_due, list_backups, take_backup
from desktop.store.backup import BackupCancelled, Phase, copy_database
from desktop.store.db import close_database, open_database
from desktop.store.models import Appointment
from desktop.store.ownership import APPLICATION_ID
from tests.dbfiles import first_release_database

NOW = datetime(2026, 11, 24, 15, 0, tzinfo=UTC)


def integrity(path: Path) -> str:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return conn.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        conn.close()


def scalar(path: Path, sql: str):
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return conn.execute(sql).fetchone()[0]
    finally:
        conn.close()


def make_padded_db(path: Path, megabytes: int) -> None:
    """A WAL database of about ``megabytes`` MB (one table of blobs)."""
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode=wal")
    conn.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, x BLOB)")
    conn.execute("INSERT INTO t (x) SELECT randomblob(4000) FROM (WITH RECURSIVE r(i) AS (SELECT 1 UNION ALL "
                 f"SELECT i + 1 FROM r WHERE i < {megabytes * 250}) SELECT i FROM r)")
    conn.commit()
    conn.close()


@pytest.fixture
def practice_0001(tmp_path: Path) -> Path:
    """A practice exactly as the first release left it: only 0001 applied (so every later
    migration is pending), no application id, the demo data in it."""
    path = tmp_path / "practice.db"
    first_release_database(path, NOW)
    return path


def test_an_upgrade_is_preceded_by_a_verified_copy_of_the_old_file(practice_0001):
    before = practice_0001.read_bytes()
    appointments = scalar(practice_0001, "SELECT COUNT(*) FROM appointment")
    opened = open_database(practice_0001)
    try:
        assert opened.applied_migrations  # something was pending
        copy = opened.backup_before_upgrade
        assert copy is not None and copy.parent == backups_dir(practice_0001)
        [(listed, name)] = list_backups(practice_0001)
        assert listed == copy and name.kind is BackupKind.BEFORE_UPGRADE
        assert name.label == opened.applied_migrations[0]
        assert integrity(copy) == "ok"
        # The copy is the file as it was: same rows, the old schema history, still unmarked.
        assert scalar(copy, "SELECT COUNT(*) FROM appointment") == appointments
        assert scalar(copy, f"SELECT group_concat(name) FROM {migrations.HISTORY_TABLE}") == "0001_initial"
        assert scalar(copy, "PRAGMA application_id") == 0
        assert scalar(copy, "PRAGMA journal_mode") == "delete"  # one self-contained file
        assert Appointment.select().count() == appointments
    finally:
        close_database()
    assert practice_0001.read_bytes() != before  # upgraded, and now marked as ours
    assert scalar(practice_0001, "PRAGMA application_id") == APPLICATION_ID
    assert not list(backups_dir(practice_0001).glob(".*"))  # no temporary file left


def test_no_copy_when_nothing_is_pending_or_the_file_is_new(tmp_path):
    path = tmp_path / "practice.db"
    assert open_database(path).backup_before_upgrade is None  # new: nothing to keep
    close_database()
    assert open_database(path).backup_before_upgrade is None  # current: nothing will change
    close_database()
    assert not backups_dir(path).exists()


def test_daily_copies_come_once_a_day_and_rotate(tmp_path, practice_0001):
    open_database(practice_0001)  # upgrade: one before-upgrade copy, which rotation never touches
    close_database()
    zone = UTC
    made = []
    for day in range(6):
        now = NOW + timedelta(days=day)
        copy = daily_backup_if_due(practice_0001, now, zone, keep=3)
        assert copy is not None and integrity(copy) == "ok"
        assert daily_backup_if_due(practice_0001, now + timedelta(hours=2), zone, keep=3) is None  # same day
        made.append(copy)
    kinds = [(p, n.kind) for p, n in list_backups(practice_0001)]
    assert [p for p, k in kinds if k is BackupKind.DAILY] == made[:-4:-1]  # the newest three, newest first
    assert [k for _p, k in kinds].count(BackupKind.BEFORE_UPGRADE) == 1
    assert not any(p.exists() for p in made[:3])


WRITER = textwrap.dedent("""
    import sqlite3, sys, time
    conn = sqlite3.connect(sys.argv[1], isolation_level=None, timeout=10)
    deadline = time.monotonic() + float(sys.argv[2])  # bounded: stops by itself
    writes = 0
    print("writing", flush=True)
    while time.monotonic() < deadline:
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("INSERT INTO t (x) VALUES (randomblob(4000))")
        conn.execute("COMMIT")
        writes += 1
    print(writes, flush=True)
""")


def test_a_backup_completes_while_another_process_writes_continuously(tmp_path):
    source = tmp_path / "busy.db"
    make_padded_db(source, megabytes=24)
    writer = subprocess.Popen([sys.executable, "-c", WRITER, str(source), "6"], stdout=subprocess.PIPE, text=True)
    try:
        assert writer.stdout.readline().strip() == "writing"
        time.sleep(0.3)  # the writer is committing by now
        rows_before = scalar(source, "SELECT COUNT(*) FROM t")
        started = time.monotonic()
        steps: list[int] = []
        destination = tmp_path / "copy.db"
        size = copy_database(source, destination, progress=lambda phase, done, total: steps.append(done)
                             if phase is Phase.COPYING else None)
        elapsed = time.monotonic() - started
        rows_after = scalar(source, "SELECT COUNT(*) FROM t")
    finally:
        out, _ = writer.communicate(timeout=30)
    assert writer.returncode == 0
    assert int(out.strip()) > 100  # it really wrote all along
    assert rows_after > rows_before  # ... also while the copy was made
    assert elapsed < 5, f"the copy took {elapsed:.1f} s under a busy writer"
    assert steps == sorted(steps) and len(steps) > 3  # progress went forward in steps, never restarted
    assert size > 20_000_000 and integrity(destination) == "ok"
    assert rows_before <= scalar(destination, "SELECT COUNT(*) FROM t") <= rows_after
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("copy")) == ["copy.db"]


@pytest.mark.parametrize("phase", [Phase.COPYING, Phase.CHECKING])
def test_a_cancelled_backup_leaves_no_file(tmp_path, phase):
    source = tmp_path / "practice.db"
    make_padded_db(source, megabytes=12)
    seen: list[Phase] = []
    destination = tmp_path / "out" / "copy.db"
    destination.parent.mkdir()
    with pytest.raises(BackupCancelled):
        copy_database(source, destination, progress=lambda p, _d, _t: seen.append(p),
                      cancelled=lambda: phase in seen)
    assert list(destination.parent.iterdir()) == []
    assert seen[-1] is phase


def test_take_backup_writes_under_a_temporary_name_first(tmp_path):
    source = tmp_path / "practice.db"
    make_padded_db(source, megabytes=1)
    folder = backups_dir(source)
    folder.mkdir()
    names: list[list[str]] = []

    def watch(_phase, _done, _total):
        names.append(sorted(p.name for p in folder.iterdir()))

    copy_database(source, folder / "x.db", progress=watch)
    assert names and all(len(n) == 1 and n[0].startswith(".x.db.") and n[0].endswith(".tmp") for n in names)
    assert sorted(p.name for p in folder.iterdir()) == ["x.db"]
    daily = take_backup(source, BackupKind.DAILY, NOW)
    assert daily.name == "practice.20261124T150000Z.daily.db" and integrity(daily) == "ok"
