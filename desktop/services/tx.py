"""One transaction per use case, with its audit event inside it."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import Any

from peewee import ModelSelect, PostgresqlDatabase

from ..store.audit_chain import append_event
from ..store.models import database
from . import dberrors, live
from .actor import Actor, current_actor


def utc_now(now: datetime | None = None) -> datetime:
    """The instant the rules use: ``now`` from the caller when given (tests, demos); else the
    database's clock (:func:`database_now`), so every workstation of a shared server decides
    by one clock. Call it inside the write transaction where a rule depends on it."""
    if now is None:
        return database_now()
    if now.tzinfo is None:
        raise ValueError("now must be an aware datetime")
    return now.astimezone(UTC)


def database_now() -> datetime:
    """PostgreSQL: the server's ``statement_timestamp()`` (inside a write transaction, read after
    the locks taken so far); SQLite (one machine) and no database yet: this computer's clock."""
    db = database.obj
    if isinstance(db, PostgresqlDatabase):
        return db.execute_sql("SELECT statement_timestamp()").fetchone()[0].astimezone(UTC)
    return datetime.now(UTC)


# The audit events of the write transaction open on this thread (peewee's connection is per
# thread too), appended to the chain when its body has run: see write_transaction.
_pending = threading.local()


@contextmanager
def write_transaction(actor: Actor | None) -> Iterator[Any]:
    """BEGIN IMMEDIATE on SQLite (the lock is taken up front), a plain transaction
    on PostgreSQL where rows are locked with :func:`locked`.

    ``actor`` is who the use case acts for: once the lock is held their account is read again
    (:func:`~desktop.services.actor.current_actor`), so a deactivated or changed account writes
    nothing. ``None`` only for work nobody signed in does: sign-in itself, first-run set-up,
    the horizon job and the record of a restore (whose person may not exist in the restored file).

    Lock order on PostgreSQL, the same in every use case: the actor's account row first (here),
    then the rows the use case locks or writes, then the audit chain's head last. The head is
    taken only here, after the body: :func:`audit` collects the events and they are chained
    once the body is done, so no use case can hold the head while it waits for a row (the
    deadlock two use cases auditing at different points would otherwise risk).

    Lock several rows of one kind in one ``SELECT … FOR UPDATE … ORDER BY id``; a use case on a
    series locks the series row before any of its occurrences (guards.lock_series). The call's
    guard (services.dberrors) is told when the transaction begins, starts to commit and has
    committed: a deadlock is retried only while nothing of the call can have been committed."""
    outermost = not database.in_transaction()
    dberrors.write_started()
    chained: list[tuple[int, str, str]] = []
    with database.atomic() as txn:
        if actor is not None:
            current_actor(actor, lock=True)
        outer: list[dict[str, Any]] | None = getattr(_pending, "events", None)
        events: list[dict[str, Any]] = []
        _pending.events = events
        try:
            yield txn
        finally:
            _pending.events = outer
        if outer is not None:
            outer.extend(events)  # nested: chained with the outermost use case's, at its end
        else:
            for event in events:
                chained.append((append_event(**event).id, event["action"], event["entity"]))
            live.announce(chained)  # the other windows hear what changed, at commit (live screens)
        if outermost:
            dberrors.committing(True)  # from here a lost connection may have committed it
    if outermost:
        dberrors.committed()
    live.committed(chained)


def on_server() -> bool:
    """The database is a PostgreSQL server (several workstations), not this computer's SQLite file."""
    return isinstance(database.obj, PostgresqlDatabase)


def locked(query: ModelSelect) -> ModelSelect:
    """SELECT … FOR UPDATE where the database has it; SQLite already holds the write lock."""
    if on_server():
        return query.for_update()
    return query


def audit(actor: Actor | None, action: str, entity: str, entity_id: int | None, *,
          at: datetime, **detail: Any) -> None:
    """Record the change as the next link of the tamper-evident audit chain, in the use case's
    write transaction: chained when its body is done (see :func:`write_transaction`), so the
    record and the change commit together or not at all. Outside a write transaction it is
    appended at once, and refused outside any transaction."""
    event = dict(at=at, actor_id=actor.user_id if actor else None, action=action, entity=entity,
                 entity_id=entity_id, detail=detail)
    events: list[dict[str, Any]] | None = getattr(_pending, "events", None)
    if events is None:
        append_event(**event)
    else:
        events.append(event)
