"""No database exception leaves a service: each becomes a refusal a receptionist understands.

The outermost ``@entry_point`` call on a thread runs the service through :func:`guarded`:

- a deadlock (SQLSTATE 40P01) or serialization failure (40001) rolls the whole use case back;
  it is run again, at most :data:`ATTEMPTS` times, and only while none of this call's write
  transactions has committed or begun to commit (:func:`write_started`, :func:`committing`,
  :func:`committed`, called by ``tx.write_transaction``); then a :class:`Conflict` says what to do;
- an exclusion-constraint violation (23P01: two scheduled appointments of one provider or one
  client overlapping) is the same :class:`Conflict` as the service's own check
  (:data:`~desktop.services.errors.TIME_TAKEN`);
- a lost connection or an unreachable server is :class:`DatabaseUnavailable`, and this thread's
  connection is closed so the next call reconnects by itself (peewee's autoconnect); when the
  connection went while committing, the message says it may have been saved;
- a lock wait that timed out or SQLite's "database is locked" is a :class:`Conflict` to try
  again in a moment; a read-only database or a full disk :class:`DatabaseUnwritable`; any other
  constraint a :class:`Conflict`; anything else :class:`DatabaseFailed`.

Every translation is logged with the driver's own words for whoever looks after the server.
"""

from __future__ import annotations

import enum
import logging
import random
import sqlite3
import threading
import time
from collections.abc import Callable
from typing import Any, TypeVar

import peewee

from ..store.models import database
from .errors import (
    TIME_TAKEN,
    Conflict,
    DatabaseFailed,
    DatabaseUnavailable,
    DatabaseUnwritable,
    ServiceError,
)

T = TypeVar("T")
log = logging.getLogger(__name__)

ATTEMPTS = 5  # a deadlock or serialization failure: the use case runs at most this many times
_BACKOFF_S = 0.02  # before attempt n, a random wait of up to n × this


class Failure(enum.Enum):
    RETRY = "deadlock or serialization failure"
    TIME_TAKEN = "overlapping scheduled appointments"
    UNAVAILABLE = "connection lost or server unreachable"
    BUSY = "lock wait timed out"
    READ_ONLY = "read-only database"
    FULL = "disk full"
    CONSTRAINT = "constraint violated"
    OTHER = "database error"


BUSY_TEXT = ("Another workstation is still saving a change to the same records. Nothing was saved; "
             "try again in a moment.")
RETRY_TEXT = ("Several workstations changed the same records at the same moment and this change could not "
              "get its turn. Nothing was saved; look at it again and try once more.")
CONSTRAINT_TEXT = ("This clashes with something recorded a moment ago, probably on another workstation. "
                   "Nothing was saved; look at it again.")
FAILED_TEXT = ("The practice database could not do this. Nothing was saved; try again, and if it keeps "
               "happening tell whoever looks after the practice computers.")

# SQLite's result texts (sqlite3 gives no codes before Python 3.11's sqlite_errorname on all builds).
_SQLITE_TEXTS = (
    ("readonly", Failure.READ_ONLY),
    ("read-only", Failure.READ_ONLY),
    ("disk is full", Failure.FULL),
    ("database is locked", Failure.BUSY),
    ("database table is locked", Failure.BUSY),
    ("database is busy", Failure.BUSY),
    ("unable to open", Failure.UNAVAILABLE),
    ("disk i/o error", Failure.UNAVAILABLE),
    ("closed database", Failure.UNAVAILABLE),
)


class _CallState(threading.local):
    depth = 0  # nesting of entry points on this thread (only the outermost guards)
    wrote = False  # this call opened a write transaction
    committing = False  # its outermost write transaction is committing now
    commits = 0  # write transactions of this call that committed


_state = _CallState()


def write_started() -> None:
    _state.wrote = True


def committing(flag: bool) -> None:
    _state.committing = flag


def committed() -> None:
    _state.committing = False
    _state.commits += 1


def _driver_error(exc: BaseException) -> BaseException:
    """The driver's exception under peewee's wrapper (kept as ``orig``)."""
    candidates = [getattr(exc, "orig", None), exc.args[0] if exc.args else None, exc.__cause__, exc.__context__]
    for candidate in candidates:
        if isinstance(candidate, BaseException) and _is_driver(candidate):
            return candidate
    return exc


def _is_driver(exc: BaseException) -> bool:
    return isinstance(exc, sqlite3.Error) or type(exc).__module__.split(".")[0] in ("psycopg2", "psycopg")


def is_database_error(exc: BaseException) -> bool:
    return isinstance(exc, peewee.DatabaseError | peewee.InterfaceError) or _is_driver(exc)


def sqlstate(exc: BaseException) -> str | None:
    orig = _driver_error(exc)
    return getattr(orig, "pgcode", None) or getattr(orig, "sqlstate", None)


def classify(exc: BaseException) -> Failure | None:
    """What kind of database failure ``exc`` is; None when it is not a database error."""
    if not is_database_error(exc):
        return None
    code = sqlstate(exc)
    if code:
        if code in ("40P01", "40001"):
            return Failure.RETRY
        if code == "23P01":
            return Failure.TIME_TAKEN
        if code.startswith("08") or code in ("57P01", "57P02", "57P03"):
            return Failure.UNAVAILABLE
        if code in ("55P03", "57014"):
            return Failure.BUSY
        if code == "25006":
            return Failure.READ_ONLY
        if code.startswith("53"):
            return Failure.FULL
        if code.startswith("23"):
            return Failure.CONSTRAINT
        return Failure.OTHER
    orig = _driver_error(exc)
    text = str(orig).lower()
    from_postgres = _is_driver(orig) and not isinstance(orig, sqlite3.Error)
    if not from_postgres and (isinstance(orig, sqlite3.Error) or isinstance(database.obj, peewee.SqliteDatabase)):
        for fragment, failure in _SQLITE_TEXTS:
            if fragment in text:
                return failure
        if isinstance(exc, peewee.IntegrityError | sqlite3.IntegrityError):
            return Failure.CONSTRAINT
        return Failure.OTHER
    if isinstance(exc, peewee.IntegrityError):
        return Failure.CONSTRAINT
    # PostgreSQL without a SQLSTATE: the driver lost (or never had) the connection.
    if isinstance(exc, peewee.OperationalError | peewee.InterfaceError) or "connection" in text:
        return Failure.UNAVAILABLE
    return Failure.OTHER


def _on_server() -> bool:
    return isinstance(database.obj, peewee.PostgresqlDatabase)


def _unavailable(in_commit: bool, wrote: bool) -> DatabaseUnavailable:
    where = "The practice server cannot be reached" if _on_server() else \
        "The practice database file cannot be reached (its disk or folder is gone or failing)"
    if in_commit:
        return DatabaseUnavailable(f"{where} and stopped answering while this was being saved, so it may or may "
                                   "not have been saved. When it is back, look at it again before trying again.")
    if wrote:
        return DatabaseUnavailable(f"{where}. Nothing was saved; try again when it is back.")
    return DatabaseUnavailable(f"{where}, so this cannot be shown now. Try again when it is back.")


def translate(failure: Failure, *, in_commit: bool = False, wrote: bool = True) -> ServiceError:
    """The refusal a person is shown for ``failure``."""
    if failure is Failure.UNAVAILABLE:
        return _unavailable(in_commit, wrote)
    if failure is Failure.READ_ONLY:
        what = "server" if _on_server() else "file"
        return DatabaseUnwritable(f"The practice database can only be read right now (its {what} is read-only). "
                                  "Nothing was saved; ask whoever looks after the practice computers to make it "
                                  "writable again.")
    if failure is Failure.FULL:
        return DatabaseUnwritable("The disk that holds the practice database is full. Nothing was saved; free some "
                                  "space (or ask whoever looks after the practice computers), then try again.")
    return {Failure.RETRY: Conflict(RETRY_TEXT), Failure.TIME_TAKEN: Conflict(TIME_TAKEN),
            Failure.BUSY: Conflict(BUSY_TEXT), Failure.CONSTRAINT: Conflict(CONSTRAINT_TEXT),
            Failure.OTHER: DatabaseFailed(FAILED_TEXT)}[failure]


def forget_connection() -> None:
    """Close this thread's connection after it failed: peewee opens a new one on the next query."""
    db = database.obj
    if db is None:
        return
    try:
        db.close()
    except Exception:  # the socket is gone or a transaction is still marked open: drop the state
        log.debug("closing the failed connection", exc_info=True)
        db._state.reset()


def guarded(func: Callable[..., T], args: tuple, kwargs: dict[str, Any]) -> T:
    """Run a service entry point; nested entry points run as they are (the outermost guards)."""
    if _state.depth:
        return func(*args, **kwargs)
    _state.depth = 1
    try:
        for attempt in range(1, ATTEMPTS + 1):
            _state.wrote, _state.committing, _state.commits = False, False, 0
            try:
                return func(*args, **kwargs)
            except ServiceError:
                raise
            except Exception as exc:
                failure = classify(exc)
                if failure is None:
                    raise
                in_commit = _state.committing
                if failure is Failure.RETRY and attempt < ATTEMPTS and not in_commit and _state.commits == 0:
                    log.info("%s in %s (attempt %d): running it again", failure.value, func.__name__, attempt)
                    time.sleep(random.uniform(0, _BACKOFF_S * attempt))
                    continue
                log.warning("%s in %s: %s", failure.value, func.__name__, _driver_error(exc))
                if failure is Failure.UNAVAILABLE or in_commit:
                    forget_connection()
                raise translate(failure, in_commit=in_commit, wrote=_state.wrote) from exc
        raise AssertionError("unreachable")  # pragma: no cover - the loop returns or raises
    finally:
        _state.depth = 0
        _state.committing = False
