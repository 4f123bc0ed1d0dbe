"""Signing in and unlocking against the database: the growing wait, the rehash, the session policy."""

from __future__ import annotations

from datetime import timedelta

import pytest
from argon2 import PasswordHasher, extract_parameters
from argon2 import Type as Argon2Type

from desktop.rules.session import DEFAULT_LOCK_MINUTES, SessionPolicy
from desktop.rules.sign_in import FREE_FAILURES, SignInRefusal
from desktop.services import passwords
from desktop.services.auth import sign_in, unlock
from desktop.services.errors import AccountChanged, InvalidInput, NotAllowed, SignInFailed, SignInThrottled
from desktop.services.passwords import hash_password, needs_rehash, verify_password
from desktop.services.session_policy import session_policy, set_session_policy
from desktop.services.throttle import throttle_key
from desktop.store.models import AuditEvent, SignInThrottle, User, WorkstationPolicy
from tests import factories
from tests.factories import PASSWORD, audit_count

WRONG = "not the password"


def _refusal(username: str, password: str, now) -> SignInFailed:
    with pytest.raises(SignInFailed) as refused:
        sign_in(username, password, now=now)
    return refused.value


def _fail_until_throttled(username: str, now) -> SignInFailed:
    """The free failures, then the one that starts the wait; returns the last refusal."""
    for _ in range(FREE_FAILURES):
        refusal = _refusal(username, WRONG, now)
        assert not isinstance(refusal, SignInThrottled)
        assert "Too many attempts" not in refusal.message
    return _refusal(username, WRONG, now)


def test_repeated_wrong_passwords_make_a_growing_wait_shown_as_a_refusal(db, now):
    factories.make_practice(now)
    started = _fail_until_throttled("owner", now)
    assert isinstance(started, SignInThrottled)
    assert started.message == ("That user name and password do not match. "
                               "Too many attempts for this user name: try again in 30 seconds.")
    assert started.retry_at == now + timedelta(seconds=30)
    # Inside the wait even the right password is not checked: the same refusal, the wait so far.
    early = _refusal("owner", PASSWORD, now + timedelta(seconds=10))
    assert isinstance(early, SignInThrottled)
    assert early.message == "Too many attempts for this user name: try again in 20 seconds."
    # After it, a wrong password again: the wait doubles.
    again = _refusal("owner", WRONG, now + timedelta(seconds=30))
    assert "try again in 60 seconds" in again.message
    assert SignInThrottle.get(SignInThrottle.key == throttle_key("owner")).failures == FREE_FAILURES + 2


def test_a_right_password_after_the_wait_signs_in_and_starts_the_count_over(db, now):
    owner = factories.make_practice(now)
    _fail_until_throttled("owner", now)
    later = now + timedelta(seconds=30)
    assert sign_in("OWNER ", PASSWORD, now=later).user_id == owner.user_id
    assert not SignInThrottle.select().where(SignInThrottle.key == throttle_key("owner")).exists()
    for _ in range(FREE_FAILURES):  # the free failures are free again
        assert not isinstance(_refusal("owner", WRONG, later), SignInThrottled)


def test_unknown_user_names_are_throttled_exactly_like_real_ones(db, now):
    factories.make_practice(now)
    for_real = [_refusal("owner", WRONG, now) for _ in range(FREE_FAILURES + 2)]
    for_nobody = [_refusal("nobody", WRONG, now) for _ in range(FREE_FAILURES + 2)]
    assert [(type(e), e.title, e.message) for e in for_real] == [(type(e), e.title, e.message) for e in for_nobody]
    assert isinstance(for_nobody[-1], SignInThrottled)


def test_the_wait_is_for_one_user_name_only(db, now):
    factories.make_team(now)
    _fail_until_throttled("owner", now)
    assert sign_in("support", PASSWORD, now=now).is_support
    assert isinstance(_refusal("owner", PASSWORD, now), SignInThrottled)


def test_every_refusal_is_audited_and_an_unknown_name_is_kept_as_its_key(db, now):
    owner = factories.make_practice(now)
    _fail_until_throttled("owner", now)
    _refusal("owner", PASSWORD, now)  # inside the wait
    _refusal("my secret password", WRONG, now)  # a password typed into the name field
    events = list(AuditEvent.select().where(AuditEvent.action == "sign_in_refused").order_by(AuditEvent.id))
    assert len(events) == FREE_FAILURES + 3
    reasons = [e.detail["reason"] for e in events]
    assert reasons == [SignInRefusal.WRONG_PASSWORD] * (FREE_FAILURES + 1) + [
        SignInRefusal.THROTTLED, SignInRefusal.WRONG_PASSWORD]
    assert all(e.entity_id == owner.user_id and e.detail["username"] == "owner" for e in events[:-1])
    assert events[-2].detail["retry_at"] == (now + timedelta(seconds=30)).isoformat()
    unknown = events[-1]
    assert unknown.entity_id is None and "username" not in unknown.detail
    assert unknown.detail["username_key"] == throttle_key("my secret password")[:16]
    assert "secret" not in str(unknown.detail)
    assert audit_count("sign_in") == 0


@pytest.mark.parametrize("name", ["nul\x00name", "lone\ud800surrogate", "x" * 10_000, "tab\tname"])
def test_names_outside_the_declared_limits_are_refused_before_anything_is_checked(db, now, name):
    """The entry point refuses them (rules/limits.py): no password is checked, so there is
    nothing to count or audit, and the answer is the same whether or not an account exists."""
    factories.make_practice(now)
    before = audit_count()
    for _ in range(FREE_FAILURES + 1):
        with pytest.raises(InvalidInput) as refused:
            sign_in(name, WRONG, now=now)
        assert refused.value.field == "username"
    assert audit_count() == before and not SignInThrottle.select().exists()


@pytest.mark.parametrize("name", [" Owner ", "no.such.person", "x" * 40])
def test_names_inside_the_limits_are_throttled_account_or_not(db, now, name):
    factories.make_practice(now)
    assert isinstance(_fail_until_throttled(name, now), SignInThrottled)
    assert audit_count("sign_in_refused") == FREE_FAILURES + 1


def test_a_deactivated_account_with_its_right_password_is_refused_and_audited(db, now):
    owner = factories.make_practice(now)
    factories.add_client(now, owner, "gone.client", active=False)
    assert "deactivated" in _refusal("gone.client", PASSWORD, now).message
    event = AuditEvent.get(AuditEvent.action == "sign_in_refused")
    assert event.detail["reason"] == SignInRefusal.DEACTIVATED


def test_fresh_hashes_meet_owasp_minimum_for_argon2id():
    params = extract_parameters(hash_password("a password of some length"))
    assert params.type is Argon2Type.ID
    assert params.memory_cost >= passwords.OWASP_MIN_MEMORY_KIB == 19 * 1024
    assert params.time_cost >= passwords.OWASP_MIN_TIME_COST == 2
    assert params.parallelism >= passwords.OWASP_MIN_PARALLELISM == 1
    assert (params.memory_cost, params.time_cost, params.parallelism) == (64 * 1024, 3, 4)


WEAK = PasswordHasher(time_cost=1, memory_cost=8 * 1024, parallelism=1)


def _weakly_hashed_owner(now) -> str:
    factories.make_practice(now)
    weak = WEAK.hash(PASSWORD)
    User.update(password_hash=weak).where(User.username == "owner").execute()
    assert needs_rehash(weak)
    return weak


def test_a_hash_made_with_weaker_parameters_is_replaced_at_sign_in(db, now):
    weak = _weakly_hashed_owner(now)
    _refusal("owner", WRONG, now)
    assert User.get(User.username == "owner").password_hash == weak  # not on a wrong password
    sign_in("owner", PASSWORD, now=now)
    stored = User.get(User.username == "owner").password_hash
    assert stored != weak and not needs_rehash(stored) and verify_password(stored, PASSWORD)
    assert extract_parameters(stored).memory_cost == passwords.MEMORY_KIB


def test_the_rehash_is_part_of_the_sign_in_transaction(db, now, monkeypatch):
    weak = _weakly_hashed_owner(now)

    def audit_fails(*_args, **_kwargs):
        raise RuntimeError("the audit write failed")

    monkeypatch.setattr("desktop.services.auth.audit", audit_fails)
    with pytest.raises(RuntimeError):
        sign_in("owner", PASSWORD, now=now)
    assert User.get(User.username == "owner").password_hash == weak  # rolled back with the audit


def test_unlock_checks_the_signed_in_persons_password_and_audits_both_answers(db, now):
    owner = factories.make_practice(now)
    with pytest.raises(SignInFailed, match="do not match"):
        unlock(owner, WRONG, now=now)
    assert unlock(owner, PASSWORD, now=now).summary == ""
    assert [e.action for e in AuditEvent.select().where(AuditEvent.actor == owner.user_id)
            .order_by(AuditEvent.id)][-2:] == ["unlock_refused", "unlock"]


def test_unlock_is_throttled_with_the_same_count_as_signing_in(db, now):
    owner = factories.make_practice(now)
    for _ in range(FREE_FAILURES):
        _refusal("owner", WRONG, now)
    with pytest.raises(SignInThrottled, match="try again in 30 seconds"):
        unlock(owner, WRONG, now=now)
    with pytest.raises(SignInThrottled):
        unlock(owner, PASSWORD, now=now + timedelta(seconds=5))
    unlock(owner, PASSWORD, now=now + timedelta(seconds=30))
    assert not SignInThrottle.select().exists()


def test_unlock_of_a_deactivated_account_is_refused(db, now):
    owner = factories.make_practice(now)
    client = factories.add_client(now, owner, "casey.client")
    User.update(active=False).where(User.id == client.user_id).execute()
    # The account check of every write refuses it first: the window signs out with this message.
    with pytest.raises(AccountChanged, match="deactivated"):
        unlock(client, PASSWORD, now=now)


def test_the_owner_sets_the_session_policy_for_every_workstation(db, now):
    assert session_policy() == SessionPolicy()  # before the first run: the defaults
    owner = factories.make_practice(now)
    assert session_policy() == SessionPolicy(DEFAULT_LOCK_MINUTES, False)
    result = set_session_policy(owner, lock_after_minutes=20, offer_last_username=True, now=now)
    assert result.value == session_policy() == SessionPolicy(20, True)
    row = WorkstationPolicy.get()
    assert (row.changed_by_id, row.changed_at) == (owner.user_id, now)
    set_session_policy(owner, lock_after_minutes=5, offer_last_username=True, now=now)  # the row again
    assert session_policy() == SessionPolicy(5, True) and WorkstationPolicy.select().count() == 1
    event = AuditEvent.get(AuditEvent.action == "set_session_policy")
    assert event.detail == {"lock_after_minutes": [15, 20], "offer_last_username": [False, True]}
    assert set_session_policy(owner, lock_after_minutes=5, offer_last_username=True, now=now).value == \
        SessionPolicy(5, True)
    assert audit_count("set_session_policy") == 2  # the same again: nothing changed, nothing written


@pytest.mark.parametrize("minutes, offer", [(4, False), (31, False), (0, True), ("10", False), (10.0, False),
                                            (True, False), (10, "yes"), (10, None)])
def test_the_session_policy_outside_its_bounds_is_refused(db, now, minutes, offer):
    owner = factories.make_practice(now)
    before = audit_count()
    with pytest.raises(InvalidInput):
        set_session_policy(owner, lock_after_minutes=minutes, offer_last_username=offer, now=now)
    assert session_policy() == SessionPolicy()
    assert audit_count() == before


def test_only_the_owner_sets_the_session_policy(db, now):
    team = factories.make_team(now)
    for who in (team.other_provider, team.client, team.support):
        with pytest.raises(NotAllowed):
            set_session_policy(who, lock_after_minutes=5, offer_last_username=True, now=now)
    assert not WorkstationPolicy.select().exists()
    assert session_policy() == SessionPolicy(DEFAULT_LOCK_MINUTES, False)
    assert audit_count("set_session_policy") == 0


@pytest.mark.parametrize("username, password", [(None, PASSWORD), ("owner", None), (42, PASSWORD),
                                                ("owner", b"bytes")])
def test_sign_in_refuses_what_is_not_text(db, now, username, password):
    factories.make_practice(now)
    before = audit_count()
    with pytest.raises(InvalidInput):
        sign_in(username, password, now=now)
    assert audit_count() == before


@pytest.mark.parametrize("password", ["lone\udc00surrogate", "nul\x00inside", "x" * 100_000])
def test_passwords_outside_the_declared_limits_are_refused_before_any_check(db, now, password):
    """No account can have such a password (setting one goes through the same limits), so it
    is refused as input, for a known name and an unknown one alike, and nothing is written."""
    owner = factories.make_practice(now)
    before = audit_count()
    for name in ("owner", "no.such.person"):
        with pytest.raises(InvalidInput) as refused:
            sign_in(name, password, now=now)
        assert refused.value.field == "password"
    with pytest.raises(InvalidInput):
        unlock(owner, password, now=now)
    assert audit_count() == before and not SignInThrottle.select().exists()
