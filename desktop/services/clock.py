"""The one clock of a shared server, as the workstation sees it.

On PostgreSQL every rule decides by the server's clock (``tx.utc_now``); a workstation whose own
clock is off still shows times by it (the calendar's "now" line, the lock timer), so the window
warns when the two differ by more than :data:`WARN_AFTER`.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from peewee import PostgresqlDatabase

from ..store.models import database
from .validation import entry_point

WARN_AFTER = timedelta(minutes=1)  # the workstation's clock is called wrong beyond this


@entry_point
def server_clock_offset() -> timedelta:
    """How far the database's clock is ahead of this workstation's (negative: behind); zero on
    SQLite, whose clock is this computer's. Measured around one round trip, so the error is at
    most half of it."""
    db = database.obj
    if not isinstance(db, PostgresqlDatabase):
        return timedelta(0)
    before = datetime.now(UTC)
    server = db.execute_sql("SELECT clock_timestamp()").fetchone()[0].astimezone(UTC)
    after = datetime.now(UTC)
    return server - (before + (after - before) / 2)


def clock_is_off(offset: timedelta) -> bool:
    """Whether the window should warn about this workstation's clock."""
    return abs(offset) > WARN_AFTER
