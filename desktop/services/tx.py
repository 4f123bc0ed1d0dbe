"""One transaction per use case, with its audit event inside it."""

from __future__ import annotations

from contextlib import contextmanager
from datetime import UTC, datetime
from typing import Any

from peewee import ModelSelect, PostgresqlDatabase

from ..store.audit_chain import append_event
from ..store.models import AuditEvent, database
from .actor import Actor


def utc_now(now: datetime | None = None) -> datetime:
    """Services take ``now`` from the caller when given (tests, previews)."""
    if now is None:
        return datetime.now(UTC)
    if now.tzinfo is None:
        raise ValueError("now must be an aware datetime")
    return now.astimezone(UTC)


@contextmanager
def write_transaction():
    """BEGIN IMMEDIATE on SQLite (the lock is taken up front), a plain transaction
    on PostgreSQL where rows are locked with :func:`locked`."""
    with database.atomic() as txn:
        yield txn


def locked(query: ModelSelect) -> ModelSelect:
    """SELECT … FOR UPDATE where the database has it; SQLite already holds the write lock."""
    if isinstance(database.obj, PostgresqlDatabase):
        return query.for_update()
    return query


def audit(actor: Actor | None, action: str, entity: str, entity_id: int | None, *,
          at: datetime, **detail: Any) -> AuditEvent:
    """Record the change as the next link of the tamper-evident audit chain, inside the use
    case's write transaction (outside one it refuses: the record and the change are one)."""
    return append_event(at=at, actor_id=actor.user_id if actor else None, action=action, entity=entity,
                        entity_id=entity_id, detail=detail)
