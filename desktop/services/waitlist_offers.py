"""Offering a freed time to the waitlist: called inside the transaction that frees it (a client's
or a provider's cancellation, a late cancellation granted, a move), from guards.py's scheduled-row
updates, so every way of freeing a time offers it and nothing is offered for a change that was
rolled back. Writes the offers and one message to each client; books nothing."""

from __future__ import annotations

from datetime import datetime, time

from ..rules import waitlist as rules
from ..rules.limits import BOOKING_DAYS
from ..store.models import Client, Provider, User
from ..store.waitlist_models import WaitlistEntry, WaitlistOffer
from .messaging import notify

# (provider id, client id of the appointment that freed it, service id, start, end)
Freed = tuple[int, int, int | None, datetime, datetime]


def _minute(m: int) -> time:
    return time(m // 60, m % 60)


def offer_freed(freed: list[Freed], now: datetime) -> int:
    """Offer each freed time worth offering to every active waitlist entry of its provider that it
    suits (not to the client who freed it), in the order they joined; returns how many offers."""
    slots = [f for f in freed if rules.worth_offering(f[3], now, BOOKING_DAYS)]
    if not slots:
        return 0
    providers = {f[0] for f in slots}
    entries = (WaitlistEntry.select(WaitlistEntry)
               .join(Client, on=(WaitlistEntry.client == Client.id))
               .join(User, on=(Client.user == User.id)).switch(WaitlistEntry)
               .where(WaitlistEntry.provider.in_(providers), WaitlistEntry.active == True,  # noqa: E712
                      User.active == True, Client.provider == WaitlistEntry.provider)  # noqa: E712
               .order_by(WaitlistEntry.joined_at, WaitlistEntry.id))
    by_provider: dict[int, list[WaitlistEntry]] = {}
    for entry in entries:
        by_provider.setdefault(entry.provider_id, []).append(entry)
    zones = dict(Provider.select(Provider.id, User.time_zone).join(User, on=(Provider.user == User.id))
                 .where(Provider.id.in_(providers)).tuples())
    names = dict(Provider.select(Provider.id, User.display_name).join(User, on=(Provider.user == User.id))
                 .where(Provider.id.in_(providers)).tuples())
    made = 0
    for provider_id, freed_by, service_id, start, end in sorted(slots, key=lambda f: (f[3], f[0])):
        for entry in by_provider.get(provider_id, []):
            wish = rules.Wish(rules.decode_weekdays(entry.weekdays), _minute(entry.from_minute),
                              _minute(entry.to_minute))
            if entry.client_id == freed_by or not wish.suits(start, end, zones[provider_id]):
                continue
            if WaitlistOffer.select().where(WaitlistOffer.entry == entry.id, WaitlistOffer.starts_at == start,
                                            WaitlistOffer.status == rules.OfferStatus.OFFERED).exists():
                continue  # freed again before anyone answered: one offer is enough
            expires = rules.offer_expires(now, start)
            WaitlistOffer.create(entry=entry.id, client=entry.client_id, provider=provider_id, service=service_id,
                                 starts_at=start, ends_at=end, offered_at=now, expires_at=expires,
                                 status=rules.OfferStatus.OFFERED)
            client_zone = User.select(User.time_zone).join(Client, on=(Client.user == User.id)).where(
                Client.id == entry.client_id).scalar()
            subject, body = rules.offer_message(start, end, names[provider_id], expires, client_zone)
            notify(entry.client_id, provider_id, subject, body, now=now)
            made += 1
    return made
