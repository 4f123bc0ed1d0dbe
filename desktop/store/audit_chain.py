"""Appending to the audit chain and reading it back for a check (the hashing is in the rules).

Appends are serialised: SQLite's ``BEGIN IMMEDIATE`` already admits one writer at a time;
on PostgreSQL the chain head row is read ``FOR UPDATE``, so a second workstation waits for
the first to commit and then chains onto its event. The unique ``seq`` makes a fork
impossible even so: a second event at the same place fails its transaction.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from typing import Any

from peewee import PostgresqlDatabase

from ..rules.audit_chain import (
    GENESIS,
    ChainHead,
    ChainReport,
    StoredEvent,
    link_hash,
    normalised_detail,
    verify,
)
from .models import AuditChainHead, AuditEvent, database

HEAD_ID = 1
PAGE = 2000  # events read per query while verifying


def _locked_head() -> AuditChainHead:
    query = AuditChainHead.select().where(AuditChainHead.id == HEAD_ID)
    if isinstance(database.obj, PostgresqlDatabase):
        query = query.for_update()
    head = query.first()
    if head is None:
        # The head row is made by migration 0005; should it be gone, the chain goes on from the
        # newest event (verifying still compares every link).
        newest = AuditEvent.select().where(AuditEvent.seq.is_null(False)).order_by(AuditEvent.seq.desc()).first()
        seq, event_hash = (newest.seq, newest.event_hash) if newest else (0, GENESIS)
        AuditChainHead.insert(id=HEAD_ID, seq=seq, event_hash=event_hash).on_conflict_ignore().execute()
        head = query.get()
    return head


def append_event(*, at: datetime, actor_id: int | None, action: str, entity: str, entity_id: int | None,
                 detail: dict[str, Any]) -> AuditEvent:
    """Write an audit event as the next link of the chain. Only inside the transaction of the
    change it records: the event and the change commit together or not at all."""
    if not database.in_transaction():
        raise RuntimeError("an audit event is written in the transaction of the change it records")
    head = _locked_head()
    detail = normalised_detail(detail)
    seq = head.seq + 1
    event_hash = link_hash(seq, at, actor_id, action, entity, entity_id, detail, head.event_hash)
    event = AuditEvent.create(at=at, actor=actor_id, action=action, entity=entity, entity_id=entity_id,
                              detail=detail, seq=seq, prev_hash=head.event_hash, event_hash=event_hash)
    AuditChainHead.update(seq=seq, event_hash=event_hash).where(AuditChainHead.id == HEAD_ID).execute()
    return event


def stored_events(page: int = PAGE) -> Iterator[StoredEvent]:
    """Every audit row in storage order (by id), as stored: the detail as its JSON text."""
    E = AuditEvent
    last = 0
    while True:
        rows = list(E.select(E.id, E.seq, E.at, E.actor, E.action, E.entity, E.entity_id,
                             E.detail.cast("TEXT").alias("detail_text"), E.prev_hash, E.event_hash)
                    .where(E.id > last).order_by(E.id).limit(page).tuples())
        if not rows:
            return
        for row in rows:
            yield StoredEvent(*row)
        last = rows[-1][0]


def chain_head() -> ChainHead | None:
    row = AuditChainHead.select(AuditChainHead.seq, AuditChainHead.event_hash).where(
        AuditChainHead.id == HEAD_ID).tuples().first()
    return ChainHead(*row) if row else None


def verify_stored_chain() -> ChainReport:
    """Check the whole trail of the open database. Reads one snapshot (head and events alike),
    so an append by another workstation meanwhile cannot look like tampering; takes no lock."""
    db = database.obj
    if isinstance(db, PostgresqlDatabase):
        snapshot = db.atomic(isolation_level="REPEATABLE READ")
    else:
        snapshot = db.atomic(lock_type="DEFERRED")  # WAL: a reader's snapshot, the writer goes on
    with snapshot:
        return verify(stored_events(), chain_head())
