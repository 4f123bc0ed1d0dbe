"""The fee side's guards, one copy each: whose charge it is, whether the screen's copy is
still current, whether a versioned write landed, and the length of a reason."""

from __future__ import annotations

from peewee import ModelSelect, ModelUpdate

from ...rules import limits
from ...store.models import Charge, FeeAdjustment, User
from ..actor import Actor
from ..errors import Conflict, InvalidInput, NotAllowed, NotFound

MAX_TEXT = limits.REASON_TEXT.max_length  # a reason or note on a fee, as declared

# A versioned write that finds its row moved on (another workstation got there first).
CHANGED_BEFORE_SENT = "This fee was changed a moment ago; nothing was sent. Look at it again."


def clean_text(text: str, what: str) -> str:
    text = (text or "").strip()
    if not text:
        raise InvalidInput(f"Please write {what}.")
    if len(text) > MAX_TEXT:
        raise InvalidInput(f"Please keep {what} under {MAX_TEXT} characters.")
    return text


def charge_for(actor: Actor, charge_id: int, *, query: ModelSelect | None = None) -> Charge:
    """The charge, if the actor may see it: a client or provider their own, Support any (rule 8)."""
    q = query if query is not None else Charge.select()
    charge = q.where(Charge.id == charge_id).first()
    if charge is None:
        raise NotFound("That charge no longer exists.")
    if actor.is_client and charge.client_id == actor.client_id:
        return charge
    if actor.is_provider and charge.provider_id == actor.provider_id:
        return charge
    if actor.is_support:
        return charge
    raise NotAllowed("You can only see your own charges.")


def changed_since_opened(charge_id: int) -> Conflict:
    """Rule 10: the refusal names who adjusted the fee last, so nobody overwrites it unknowingly."""
    last = (FeeAdjustment.select(User.display_name).join(User, on=(FeeAdjustment.adjusted_by == User.id))
            .where(FeeAdjustment.charge == charge_id).order_by(FeeAdjustment.id.desc()).limit(1).scalar())
    who = last or "someone else"
    return Conflict(f"This fee was already adjusted by {who} since you opened it; nothing was changed. "
                    "Look at it again.")


def require_version(charge: Charge, expected_version: int | None) -> None:
    """The caller read the charge at ``expected_version`` (None: the caller saw no version)."""
    if expected_version is not None and charge.version != expected_version:
        raise changed_since_opened(charge.id)


def apply_at_version(update: ModelUpdate, charge: Charge, *, sent: bool = False) -> None:
    """Run a ``Charge.update(…, version=Charge.version + 1)`` only on the version read under the
    lock; anything else is another workstation's change, refused and rolled back with the rest.
    ``sent``: the write would have sent a message (a dispute), so the refusal says none went."""
    updated = update.where(Charge.id == charge.id, Charge.version == charge.version).execute()
    if updated != 1:
        raise Conflict(CHANGED_BEFORE_SENT) if sent else changed_since_opened(charge.id)
