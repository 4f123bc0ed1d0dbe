"""Signing in, first-run set-up and passwords."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from functools import cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from ..rules.display_locale import DEFAULT_LOCALE, SUPPORTED_LOCALES
from ..rules.policy import DEFAULT_POLICY
from ..rules.sign_in import NO_WAIT, SignInRefusal, Throttle, could_be_username, normalise_username
from ..store.models import Client, FeePolicy, Practice, Provider, Role, SignInThrottle, User, WorkingHours
from . import throttle
from .actor import Actor
from .errors import InvalidInput, NotAllowed, SignInFailed, SignInThrottled
from .passwords import hash_password, needs_rehash, password_problem, verify_password
from .result import Change, OpResult
from .tx import audit, locked, utc_now, write_transaction
from .validation import entry_point

# A new provider's own words under the policy: none yet (the policy itself is built from its
# fields: rules.policy.full_policy_text).
DEFAULT_POLICY_TEXT = ""


@cache
def _dummy_hash() -> str:
    return hash_password("no such account: a hash to spend the same time on")


def actor_for(user: User) -> Actor:
    provider_id = client_id = client_provider_id = None
    if user.role == Role.PROVIDER:
        provider_id = Provider.get(Provider.user == user).id
    elif user.role == Role.CLIENT:
        client = Client.get(Client.user == user)
        client_id, client_provider_id = client.id, client.provider_id
    return Actor(
        user_id=user.id, username=user.username, display_name=user.display_name, role=user.role,
        time_zone=user.time_zone, is_owner=user.is_owner, provider_id=provider_id, client_id=client_id,
        must_change_password=user.must_change_password, client_provider_id=client_provider_id,
    )


MISMATCH = "That user name and password do not match."
WRONG_PASSWORD = f"{MISMATCH} Check them and try again."
DEACTIVATED = "This account has been deactivated. Ask the practice owner to reactivate it."


@dataclass(frozen=True)
class _Checked:
    """What one password check decided, inside its transaction; raised after it commits."""

    refusal: SignInRefusal | None
    throttle: Throttle  # what the next attempt meets

    def error(self) -> SignInFailed:
        if self.refusal is SignInRefusal.THROTTLED:
            return SignInThrottled(self.throttle.message(), self.throttle.retry_at)
        if self.refusal is SignInRefusal.DEACTIVATED:
            return SignInFailed(DEACTIVATED)
        if not self.throttle.allowed:  # this failure starts a wait: say so now, not at the next try
            return SignInThrottled(f"{MISMATCH} {self.throttle.message()}", self.throttle.retry_at)
        return SignInFailed(WRONG_PASSWORD)


def _account(name: str) -> User | None:
    """The account with this (normalised) name, locked; None for a name no account can have
    (a NUL or lone surrogate would not even reach the database as a parameter)."""
    if not could_be_username(name):
        return None
    return locked(User.select().where(User.username == name)).get_or_none()


def _check_password(row: SignInThrottle, user: User | None, password: str, now: datetime) -> _Checked:
    """The throttle first (a name inside its wait is not checked at all, account or not), then
    the same Argon2 work for an unknown name as for a known one, so neither the answer nor its
    time says which accounts exist. Writes the throttle and a rehash; the caller audits."""
    waiting = throttle.current(row, now)
    if not waiting.allowed:
        return _Checked(SignInRefusal.THROTTLED, waiting)
    stored = user.password_hash if user is not None else _dummy_hash()
    if not verify_password(stored, password) or user is None:
        return _Checked(SignInRefusal.WRONG_PASSWORD, throttle.record_failure(row, now))
    throttle.reset(row)
    # Hashed with weaker parameters than today's: replace it now, while the password is known.
    if needs_rehash(user.password_hash):
        User.update(password_hash=hash_password(password)).where(User.id == user.id).execute()
    # A right password clears the count, whether or not the account may still sign in.
    return _Checked(None if user.active else SignInRefusal.DEACTIVATED, NO_WAIT)


def _audit_refusal(actor: Actor | None, action: str, name: str, user: User | None, checked: _Checked,
                   now: datetime) -> None:
    detail: dict = {"reason": checked.refusal, "failures": checked.throttle.failures}
    if checked.throttle.retry_at is not None:
        detail["retry_at"] = checked.throttle.retry_at.isoformat()
    if user is not None:
        detail["username"] = user.username
    else:  # a name no account has is kept as its key: it may be a password typed in the wrong field
        detail["username_key"] = throttle.throttle_key(name)[:16]
    audit(actor, action, "user", user.id if user is not None else None, at=now, **detail)


@entry_point
def sign_in(username: str, password: str, *, now: datetime | None = None) -> Actor:
    """Anyone at the sign-in window. The throttle, the check, a rehash and the audit event (of
    the sign-in or of its refusal) are one transaction, run on the write runner."""
    now = utc_now(now)
    name = normalise_username(username)
    with write_transaction(None):  # nobody is signed in yet: the password check is who this is
        row = throttle.lock_row(throttle.throttle_key(name))
        user = _account(name)
        checked = _check_password(row, user, password, now)
        if checked.refusal is None and user is not None:
            audit(None, "sign_in", "user", user.id, at=now, username=user.username)
            actor = actor_for(user)
        else:
            _audit_refusal(None, "sign_in_refused", name, user, checked, now)
    if checked.refusal is not None:
        raise checked.error()
    return actor


@entry_point
def unlock(actor: Actor, password: str, *, now: datetime | None = None) -> OpResult:
    """The signed-in person, back at a locked window: their own password, throttled and audited
    like signing in (the same count for their user name). Nothing else changes."""
    now = utc_now(now)
    with write_transaction(actor):  # a deactivated or changed account is signed out, not unlocked
        row = throttle.lock_row(throttle.throttle_key(actor.username))
        user = locked(User.select().where(User.id == actor.user_id)).get_or_none()
        if user is None:
            raise NotAllowed("This account no longer exists. Sign out.")
        checked = _check_password(row, user, password, now)
        if checked.refusal is None:
            audit(actor, "unlock", "user", user.id, at=now)
        else:
            _audit_refusal(actor, "unlock_refused", actor.username, user, checked, now)
    if checked.refusal is not None:
        raise checked.error()
    return OpResult(Change.NONE)


@entry_point
def change_password(actor: Actor, old_password: str, new_password: str, *,
                    now: datetime | None = None) -> OpResult:
    now = utc_now(now)
    problem = password_problem(new_password)
    if problem:
        raise InvalidInput(problem)
    with write_transaction(actor):
        user = User.get_by_id(actor.user_id)
        if not verify_password(user.password_hash, old_password):
            raise NotAllowed("The current password is not right.")
        if old_password == new_password:
            raise InvalidInput("Choose a password different from the current one.")
        User.update(password_hash=hash_password(new_password), must_change_password=False).where(
            User.id == user.id).execute()
        audit(actor, "change_password", "user", user.id, at=now)
    return OpResult(Change.PEOPLE, "Password changed.")


def check_zone(zone_name: str) -> str:
    try:
        ZoneInfo(zone_name)
    except (ZoneInfoNotFoundError, ValueError, OSError) as exc:  # OSError: a folder name such as "America"
        raise InvalidInput(f"“{zone_name}” is not a time zone name (for example America/New_York).",
                           field="time_zone") from exc
    return zone_name


def create_default_policy(provider: Provider, currency: str, *, by: User | None, now: datetime) -> FeePolicy:
    return FeePolicy.create(
        provider=provider, version=1, notice_minutes=int(DEFAULT_POLICY.notice.total_seconds() // 60),
        late_cancellation_fee_cents=DEFAULT_POLICY.late_cancellation_fee.cents,
        no_show_fee_cents=DEFAULT_POLICY.no_show_fee.cents, currency=currency,
        grace_minutes=int(DEFAULT_POLICY.grace.total_seconds() // 60), policy_text=DEFAULT_POLICY_TEXT,
        created_at=now, created_by=by,
    )


def create_default_working_hours(provider: Provider) -> None:
    # Monday to Friday, 09:00–12:00 and 13:00–17:00 local time.
    rows = [
        {"provider": provider, "weekday": d, "start_minute": s, "end_minute": e}
        for d in range(5) for s, e in ((9 * 60, 12 * 60), (13 * 60, 17 * 60))
    ]
    WorkingHours.insert_many(rows).execute()


@entry_point
def set_up_practice(practice_name: str, time_zone: str, owner_name: str, username: str, password: str,
                    *, currency: str = "USD", locale: str = DEFAULT_LOCALE, now: datetime | None = None) -> Actor:
    """First run: the practice and its owner, a provider with the default policy; ``locale`` is
    how the practice's times, dates and amounts are written (one of SUPPORTED_LOCALES)."""
    now = utc_now(now)
    if not practice_name.strip():
        raise InvalidInput("Give the practice a name.")
    if not owner_name.strip():
        raise InvalidInput("Type your name.")
    username = normalise_username(username)
    if not username:
        raise InvalidInput("Choose a user name for signing in.")
    check_zone(time_zone)
    if locale not in SUPPORTED_LOCALES:
        raise InvalidInput("Choose how times, dates and amounts are written from the list.", field="locale")
    problem = password_problem(password)
    if problem:
        raise InvalidInput(problem)
    with write_transaction(None):
        if Practice.select().exists():
            raise NotAllowed("This database already has a practice; sign in instead.")
        practice = Practice.create(name=practice_name.strip(), time_zone=time_zone, currency=currency,
                                   locale=locale, created_at=now)
        user = User.create(
            username=username, display_name=owner_name.strip(), role=Role.PROVIDER, is_owner=True,
            password_hash=hash_password(password), time_zone=time_zone, created_at=now,
        )
        provider = Provider.create(user=user)
        create_default_policy(provider, currency, by=user, now=now)
        create_default_working_hours(provider)
        audit(None, "set_up_practice", "practice", practice.id, at=now, name=practice.name, owner=username)
    return actor_for(user)
