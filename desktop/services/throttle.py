"""The sign-in throttle as the database keeps it, so every workstation sees the same wait.

Used inside the sign-in (and unlock) transaction: the row is made to exist, then locked, so two
workstations guessing at one user name at once are counted one after the other.
"""

from __future__ import annotations

import hashlib
from datetime import datetime

from ..rules import sign_in as rules
from ..store.models import SignInThrottle
from .tx import locked


def throttle_key(username: str) -> str:
    """The SHA-256 of the normalised name: fixed length, and a password typed into the name
    field by mistake is not kept readable. Lone surrogates hash too (``surrogatepass``)."""
    return hashlib.sha256(rules.normalise_username(username).encode("utf-8", "surrogatepass")).hexdigest()


def lock_row(key: str) -> SignInThrottle:
    """The throttle row for ``key``, created empty if new, locked for this transaction."""
    SignInThrottle.insert(key=key, failures=0, last_failure_at=None).on_conflict_ignore().execute()
    return locked(SignInThrottle.select().where(SignInThrottle.key == key)).get()


def current(row: SignInThrottle, now: datetime) -> rules.Throttle:
    return rules.throttle(row.failures, row.last_failure_at, now)


def record_failure(row: SignInThrottle, now: datetime) -> rules.Throttle:
    """One more wrong password; what the next attempt will meet. Rows of names nobody has
    got wrong for ``FORGET_AFTER`` go, so guessed names do not pile up."""
    count, next_attempt = rules.after_failure(row.failures, row.last_failure_at, now)
    SignInThrottle.update(failures=count, last_failure_at=now).where(SignInThrottle.key == row.key).execute()
    SignInThrottle.delete().where(SignInThrottle.last_failure_at < now - rules.FORGET_AFTER).execute()
    return next_attempt


def reset(row: SignInThrottle) -> None:
    """A right password: the count starts over."""
    SignInThrottle.delete().where(SignInThrottle.key == row.key).execute()
