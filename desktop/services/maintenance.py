"""Practice-wide upkeep: backing up the database (the owner's job), the automatic daily
copy at start-up, and flushing SQLite's log into the database file at the end of a session."""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from enum import Enum
from pathlib import Path
from zoneinfo import ZoneInfo

from peewee import PostgresqlDatabase, SqliteDatabase

from ..rules.backups import DAILY_BACKUPS_KEPT
from ..store.autobackup import backups_dir, daily_backup_if_due
from ..store.backup import BackupCancelled, BackupCheckFailed, Phase, copy_database
from ..store.db import checkpoint
from ..store.inspect import page_problem
from ..store.models import Practice, database
from .actor import Actor, current_actor, require_owner
from .errors import InvalidInput
from .result import Change, OpResult
from .tx import audit, utc_now, write_transaction
from .validation import entry_point

__all__ = ["BackupCancelled", "BackupPlan", "Phase", "Where", "automatic_daily_backup", "backup_database",
           "backup_plan", "flush_to_file"]

log = logging.getLogger(__name__)


class Where(Enum):
    FILE = "file"  # an SQLite file on this workstation: the app copies it
    SERVER = "server"  # a shared PostgreSQL server: backed up there, with pg_dump


@dataclass(frozen=True)
class BackupPlan:
    where: Where
    folder: Path | None  # the automatic copies' folder (SQLite)
    explanation: str  # for a server: what to run there instead


def _server_explanation(db: PostgresqlDatabase) -> str:
    params = db.connect_params
    options = " ".join(f"{flag} {params[key]}" for flag, key in (("-h", "host"), ("-p", "port"), ("-U", "user"))
                       if params.get(key))
    options = f"{options} " if options else ""
    name = db.database
    return (
        f"This practice's data is on a PostgreSQL server shared by every workstation (database “{name}”), "
        "so it is backed up on the server, not copied from one workstation.\n\n"
        "Ask whoever runs the server to make a dump every day (cron or a systemd timer) and keep several:\n"
        f"    pg_dump {options}--format=custom --file=practice-desk-$(date +%F).dump {name}\n\n"
        "To put one back, with every workstation's Practice Desk closed:\n"
        f"    pg_restore {options}--clean --if-exists --dbname={name} practice-desk-DATE.dump\n\n"
        "The README's “Backups and restore” section has the details."
    )


@entry_point
def backup_plan(actor: Actor) -> BackupPlan:
    current_actor(actor)
    require_owner(actor)
    db = database.obj
    if isinstance(db, PostgresqlDatabase):
        return BackupPlan(Where.SERVER, None, _server_explanation(db))
    return BackupPlan(Where.FILE, backups_dir(Path(db.database)), "")


@entry_point
def backup_database(actor: Actor, destination: Path, *,
                    progress: Callable[[Phase, int, int], None] | None = None,
                    cancelled: Callable[[], bool] | None = None, now: datetime | None = None) -> OpResult:
    """A checked copy of the practice's SQLite file at ``destination``; a cancel leaves no file."""
    current_actor(actor)
    now = utc_now(now)
    require_owner(actor)
    db = database.obj
    if not isinstance(db, SqliteDatabase):
        raise InvalidInput(_server_explanation(db))
    destination = Path(destination)
    try:
        size = copy_database(Path(db.database), destination, progress=progress, cancelled=cancelled)
    except BackupCancelled:
        return OpResult(Change.NONE, "Backup cancelled: nothing was written.", None)
    except BackupCheckFailed as exc:
        raise InvalidInput(f"The copy at {destination} failed its check ({exc}) and was deleted. "
                           "The database itself may be damaged: restore a recent backup.") from exc
    except (OSError, ValueError, sqlite3.Error) as exc:
        raise InvalidInput(f"The backup could not be written to {destination}: {exc}") from exc
    with write_transaction(actor):
        audit(actor, "backup", "practice", None, at=now, destination=str(destination), bytes=size)
    return OpResult(Change.NONE, f"Backup saved to {destination} ({size // 1024:,} KB).", size)


def check_database_file() -> str:
    """The whole-file check of the open SQLite database (its pages, ``quick_check``), which
    start-up runs after the sign-in window is painted and before any write: "" when the file is
    sound (or on PostgreSQL, whose server keeps its own pages), else what is wrong and the way on."""
    db = database.obj
    if not isinstance(db, SqliteDatabase) or db.database == ":memory:":
        return ""
    return page_problem(Path(db.database))


def automatic_daily_backup(*, now: datetime | None = None, keep: int = DAILY_BACKUPS_KEPT) -> Path | None:
    """At start-up: the day's first copy into backups/ (SQLite with a practice in it), then
    rotation. Never stops the start: a failure is logged and the next start tries again."""
    now = utc_now(now)
    db = database.obj
    practice = Practice.select().order_by(Practice.id).first() if isinstance(db, SqliteDatabase) else None
    if practice is None:
        return None
    try:
        return daily_backup_if_due(Path(db.database), now, ZoneInfo(practice.time_zone), keep)
    except (OSError, sqlite3.Error, BackupCheckFailed) as exc:
        log.warning("the daily backup of %s failed: %s", db.database, exc)
        return None


def flush_to_file() -> bool:
    """Checkpoint SQLite's write-ahead log into the database file (end of a session)."""
    flushed = checkpoint()
    if not flushed:
        log.warning("the database's log could not be emptied: another connection is still reading")
    return flushed
