"""Signing in: the growing wait after wrong passwords for one user name.

The wait is decided per user name as typed (normalised), whether or not an account has that
name, so the answer never reveals which accounts exist. Consecutive failures count; a right
password resets them, and failures older than ``FORGET_AFTER`` are forgotten.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from enum import StrEnum

from .instants import require_aware

FREE_FAILURES = 2  # wrong passwords in a row that cost no wait (a typo, then a second look)
FIRST_DELAY = timedelta(seconds=30)  # the wait after the first failure past the free ones
MAX_DELAY = timedelta(minutes=15)  # the wait doubles per failure up to this cap
FORGET_AFTER = timedelta(hours=24)  # a quiet day and the count starts over


class SignInRefusal(StrEnum):
    """Why a sign-in or unlock was refused (kept in the audit event)."""

    WRONG_PASSWORD = "wrong_password"  # or no such user name: the same answer
    THROTTLED = "throttled"  # asked again before the wait was over; the password was not checked
    DEACTIVATED = "deactivated"


MAX_USERNAME_LENGTH = 255  # the store's column: a longer name cannot be an account's


def normalise_username(typed: str) -> str:
    """The one form of a user name that accounts, sign-in and the throttle compare."""
    return typed.strip().lower()


def could_be_username(name: str) -> bool:
    """False for a name no account can have: empty, too long, or with control characters,
    separators other than the space, or lone surrogates (none of them printable)."""
    return 0 < len(name) <= MAX_USERNAME_LENGTH and name.isprintable()


def delay_after(failures: int) -> timedelta:
    """How long to wait after ``failures`` wrong passwords in a row: none for the free ones,
    then ``FIRST_DELAY`` doubling with each further failure, never more than ``MAX_DELAY``."""
    past_free = failures - FREE_FAILURES
    if past_free <= 0:
        return timedelta(0)
    if past_free > 32:  # 30 s · 2**32 is long past the cap; no need to build the number
        return MAX_DELAY
    return min(FIRST_DELAY * 2 ** (past_free - 1), MAX_DELAY)


def wait_words(wait: timedelta) -> str:
    """'30 seconds', '1 second', '4 minutes': rounded up, so the person never retries too soon."""
    seconds = max(1, math.ceil(wait.total_seconds()))
    if seconds <= 90:
        return f"{seconds} second{'s' if seconds != 1 else ''}"
    minutes = math.ceil(seconds / 60)
    return f"{minutes} minutes"


@dataclass(frozen=True)
class Throttle:
    """Whether a password may be checked now for one user name, and if not, for how long not."""

    failures: int  # the consecutive failures that still count
    wait: timedelta  # zero when a password may be checked now
    retry_at: datetime | None  # when the wait ends (UTC); None when there is none

    @property
    def allowed(self) -> bool:
        return self.wait <= timedelta(0)

    def message(self) -> str:
        return f"Too many attempts for this user name: try again in {wait_words(self.wait)}."


NO_WAIT = Throttle(0, timedelta(0), None)


def counting_failures(failures: int, last_failure_at: datetime | None, now: datetime) -> int:
    """The stored count, or 0 once the last failure is ``FORGET_AFTER`` in the past."""
    if last_failure_at is None or failures <= 0:
        return 0
    require_aware(last_failure_at, "last_failure_at")
    require_aware(now, "now")
    return 0 if now - last_failure_at >= FORGET_AFTER else failures


def throttle(failures: int, last_failure_at: datetime | None, now: datetime) -> Throttle:
    """The decision for the next attempt, given what is stored for the user name."""
    require_aware(now, "now")
    counted = counting_failures(failures, last_failure_at, now)
    delay = delay_after(counted)
    if last_failure_at is None or delay <= timedelta(0):
        return Throttle(counted, timedelta(0), None)
    retry_at = last_failure_at.astimezone(UTC) + delay
    # Another workstation's clock may be behind this one's: the wait never exceeds the delay.
    wait = min(retry_at - now, delay)
    if wait <= timedelta(0):
        return Throttle(counted, timedelta(0), None)
    return Throttle(counted, wait, now.astimezone(UTC) + wait)


def after_failure(failures: int, last_failure_at: datetime | None, now: datetime) -> tuple[int, Throttle]:
    """A wrong password now: the new count to store, and what the next attempt will meet."""
    count = counting_failures(failures, last_failure_at, now) + 1
    return count, throttle(count, now, now)
