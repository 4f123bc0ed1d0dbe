"""The owner changes how times, dates and amounts are written, after set-up (issue #11, item 10)."""

from __future__ import annotations

import pytest

from desktop.rules.display_locale import locale_label
from desktop.services.errors import InvalidInput, NotAllowed
from desktop.services.practice import practice_details, set_practice_locale
from desktop.services.result import Change
from desktop.store.models import AuditEvent
from tests import factories
from tests.factories import audit_count


@pytest.fixture
def team(db, now):
    return factories.make_team(now)


def test_the_owner_changes_the_practice_locale_and_it_is_audited(team, now):
    before = practice_details().locale
    result = set_practice_locale(team.owner, "de_DE", now=now)
    assert result.changes == Change.PRACTICE and locale_label("de_DE") in result.summary
    assert practice_details().locale == "de_DE"
    event = AuditEvent.select().order_by(AuditEvent.id.desc()).get()
    assert event.action == "set_practice_locale" and event.detail["locale"] == [before, "de_DE"]
    count = audit_count()
    assert set_practice_locale(team.owner, "de_DE", now=now).changes == Change.NONE  # the same: nothing written
    assert audit_count() == count


def test_an_unknown_locale_is_refused_and_nothing_changes(team, now):
    before, count = practice_details().locale, audit_count()
    with pytest.raises(InvalidInput):
        set_practice_locale(team.owner, "xx_YY", now=now)
    assert practice_details().locale == before and audit_count() == count


@pytest.mark.parametrize("who", ["other_provider", "client", "support"])
def test_only_the_owner_changes_it(team, now, who):
    before = practice_details().locale
    with pytest.raises(NotAllowed):
        set_practice_locale(getattr(team, who), "en_US", now=now)
    assert practice_details().locale == before
