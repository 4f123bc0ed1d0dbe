"""Find in the provider's calendar: by the client's name, a date or a reference; only their own."""

from __future__ import annotations

from datetime import timedelta
from zoneinfo import ZoneInfo

import pytest

from desktop.services.errors import NotAllowed
from desktop.services.search import find_appointments
from tests import factories
from tests.factories import add_appointment


@pytest.fixture
def team(db, now):
    return factories.make_team(now)


def test_by_name_date_and_reference_soonest_first_then_the_recent_past(team, now):
    soon = add_appointment(team.client, now + timedelta(days=3)).id
    later = add_appointment(team.client, now + timedelta(days=10)).id
    past = add_appointment(team.client, now - timedelta(days=5)).id
    theirs = add_appointment(team.other_client, now + timedelta(days=3, hours=2)).id
    name = factories.actor(team.client.username).display_name
    found = find_appointments(team.owner, name.split()[0], now=now)
    assert [f.id for f in found] == [soon, later, past]  # ahead first, then the past
    other_name = factories.actor(team.other_client.username).display_name
    assert find_appointments(team.other_provider, other_name, now=now)[0].id == theirs  # theirs finds it
    assert theirs not in [f.id for f in find_appointments(team.owner, other_name, now=now)]  # not the owner
    assert find_appointments(team.owner, "   ", now=now) == []
    day = (now + timedelta(days=10)).astimezone(ZoneInfo(team.owner.time_zone))
    assert [f.id for f in find_appointments(team.owner, day.date().isoformat(), now=now)] == [later]
    assert [f.id for f in find_appointments(team.owner, f"#{past}", now=now)] == [past]
    assert find_appointments(team.owner, f"#{theirs}", now=now) == []  # another provider's: not found


def test_only_providers_search_their_calendar(team, now):
    for who in (team.client, team.support):
        with pytest.raises(NotAllowed):
            find_appointments(who, "alex", now=now)


def test_the_owner_and_the_front_desk_find_in_the_whole_practice_with_the_providers_name(team, now):
    from desktop.services.search import find_in_practice

    mine = add_appointment(team.client, now + timedelta(days=2)).id
    theirs = add_appointment(team.other_client, now + timedelta(days=3)).id
    desk = factories.actor(factories.add_front_desk(now).username)
    other_name = factories.actor(team.other_client.username).display_name
    for who in (team.owner, desk):
        found = find_in_practice(who, other_name, now=now)
        assert [f.id for f in found] == [theirs]
        assert found[0].provider_id == team.other_provider.provider_id
        assert found[0].provider_name == team.other_provider.display_name
        assert [f.id for f in find_in_practice(who, f"#{mine}", now=now)] == [mine]
    for who in (team.other_provider, team.client, team.support):  # not the owner: only their own calendar
        with pytest.raises(NotAllowed):
            find_in_practice(who, other_name, now=now)
