"""Opening a database: a SQLite file (the default) or a PostgreSQL URL.

A file is inspected read-only before anything writes to it: a file that is not
SQLite, is damaged, belongs to another program or has a newer schema is refused
with a message and left byte-for-byte as it was.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote, unquote

from peewee import Database, PostgresqlDatabase, SqliteDatabase

from . import migrations
from .models import database

SQLITE_PRAGMAS = {
    "journal_mode": "wal",  # readers never block the writer
    "foreign_keys": 1,  # peewee's default is off
    "busy_timeout": 5000,  # ms a writer waits for the lock before "database is locked"
    "synchronous": "full",  # an appointment confirmed is an appointment on disk
}

SQLITE_HEADER = b"SQLite format 3\x00"


class DatabaseOpenError(Exception):
    """The database cannot be used; ``str()`` says why and what to do."""


@dataclass(frozen=True)
class Opened:
    db: Database
    location: str  # a path or a URL with the password hidden
    is_new: bool  # no practice yet: first-run set-up (or demo data) needed
    applied_migrations: tuple[str, ...]


def is_postgres_url(target: str) -> bool:
    return target.startswith(("postgresql://", "postgres://"))


def _inspect_sqlite_file(path: Path) -> None:
    """Refuse a file we must not touch. Opens it read-only, writes nothing."""
    if path.is_dir():
        raise DatabaseOpenError(f"{path} is a folder, not a database file. Choose a file name instead.")
    try:
        with path.open("rb") as fh:
            header = fh.read(len(SQLITE_HEADER))
    except OSError as exc:
        raise DatabaseOpenError(f"{path} cannot be read ({exc.strerror}). Check the file's permissions.") from exc
    if not header:
        return  # an empty file: SQLite treats it as a new database
    if header != SQLITE_HEADER:
        raise DatabaseOpenError(
            f"{path} is not a Practice Desk database (it is not an SQLite file). "
            "It was left untouched. Choose another file, or start without --database to use the default."
        )
    uri = f"file:{quote(str(path))}?mode=ro"
    if not Path(f"{path}-wal").exists():
        # Nothing to recover from a write-ahead log, so the main file is the whole
        # database: immutable=1 reads it without creating -wal/-shm files beside it
        # (a plain read-only open of a WAL-mode file creates both).
        uri += "&immutable=1"
    try:
        conn = sqlite3.connect(uri, uri=True)
        try:
            # The first fault is enough to refuse, and keeps the message readable.
            check = conn.execute("PRAGMA quick_check(1)").fetchone()[0]
            tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
            applied = set()
            if migrations.HISTORY_TABLE in tables:
                applied = {r[0] for r in conn.execute(f"SELECT name FROM {migrations.HISTORY_TABLE}")}
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise DatabaseOpenError(
            f"{path} is damaged and cannot be read ({exc}). It was left untouched. "
            "Restore it from a backup, or start with another file."
        ) from exc
    if check != "ok":
        fault = " ".join(line for line in check.splitlines() if not line.startswith("***"))
        raise DatabaseOpenError(
            f"{path} is damaged (integrity check: {fault}). It was left untouched. Restore it from a backup."
        )
    _check_schema(str(path), tables, applied)


def _check_schema(where: str, tables: set[str], applied: set[str]) -> None:
    user_tables = {t for t in tables if not t.startswith("sqlite_")}
    if user_tables and migrations.HISTORY_TABLE not in user_tables:
        raise DatabaseOpenError(
            f"{where} belongs to another program (it has tables but no Practice Desk schema). It was left untouched."
        )
    unknown = applied - set(migrations.known())
    if unknown:
        raise DatabaseOpenError(
            f"{where} was written by a newer version of Practice Desk (schema {', '.join(sorted(unknown))}). "
            "It was left untouched. Install the newer version to open it."
        )


def _connect_sqlite(path: Path) -> SqliteDatabase:
    path.parent.mkdir(parents=True, exist_ok=True)
    # lock_type: every transaction begins IMMEDIATE, so a write never fails half-way
    # with "database is locked" when another workstation process writes too.
    return SqliteDatabase(str(path), pragmas=SQLITE_PRAGMAS, lock_type="IMMEDIATE")


def _connect_postgres(url: str) -> PostgresqlDatabase:
    from playhouse.db_url import parse

    try:
        import psycopg2  # noqa: F401
    except ImportError:
        try:
            import psycopg  # noqa: F401
        except ImportError as exc:
            raise DatabaseOpenError(
                "PostgreSQL support is not installed. Install it with: pip install 'practice-desk[postgresql]'"
            ) from exc
    # Percent-decode user and password: a password with @ : / must be %-encoded in a URL.
    params = parse(url, unquote_password=True, unquote_user=True)
    name = unquote(params.pop("database"))
    params.setdefault("connect_timeout", 10)  # seconds: an unreachable server is reported, not waited on forever
    return PostgresqlDatabase(name, **params)


def hide_password(url: str) -> str:
    if "@" not in url or "://" not in url:
        return url
    scheme, rest = url.split("://", 1)
    creds, host = rest.rsplit("@", 1)
    user = creds.split(":", 1)[0]
    return f"{scheme}://{user}:***@{host}" if ":" in creds else url


def open_database(target: str | Path) -> Opened:
    """Open (creating or migrating if needed) and bind the models to it."""
    target_s = str(target)
    if is_postgres_url(target_s):
        db: Database = _connect_postgres(target_s)
        location = hide_password(target_s)
        try:
            db.connect(reuse_if_open=True)
        except Exception as exc:  # the driver's own error class varies
            raise DatabaseOpenError(f"Cannot connect to {location}: {exc}".strip()) from exc
        tables = set(db.get_tables())
        applied = set()
        if migrations.HISTORY_TABLE in tables:
            applied = {r[0] for r in db.execute_sql(f"SELECT name FROM {migrations.HISTORY_TABLE}").fetchall()}
        _check_schema(location, tables, applied)
    else:
        path = Path(target_s).expanduser()
        if path.exists():
            _inspect_sqlite_file(path)
        db = _connect_sqlite(path)
        location = str(path)
        try:
            db.connect(reuse_if_open=True)
        except Exception as exc:
            raise DatabaseOpenError(f"Cannot open {location}: {exc}") from exc
    database.initialize(db)
    newly_applied = migrations.upgrade(db)
    from .models import Practice

    is_new = Practice.select().count() == 0
    return Opened(db, location, is_new, tuple(newly_applied))


def close_database() -> None:
    db = database.obj
    if db is not None and not db.is_closed():
        db.close()
