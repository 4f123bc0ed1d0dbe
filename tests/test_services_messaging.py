"""Messaging services: who may read, write and mark threads, each write audited once."""

from __future__ import annotations

import pytest

from desktop.services import messaging
from desktop.services.errors import InvalidInput, NotAllowed
from desktop.store.models import Message, Thread
from tests.factories import audit_count, make_team


@pytest.fixture
def team(db, now):
    return make_team(now)


def _thread(team, now) -> int:
    return messaging.start_thread(team.client, "About Friday", "Can we talk?", now=now).value


def test_client_starts_a_thread_with_their_own_provider_and_it_is_audited(team, now):
    before = audit_count("start_thread")
    thread_id = _thread(team, now)
    thread = Thread.get_by_id(thread_id)
    assert (thread.client_id, thread.provider_id) == (team.client.client_id, team.owner.provider_id)
    assert audit_count("start_thread") == before + 1
    assert [r.id for r in messaging.list_threads(team.owner)] == [thread_id]
    assert messaging.list_threads(team.other_provider) == []


def test_start_thread_refuses_other_providers_clients_support_and_empty_or_long_text(team, now):
    with pytest.raises(NotAllowed):
        messaging.start_thread(team.other_provider, "Hi", "Hello", client_id=team.client.client_id, now=now)
    with pytest.raises(NotAllowed):
        messaging.start_thread(team.support, "Hi", "Hello", client_id=team.client.client_id, now=now)
    with pytest.raises(InvalidInput):
        messaging.start_thread(team.client, "  ", "Hello", now=now)
    with pytest.raises(InvalidInput):
        messaging.start_thread(team.client, "Hi", "x" * (messaging.MAX_BODY + 1), now=now)
    with pytest.raises(InvalidInput):
        messaging.start_thread(team.client, "x" * (messaging.MAX_SUBJECT + 1), "Hello", now=now)
    assert Thread.select().count() == 0 and Message.select().count() == 0


def test_only_the_two_parties_read_or_reply(team, now):
    thread_id = _thread(team, now)
    for outsider in (team.other_client, team.other_provider, team.support):
        with pytest.raises(NotAllowed):
            messaging.thread_messages(outsider, thread_id)
        with pytest.raises(NotAllowed):
            messaging.reply(outsider, thread_id, "Let me in", now=now)
        with pytest.raises(NotAllowed):
            messaging.mark_thread_read(outsider, thread_id, now=now)
    with pytest.raises(NotAllowed):
        messaging.list_threads(team.support)
    messaging.reply(team.owner, thread_id, "Of course.", now=now)
    assert [m.body for m in messaging.thread_messages(team.client, thread_id)] == ["Can we talk?", "Of course."]


def test_marking_read_clears_unread_and_writes_one_audit_event(team, now):
    thread_id = _thread(team, now)
    assert messaging.unread_total(team.owner) == 1
    before = audit_count()
    messaging.mark_thread_read(team.owner, thread_id, now=now)
    assert messaging.unread_total(team.owner) == 0
    assert audit_count() == before + 1 and audit_count("read_thread") == 1


def test_listing_threads_is_one_query_however_many_threads(team, now):
    # Every read first checks the account against the database (services/actor.current_actor): one query.
    from playhouse.test_utils import count_queries

    for i in range(5):
        thread_id = messaging.start_thread(team.client, f"Question {i}", "Hello", now=now).value
        messaging.reply(team.owner, thread_id, "Answer", now=now)
    with count_queries() as counter:
        rows = messaging.list_threads(team.client)
    assert len(rows) == 5 and all(r.unread == 1 for r in rows)
    assert counter.count == 2
