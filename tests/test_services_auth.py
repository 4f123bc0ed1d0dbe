"""Signing in, first-run set-up and passwords."""

from __future__ import annotations

from datetime import timedelta

import pytest

from desktop.rules.policy import DEFAULT_POLICY
from desktop.services.auth import change_password, set_up_practice, sign_in
from desktop.services.errors import InvalidInput, NotAllowed, SignInFailed
from desktop.services.passwords import verify_password
from desktop.store.models import AuditEvent, FeePolicy, Practice, Provider, Role, User, WorkingHours
from tests import factories
from tests.factories import PASSWORD, audit_count


def test_set_up_practice(db, now):
    owner = set_up_practice("Harbour Therapy", "Europe/London", "Olive Owner", "  Olive ", PASSWORD,
                            currency="GBP", now=now)
    assert owner.role == Role.PROVIDER and owner.is_owner
    assert owner.username == "olive"
    assert owner.provider_id is not None and owner.client_id is None
    practice = Practice.get()
    assert (practice.name, practice.time_zone, practice.currency) == ("Harbour Therapy", "Europe/London", "GBP")
    policy = FeePolicy.get(FeePolicy.provider == owner.provider_id)
    assert policy.version == 1
    assert policy.currency == "GBP"
    assert policy.notice_minutes == 24 * 60
    assert policy.late_cancellation_fee_cents == DEFAULT_POLICY.late_cancellation_fee.cents
    assert policy.no_show_fee_cents == DEFAULT_POLICY.no_show_fee.cents
    assert policy.policy_text == ""  # the provider's own words: none yet; the rest is built from the fields
    assert WorkingHours.select().where(WorkingHours.provider == owner.provider_id).count() == 10
    user = User.get_by_id(owner.user_id)
    assert user.password_hash != PASSWORD and verify_password(user.password_hash, PASSWORD)
    events = list(AuditEvent.select())
    assert [e.action for e in events] == ["set_up_practice"]
    assert events[0].at == now


def test_set_up_practice_twice_is_refused(db, now):
    factories.make_practice(now)
    with pytest.raises(NotAllowed):
        set_up_practice("Second", "UTC", "Someone", "someone", PASSWORD, now=now)
    assert Practice.select().count() == 1
    assert User.select().count() == 1
    assert audit_count() == 1


@pytest.mark.parametrize("args", [
    ("", "UTC", "Olive", "olive", PASSWORD),
    ("Practice", "UTC", "  ", "olive", PASSWORD),
    ("Practice", "UTC", "Olive", "  ", PASSWORD),
    ("Practice", "Mars/Olympus_Mons", "Olive", "olive", PASSWORD),
    ("Practice", "UTC", "Olive", "olive", "short"),
    ("Practice", "UTC", "Olive", "olive", " spaces around "),
])
def test_set_up_practice_checks_its_input(db, now, args):
    with pytest.raises(InvalidInput):
        set_up_practice(*args, now=now)
    assert Practice.select().count() == 0
    assert User.select().count() == 0
    assert audit_count() == 0


def test_sign_in_success_for_every_role(db, now):
    team = factories.make_team(now)
    owner = sign_in("owner", PASSWORD, now=now)
    assert owner == team.owner
    client = sign_in("casey.client", PASSWORD, now=now)
    assert client.role == Role.CLIENT and client.client_id == team.client.client_id and client.provider_id is None
    provider = sign_in("dr.other", PASSWORD, now=now)
    assert provider.provider_id == Provider.get(Provider.user == provider.user_id).id and not provider.is_owner
    assert sign_in("support", PASSWORD, now=now).is_support
    events = list(AuditEvent.select().where(AuditEvent.action == "sign_in"))
    assert len(events) == 4
    assert all(e.at == now for e in events)


def test_sign_in_ignores_case_and_spaces_in_the_user_name(db, now):
    factories.make_practice(now)
    assert sign_in("  OWNER ", PASSWORD, now=now).username == "owner"


def test_sign_in_writes_exactly_one_audit_event(db, now):
    factories.make_practice(now)
    before = audit_count()
    sign_in("owner", PASSWORD, now=now + timedelta(minutes=1))
    assert audit_count() == before + 1
    event = AuditEvent.select().order_by(AuditEvent.id.desc()).get()
    assert (event.action, event.entity, event.at) == ("sign_in", "user", now + timedelta(minutes=1))


def test_unknown_user_and_wrong_password_get_the_same_message(db, now):
    factories.make_practice(now)
    with pytest.raises(SignInFailed) as unknown:
        sign_in("nobody", PASSWORD, now=now)
    with pytest.raises(SignInFailed) as wrong:
        sign_in("owner", PASSWORD + "x", now=now)
    assert str(unknown.value) == str(wrong.value)
    assert unknown.value.title == wrong.value.title
    with pytest.raises(SignInFailed) as empty:
        sign_in("owner", "", now=now)
    assert str(empty.value) == str(wrong.value)
    assert audit_count("sign_in") == 0


def test_deactivated_account_is_refused(db, now):
    owner = factories.make_practice(now)
    factories.add_client(now, owner, "gone.client", active=False)
    with pytest.raises(SignInFailed, match="deactivated"):
        sign_in("gone.client", PASSWORD, now=now)
    # With the wrong password it says no more than for anyone else.
    with pytest.raises(SignInFailed) as wrong:
        sign_in("gone.client", "not the password", now=now)
    assert "deactivated" not in str(wrong.value)
    assert audit_count("sign_in") == 0


def test_change_password(db, now):
    owner = factories.make_practice(now)
    result = change_password(owner, PASSWORD, "a brand new one", now=now)
    assert result.summary
    assert sign_in("owner", "a brand new one", now=now).user_id == owner.user_id
    with pytest.raises(SignInFailed):
        sign_in("owner", PASSWORD, now=now)
    assert audit_count("change_password") == 1


@pytest.mark.parametrize("old, new, error", [
    ("wrong password", "a brand new one", NotAllowed),
    (PASSWORD, PASSWORD, InvalidInput),
    (PASSWORD, "short", InvalidInput),
])
def test_change_password_refusals(db, now, old, new, error):
    owner = factories.make_practice(now)
    before = User.get_by_id(owner.user_id).password_hash
    with pytest.raises(error):
        change_password(owner, old, new, now=now)
    assert User.get_by_id(owner.user_id).password_hash == before
    assert audit_count("change_password") == 0
