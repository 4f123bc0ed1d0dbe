"""Practice-wide upkeep: backing up the database (the owner's job)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from peewee import SqliteDatabase

from ..store.backup import backup_sqlite
from ..store.models import database
from .actor import Actor, require_owner
from .errors import InvalidInput
from .result import Change, OpResult
from .tx import audit, utc_now, write_transaction
from .validation import entry_point


@entry_point
def backup_database(actor: Actor, destination: Path, *, progress: Callable[[int, int], None] | None = None,
                    now: datetime | None = None) -> OpResult:
    now = utc_now(now)
    require_owner(actor)
    db = database.obj
    if not isinstance(db, SqliteDatabase):
        raise InvalidInput("This practice uses a PostgreSQL server: back it up on the server with pg_dump.")
    source = Path(db.database)
    try:
        size = backup_sqlite(source, Path(destination), progress)
    except (OSError, ValueError) as exc:
        raise InvalidInput(f"The backup could not be written to {destination}: {exc}") from exc
    with write_transaction():
        audit(actor, "backup", "practice", None, at=now, destination=str(destination), bytes=size)
    return OpResult(Change.NONE, f"Backup saved to {destination} ({size // 1024:,} KB).", size)
