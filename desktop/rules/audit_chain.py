"""The audit trail as a hash chain: how an event is written down, hashed, and checked.

Every audit event carries its place in the chain (``seq``, 1, 2, 3 … with no gaps), the
hash of the event before it (``prev_hash``; the first event links to :data:`GENESIS`) and
its own hash: SHA-256 over the canonical form of its fields and ``prev_hash``. The store
keeps the newest (seq, hash) in a one-row chain head, so removing the newest events or
rewriting the last one shows too.

Changing a stored event breaks its own hash; rewriting that hash as well breaks the next
event's link; removing an event leaves a gap in ``seq`` and a link to a hash that is no
longer there; an event written outside the application has no place in the chain. Someone
who can write the database *and* recompute every later hash and the head is not caught by
the chain alone: comparing the head hash with one noted earlier (``--verify-audit`` prints
it) catches that too.

The canonical form is frozen: stored chains depend on it, so a change is a new
``CANONICAL_VERSION`` with the old form kept for the events written under it.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any

GENESIS = "0" * 64  # what the first event links to
CANONICAL_VERSION = 1


def normalised_detail(detail: Any) -> Any:
    """``detail`` as it reads back from the database (JSON: tuples become lists, enum members
    their values), so the hash written is the hash a later check recomputes."""
    return json.loads(json.dumps(detail, sort_keys=True))


def _instant(at: datetime | str | None) -> str | None:
    if isinstance(at, datetime):
        if at.tzinfo is None:
            raise ValueError("an audit instant is aware UTC")
        return at.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
    return at  # not an instant (a stored value someone replaced): it cannot match a hash


def canonical(seq: int, at: datetime | str | None, actor_id: int | None, action: str, entity: str,
              entity_id: int | None, detail: Any, prev_hash: str) -> bytes:
    """One event's fields and its predecessor's hash as bytes: keys sorted, no spaces, ASCII
    only (a lone surrogate or NUL in a detail is escaped, never dropped)."""
    fields = {"v": CANONICAL_VERSION, "seq": seq, "at": _instant(at), "actor": actor_id, "action": action,
              "entity": entity, "entity_id": entity_id, "detail": detail, "prev": prev_hash}
    return json.dumps(fields, sort_keys=True, separators=(",", ":"), ensure_ascii=True).encode("ascii")


def link_hash(seq: int, at: datetime | str | None, actor_id: int | None, action: str, entity: str,
              entity_id: int | None, detail: Any, prev_hash: str) -> str:
    """The hash an event with these fields, chained onto ``prev_hash``, stores."""
    return hashlib.sha256(canonical(seq, at, actor_id, action, entity, entity_id, detail, prev_hash)).hexdigest()


@dataclass(frozen=True)
class StoredEvent:
    """An audit row as the database holds it. ``detail`` is the stored JSON text; ``seq``,
    ``prev_hash`` and ``event_hash`` are None on a row written without the chain."""

    id: int
    seq: int | None
    at: datetime | str | None
    actor_id: int | None
    action: str
    entity: str
    entity_id: int | None
    detail: str | None
    prev_hash: str | None
    event_hash: str | None

    def recomputed_hash(self) -> str | None:
        """What ``event_hash`` must be for the fields as they are now (None: the detail is not JSON)."""
        try:
            detail = json.loads(self.detail) if self.detail is not None else None
        except ValueError:
            return None
        return link_hash(self.seq, self.at, self.actor_id, self.action, self.entity, self.entity_id, detail,
                         self.prev_hash)

    def describe(self) -> str:
        when = self.at.astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC") if isinstance(self.at, datetime) else self.at
        return f"audit event #{self.id} ({self.action}, {when})"


@dataclass(frozen=True)
class ChainHead:
    seq: int  # 0: nothing written yet
    event_hash: str


class Tamper(StrEnum):
    ALTERED = "altered"
    INSERTED = "inserted"
    REMOVED = "removed"


@dataclass(frozen=True)
class ChainBreak:
    """The first place the chain does not hold, and what happened there."""

    kind: Tamper
    event: StoredEvent | None  # the event named (for REMOVED: the first one after the gap, if any)
    why: str
    previous: StoredEvent | None = None  # the last intact event before the break
    missing: int = 0  # REMOVED: how many events are gone

    def message(self) -> str:
        if self.kind is Tamper.REMOVED:
            count = f"{self.missing} audit event{'s' if self.missing != 1 else ''}"
            were = "was" if self.missing == 1 else "were"
            if self.event is None:
                where = f"after {self.previous.describe()}" if self.previous else "(the whole trail)"
                return f"The newest {count} {were} removed {where}. {self.why}"
            where = (f"between {self.previous.describe()} and {self.event.describe()}" if self.previous
                     else f"before {self.event.describe()}, at the start of the trail")
            return f"{count[0].upper()}{count[1:]} {were} removed {where}. {self.why}"
        if self.event is None:
            return f"The chain's head was {self.kind.value}: {self.why}"
        text = self.event.describe()
        return f"{text[0].upper()}{text[1:]} was {self.kind.value}: {self.why}"


@dataclass(frozen=True)
class ChainReport:
    events: int  # how many events were found intact, from the first on
    head: str  # the hash of the newest intact event (note it to detect a rewrite later)
    problem: ChainBreak | None

    @property
    def ok(self) -> bool:
        return self.problem is None

    def message(self) -> str:
        if self.problem is not None:
            return f"The audit trail has been tampered with. {self.problem.message()}"
        return (f"The audit trail is intact: {self.events} event{'s' if self.events != 1 else ''}, "
                f"each linked to the one before. Chain head: {self.head}.")


_NO_PLACE = "it has no place in the chain, so it was written outside Practice Desk."
_COPY = "its place in the chain (no. {seq}) belongs to an earlier event: it is a copy or a forgery."
_SKIPS = "it links to the event before it but skips numbers in the chain, so it was added by hand."
_CHANGED = "its contents no longer match the hash written with it."
_REHASHED = ("it was changed after it was written and its hash recomputed to match, but the next event "
             "still links to the original.")
_RELINKED = "its link to the event before it was changed."
_GAP = "The chain skips from no. {last} to no. {seq}."
_HEAD = "The chain's head records no. {head}, the newest event present is no. {last}."


def verify(events: Iterable[StoredEvent], head: ChainHead | None) -> ChainReport:
    """Walk ``events`` in the order they were stored (by id) and name the first break.

    A row written without the chain is INSERTED; one whose hash does not match its fields, or
    whose successor's link no longer matches its hash, is ALTERED; a gap in ``seq`` where the
    link points at a missing hash is REMOVED; a row that reuses an earlier place or skips
    numbers while linking correctly is INSERTED (a legitimate successor has the next number)."""
    if head is None:
        head = ChainHead(0, GENESIS)  # no head row: judged as an empty trail's
    expected_seq, prev_hash, previous, count = 1, GENESIS, None, 0
    beyond_head: StoredEvent | None = None  # the first event the head does not know of
    for event in events:
        if event.seq is None or event.prev_hash is None or event.event_hash is None:
            return ChainReport(count, prev_hash, ChainBreak(Tamper.INSERTED, event, _NO_PLACE, previous))
        if event.recomputed_hash() != event.event_hash:
            return ChainReport(count, prev_hash, ChainBreak(Tamper.ALTERED, event, _CHANGED, previous))
        if event.seq < expected_seq:
            return ChainReport(count, prev_hash, ChainBreak(Tamper.INSERTED, event, _COPY.format(seq=event.seq),
                                                            previous))
        if event.prev_hash != prev_hash:
            if event.seq > expected_seq:
                gap = _GAP.format(last=expected_seq - 1, seq=event.seq)
                return ChainReport(count, prev_hash, ChainBreak(Tamper.REMOVED, event, gap, previous,
                                                                missing=event.seq - expected_seq))
            if previous is None:
                return ChainReport(count, prev_hash, ChainBreak(Tamper.ALTERED, event, _RELINKED))
            return ChainReport(count - 1, previous.prev_hash,
                               ChainBreak(Tamper.ALTERED, previous, _REHASHED))
        if event.seq > expected_seq:
            return ChainReport(count, prev_hash, ChainBreak(Tamper.INSERTED, event, _SKIPS, previous))
        if beyond_head is None and event.seq > head.seq:
            beyond_head = event
        expected_seq, prev_hash, previous, count = event.seq + 1, event.event_hash, event, count + 1
    last = expected_seq - 1
    if head.seq > last:
        return ChainReport(count, prev_hash, ChainBreak(
            Tamper.REMOVED, None, _HEAD.format(head=head.seq, last=last), previous, missing=head.seq - last))
    if head.seq < last:
        return ChainReport(count, prev_hash, ChainBreak(
            Tamper.INSERTED, beyond_head, _HEAD.format(head=head.seq, last=last) + " It was added by hand.",
            previous))
    if head.event_hash != prev_hash:
        if previous is None:
            return ChainReport(0, GENESIS, ChainBreak(Tamper.ALTERED, None, "it records a hash for an empty trail."))
        return ChainReport(count - 1, previous.prev_hash, ChainBreak(
            Tamper.ALTERED, previous, "it was changed after it was written and its hash recomputed, but the "
            "chain's head still records the original."))
    return ChainReport(count, prev_hash, None)
