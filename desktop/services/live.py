"""Live screens: what a committed write changed, told to every other open window, and whether the
practice server can be reached.

The kinds of change come from what the transaction did, not from each use case remembering:
:func:`announce` is called by ``write_transaction`` with the audit events it chained, maps their
``(action, entity)`` to :class:`~desktop.services.result.Change` flags (:func:`changes_of`) and,
on PostgreSQL, sends them with ``NOTIFY`` (delivered at commit). On SQLite the other windows find
the same events in the audit table when ``PRAGMA data_version`` moves.

A session's writes carry its *origin* (:func:`writing_for`, set by the write runner): its own
window already refreshed from the write's result, so its feed drops them.

:class:`LiveFeed` is what the GUI drives (a socket to watch, a tick, events back); plain Python.
"""

from __future__ import annotations

import json
import logging
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import timedelta

from ..store import live as store_live
from .dberrors import Failure, classify
from .errors import DatabaseUnavailable
from .result import Change

log = logging.getLogger(__name__)

EVERYTHING = Change(sum(c.value for c in Change))

# What another window must re-read after an audited action: by entity, with the actions that
# change more (or nothing anyone else sees) named. An entity not listed refreshes everything.
_BY_ENTITY: dict[str, Change] = {
    "appointment": Change.APPOINTMENTS | Change.MESSAGES | Change.CHARGES,
    "series": Change.APPOINTMENTS | Change.MESSAGES,
    "late_cancellation_request": Change.LATE_REQUESTS | Change.APPOINTMENTS | Change.CHARGES | Change.MESSAGES,
    "charge": Change.CHARGES | Change.ADJUSTMENTS | Change.MESSAGES,
    "thread": Change.MESSAGES,
    "urgent_item": Change.URGENT | Change.MESSAGES,
    "user": Change.PEOPLE,
    "fee_policy": Change.POLICY,
    "provider": Change.POLICY,
    "practice": Change.PRACTICE,
}
_BY_ACTION: dict[str, Change] = {
    "request_late_cancellation": Change.LATE_REQUESTS | Change.MESSAGES | Change.APPOINTMENTS,
    # Nothing another window shows: who signed in or was refused, a backup, a thread read.
    "sign_in": Change.NONE, "sign_in_refused": Change.NONE, "unlock": Change.NONE,
    "unlock_refused": Change.NONE, "backup": Change.NONE, "read_thread": Change.NONE,
    "unreadable_series": Change.NONE,
    "restore": EVERYTHING,
}


def changes_of(action: str, entity: str) -> Change:
    """The kinds of change one audited action makes for the other windows."""
    if action in _BY_ACTION:
        return _BY_ACTION[action]
    return _BY_ENTITY.get(entity, EVERYTHING)


def encode(changes: Change, origin: str) -> str:
    return json.dumps({"o": origin, "k": sorted(c.name for c in Change if c and c in changes)})


def decode(payload: str) -> tuple[Change, str]:
    """A notification's kinds and origin; a payload this version cannot read refreshes everything."""
    try:
        data = json.loads(payload)
        changes = Change.NONE
        for name in data["k"]:
            changes |= Change[name]
        return changes, str(data.get("o", ""))
    except (ValueError, KeyError, TypeError):
        return EVERYTHING, ""


# -- the hooks write_transaction calls, and the runner's origin --------------------------------
_origin = threading.local()
_lock = threading.Lock()
_own_ids: dict[str, set[int]] = {}  # SQLite: audit ids a session committed itself, by origin


@contextmanager
def writing_for(origin: str) -> Iterator[None]:
    """Writes on this thread, inside the block, are the session ``origin``'s own."""
    previous = getattr(_origin, "value", "")
    _origin.value = origin
    try:
        yield
    finally:
        _origin.value = previous


def announce(events: list[tuple[int, str, str]]) -> None:
    """Inside the write transaction, once its audit events ``(id, action, entity)`` are chained:
    on PostgreSQL, NOTIFY the kinds of change (heard only if it commits)."""
    changes = Change.NONE
    for _id, action, entity in events:
        changes |= changes_of(action, entity)
    if changes and store_live.is_postgres():
        store_live.notify(encode(changes, getattr(_origin, "value", "")))


def committed(events: list[tuple[int, str, str]]) -> None:
    """After the write transaction committed: on SQLite its feed (if any) will see these audit ids
    come by, and drops them as its own."""
    origin = getattr(_origin, "value", "")
    if origin and events:
        with _lock:
            own = _own_ids.get(origin)
            if own is not None:
                own.update(event_id for event_id, _a, _e in events)


def lost_connection(exc: BaseException) -> DatabaseUnavailable | None:
    """``exc`` as the refusal a window shows when the server is gone, this thread's connection
    dropped so the next call connects again; ``None`` for any other error."""
    if not store_live.is_postgres() or classify(exc) is not Failure.UNAVAILABLE:
        return None
    store_live.drop_connection()
    log.warning("the database connection was lost: %s", exc)
    return DatabaseUnavailable(UNREACHABLE_REFUSAL)


def reset_connection() -> None:
    """Drop this thread's database connection (after the server came back): the next call
    connects anew instead of finding the old one dead."""
    store_live.drop_connection()


UNREACHABLE = "The practice server cannot be reached."
UNREACHABLE_REFUSAL = ("Not saved: the practice server cannot be reached. Nothing was changed; "
                       "try again when the server is back.")


# -- what the GUI drives -----------------------------------------------------------------------
@dataclass(frozen=True)
class Event:
    changes: Change = Change.NONE  # another workstation changed these
    lost: bool = False  # the server cannot be reached
    alive: bool = False  # the server just answered (listening, or a ping's answer)
    offset: timedelta | None = None  # the server's clock minus this workstation's


class LiveFeed:
    """One session's view of other workstations' changes. ``kind`` is "postgresql" or "sqlite";
    :meth:`wanted` is the socket to watch (PostgreSQL), :meth:`tick` runs every :attr:`tick_ms`."""

    tick_ms = 1000

    def __init__(self, origin: str) -> None:
        self.origin = origin
        self._pg: store_live.PgListener | None = None
        self._sqlite: store_live.SqliteWatcher | None = None
        if store_live.is_postgres():
            self.kind = "postgresql"
            self._pg = store_live.PgListener(store_live.connection_params())
        else:
            self.kind = "sqlite"
            path = store_live.sqlite_path()
            self._sqlite = store_live.SqliteWatcher(path) if path else None
            with _lock:
                _own_ids[origin] = set()

    def start(self) -> list[Event]:
        return self._events(self._pg.start()) if self._pg is not None else []

    def wanted(self) -> tuple[int, bool] | None:
        return self._pg.wanted() if self._pg is not None else None

    def ready(self) -> list[Event]:
        return self._events(self._pg.ready()) if self._pg is not None else []

    def tick(self) -> list[Event]:
        if self._pg is not None:
            return self._events(self._pg.tick())
        if self._sqlite is None:
            return []
        rows = self._sqlite.poll()
        with _lock:
            own = _own_ids.get(self.origin, set())
            others = [(i, a, e) for i, a, e in rows if i not in own]
            own.difference_update(i for i, _a, _e in rows)
        changes = Change.NONE
        for _id, action, entity in others:
            changes |= changes_of(action, entity)
        return [Event(changes=changes)] if changes else []

    def recheck(self) -> list[Event]:
        """Look now (a call just found the server gone): ping, or try to connect."""
        return self._events(self._pg.recheck()) if self._pg is not None else []

    @property
    def up(self) -> bool:
        return self._pg.up if self._pg is not None else True

    def close(self) -> None:
        if self._pg is not None:
            self._pg.close()
        if self._sqlite is not None:
            self._sqlite.close()
        with _lock:
            _own_ids.pop(self.origin, None)

    def _events(self, report: store_live.Report) -> list[Event]:
        events: list[Event] = []
        changes = Change.NONE
        for payload in report.payloads:
            kinds, origin = decode(payload)
            if origin != self.origin:
                changes |= kinds
        if changes:
            events.append(Event(changes=changes))
        if report.lost is not None:
            log.warning("the practice server cannot be reached: %s", report.lost)
            events.append(Event(lost=True))
        if report.alive:
            events.append(Event(alive=True))
        if report.offset is not None:
            events.append(Event(offset=report.offset))
        return events
