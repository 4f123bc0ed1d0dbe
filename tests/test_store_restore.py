"""Putting a backup back: checked first, the replaced database kept, a stale -wal beside the
target never applied to the restored file; from the command line too."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import subprocess
import sys
import textwrap
from datetime import UTC, datetime
from pathlib import Path

import pytest

from desktop.rules.backups import BackupKind, parse_backup_name
from desktop.store import migrations
from desktop.store.autobackup import backups_dir, take_backup
from desktop.store.db import close_database, open_database
from desktop.store.models import AuditEvent, Practice, database
from desktop.store.restore import RestoreError, check_backup, restore_file

ROOT = Path(__file__).resolve().parents[1]
NOW = datetime(2026, 11, 24, 15, 0, tzinfo=UTC)


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def practices(path: Path) -> list[str]:
    conn = sqlite3.connect(path)  # a plain open, as SQLite would: applies a -wal beside the file
    try:
        return [r[0] for r in conn.execute("SELECT name FROM practice ORDER BY id")]
    finally:
        conn.close()


def add_practice(path: Path, name: str) -> None:
    open_database(path)
    try:
        Practice.create(name=name, time_zone="UTC")
    finally:
        close_database()


@pytest.fixture
def live(tmp_path) -> tuple[Path, Path]:
    """A database with practice A, its backup, then practice B added after the backup."""
    path = tmp_path / "practice.db"
    add_practice(path, "A")
    backup = take_backup(path, BackupKind.DAILY, NOW)
    add_practice(path, "B")
    return path, backup


KILLED_WRITER = textwrap.dedent("""
    import os, sqlite3, sys
    conn = sqlite3.connect(sys.argv[1], isolation_level=None)
    conn.execute("PRAGMA journal_mode=wal")
    conn.execute("PRAGMA wal_autocheckpoint=0")
    conn.execute("INSERT INTO practice (name, time_zone, currency, created_at) "
                 "VALUES ('only in the log', 'UTC', 'USD', '2026-01-01 00:00:00')")
    os._exit(0)  # killed: the commit stays in the -wal, never checkpointed
""")


def leave_stale_wal(path: Path) -> None:
    subprocess.run([sys.executable, "-c", KILLED_WRITER, str(path)], check=True, timeout=30)
    assert Path(f"{path}-wal").stat().st_size > 0


def practices_of_pair(path: Path, scratch: Path) -> list[str]:
    """What a database and its -wal hold together, read from copies (reading the pair in place
    would checkpoint the log into the file and delete it)."""
    scratch.mkdir()
    copy = scratch / path.name
    copy.write_bytes(path.read_bytes())
    Path(f"{copy}-wal").write_bytes(Path(f"{path}-wal").read_bytes())
    return practices(copy)


def test_a_restore_round_trip_keeps_the_replaced_database(live):
    path, backup = live
    assert practices(path) == ["A", "B"]
    restored = restore_file(backup, path, NOW)
    assert practices(path) == ["A"]
    kept = restored.set_aside
    assert kept is not None and kept.parent == backups_dir(path)
    assert parse_backup_name(kept.name).kind is BackupKind.BEFORE_RESTORE
    assert practices(kept) == ["A", "B"]  # the replaced database, exactly as it was
    assert backup.exists()  # the backup itself stays for another time
    assert not list(path.parent.glob(".practice.db*"))  # no staging file left
    opened = open_database(path)
    try:
        assert opened.applied_migrations == () and Practice.select().count() == 1
    finally:
        close_database()


def test_a_stale_wal_beside_the_target_is_never_applied_to_the_restored_file(tmp_path, live):
    path, backup = live
    leave_stale_wal(path)
    assert practices_of_pair(path, tmp_path / "look") == ["A", "B", "only in the log"]
    restored = restore_file(backup, path, NOW)
    assert not Path(f"{path}-wal").exists() and not Path(f"{path}-shm").exists()
    open_database(path)
    try:
        assert [p.name for p in Practice.select().order_by(Practice.id)] == ["A"]
    finally:
        close_database()
    # The replaced database and its log were moved as a pair: together they still hold everything.
    assert Path(f"{restored.set_aside}-wal").exists()
    assert practices_of_pair(restored.set_aside, tmp_path / "look again") == ["A", "B", "only in the log"]


def test_a_wal_left_without_its_database_is_moved_away_too(tmp_path, live):
    path, backup = live
    orphan = tmp_path / "elsewhere.db"
    add_practice(orphan, "X")
    leave_stale_wal(orphan)
    target = tmp_path / "new" / "practice.db"
    target.parent.mkdir()
    os.replace(f"{orphan}-wal", f"{target}-wal")  # a log whose database is gone
    restored = restore_file(backup, target, NOW)
    assert sorted(p.name for p in target.parent.iterdir()) == ["backups", "practice.db"]
    assert practices(target) == ["A"]
    assert restored.set_aside is not None and Path(f"{restored.set_aside}-wal").exists()


def newer_backup(tmp_path: Path) -> Path:
    path = tmp_path / "future.db"
    add_practice(path, "F")
    conn = sqlite3.connect(path)
    conn.execute(f"INSERT INTO {migrations.HISTORY_TABLE} (name, applied) VALUES ('0099_future', '2030-01-01')")
    conn.commit()
    conn.close()
    return path


def foreign_file(tmp_path: Path) -> Path:
    path = tmp_path / "contacts.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE contact (id INTEGER PRIMARY KEY)")
    conn.commit()
    conn.close()
    return path


@pytest.mark.parametrize("make, words", [
    (newer_backup, "newer version"),
    (foreign_file, "another program"),
    (lambda tmp: (tmp / "notes.db").write_text("not a database") and tmp / "notes.db", "not an SQLite file"),
])
def test_a_backup_that_is_not_ours_or_too_new_is_refused_and_nothing_changes(tmp_path, live, make, words):
    path, _backup = live
    folder = tmp_path / "candidates"
    folder.mkdir()
    candidate = make(folder)
    before = {p: sha256(p) for p in (path, candidate)}
    with pytest.raises(RestoreError, match=words):
        restore_file(candidate, path, NOW)
    assert {p: sha256(p) for p in (path, candidate)} == before
    assert practices(path) == ["A", "B"]
    assert not list(backups_dir(path).glob("*before-restore*"))


def test_the_facts_shown_before_restoring(live):
    _path, backup = live
    facts = check_backup(backup)
    assert facts.practice_name == "A" and facts.size == backup.stat().st_size
    assert facts.migrations == len(migrations.known())


def run_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "desktop", *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=120, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})


def test_the_command_line_restores_and_says_where_the_old_database_went(live):
    path, backup = live
    leave_stale_wal(path)
    proc = run_cli("--restore", str(backup), "--database", str(path))
    assert proc.returncode == 0, proc.stderr
    assert "Restored from" in proc.stdout and "before-restore" in proc.stdout
    assert "Traceback" not in proc.stderr
    # The restored file alone (its log emptied) holds the backup's practice and the restore's audit.
    assert practices(path) == ["A"]
    assert not Path(f"{path}-wal").exists() or Path(f"{path}-wal").stat().st_size == 0
    open_database(path)
    try:
        assert AuditEvent.select().where(AuditEvent.action == "restore").count() == 1
    finally:
        close_database()


def test_the_command_line_refuses_a_newer_backup_and_a_database_in_use(tmp_path, live):
    path, backup = live
    (tmp_path / "elsewhere").mkdir()
    future = newer_backup(tmp_path / "elsewhere")
    before = sha256(path)
    proc = run_cli("--restore", str(future), "--database", str(path))
    assert proc.returncode == 2 and "newer version" in proc.stderr and "Traceback" not in proc.stderr
    assert sha256(path) == before
    open_database(path)  # this process has it open, as a running Practice Desk would
    try:
        database.execute_sql("SELECT COUNT(*) FROM practice").fetchone()
        proc = run_cli("--restore", str(backup), "--database", str(path))
    finally:
        close_database()
    assert proc.returncode == 2 and "Quit it first" in proc.stderr
    assert practices(path) == ["A", "B"]
