"""Backing up and restoring through the services, on both databases: the owner only; a
checked file copy on SQLite; on a shared PostgreSQL server, what to run there instead."""

from __future__ import annotations

import sqlite3
from datetime import timedelta
from pathlib import Path

import pytest
from peewee import SqliteDatabase

from desktop.services import maintenance, restore
from desktop.services.errors import InvalidInput, NotAllowed
from desktop.services.maintenance import Where
from desktop.store.autobackup import list_backups
from desktop.store.models import AuditEvent, Practice, database
from tests.factories import audit_count, make_team

pytestmark = pytest.mark.usefixtures("db")


def on_sqlite() -> bool:
    return isinstance(database.obj, SqliteDatabase)


@pytest.fixture
def team(now):
    return make_team(now)


def test_only_the_owner_backs_up_or_restores(team, now, tmp_path):
    for who in (team.client, team.other_provider, team.support):
        with pytest.raises(NotAllowed):
            maintenance.backup_plan(who)
        with pytest.raises(NotAllowed):
            maintenance.backup_database(who, tmp_path / "x.db", now=now)
        with pytest.raises(NotAllowed):
            restore.inspect_backup(who, tmp_path / "x.db")
        with pytest.raises(NotAllowed):
            restore.restore_practice_database(who, tmp_path / "x.db", now=now)
    assert not (tmp_path / "x.db").exists()


def test_the_plan_says_where_backups_are_made(team):
    plan = maintenance.backup_plan(team.owner)
    if on_sqlite():
        assert plan.where is Where.FILE and plan.folder == Path(database.obj.database).parent / "backups"
        assert plan.explanation == ""
    else:
        assert plan.where is Where.SERVER and plan.folder is None
        for words in ("pg_dump", "pg_restore", database.obj.database, "every day"):
            assert words in plan.explanation


def test_backing_up_copies_and_checks_the_file_or_explains_the_server(team, now, tmp_path):
    destination = tmp_path / "out" / "copy.db"
    destination.parent.mkdir()
    if not on_sqlite():
        with pytest.raises(InvalidInput, match="pg_dump"):
            maintenance.backup_database(team.owner, destination, now=now)
        assert not destination.exists() and audit_count("backup") == 0
        return
    phases = []
    result = maintenance.backup_database(team.owner, destination, progress=lambda p, _d, _t: phases.append(p),
                                         now=now)
    assert "Backup saved" in result.summary and result.value == destination.stat().st_size
    assert phases[0] is maintenance.Phase.COPYING and phases[-1] is maintenance.Phase.CHECKING
    conn = sqlite3.connect(destination)
    assert conn.execute("SELECT COUNT(*) FROM user").fetchone()[0] == 5
    conn.close()
    assert audit_count("backup") == 1


def test_a_cancelled_backup_writes_nothing_and_is_not_audited(team, now, tmp_path):
    def cancelled_backup():
        return maintenance.backup_database(team.owner, tmp_path / "copy.db", cancelled=lambda: True, now=now)

    if on_sqlite():
        assert "cancelled" in cancelled_backup().summary
    else:
        with pytest.raises(InvalidInput, match="pg_dump"):
            cancelled_backup()
    assert list(tmp_path.glob("*copy.db*")) == [] and audit_count("backup") == 0


def test_the_daily_copy_is_taken_once_a_day_on_sqlite_only(team, now):
    first = maintenance.automatic_daily_backup(now=now, keep=2)
    if not on_sqlite():
        assert first is None
        return
    assert first is not None and first.exists()
    assert maintenance.automatic_daily_backup(now=now + timedelta(hours=1), keep=2) is None
    for day in (1, 2, 3):
        assert maintenance.automatic_daily_backup(now=now + timedelta(days=day), keep=2) is not None
    assert len(list_backups(Path(database.obj.database))) == 2


def test_restore_round_trip_or_the_server_explanation(team, now, tmp_path):
    backup = tmp_path / "saved" / "practice-copy.db"
    backup.parent.mkdir()
    if not on_sqlite():
        with pytest.raises(InvalidInput, match="pg_restore"):
            restore.restore_practice_database(team.owner, backup, now=now)
        return
    maintenance.backup_database(team.owner, backup, now=now)
    Practice.update(name="Renamed after the backup").execute()
    facts = restore.inspect_backup(team.owner, backup)
    assert facts.practice_name == "Test Practice"
    outcome = restore.restore_practice_database(team.owner, backup, now=now)
    assert "Restored from" in outcome.summary and "before-restore" in outcome.summary
    assert Practice.get().name == "Test Practice"  # the models use the restored file
    event = AuditEvent.get(AuditEvent.action == "restore")
    assert event.detail["by"] == team.owner.username and event.detail["backup"] == str(backup)


def test_a_refused_backup_leaves_the_open_database_as_it_was(team, now, tmp_path):
    if not on_sqlite():
        with pytest.raises(InvalidInput, match="pg_restore"):
            restore.inspect_backup(team.owner, tmp_path / "x.db")
        return
    notes = tmp_path / "notes.db"
    notes.write_text("not a database")
    with pytest.raises(InvalidInput, match="not an SQLite file"):
        restore.restore_practice_database(team.owner, notes, now=now)
    assert Practice.get().name == "Test Practice"
    assert Practice.select().count() == 1  # still open, still usable
