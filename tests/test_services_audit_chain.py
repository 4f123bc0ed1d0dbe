"""The tamper-evident audit trail on a real database (SQLite, and PostgreSQL in the second pass):
real use cases write the chain; rows edited, deleted and inserted directly in SQL are caught and
named; appends from several processes at once end in one valid chain; the command line and the
owner's check say what they found."""

from __future__ import annotations

import importlib
import json
import multiprocessing
import subprocess
import sys
from datetime import datetime, timedelta

import pytest
from peewee import IntegrityError, PostgresqlDatabase
from playhouse.migrate import SchemaMigrator

from desktop.rules.audit_chain import Tamper, link_hash
from desktop.services import audit_trail, messaging
from desktop.services.errors import Conflict, NotAllowed
from desktop.services.tx import audit, write_transaction
from desktop.store.audit_chain import chain_head, verify_stored_chain
from desktop.store.db import close_database, open_database
from desktop.store.models import AuditChainHead, AuditEvent, database
from tests.factories import book, make_team

WRITERS = 4
APPENDS_EACH = 25


@pytest.fixture
def team(db, now):
    team = make_team(now)
    for day in range(1, 6):  # five more events after the practice's set-up
        book(team.owner, team.client, now + timedelta(days=day, hours=1), now=now)  # a provider books any free time
    return team


def sql(statement: str, *params) -> None:
    """Run one statement as someone with the database open in another program would."""
    database.execute_sql(statement.replace("?", database.obj.param), params)


def event_ids() -> list[int]:
    return [i for (i,) in AuditEvent.select(AuditEvent.id).order_by(AuditEvent.id).tuples()]


def stored(event_id: int) -> AuditEvent:
    return AuditEvent.get_by_id(event_id)


def problem():
    report = verify_stored_chain()
    assert not report.ok, "the tampering went unnoticed"
    return report.problem


def test_use_cases_write_one_intact_chain(team, now):
    report = verify_stored_chain()
    assert report.ok, report.message()
    assert report.events == AuditEvent.select().count() == 6
    seqs = [e.seq for e in AuditEvent.select().order_by(AuditEvent.id)]
    assert seqs == list(range(1, 7))
    newest = AuditEvent.select().order_by(AuditEvent.id.desc()).get()
    assert chain_head().seq == 6 and chain_head().event_hash == newest.event_hash == report.head
    assert stored(event_ids()[1]).prev_hash == stored(event_ids()[0]).event_hash


def test_a_refused_use_case_adds_nothing_to_the_chain(team, now):
    head = chain_head()
    with pytest.raises(Conflict):  # the time is taken: refused inside the write transaction
        book(team.owner, team.client, now + timedelta(days=1, hours=1), now=now)
    assert chain_head() == head
    assert AuditEvent.select().count() == 6


def test_an_audit_event_outside_a_transaction_is_refused(team, now):
    with pytest.raises(RuntimeError):
        audit(team.owner, "stray", "practice", None, at=now)
    assert AuditEvent.select().count() == 6
    with write_transaction(team.owner):
        audit(team.owner, "inside", "practice", None, at=now, note=("a", "tuple"))
    assert verify_stored_chain().ok


def test_the_chain_head_is_the_last_lock_a_use_case_takes(team, now):
    """The lock order (docs/ARCHITECTURE.md): the account row when the transaction opens, the
    use case's rows, the chain head only after the body, so nothing waits for a row holding it."""
    head = chain_head()
    with write_transaction(team.owner):
        audit(team.owner, "first", "practice", None, at=now)
        audit(team.owner, "second", "practice", None, at=now)
        assert chain_head() == head and AuditEvent.select().count() == 6  # collected, not chained yet
    assert chain_head().seq == head.seq + 2
    assert [e.action for e in AuditEvent.select().order_by(AuditEvent.seq.desc()).limit(2)] == ["second", "first"]
    assert verify_stored_chain().ok
    with pytest.raises(Conflict), write_transaction(team.owner):
        audit(team.owner, "refused", "practice", None, at=now)
        raise Conflict("the use case says no after auditing")
    assert chain_head().seq == head.seq + 2  # a refused use case chains nothing


def test_an_edited_row_is_altered(team):
    target = event_ids()[2]
    sql("UPDATE audit_event SET detail = ? WHERE id = ?", '{"start": "2030-01-01T00:00:00+00:00"}', target)
    found = problem()
    assert (found.kind, found.event.id) == (Tamper.ALTERED, target)
    assert f"Audit event #{target} (book_appointment" in found.message()


def test_an_edited_actor_is_altered(team):
    target = event_ids()[3]
    sql("UPDATE audit_event SET actor_id = ? WHERE id = ?", team.support.user_id, target)
    assert (problem().kind, problem().event.id) == (Tamper.ALTERED, target)


def test_an_edit_with_its_hash_recomputed_is_altered(team):
    ids = event_ids()
    row = stored(ids[2])
    forged = {"start": "2030-01-01T00:00:00+00:00"}
    new_hash = link_hash(row.seq, row.at, row.actor_id, row.action, row.entity, row.entity_id, forged, row.prev_hash)
    sql("UPDATE audit_event SET detail = ?, event_hash = ? WHERE id = ?", '{"start": "2030-01-01T00:00:00+00:00"}',
        new_hash, ids[2])
    found = problem()
    assert (found.kind, found.event.id) == (Tamper.ALTERED, ids[2])


def test_the_newest_row_edited_with_its_hash_recomputed_is_altered(team):
    row = stored(event_ids()[-1])
    new_hash = link_hash(row.seq, row.at, row.actor_id, "forged", row.entity, row.entity_id, row.detail,
                         row.prev_hash)
    sql("UPDATE audit_event SET action = ?, event_hash = ? WHERE id = ?", "forged", new_hash, row.id)
    assert (problem().kind, problem().event.id) == (Tamper.ALTERED, row.id)


def test_a_deleted_row_is_removed(team):
    ids = event_ids()
    sql("DELETE FROM audit_event WHERE id = ?", ids[3])
    found = problem()
    assert (found.kind, found.event.id, found.previous.id, found.missing) == (Tamper.REMOVED, ids[4], ids[2], 1)
    assert f"between audit event #{ids[2]}" in found.message()


def test_the_newest_rows_deleted_are_removed(team):
    ids = event_ids()
    sql("DELETE FROM audit_event WHERE id >= ?", ids[-2])
    found = problem()
    assert (found.kind, found.event, found.previous.id, found.missing) == (Tamper.REMOVED, None, ids[-3], 2)


def test_every_row_deleted_is_removed(team):
    sql("DELETE FROM audit_event")
    assert (problem().kind, problem().missing) == (Tamper.REMOVED, 6)


def test_a_row_inserted_by_hand_is_inserted(team, now):
    sql("INSERT INTO audit_event (at, actor_id, action, entity, entity_id, detail) VALUES (?, ?, ?, ?, ?, ?)",
        now.replace(tzinfo=None), team.support.user_id, "waive_fee", "charge", 1, '{"reason": "none"}')
    found = problem()
    inserted = event_ids()[-1]
    assert (found.kind, found.event.id) == (Tamper.INSERTED, inserted)
    assert f"Audit event #{inserted} (waive_fee" in found.message()


def test_a_forged_row_chained_onto_the_newest_is_inserted(team, now):
    newest = stored(event_ids()[-1])
    forged_hash = link_hash(newest.seq + 1, now, team.support.user_id, "waive_fee", "charge", 1, {},
                            newest.event_hash)
    sql("INSERT INTO audit_event (at, actor_id, action, entity, entity_id, detail, seq, prev_hash, event_hash) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", now.replace(tzinfo=None), team.support.user_id, "waive_fee",
        "charge", 1, "{}", newest.seq + 1, newest.event_hash, forged_hash)
    assert (problem().kind, problem().event.id) == (Tamper.INSERTED, event_ids()[-1])


def test_a_copy_of_an_event_cannot_take_its_place(team):
    with pytest.raises(IntegrityError), database.atomic():
        sql("INSERT INTO audit_event (at, actor_id, action, entity, entity_id, detail, seq, prev_hash, event_hash) "
            "SELECT at, actor_id, action, entity, entity_id, detail, seq, prev_hash, event_hash FROM audit_event "
            "WHERE id = ?", event_ids()[1])
    assert verify_stored_chain().ok


def test_only_the_owner_verifies_and_is_told_the_first_break(team):
    for who in (team.client, team.other_provider, team.support):
        with pytest.raises(NotAllowed):
            audit_trail.verify_audit_trail(who)
    assert audit_trail.verify_audit_trail(team.owner).ok
    sql("DELETE FROM audit_event WHERE id = ?", event_ids()[1])
    report = audit_trail.verify_audit_trail(team.owner)
    assert report.problem.kind is Tamper.REMOVED


def test_the_demo_practice_has_an_intact_chain(demo_db):
    report = verify_stored_chain()
    assert report.ok and report.events == AuditEvent.select().count() >= 1


# ---- several workstations at once ------------------------------------------------------------


def _target(opened) -> str:
    """What another process opens to reach the test's database."""
    if isinstance(opened.db, PostgresqlDatabase):
        from tests.postgres import server_url, with_database

        return with_database(server_url(), opened.db.database)
    return opened.db.database


def _append_as_workstation(target: str, username: str, thread_id: int, start, count: int) -> None:
    """One workstation: open the database, wait for the others, then reply ``count`` times."""
    from tests.factories import actor

    open_database(target)
    try:
        who = actor(username)
        start.wait(timeout=60)
        for i in range(count):
            messaging.reply(who, thread_id, f"{username} {i}")
    finally:
        close_database()


def test_workstations_appending_at_once_leave_one_valid_chain(team, now, db):
    # A thread each: nothing but the chain itself makes the writers wait for one another.
    threads = [messaging.start_thread(team.client, f"Hello {i}", "First", now=now).value for i in range(WRITERS)]
    events = AuditEvent.select().count()
    context = multiprocessing.get_context("spawn")  # fresh interpreters: no connection shared
    start = context.Event()
    writers = [context.Process(target=_append_as_workstation,
                               args=(_target(db), ("casey.client", "owner")[i % 2], threads[i], start, APPENDS_EACH))
               for i in range(WRITERS)]
    for w in writers:
        w.start()
    start.set()
    for w in writers:
        w.join(timeout=120)
    assert [w.exitcode for w in writers] == [0] * WRITERS
    report = verify_stored_chain()
    assert report.ok, report.message()
    assert report.events == AuditEvent.select().count() == events + WRITERS * APPENDS_EACH
    assert AuditChainHead.get_by_id(1).seq == report.events


# ---- the command line -------------------------------------------------------------------------


def _verify_command(target: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "desktop", "--verify-audit", "--database", target],
                          capture_output=True, text=True, timeout=60)


def test_the_command_line_says_intact_or_names_the_first_tampered_event(team, db):
    target = _target(db)
    ok = _verify_command(target)
    assert ok.returncode == 0, ok.stderr
    assert "The audit trail is intact: 6 events" in ok.stdout
    victim = event_ids()[2]
    sql("UPDATE audit_event SET entity_id = ? WHERE id = ?", 999, victim)
    bad = _verify_command(target)
    assert bad.returncode == 1, bad.stderr
    assert f"Audit event #{victim} (book_appointment" in bad.stdout and "was altered" in bad.stdout


def test_the_command_line_refuses_a_missing_database(tmp_path):
    missing = tmp_path / "nothing-here.db"
    result = _verify_command(str(missing))
    assert result.returncode == 2
    assert "there is no database" in result.stderr
    assert not missing.exists()


def test_migration_0005_chains_the_events_already_there(db, now):
    # A trail as an earlier version left it: events with no place in a chain.
    sql("DELETE FROM audit_chain_head")
    for i in range(3):
        sql("INSERT INTO audit_event (at, actor_id, action, entity, entity_id, detail) VALUES (?, ?, ?, ?, ?, ?)",
            (now + timedelta(minutes=i)).replace(tzinfo=None), None, "old_event", "practice", i, json.dumps({"i": i}))
    assert problem().kind is Tamper.INSERTED
    module = importlib.import_module("desktop.store.migrations.0005_audit_chain")
    migrator = SchemaMigrator.from_database(database.obj)
    module.down(migrator, database.obj)
    with database.atomic():
        module.up(migrator, database.obj)
    report = verify_stored_chain()
    assert report.ok and report.events == 3, report.message()
    assert [e.seq for e in AuditEvent.select().order_by(AuditEvent.id)] == [1, 2, 3]


def test_appending_after_the_head_row_is_lost_goes_on_from_the_newest_event(team, now):
    sql("DELETE FROM audit_chain_head")
    with write_transaction(team.owner):
        audit(team.owner, "after", "practice", None, at=now + timedelta(seconds=1))
    report = verify_stored_chain()
    assert report.ok and report.events == 7


def test_the_instant_round_trips_to_the_microsecond(team, now):
    at = datetime(2026, 11, 24, 15, 0, 0, 123456, tzinfo=now.tzinfo)
    with write_transaction(team.owner):
        audit(team.owner, "precise", "practice", None, at=at, nested={"list": [1, 2.5, None], "text": "caf\u00e9"})
    assert verify_stored_chain().ok
