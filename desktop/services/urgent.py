"""Urgent items: what a provider must act on in person (rule 6).

A client who answers a cancellation's follow-up with an answer the catalogue marks
``asks_contact`` ("Yes, please contact me" after "Feeling unsafe or in crisis") raises,
in the same transaction as the cancellation, an urgent item for their provider: a
flagged message in Messages, a badge on the provider's navigation and a marker on the
appointment in the calendar. It stays until the provider marks it handled (audited).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime

from peewee import JOIN, fn

from ..rules.timefmt import format_instant
from ..rules.vocabulary import Role, ThreadKind, UrgentKind
from ..store.compiled import CompiledSelect, Param, instances
from ..store.models import Appointment, Client, Provider, UrgentItem, User
from .actor import Actor, current_actor, require_role
from .catalogue import reasons_catalogue
from .errors import Conflict, NotAllowed, NotFound
from .result import Change, OpResult
from .threads import open_thread, post
from .tx import audit, locked, utc_now, write_transaction
from .validation import entry_point


@dataclass(frozen=True)
class ContactRaised:
    """An urgent item was raised: its id, and what the client's confirmation says."""

    item_id: int
    provider_name: str

    @property
    def confirmation(self) -> str:
        return f"We have told {self.provider_name} that you would like to be contacted; they will reach out to you."


def raise_contact_request(actor: Actor, appointment: Appointment, reason_code: str, answers: Mapping[str, str], *,
                          what: str, now: datetime) -> ContactRaised | None:
    """Inside the client's cancellation (or late-request) transaction: if an answer asks to
    be contacted, open the flagged thread and the urgent item for the client's current
    provider. Returns what was raised, or None when no answer asks for contact."""
    asked = reasons_catalogue().contact_requests(reason_code, answers)
    if not asked:
        return None
    client = Client.get_by_id(appointment.client_id)
    user = User.get_by_id(client.user_id)
    provider_id = client.provider_id
    provider_zone, provider_name = (User.select(User.time_zone, User.display_name)
                                    .join(Provider, on=(Provider.user == User.id))
                                    .where(Provider.id == provider_id).tuples().get())
    reason_label = reasons_catalogue().label_for(reason_code)
    when = format_instant(appointment.starts_at, provider_zone)
    answered = "; ".join(f"“{answer.label}”" for _question, answer in asked)
    reach = ", ".join(part for part in (f"phone {user.phone}" if user.phone else "",
                                        f"email {user.email}" if user.email else "") if part)
    summary = (f"{user.display_name} {what} {when} ({reason_label}) and asked to be contacted ({answered})."
               + (f" Reach them by {reach}." if reach else ""))
    thread = open_thread(client.id, provider_id, f"Urgent: {user.display_name} asked to be contacted",
                         kind=ThreadKind.URGENT, appointment_id=appointment.id, now=now)
    post(thread, None, summary, now=now)
    item = UrgentItem.create(provider=provider_id, client=client.id, appointment=appointment.id, thread=thread.id,
                             kind=UrgentKind.CONTACT_REQUESTED, reason_code=reason_code, summary=summary,
                             created_at=now)
    audit(actor, "raise_urgent_item", "urgent_item", item.id, at=now, appointment=appointment.id,
          reason=reason_code, answers=dict(answers))
    return ContactRaised(item.id, provider_name)


@dataclass(frozen=True)
class UrgentRow:
    id: int
    version: int
    client_id: int
    client_name: str
    appointment_id: int | None
    appointment_start: datetime | None
    thread_id: int | None
    summary: str
    created_at: datetime
    handled_at: datetime | None
    handled_by: str
    handled_note: str

    @property
    def open(self) -> bool:
        return self.handled_at is None


def _require_provider(actor: Actor) -> int:
    require_role(actor, Role.PROVIDER)
    if actor.provider_id is None:
        raise NotAllowed("This account has no provider record.")
    return actor.provider_id


def _urgent_select(include_handled: bool):
    """The provider's urgent items, columns named as the UrgentRow fields they fill (a query shape)."""
    client_user, handler = User.alias(), User.alias()
    q = (UrgentItem.select(UrgentItem.id, UrgentItem.version, UrgentItem.client.alias("client_id"),
                           client_user.display_name.alias("client_name"),
                           UrgentItem.appointment.alias("appointment_id"),
                           Appointment.starts_at.alias("appointment_start"), UrgentItem.thread.alias("thread_id"),
                           UrgentItem.summary, UrgentItem.created_at, UrgentItem.handled_at,
                           fn.COALESCE(handler.display_name, "").alias("handled_by"), UrgentItem.handled_note)
         .join(Client, on=(UrgentItem.client == Client.id))
         .join(client_user, on=(Client.user == client_user.id))
         .switch(UrgentItem).join(Appointment, JOIN.LEFT_OUTER, on=(UrgentItem.appointment == Appointment.id))
         .switch(UrgentItem).join(handler, JOIN.LEFT_OUTER, on=(UrgentItem.handled_by == handler.id))
         .where(UrgentItem.provider == Param("provider")))
    if not include_handled:
        q = q.where(UrgentItem.handled_at.is_null())
    return q.order_by(UrgentItem.handled_at.is_null(False), UrgentItem.created_at).limit(Param("limit"))


_URGENT = {handled: CompiledSelect(lambda h=handled: _urgent_select(h)) for handled in (True, False)}
_OPEN_COUNT = CompiledSelect(lambda: UrgentItem.select(fn.COUNT(UrgentItem.id)).where(
    UrgentItem.provider == Param("provider"), UrgentItem.handled_at.is_null()))


@entry_point
def urgent_items(actor: Actor, *, include_handled: bool = False, limit: int = 200) -> list[UrgentRow]:
    """The provider's urgent items, open ones first (oldest first: the longest waiting on top)."""
    current_actor(actor)
    provider_id = _require_provider(actor)
    compiled = _URGENT[include_handled]
    return instances(UrgentRow, compiled.names, compiled.rows(provider=provider_id, limit=limit))


@entry_point
def open_urgent_count(actor: Actor) -> int:
    """How many urgent items wait for this provider (the navigation badge)."""
    current_actor(actor)
    provider_id = _require_provider(actor)
    return _OPEN_COUNT.rows(provider=provider_id)[0][0]


@entry_point
def mark_urgent_handled(actor: Actor, item_id: int, note: str = "", *, expected_version: int | None = None,
                        now: datetime | None = None) -> OpResult:
    """The provider has been in touch (or arranged it): the item leaves the Urgent list."""
    now = utc_now(now)
    provider_id = _require_provider(actor)
    note = note.strip()  # its length and characters are checked at the entry point (rules/limits.py)
    with write_transaction(actor):
        item = locked(UrgentItem.select()).where(UrgentItem.id == item_id).first()
        if item is None:
            raise NotFound("That urgent item no longer exists.")
        if item.provider_id != provider_id:
            raise NotAllowed("Only the client's provider can mark this item handled.")
        if item.handled_at is not None:
            raise Conflict("This item was already marked handled; nothing was changed.")
        if expected_version is not None and item.version != expected_version:
            raise Conflict("This item changed since you opened it; nothing was changed. Look at it again first.")
        updated = (UrgentItem.update(handled_at=now, handled_by=actor.user_id, handled_note=note,
                                     version=UrgentItem.version + 1)
                   .where(UrgentItem.id == item.id, UrgentItem.version == item.version,
                          UrgentItem.handled_at.is_null())
                   .execute())
        if updated != 1:
            raise Conflict("This item was marked handled on another workstation a moment ago; nothing was changed.")
        audit(actor, "handle_urgent_item", "urgent_item", item.id, at=now, note=note)
    return OpResult(Change.URGENT, "Marked handled.", item.id)
