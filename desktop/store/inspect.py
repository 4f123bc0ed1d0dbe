"""A read-only look at an SQLite file before anything writes to it.

A file that is not SQLite, is damaged, or cannot be written is refused with a message and
left byte-for-byte as it was (no -wal/-shm appears beside it either).
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path
from urllib.parse import quote

from . import migrations
from .errors import RESTORE_HINT, DatabaseOpenError
from .ownership import APPLICATION_ID, SchemaFacts

SQLITE_HEADER = b"SQLite format 3\x00"


def read_only_uri(path: Path) -> str:
    uri = f"file:{quote(str(path))}?mode=ro"
    if not Path(f"{path}-wal").exists():
        # Nothing to recover from a write-ahead log, so the main file is the whole
        # database: immutable=1 reads it without creating -wal/-shm files beside it
        # (a plain read-only open of a WAL-mode file creates both).
        return uri + "&immutable=1"
    return uri


def sqlite_facts(conn: sqlite3.Connection) -> SchemaFacts:
    tables = [row[0] for row in conn.execute(
        "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'")]
    columns = {t: frozenset(r[1] for r in conn.execute(f'PRAGMA table_info("{t}")')) for t in tables}
    applied: frozenset[str] = frozenset()
    if "name" in columns.get(migrations.HISTORY_TABLE, ()):
        applied = frozenset(r[0] for r in conn.execute(f'SELECT "name" FROM "{migrations.HISTORY_TABLE}"'))
    marked = conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    return SchemaFacts(marked, columns, applied)


def inspect_sqlite_file(path: Path, *, check_pages: bool = True) -> SchemaFacts | None:
    """The file's schema facts; None for an empty (0-byte) file, which may be initialised.
    Raises DatabaseOpenError for a folder, an unreadable, non-SQLite or damaged file.

    ``check_pages=False`` reads the header and the schema only (milliseconds): the start-up
    path then runs :func:`page_problem` after the first paint instead (half a second on the
    reference practice's 58 MB file)."""
    if path.is_dir():
        raise DatabaseOpenError(f"{path} is a folder, not a database file. Choose a file name instead.")
    try:
        with path.open("rb") as fh:
            header = fh.read(len(SQLITE_HEADER))
    except OSError as exc:
        raise DatabaseOpenError(f"{path} cannot be read ({exc.strerror}). Check the file's permissions.") from exc
    if not header:
        return None
    if header != SQLITE_HEADER:
        raise DatabaseOpenError(
            f"{path} is not a Practice Desk database (it is not an SQLite file). "
            "It was left untouched. Choose another file, or start without --database to use the default."
        )
    if check_pages:
        problem = page_problem(path)
        if problem:
            raise DatabaseOpenError(problem)
    try:
        conn = sqlite3.connect(read_only_uri(path), uri=True)
        try:
            return sqlite_facts(conn)
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise DatabaseOpenError(
            f"{path} is damaged and cannot be read ({exc}). It was left untouched. {RESTORE_HINT}") from exc


def page_problem(path: Path) -> str:
    """What is wrong with the file's pages (SQLite's ``quick_check``), or "" when nothing is.
    Reads the whole file on a connection of its own, read-only: safe on any thread."""
    try:
        conn = sqlite3.connect(read_only_uri(path), uri=True)
        try:
            # The first fault is enough to refuse, and keeps the message readable.
            check = conn.execute("PRAGMA quick_check(1)").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        return f"{path} is damaged and cannot be read ({exc}). It was left untouched. {RESTORE_HINT}"
    if check == "ok":
        return ""
    fault = " ".join(line for line in check.splitlines() if not line.startswith("***"))
    return f"{path} is damaged (integrity check: {fault[:120]}). It was left untouched. {RESTORE_HINT}"


def refuse_read_only(path: Path) -> None:
    """Practice Desk writes at every sign-in (the audit trail) and SQLite's WAL needs to create
    files beside the database: a file or folder we cannot write is refused up front."""
    folder = path.parent if path.parent != Path("") else Path(".")
    if path.exists() and not os.access(path, os.W_OK):
        raise DatabaseOpenError(
            f"{path} is read-only. It was left untouched. Practice Desk records every sign-in and change, "
            "so it needs a file it can write: copy it to a folder of yours, or ask for write permission.")
    if folder.exists() and not os.access(folder, os.W_OK):
        raise DatabaseOpenError(
            f"The folder {folder} is read-only, and SQLite keeps its journal beside the database. "
            f"{path.name} was left untouched. Move it to a folder you can write to.")
