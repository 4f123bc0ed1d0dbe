"""Restoring the practice's SQLite database from a backup: the owner from the app, anyone
with the file from the command line (``practice-desk --restore``).

The database is replaced as a file, so no connection may be open on it meanwhile: the
app ends the session, closes its worker's connection (:func:`release_connection` run on
the worker), and :func:`restore_practice_database` closes the GUI thread's own, swaps the
file (store.restore) and opens the restored one, which the sign-in window then uses.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from peewee import SqliteDatabase

from ..store.db import DatabaseOpenError, checkpoint, close_database, is_postgres_url, open_database
from ..store.models import database
from ..store.restore import BackupFacts, Restored, RestoreError, check_backup, database_in_use, restore_file
from .actor import Actor, require_owner
from .errors import InvalidInput
from .tx import audit, utc_now, write_transaction
from .validation import entry_point

__all__ = ["BackupFacts", "RestoreError", "Restoration", "inspect_backup", "release_connection",
           "restore_from_command_line", "restore_practice_database"]

PG_RESTORE = ("This practice's data is on a PostgreSQL server: restore it there with pg_restore "
              "(see the README's “Backups and restore”), with every workstation's Practice Desk closed.")


@dataclass(frozen=True)
class Restoration:
    location: str  # the database now open (the same path as before)
    summary: str  # for the sign-in window


def _summary(restored: Restored) -> str:
    kept = f" The database it replaced was kept as {restored.set_aside}." if restored.set_aside else ""
    return f"Restored from {restored.backup}.{kept} Sign in to go on."


def _sqlite_path() -> Path:
    db = database.obj
    if not isinstance(db, SqliteDatabase):
        raise InvalidInput(PG_RESTORE)
    return Path(db.database)


@entry_point
def inspect_backup(actor: Actor, backup: Path) -> BackupFacts:
    """What the chosen file is (for the confirmation), or InvalidInput saying why it cannot be used."""
    require_owner(actor)
    _sqlite_path()
    try:
        return check_backup(Path(backup))
    except RestoreError as exc:
        raise InvalidInput(str(exc)) from exc


def release_connection() -> None:
    """Close this thread's connection (peewee keeps one per thread); run on the write worker."""
    close_database()


def _record(restored: Restored, who: str, now: datetime) -> None:
    # The person may not exist in the restored database: named in the detail, not as actor.
    with write_transaction():
        audit(None, "restore", "practice", None, at=now, by=who, backup=str(restored.backup),
              replaced_kept_as=str(restored.set_aside or ""))


@entry_point
def restore_practice_database(actor: Actor, backup: Path, *, now: datetime | None = None) -> Restoration:
    """Replace the open database by ``backup`` and open the restored file. Only this thread's
    connection may be open (see the module's note). If the backup is refused, the current
    database is opened again unchanged and InvalidInput says why."""
    now = utc_now(now)
    require_owner(actor)
    target = _sqlite_path()
    try:
        check_backup(Path(backup))
    except RestoreError as exc:
        raise InvalidInput(str(exc)) from exc
    checkpoint()
    close_database()
    try:
        restored = restore_file(Path(backup), target, now)
    except (RestoreError, OSError) as exc:
        open_database(target)
        raise InvalidInput(str(exc)) from exc
    try:
        opened = open_database(target)
    except DatabaseOpenError as exc:  # checked twice already; a refusal here names its cause
        raise InvalidInput(f"The backup was put back but cannot be opened: {exc}") from exc
    _record(restored, actor.username, now)
    return Restoration(opened.location, _summary(restored))


def restore_from_command_line(backup: Path, target: Path | str, *, now: datetime | None = None) -> str:
    """``practice-desk --restore BACKUP [--database TARGET]``: the message to print, or
    RestoreError / DatabaseOpenError saying why nothing was changed."""
    now = utc_now(now)
    if is_postgres_url(str(target)):
        raise RestoreError(PG_RESTORE)
    target = Path(target).expanduser()
    if database_in_use(target):
        raise RestoreError(f"{target} is open in Practice Desk (or another program). Quit it first, "
                           "then restore again. Nothing was changed.")
    restored = restore_file(Path(backup), target, now)
    open_database(target)  # upgrades an older backup (copying it first), and proves it opens
    try:
        _record(restored, "command line", now)
        checkpoint()
    finally:
        close_database()
    return _summary(restored).replace(" Sign in to go on.", "")
