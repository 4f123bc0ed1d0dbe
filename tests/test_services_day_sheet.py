"""The provider's day sheet (services/day_sheet.py): one local day, their own appointments only."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from desktop.rules.vocabulary import AppointmentStatus
from desktop.services.day_sheet import provider_day_sheet
from desktop.services.errors import NotAllowed
from desktop.services.provider.cancel import cancel_for_client
from tests import factories
from tests.factories import book


@pytest.fixture
def team(db, now):
    return factories.make_team(now)


def test_a_day_sheet_holds_that_local_day_of_the_providers_own_appointments(team, now):
    owner = team.owner  # America/New_York: 14 March 2027 has 23 hours
    early = book(owner, team.client, datetime(2027, 3, 14, 5, 0, tzinfo=UTC), now=now)  # 00:00 EST
    late = book(owner, team.client, datetime(2027, 3, 15, 3, 0, tzinfo=UTC), now=now)  # 23:00 EDT
    book(owner, team.client, datetime(2027, 3, 15, 4, 0, tzinfo=UTC), now=now)  # 00:00 the next day
    book(owner, team.client, datetime(2027, 3, 14, 3, 0, tzinfo=UTC), now=now)  # 22:00 the day before
    book(team.other_provider, team.other_client, datetime(2027, 3, 14, 15, 0, tzinfo=UTC), now=now)
    cancel_for_client(owner, late, "provider_unavailable", now=now)
    sheet = provider_day_sheet(owner, date(2027, 3, 14))
    assert [r.start for r in sheet.rows] == [datetime(2027, 3, 14, 5, 0, tzinfo=UTC),
                                             datetime(2027, 3, 15, 3, 0, tzinfo=UTC)]
    assert {r.client_name for r in sheet.rows} == {"Casey Client"}
    assert sheet.rows[1].status == AppointmentStatus.CANCELLED_BY_PROVIDER and sheet.scheduled == 1
    assert sheet.rows[0].service == "Session" and sheet.practice_name == "Test Practice"
    assert early  # the first of the day


def test_only_providers_have_a_day_sheet(team, now):
    for who in (team.client, team.support):
        with pytest.raises(NotAllowed):
            provider_day_sheet(who, date(2027, 3, 14))
