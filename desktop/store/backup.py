"""Copying a live SQLite database into a verified backup file.

One consistent copy however busy the database is: the source connection opens a read
transaction before the first page and keeps it to the last, so the whole copy reads one
snapshot. In WAL mode other connections go on writing meanwhile, and SQLite's backup
never restarts (without the held snapshot every commit elsewhere restarts it: a 40 MB
database under a steady writer was never copied). The copy goes in steps only so that
progress can be shown and a cancel honoured between them.

The copy is written under a temporary name and renamed into place only after
``PRAGMA integrity_check`` on it passed; a failed or cancelled copy leaves no file.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import uuid
from collections.abc import Callable
from enum import Enum
from pathlib import Path
from urllib.parse import quote

PAGES_PER_STEP = 1024  # 4 MB at the default page size: ~20 ms a step
# How often (VM instructions) the integrity check looks for a cancel. SQLite before 3.41
# checks each b-tree in one instruction, so a cancel may only be seen when the check ends:
# copy_database looks once more before renaming.
CHECK_INSTRUCTIONS = 1_000


class Phase(Enum):
    COPYING = "copying"
    CHECKING = "checking"


Progress = Callable[[Phase, int, int], None]  # (phase, done, total); total 0 while unknown


class BackupCancelled(Exception):
    """The person cancelled; nothing was written."""


class BackupCheckFailed(Exception):
    """The copy did not pass its integrity check (it was deleted)."""


def _fsync_folder(folder: Path) -> None:
    with contextlib.suppress(OSError):  # not every file system lets a folder be synced
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _remove_temporary(path: Path) -> None:
    for leftover in (path, Path(f"{path}-journal"), Path(f"{path}-wal"), Path(f"{path}-shm")):
        with contextlib.suppress(FileNotFoundError):
            leftover.unlink()


def verify(conn: sqlite3.Connection, cancelled: Callable[[], bool] | None = None) -> None:
    """Full ``integrity_check`` (every page, index and constraint), cancellable."""
    if cancelled is not None:
        conn.set_progress_handler(lambda: 1 if cancelled() else 0, CHECK_INSTRUCTIONS)
    try:
        rows = [r[0] for r in conn.execute("PRAGMA integrity_check(20)")]
    except sqlite3.OperationalError as exc:
        if cancelled is not None and cancelled():
            raise BackupCancelled() from exc
        raise
    finally:
        conn.set_progress_handler(None, 0)
    if rows != ["ok"]:
        raise BackupCheckFailed("; ".join(rows[:3]))


def copy_database(source: Path, destination: Path, *, progress: Progress | None = None,
                  cancelled: Callable[[], bool] | None = None) -> int:
    """Copy ``source`` (live or not) to ``destination`` as one self-contained file and check it.
    Returns its size in bytes. Raises BackupCancelled, BackupCheckFailed, sqlite3.Error, OSError."""
    source, destination = Path(source), Path(destination)
    if destination.exists() and destination.resolve() == source.resolve():
        raise ValueError("A backup cannot overwrite the database it copies.")
    temporary = destination.with_name(f".{destination.name}.{uuid.uuid4().hex[:8]}.tmp")
    try:
        src = sqlite3.connect(f"file:{quote(str(source))}?mode=ro", uri=True, isolation_level=None)
        try:
            src.execute("BEGIN")
            src.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()  # the snapshot is taken here
            dst = sqlite3.connect(temporary, isolation_level=None)
            try:
                def step(_status: int, remaining: int, total: int) -> None:
                    if cancelled is not None and cancelled():
                        raise BackupCancelled()  # aborts the backup; sqlite3 re-raises it
                    if progress is not None:
                        progress(Phase.COPYING, total - remaining, total)

                src.backup(dst, pages=PAGES_PER_STEP, progress=step)
                src.execute("COMMIT")
                dst.execute("PRAGMA journal_mode=delete")  # one self-contained file
                if progress is not None:
                    progress(Phase.CHECKING, 0, 0)
                verify(dst, cancelled)
                if cancelled is not None and cancelled():
                    raise BackupCancelled()
            finally:
                dst.close()
        finally:
            src.close()
        with open(temporary, "rb+") as fh:
            os.fsync(fh.fileno())
        os.replace(temporary, destination)
        _fsync_folder(destination.parent)
    except BaseException:
        _remove_temporary(temporary)
        raise
    return destination.stat().st_size
