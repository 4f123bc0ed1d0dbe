"""How every workstation of the practice signs in and locks: the owner's choice, kept in the
practice's database (desktop.rules.session holds the bounds and the defaults)."""

from __future__ import annotations

from datetime import datetime

from ..rules.session import SessionPolicy, lock_minutes_problem
from ..store.models import Practice
from .actor import Actor, require_owner
from .errors import InvalidInput, NotFound
from .result import Change, OpResult
from .tx import audit, locked, utc_now, write_transaction


def session_policy() -> SessionPolicy:
    """What the sign-in window and the lock follow; the defaults before the first-run set-up.
    A read without an actor: the sign-in window asks before anyone has signed in."""
    practice = Practice.select().order_by(Practice.id).first()
    if practice is None:
        return SessionPolicy()
    return SessionPolicy(practice.lock_after_minutes, practice.offer_last_username)


def set_session_policy(actor: Actor, *, lock_after_minutes: int, offer_last_username: bool,
                       now: datetime | None = None) -> OpResult:
    """The owner: lock after 5–30 minutes without activity; offer the last user name or not."""
    now = utc_now(now)
    require_owner(actor)
    problem = lock_minutes_problem(lock_after_minutes)
    if problem:
        raise InvalidInput(problem)
    if not isinstance(offer_last_username, bool):
        raise InvalidInput("Offer the last user name: answer yes or no.")
    with write_transaction():
        practice = locked(Practice.select().order_by(Practice.id)).first()
        if practice is None:
            raise NotFound("This database has no practice yet.")
        before = SessionPolicy(practice.lock_after_minutes, practice.offer_last_username)
        after = SessionPolicy(lock_after_minutes, offer_last_username)
        if after == before:
            return OpResult(Change.NONE, "Nothing to change.", after)
        Practice.update(lock_after_minutes=lock_after_minutes, offer_last_username=offer_last_username).where(
            Practice.id == practice.id).execute()
        audit(actor, "set_session_policy", "practice", practice.id, at=now,
              lock_after_minutes=[before.lock_after_minutes, after.lock_after_minutes],
              offer_last_username=[before.offer_last_username, after.offer_last_username])
    return OpResult(Change.PRACTICE, "Sign-in and locking saved: they apply at every workstation's next sign-in.",
                    after)
