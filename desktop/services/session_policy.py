"""How every workstation of the practice signs in and locks: the owner's choice, kept in the
practice's database (desktop.rules.session holds the bounds and the defaults)."""

from __future__ import annotations

from datetime import datetime

from ..rules.session import SessionPolicy
from ..store.models import Practice, WorkstationPolicy
from .actor import Actor, require_owner
from .errors import NotFound
from .result import Change, OpResult
from .tx import audit, locked, utc_now, write_transaction
from .validation import entry_point


def _policy_of(row: WorkstationPolicy | None) -> SessionPolicy:
    return SessionPolicy() if row is None else SessionPolicy(row.lock_after_minutes, row.offer_last_username)


@entry_point
def session_policy() -> SessionPolicy:
    """What the sign-in window and the lock follow; the defaults until the owner changes them.
    A read without an actor: the sign-in window asks before anyone has signed in."""
    return _policy_of(WorkstationPolicy.select().order_by(WorkstationPolicy.practice).first())


@entry_point
def set_session_policy(actor: Actor, *, lock_after_minutes: int, offer_last_username: bool,
                       now: datetime | None = None) -> OpResult:
    """The owner: lock after 5–30 minutes without activity (the bounds are declared in
    rules/limits.py, checked by ``@entry_point``); offer the last user name or not."""
    now = utc_now(now)
    require_owner(actor)
    after = SessionPolicy(lock_after_minutes, offer_last_username)
    with write_transaction(actor):
        # The practice row is the lock: two owners' windows saving at once are taken in turn.
        practice = locked(Practice.select().order_by(Practice.id)).first()
        if practice is None:
            raise NotFound("This database has no practice yet.")
        row = WorkstationPolicy.get_or_none(WorkstationPolicy.practice == practice.id)
        before = _policy_of(row)
        if after == before:
            return OpResult(Change.NONE, "Nothing to change.", after)
        values = {"lock_after_minutes": lock_after_minutes, "offer_last_username": offer_last_username,
                  "changed_at": now, "changed_by": actor.user_id}
        if row is None:
            WorkstationPolicy.insert(practice=practice.id, **values).execute()
        else:
            WorkstationPolicy.update(**values).where(WorkstationPolicy.practice == practice.id).execute()
        audit(actor, "set_session_policy", "practice", practice.id, at=now,
              lock_after_minutes=[before.lock_after_minutes, after.lock_after_minutes],
              offer_last_username=[before.offer_last_username, after.offer_last_username])
    return OpResult(Change.PRACTICE, "Sign-in and locking saved: they apply at every workstation's next sign-in.",
                    after)
