"""Opening a database: a SQLite file (the default) or a PostgreSQL URL.

A file is inspected read-only before anything writes to it (store.inspect): a file
that is not SQLite, is damaged, read-only, belongs to another program (store.ownership)
or has a newer schema is refused with a message and left byte-for-byte as it was.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import unquote

from peewee import Database, DatabaseError, PostgresqlDatabase, SqliteDatabase

from ..rules.backups import BackupKind
from . import migrations
from .autobackup import backups_dir, take_backup
from .backup import BackupCheckFailed
from .errors import DatabaseOpenError
from .inspect import inspect_sqlite_file, page_problem, refuse_read_only
from .models import database
from .ownership import Ownership, decide_ownership, pending_migrations, postgres_facts, stamp

SQLITE_PRAGMAS = {
    "journal_mode": "wal",  # readers never block the writer
    "foreign_keys": 1,  # peewee's default is off
    "busy_timeout": 5000,  # ms a writer waits for the lock before "database is locked"
    "synchronous": "full",  # an appointment confirmed is an appointment on disk
}


@dataclass(frozen=True)
class Opened:
    db: Database
    location: str  # a path or a URL with the password hidden
    is_new: bool  # no practice yet: first-run set-up (or demo data) needed
    applied_migrations: tuple[str, ...]
    backup_before_upgrade: Path | None = None  # the copy taken before the migrations ran


def is_postgres_url(target: str) -> bool:
    return target.startswith(("postgresql://", "postgres://"))


def _refuse_damaged(path: Path) -> None:
    problem = page_problem(path)
    if problem:
        raise DatabaseOpenError(problem)


def _backup_before_upgrade(path: Path, pending: list[str]) -> Path:
    """A verified copy before the first migration touches the file; no copy, no upgrade."""
    try:
        return take_backup(path, BackupKind.BEFORE_UPGRADE, datetime.now(UTC), pending[0])
    except (OSError, sqlite3.Error, BackupCheckFailed) as exc:
        raise DatabaseOpenError(
            f"{path} needs an upgrade, and the copy to take first could not be made in "
            f"{backups_dir(path)} ({exc}). It was left untouched. Free some space or check the folder's "
            "permissions, then start again.") from exc


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


def open_database(target: str | Path, *, check_pages: bool = True) -> Opened:
    """Open (creating or migrating if needed) and bind the models to it.

    Nothing is written until the database is known to be ours (or new); an SQLite file with
    migrations pending is first copied into backups/ beside it. ``check_pages=False`` leaves
    the whole-file check of an SQLite file to the caller (the application runs it after its
    first paint, before anything is written); with migrations pending it runs here anyway.
    """
    target_s = str(target)
    backup: Path | None = None
    if is_postgres_url(target_s):
        db: Database = _connect_postgres(target_s)
        location = hide_password(target_s)
        try:
            db.connect(reuse_if_open=True)
        except Exception as exc:  # the driver's own error class varies
            raise DatabaseOpenError(f"Cannot connect to {location}: {exc}".strip()) from exc
        try:
            ownership = decide_ownership(location, postgres_facts(db), tableless_is_new=True)
        except DatabaseOpenError:
            db.close()
            raise
    else:
        path = Path(target_s).expanduser()
        facts = inspect_sqlite_file(path, check_pages=check_pages) if path.exists() else None
        ownership = Ownership.NEW if facts is None else decide_ownership(str(path), facts, tableless_is_new=False)
        refuse_read_only(path)
        if facts is not None and ownership is not Ownership.OURS and not check_pages:
            _refuse_damaged(path)  # about to be stamped: checked first
        if facts is not None and facts.has_tables and pending_migrations(facts):
            if not check_pages:
                _refuse_damaged(path)
            backup = _backup_before_upgrade(path, pending_migrations(facts))
        db = _connect_sqlite(path)
        location = str(path)
        try:
            db.connect(reuse_if_open=True)
        except Exception as exc:
            raise DatabaseOpenError(f"Cannot open {location}: {exc}") from exc
    database.initialize(db)
    try:
        return _bind(db, location, ownership, backup)
    except DatabaseError:
        # A page the header check did not read is damaged: say so, as the whole-file check would.
        db.close()
        if isinstance(db, SqliteDatabase) and not check_pages:
            _refuse_damaged(Path(db.database))
        raise


def _bind(db: Database, location: str, ownership: Ownership, backup: Path | None) -> Opened:
    if ownership is not Ownership.OURS:
        stamp(db)
    try:
        newly_applied = migrations.upgrade(db)
    except DatabaseOpenError:  # a migration refused (it names why); nothing of it was applied
        db.close()
        raise
    if newly_applied:
        # The planner's statistics describe the new schema's indexes (SQLite keeps none until
        # ANALYZE runs; PostgreSQL's autovacuum would get there later).
        db.execute_sql("ANALYZE")
    from .models import Practice

    is_new = Practice.select().count() == 0
    return Opened(db, location, is_new, tuple(newly_applied), backup)


def checkpoint() -> bool:
    """Move everything in SQLite's write-ahead log into the database file and empty the log,
    so the .db file alone holds every commit. True when it all went in (or on PostgreSQL)."""
    db = database.obj
    if not isinstance(db, SqliteDatabase) or db.is_closed():
        return True
    busy, _log_pages, _moved = db.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
    return busy == 0


def close_database() -> None:
    db = database.obj
    if db is not None and not db.is_closed():
        db.close()
