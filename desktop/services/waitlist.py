"""The waitlist (issue #14, item 2), the client's side: joining their provider's waitlist with
the days and times they could come, leaving it, the offers made to them, and accepting (booking
through the normal booking rules) or declining one. Offers are made where a time is freed
(services/waitlist_offers.py)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time

from peewee import JOIN

from ..rules import waitlist as rules
from ..rules.waitlist import OfferStatus, Wish
from ..store.models import Client, Provider, Service, User
from ..store.waitlist_models import WaitlistEntry, WaitlistOffer
from .actor import Actor, current_actor, require_role
from .booking import BookingRequest, book_within, busy_overlap
from .errors import Conflict, InvalidInput, NotAllowed, NotFound
from .result import Change, OpResult
from .tx import audit, locked, utc_now, write_transaction
from .validation import entry_point


@dataclass(frozen=True)
class Offer:
    id: int
    start: datetime  # UTC
    end: datetime
    provider_name: str
    service_name: str
    expires_at: datetime
    status: OfferStatus


def _entry(actor: Actor) -> WaitlistEntry | None:
    return WaitlistEntry.get_or_none(WaitlistEntry.client == actor.client_id)


def _wish_of(entry: WaitlistEntry) -> Wish:
    return Wish(rules.decode_weekdays(entry.weekdays), time(entry.from_minute // 60, entry.from_minute % 60),
                time(entry.to_minute // 60, entry.to_minute % 60))


@entry_point
def my_wish(actor: Actor) -> Wish | None:
    """The client's place on their provider's waitlist (what they could come for), if they are on it."""
    current_actor(actor)
    require_role(actor, "client")
    entry = _entry(actor)
    return _wish_of(entry) if entry is not None and entry.active else None


@entry_point
def join_waitlist(actor: Actor, weekdays: list[int], earliest: time, latest: time, *,
                  now: datetime | None = None) -> OpResult:
    """Put the client on their provider's waitlist for these days and times (in the provider's
    zone), or change what they said; joining after leaving puts them at the back."""
    now = utc_now(now)
    require_role(actor, "client")
    wish = Wish(frozenset(weekdays), earliest, latest)
    if (problem := wish.problem()) is not None:
        raise InvalidInput(problem, field="weekdays")
    with write_transaction(actor):
        provider_id = Client.select(Client.provider).where(Client.id == actor.client_id).scalar()
        entry = locked(WaitlistEntry.select().where(WaitlistEntry.client == actor.client_id)).first()
        values = {"provider": provider_id, "weekdays": rules.encode_weekdays(wish.weekdays),
                  "from_minute": earliest.hour * 60 + earliest.minute, "to_minute": latest.hour * 60 + latest.minute}
        if entry is None:
            entry = WaitlistEntry.create(client=actor.client_id, joined_at=now, active=True, **values)
        else:
            if not entry.active or entry.provider_id != provider_id:
                values |= {"joined_at": now, "active": True}  # back of the queue
            WaitlistEntry.update(**values).where(WaitlistEntry.id == entry.id).execute()
        audit(actor, "join_waitlist", "waitlist_entry", entry.id, at=now, wish=wish.describe())
    return OpResult(Change.APPOINTMENTS, f"You are on the waitlist: {wish.describe()}.", entry.id)


@entry_point
def leave_waitlist(actor: Actor, *, now: datetime | None = None) -> OpResult:
    """Take the client off the waitlist; offers already made to them stay theirs until they expire."""
    now = utc_now(now)
    require_role(actor, "client")
    with write_transaction(actor):
        entry = locked(WaitlistEntry.select().where(WaitlistEntry.client == actor.client_id)).first()
        if entry is None or not entry.active:
            return OpResult(Change.NONE, "You are not on the waitlist.")
        WaitlistEntry.update(active=False).where(WaitlistEntry.id == entry.id).execute()
        audit(actor, "leave_waitlist", "waitlist_entry", entry.id, at=now)
    return OpResult(Change.APPOINTMENTS, "You have left the waitlist.", entry.id)


@entry_point
def my_offers(actor: Actor, *, now: datetime | None = None) -> list[Offer]:
    """The offers the client can still answer (not expired, not taken), soonest first."""
    now = utc_now(now)
    current_actor(actor)
    require_role(actor, "client")
    q = (WaitlistOffer.select(WaitlistOffer.id, WaitlistOffer.starts_at, WaitlistOffer.ends_at, User.display_name,
                              Service.name, WaitlistOffer.expires_at, WaitlistOffer.status)
         .join(Provider, on=(WaitlistOffer.provider == Provider.id)).join(User, on=(Provider.user == User.id))
         .switch(WaitlistOffer).join(Service, on=(WaitlistOffer.service == Service.id), join_type=JOIN.LEFT_OUTER)
         .where(WaitlistOffer.client == actor.client_id, WaitlistOffer.status == OfferStatus.OFFERED,
                WaitlistOffer.expires_at > now)
         .order_by(WaitlistOffer.starts_at))
    return [Offer(i, s, e, p, svc or "Session", x, OfferStatus(st)) for i, s, e, p, svc, x, st in q.tuples()]


def _own_offer(actor: Actor, offer_id: int, rows: list[WaitlistOffer] | None = None) -> WaitlistOffer:
    offer = next((r for r in rows if r.id == offer_id), None) if rows is not None else \
        WaitlistOffer.get_or_none(WaitlistOffer.id == offer_id)
    if offer is None:
        raise NotFound("That offer no longer exists.")
    if offer.client_id != actor.client_id:
        raise NotAllowed("That offer was made to someone else.")
    return offer


def _still_open(offer: WaitlistOffer, now: datetime) -> None:
    state = rules.live_status(offer.status, offer.expires_at, now)
    if state is OfferStatus.TAKEN:
        raise Conflict(rules.TAKEN_TEXT)
    if state is OfferStatus.EXPIRED:
        raise Conflict(rules.EXPIRED_TEXT)
    if state is not OfferStatus.OFFERED:
        raise Conflict(f"You have answered this offer already ({state.label.lower()}).")


def _service_for(offer: WaitlistOffer) -> int | None:
    """The freed appointment's service if it is still offered, else one of the same length."""
    active = Service.select(Service.id).where(Service.provider == offer.provider_id, Service.active == True)  # noqa: E712
    if offer.service_id is not None and active.where(Service.id == offer.service_id).exists():
        return offer.service_id
    minutes = int((offer.ends_at - offer.starts_at).total_seconds() // 60)
    return active.where(Service.duration_minutes == minutes).order_by(Service.id).scalar()


@entry_point
def accept_offer(actor: Actor, offer_id: int, *, now: datetime | None = None) -> OpResult:
    """Book the offered time, through the booking rules. Every offer of that time is locked first
    (in id order), so two clients accepting at once are taken in turn: the first books it, the
    second finds it taken. Booked another way meanwhile: the offer is marked taken and said so."""
    require_role(actor, "client")
    with write_transaction(actor):
        now = utc_now(now)
        mine = _own_offer(actor, offer_id)
        rows = list(locked(WaitlistOffer.select().where(WaitlistOffer.provider == mine.provider_id,
                                                        WaitlistOffer.starts_at == mine.starts_at)
                           .order_by(WaitlistOffer.id)))
        mine = _own_offer(actor, offer_id, rows)
        _still_open(mine, now)
        others = [r.id for r in rows if r.id != mine.id and r.status == OfferStatus.OFFERED]
        if busy_overlap(mine.provider_id, actor.client_id, mine.starts_at, mine.ends_at) is not None:
            WaitlistOffer.update(status=OfferStatus.TAKEN, decided_at=now).where(WaitlistOffer.id == mine.id).execute()
            return OpResult(Change.APPOINTMENTS, rules.TAKEN_TEXT, None)
        request = BookingRequest(mine.provider_id, actor.client_id, mine.starts_at, mine.ends_at - mine.starts_at,
                                 service_id=_service_for(mine))
        appt, _policy = book_within(actor, request, now)
        WaitlistOffer.update(status=OfferStatus.ACCEPTED, decided_at=now, appointment=appt.id).where(
            WaitlistOffer.id == mine.id).execute()
        if others:
            WaitlistOffer.update(status=OfferStatus.TAKEN, decided_at=now).where(WaitlistOffer.id.in_(others)).execute()
        audit(actor, "accept_waitlist_offer", "appointment", appt.id, at=now, offer=mine.id, others_taken=len(others))
    return OpResult(Change.APPOINTMENTS, "Booked: the time is yours.", appt.id)


@entry_point
def decline_offer(actor: Actor, offer_id: int, *, now: datetime | None = None) -> OpResult:
    """Say no to an offer (the client stays on the waitlist for other times)."""
    require_role(actor, "client")
    with write_transaction(actor):
        now = utc_now(now)
        mine = _own_offer(actor, offer_id)
        _still_open(mine, now)
        WaitlistOffer.update(status=OfferStatus.DECLINED, decided_at=now).where(WaitlistOffer.id == mine.id).execute()
        audit(actor, "decline_waitlist_offer", "waitlist_offer", mine.id, at=now)
    return OpResult(Change.APPOINTMENTS, "Offer declined; you stay on the waitlist.", mine.id)
