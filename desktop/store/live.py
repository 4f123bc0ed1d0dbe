"""The database side of live screens and of noticing that the server went away.

PostgreSQL: a write transaction sends ``NOTIFY`` on :data:`CHANNEL` (delivered at commit, not
at all on a rollback); :class:`PgListener` holds a connection of its own in psycopg2's
asynchronous mode, ``LISTEN``\\s on it and pings it (``SELECT clock_timestamp()``, which also
measures the workstation's clock against the server's). Nothing here ever blocks: the caller
waits on :meth:`PgListener.wanted` (a socket and whether to wait for writing) and calls
:meth:`PgListener.ready` when it is ready and :meth:`PgListener.tick` about once a second;
connecting and pinging have timeouts of their own, so an unreachable server is noticed in a
few seconds and never freezes whoever drives it.

SQLite: :class:`SqliteWatcher` reads ``PRAGMA data_version`` on a connection of its own (it
moves when another connection commits) and then the audit events since the last one seen.

Plain Python: the GUI wakes these (QSocketNotifier, QTimer); services make sense of them.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from peewee import PostgresqlDatabase, SqliteDatabase

from .models import database

CHANNEL = "practice_desk_changes"
CONNECT_TIMEOUT_S = 3.0  # a (re)connection not done in this long is given up and tried again
PING_EVERY_S = 3.0
PING_TIMEOUT_S = 2.0  # a ping not answered in this long: the server is taken to be gone
RETRY_EVERY_S = 2.0

DOWN, CONNECTING, SUBSCRIBING, LISTENING = "down", "connecting", "subscribing", "listening"


def notify(payload: str) -> None:
    """Inside a write transaction on PostgreSQL: the listeners hear ``payload`` once it commits."""
    if isinstance(database.obj, PostgresqlDatabase):
        database.execute_sql("SELECT pg_notify(%s, %s)", (CHANNEL, payload))


def is_postgres() -> bool:
    return isinstance(database.obj, PostgresqlDatabase)


def connection_params() -> dict[str, Any]:
    """How the open PostgreSQL database was reached (database, user, host, port, password…)."""
    db = database.obj
    params = dict(db.connect_params)
    params["dbname"] = db.database
    return params


def sqlite_path() -> str | None:
    db = database.obj
    if isinstance(db, SqliteDatabase) and db.database != ":memory:":
        return str(db.database)
    return None


def drop_connection() -> None:
    """Forget this thread's connection (it is dead or about to be): the next use connects anew.
    Never blocks: closing a dead socket sends nothing."""
    db = database.obj
    if db is None:
        return
    state = db._state
    conn = state.conn
    if conn is not None:
        try:
            conn.close()
        except Exception:  # noqa: BLE001 - a dead connection may fail to close; it is gone anyway
            pass
    state.reset()


@dataclass
class Report:
    """What one call of the listener found out."""

    payloads: list[str] = field(default_factory=list)
    lost: str | None = None  # the server went away (why, for the log)
    back: bool = False  # listening (again): the first time, and after every loss
    alive: bool = False  # the server just answered: listening, or a ping's answer came
    offset: timedelta | None = None  # server clock minus this workstation's, from a ping


class PgListener:
    """LISTEN on a connection of its own, driven without blocking (psycopg2 ``async_``)."""

    def __init__(self, params: dict[str, Any], *, channel: str = CHANNEL,
                 monotonic: Callable[[], float] = time.monotonic,
                 wall: Callable[[], datetime] = lambda: datetime.now(UTC)) -> None:
        self._params = {k: v for k, v in params.items() if k not in ("connect_timeout",)}
        self._channel = channel
        self._monotonic, self._wall = monotonic, wall
        self._conn: Any = None
        self._cursor: Any = None
        self.state = DOWN
        self._since = 0.0  # when the current state (or attempt) began
        self._poll_wants_write = False
        self._ping_sent: tuple[float, datetime] | None = None
        self._last_ping = 0.0
        self._announced_up = False
        self._announced_down = False

    # -- what the caller drives -------------------------------------------------------------
    def start(self) -> Report:
        report = Report()
        self._connect(report)
        return report

    def wanted(self) -> tuple[int, bool] | None:
        """The socket to wait on and whether to wait for it to be writable (else readable)."""
        if self._conn is None or self.state == DOWN:
            return None
        try:
            return self._conn.fileno(), self._poll_wants_write
        except Exception:  # noqa: BLE001 - closed under us
            return None

    def ready(self) -> Report:
        report = Report()
        if self._conn is not None:
            self._advance(report)
        return report

    def tick(self) -> Report:
        report = Report()
        now = self._monotonic()
        if self.state == DOWN:
            if now - self._since >= RETRY_EVERY_S:
                self._connect(report)
        elif self.state in (CONNECTING, SUBSCRIBING):
            if now - self._since >= CONNECT_TIMEOUT_S:
                self._fail(report, "no answer while connecting")
            else:
                self._advance(report)  # libpq may need a poll to move on between sockets
        elif self._ping_sent is not None:
            if now - self._ping_sent[0] >= PING_TIMEOUT_S:
                self._fail(report, "no answer to a ping")
            else:
                self._advance(report)
        elif now - self._last_ping >= PING_EVERY_S:
            self._ping(report)
        else:
            self._advance(report)  # reads what came (cheap, never waits): a missed wake-up costs a tick
        return report

    def recheck(self) -> Report:
        """Look now: a ping if listening and none is out, a connection attempt if down."""
        report = Report()
        if self.state == DOWN:
            self._connect(report)
        elif self.state == LISTENING and self._ping_sent is None:
            self._ping(report)
        return report

    def close(self) -> None:
        self._drop()
        self.state = DOWN

    @property
    def up(self) -> bool:
        return self.state == LISTENING

    # -- inside --------------------------------------------------------------------------------
    def _connect(self, report: Report) -> None:
        import psycopg2

        self._drop()
        self._since = self._monotonic()
        try:
            self._conn = psycopg2.connect(async_=True, **self._params)
        except psycopg2.Error as exc:
            self._fail(report, str(exc).strip())
            return
        self.state = CONNECTING
        self._advance(report)

    def _advance(self, report: Report) -> None:
        import psycopg2
        from psycopg2 import extensions

        try:
            status = self._conn.poll()
        except (psycopg2.Error, OSError) as exc:
            self._fail(report, str(exc).strip() or type(exc).__name__)
            return
        self._poll_wants_write = status == extensions.POLL_WRITE
        while self._conn.notifies:
            note = self._conn.notifies.pop(0)
            if note.channel == self._channel:
                report.payloads.append(note.payload)
        if status != extensions.POLL_OK:
            return
        if self.state == CONNECTING:
            self._cursor = self._conn.cursor()
            self._cursor.execute(f'LISTEN "{self._channel}"')
            self.state, self._since = SUBSCRIBING, self._monotonic()
            self._advance(report)
        elif self.state == SUBSCRIBING:
            self.state = LISTENING
            report.alive = True
            if not self._announced_up:
                report.back = self._announced_up = True
                self._announced_down = False
            self._ping(report)  # at once: the clock is measured at sign-in, and on every ping
        elif self._ping_sent is not None:
            sent_at, sent_wall = self._ping_sent
            self._ping_sent = None
            report.alive = True
            row = self._cursor.fetchone()
            received_wall = self._wall()
            if row and isinstance(row[0], datetime):
                midpoint = sent_wall + (received_wall - sent_wall) / 2
                report.offset = row[0].astimezone(UTC) - midpoint

    def _ping(self, report: Report) -> None:
        import psycopg2

        self._last_ping = self._monotonic()
        try:
            self._cursor.execute("SELECT clock_timestamp()")
        except psycopg2.Error as exc:
            self._fail(report, str(exc).strip())
            return
        self._ping_sent = (self._last_ping, self._wall())
        self._advance(report)

    def _fail(self, report: Report, why: str) -> None:
        self._drop()
        self.state, self._since = DOWN, self._monotonic()
        if not self._announced_down:  # once per loss, not at every failed retry
            report.lost = why
            self._announced_down = True
        self._announced_up = False

    def _drop(self) -> None:
        self._ping_sent = None
        conn, self._conn, self._cursor = self._conn, None, None
        if conn is not None:
            try:
                conn.close()
            except Exception:  # noqa: BLE001 - already gone
                pass


class SqliteWatcher:
    """``PRAGMA data_version`` on a connection of its own; the audit events since the last seen."""

    def __init__(self, path: str) -> None:
        self._conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False, timeout=0.2)
        self._version = self._data_version()
        row = self._conn.execute("SELECT MAX(id) FROM audit_event").fetchone()
        self.last_id = row[0] or 0

    def _data_version(self) -> int:
        return self._conn.execute("PRAGMA data_version").fetchone()[0]

    def poll(self) -> list[tuple[int, str, str]]:
        """The (id, action, entity) of every audit event committed by another connection since the
        last call; [] when nothing moved (one cheap pragma)."""
        try:
            version = self._data_version()
            if version == self._version:
                return []
            self._version = version
            rows = self._conn.execute("SELECT id, action, entity FROM audit_event WHERE id > ? ORDER BY id",
                                      (self.last_id,)).fetchall()
        except sqlite3.Error:
            return []  # busy for a moment (a restore swapping the file): next time
        if rows:
            self.last_id = rows[-1][0]
        return rows

    def close(self) -> None:
        self._conn.close()
