"""Putting a backup back in place of a database file.

The backup is checked like any file we open (SQLite, intact, ours, not from a newer
schema), then copied beside the target under a temporary name and checked again. Only
then is the current database moved aside into backups/ (with its -wal, as a pair) and
the copy renamed into its place, so at every moment the target is either the old
database or the restored one, and a stale -wal can never be applied to the restored file.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

try:
    import fcntl
except ImportError:  # Windows: no POSIX locks to look at (SQLite locks differently there)
    fcntl = None

from .autobackup import set_aside
from .backup import copy_database
from .errors import DatabaseOpenError
from .inspect import inspect_sqlite_file, read_only_uri
from .ownership import SchemaFacts, decide_ownership

# SQLite's unix VFS: every connection to a WAL database holds a shared lock on this byte
# of the -shm file while it is open (the "DMS" slot after the 8 WAL locks at offset 120).
_SHM_DMS_BYTE = 128


class RestoreError(Exception):
    """The backup cannot be restored; ``str()`` says why. Nothing was changed."""


@dataclass(frozen=True)
class BackupFacts:
    path: Path
    size: int
    modified: datetime  # the file's time, aware
    practice_name: str
    migrations: int  # how many schema steps it has (older backups are upgraded on opening)


@dataclass(frozen=True)
class Restored:
    backup: Path
    target: Path
    set_aside: Path | None  # where the database it replaced was kept


def check_backup(backup: Path) -> BackupFacts:
    """What the backup is, or RestoreError saying why it is not one of ours."""
    backup = Path(backup)
    if not backup.is_file():
        raise RestoreError(f"{backup} is not a file.")
    try:
        facts: SchemaFacts | None = inspect_sqlite_file(backup)
        if facts is None:
            raise RestoreError(f"{backup} is empty: it is not a backup.")
        decide_ownership(str(backup), facts, tableless_is_new=False)
    except DatabaseOpenError as exc:
        raise RestoreError(f"Not restored: {exc}".replace(" It was left untouched.", "")) from exc
    conn = sqlite3.connect(read_only_uri(backup), uri=True)
    try:
        row = conn.execute("SELECT name FROM practice ORDER BY id LIMIT 1").fetchone()
    finally:
        conn.close()
    stat = backup.stat()
    return BackupFacts(backup, stat.st_size, datetime.fromtimestamp(stat.st_mtime).astimezone(),
                       row[0] if row else "", len(facts.applied))


def database_in_use(target: Path) -> bool:
    """True when another process has the WAL database open (its lock on the -shm is held).
    Only meaningful from a process that does not itself have the file open: POSIX locks are
    per process, and closing our descriptor would drop our own SQLite locks."""
    shm = Path(f"{target}-shm")
    if fcntl is None or not shm.exists():
        return False
    try:
        fd = os.open(shm, os.O_RDWR)
    except OSError:
        return False
    try:
        try:
            fcntl.lockf(fd, fcntl.LOCK_EX | fcntl.LOCK_NB, 1, _SHM_DMS_BYTE)
        except OSError:
            return True
        fcntl.lockf(fd, fcntl.LOCK_UN, 1, _SHM_DMS_BYTE)
        return False
    finally:
        os.close(fd)


def restore_file(backup: Path, target: Path, now: datetime) -> Restored:
    """Replace ``target`` (which no connection may have open) by a checked copy of ``backup``."""
    backup, target = Path(backup).expanduser(), Path(target).expanduser()
    check_backup(backup)
    if target.exists() and target.resolve() == backup.resolve():
        raise RestoreError(f"{backup} is the database itself: choose a backup copy.")
    target.parent.mkdir(parents=True, exist_ok=True)
    staged = target.with_name(f".{target.name}.restoring")
    try:
        copy_database(backup, staged)
    except sqlite3.DatabaseError as exc:
        raise RestoreError(f"Not restored: {backup} could not be copied ({exc}).") from exc
    try:
        kept = set_aside(target, now)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            staged.unlink()
        raise
    # Two renames in one folder: nothing left between them that can fail for want of space.
    os.replace(staged, target)
    return Restored(backup, target, kept)
