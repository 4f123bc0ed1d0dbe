"""The audit chain's pure rules: the canonical form is frozen, and verifying a sequence names
the first event that was altered, inserted or removed (and says which)."""

from __future__ import annotations

import dataclasses
import json
from datetime import UTC, datetime, timedelta

import pytest

from desktop.rules.audit_chain import (
    GENESIS,
    ChainHead,
    StoredEvent,
    Tamper,
    canonical,
    link_hash,
    normalised_detail,
    verify,
)
from desktop.rules.vocabulary import AppointmentStatus

AT = datetime(2026, 11, 24, 15, 0, tzinfo=UTC)


def make_event(seq: int, prev: str, *, event_id: int | None = None, detail: dict | None = None,
               action: str = "book_appointment") -> StoredEvent:
    detail = {"n": seq} if detail is None else detail
    at = AT + timedelta(minutes=seq)
    return StoredEvent(seq if event_id is None else event_id, seq, at, 7, action, "appointment", seq,
                       json.dumps(detail, sort_keys=True), prev,
                       link_hash(seq, at, 7, action, "appointment", seq, detail, prev))


def chain(n: int) -> list[StoredEvent]:
    events, prev = [], GENESIS
    for seq in range(1, n + 1):
        events.append(make_event(seq, prev))
        prev = events[-1].event_hash
    return events


def head_of(events: list[StoredEvent]) -> ChainHead:
    return ChainHead(events[-1].seq, events[-1].event_hash) if events else ChainHead(0, GENESIS)


def rehashed(event: StoredEvent, **changes) -> StoredEvent:
    """The event with ``changes`` and its own hash recomputed to match (a careful forger)."""
    changed = dataclasses.replace(event, **changes)
    return dataclasses.replace(changed, event_hash=changed.recomputed_hash())


def test_the_canonical_form_is_frozen():
    # Stored chains depend on these exact bytes: a change here breaks every practice's trail.
    assert canonical(1, AT, 7, "book_appointment", "appointment", 3, {"b": [1, 2], "a": "x"}, GENESIS) == (
        b'{"action":"book_appointment","actor":7,"at":"2026-11-24T15:00:00.000000Z","detail":{"a":"x","b":[1,2]},'
        b'"entity":"appointment","entity_id":3,"prev":"' + GENESIS.encode() + b'","seq":1,"v":1}')
    assert link_hash(1, AT, 7, "book_appointment", "appointment", 3, {"b": [1, 2], "a": "x"}, GENESIS) == (
        "8ffbde3d5d234684a16c0c6ab6484e2f8b288e17002629a28e7e5f95ef01f454")


def test_canonical_text_is_ascii_and_keeps_every_character():
    text = canonical(1, AT, None, "message", "thread", None, {"body": "caf\u00e9 \x00 \ud800"}, GENESIS)
    assert text.isascii()
    assert json.loads(text)["detail"]["body"] == "caf\u00e9 \x00 \ud800"


def test_the_detail_is_hashed_as_it_reads_back():
    assert normalised_detail({"ids": (1, 2), "status": AppointmentStatus.NO_SHOW}) == {
        "ids": [1, 2], "status": "no_show"}


def test_a_naive_instant_is_refused():
    with pytest.raises(ValueError):
        link_hash(1, AT.replace(tzinfo=None), None, "x", "y", None, {}, GENESIS)


def test_the_same_instant_in_another_zone_hashes_alike():
    from zoneinfo import ZoneInfo

    local = AT.astimezone(ZoneInfo("America/New_York"))
    assert link_hash(1, local, 1, "a", "b", 2, {}, GENESIS) == link_hash(1, AT, 1, "a", "b", 2, {}, GENESIS)


@pytest.mark.parametrize("n", [0, 1, 5])
def test_an_intact_chain_verifies(n):
    events = chain(n)
    report = verify(events, head_of(events))
    assert report.ok and report.problem is None
    assert report.events == n
    assert report.head == (events[-1].event_hash if events else GENESIS)
    assert f"{n} event" in report.message()


def test_no_head_row_reads_as_an_empty_trail():
    assert verify([], None).ok
    report = verify(chain(2), None)
    assert report.problem.kind is Tamper.INSERTED  # events the (missing) head never recorded


def test_a_changed_field_is_altered_and_named():
    events = chain(5)
    events[2] = dataclasses.replace(events[2], action="waive_fee")
    report = verify(events, head_of(events))
    assert report.problem.kind is Tamper.ALTERED
    assert report.problem.event.id == 3
    assert report.events == 2
    assert report.message().startswith("The audit trail has been tampered with. Audit event #3 (waive_fee, "
                                       "2026-11-24 15:03 UTC) was altered")


@pytest.mark.parametrize("change", [
    {"detail": '{"n": 99}'}, {"detail": "not json"}, {"at": AT}, {"actor_id": 8}, {"entity_id": 1},
    {"at": "2026-11-24 15:03:00 forged"},
])
def test_any_changed_value_breaks_its_own_hash(change):
    events = chain(4)
    events[1] = dataclasses.replace(events[1], **change)
    problem = verify(events, head_of(events)).problem
    assert (problem.kind, problem.event.id) == (Tamper.ALTERED, 2)


def test_a_change_with_its_hash_recomputed_is_caught_by_the_next_link():
    events = chain(5)
    events[1] = rehashed(events[1], detail='{"n": 1000}')
    report = verify(events, head_of(events))
    assert (report.problem.kind, report.problem.event.id) == (Tamper.ALTERED, 2)
    assert "next event still links to the original" in report.message()
    assert report.events == 1


def test_the_newest_event_changed_with_its_hash_recomputed_is_caught_by_the_head():
    events = chain(5)
    events[-1] = rehashed(events[-1], detail='{"n": 0}')
    problem = verify(events, ChainHead(5, chain(5)[-1].event_hash)).problem
    assert (problem.kind, problem.event.id) == (Tamper.ALTERED, 5)
    assert "head still records the original" in problem.why


def test_the_first_event_relinked_is_altered():
    events = chain(3)
    events[0] = rehashed(events[0], prev_hash="f" * 64)
    problem = verify(events, head_of(events)).problem
    assert (problem.kind, problem.event.id) == (Tamper.ALTERED, 1)


def test_an_event_removed_from_the_middle_is_named_with_its_neighbours():
    events = chain(6)
    del events[2]
    report = verify(events, head_of(events))
    problem = report.problem
    assert (problem.kind, problem.event.id, problem.previous.id, problem.missing) == (Tamper.REMOVED, 4, 2, 1)
    assert "1 audit event was removed between audit event #2" in report.message()
    assert "and audit event #4" in report.message()


def test_several_events_removed_are_counted():
    events = chain(8)
    del events[2:5]
    problem = verify(events, head_of(events)).problem
    assert (problem.kind, problem.missing, problem.event.seq) == (Tamper.REMOVED, 3, 6)
    assert "3 audit events were removed" in problem.message()


def test_the_first_event_removed():
    events = chain(4)[1:]
    problem = verify(events, head_of(events)).problem
    assert (problem.kind, problem.event.id, problem.previous) == (Tamper.REMOVED, 2, None)
    assert "at the start of the trail" in problem.message()


def test_the_newest_events_removed_are_caught_by_the_head():
    events = chain(6)
    head = head_of(events)
    problem = verify(events[:4], head).problem
    assert (problem.kind, problem.event, problem.previous.id, problem.missing) == (Tamper.REMOVED, None, 4, 2)
    assert problem.message().startswith("The newest 2 audit events were removed after audit event #4")
    assert verify([], head).problem.missing == 6


def test_a_row_written_without_the_chain_is_inserted():
    events = chain(4)
    stray = StoredEvent(99, None, AT, None, "waive_fee", "charge", 1, "{}", None, None)
    events.insert(2, stray)
    problem = verify(events, head_of(chain(4))).problem
    assert (problem.kind, problem.event.id, problem.previous.id) == (Tamper.INSERTED, 99, 2)
    assert "written outside Practice Desk" in problem.message()


def test_a_copy_of_an_earlier_event_is_inserted():
    events = chain(4)
    events.append(dataclasses.replace(events[1], id=5))
    problem = verify(events, head_of(chain(4))).problem
    assert (problem.kind, problem.event.id) == (Tamper.INSERTED, 5)
    assert "belongs to an earlier event" in problem.why


def test_a_forged_event_chained_onto_the_newest_is_inserted_when_the_head_does_not_know_it():
    events = chain(4)
    head = head_of(events)
    events.append(make_event(5, events[-1].event_hash, action="waive_fee"))
    problem = verify(events, head).problem
    assert (problem.kind, problem.event.id) == (Tamper.INSERTED, 5)


def test_a_forged_event_that_skips_numbers_is_inserted():
    events = chain(4)
    events.append(make_event(7, events[-1].event_hash, event_id=5))
    problem = verify(events, ChainHead(7, events[-1].event_hash)).problem
    assert (problem.kind, problem.event.id) == (Tamper.INSERTED, 5)
    assert "skips numbers" in problem.why


def test_only_the_first_break_is_named():
    events = chain(6)
    events[1] = dataclasses.replace(events[1], action="forged")
    del events[4]
    assert verify(events, head_of(chain(6))).problem.event.id == 2


def test_verify_reads_a_stream_once():
    events = chain(50)
    assert verify(iter(events), head_of(events)).events == 50
