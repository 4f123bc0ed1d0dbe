"""The waitlist (issue #14, item 2), on both databases: a freed time is offered to the waitlisted
clients it suits, in the order they joined, with a message each; the first to accept books it
through the booking rules and the others see it taken; offers expire; only one's own offers.
(Several workstations accepting at once: tests/test_services_workstations_stress.py.)"""

from __future__ import annotations

from datetime import time, timedelta
from zoneinfo import ZoneInfo

import pytest

from desktop.rules.waitlist import EXPIRED_TEXT, TAKEN_TEXT, OfferStatus
from desktop.services import cancellation, client_portal, waitlist
from desktop.services.booking import BookingRequest, book_appointment
from desktop.services.errors import Conflict, InvalidInput, NotAllowed
from desktop.services.provider import cancel
from desktop.store.models import Appointment, AppointmentStatus, Message, Thread
from desktop.store.waitlist_models import WaitlistOffer
from tests import factories

SESSION = factories.SESSION
EVERY_DAY = list(range(7))


@pytest.fixture
def team(db, now):
    return factories.make_team(now)


def _later_slot(client, now, days=3):
    return next(s.start for s in client_portal.slots(client, factories.provider_of(client), SESSION, now=now)
                if s.start > now + timedelta(days=days))


def _booked(client, start, now):
    return book_appointment(client, BookingRequest(provider_id=factories.provider_of(client), client_id=client.client_id,
                                                   start=start, duration=SESSION), now=now).value


def _waiting(team, now, n=2):
    clients = [factories.add_client(now, team.owner, f"waiting.{i}", display_name=f"Waiting {i}") for i in range(n)]
    for c in clients:
        waitlist.join_waitlist(c, EVERY_DAY, time(0), time(23, 59), now=now)
    return clients


def test_a_freed_time_is_offered_in_order_to_those_it_suits_and_the_first_to_accept_books_it(team, now):
    first, second = _waiting(team, now)
    mondays_only = factories.add_client(now, team.owner, "mondays.only")
    start = _later_slot(team.client, now)
    weekday = start.astimezone(ZoneInfo(factories.ZONE)).weekday()  # in the client's own zone
    other_day = [d for d in EVERY_DAY if d != weekday]
    waitlist.join_waitlist(mondays_only, other_day[:1], time(0), time(1), now=now)  # a wish the time does not suit
    appt = _booked(team.client, start, now)
    waitlist.join_waitlist(team.client, EVERY_DAY, time(0), time(23, 59), now=now)  # the canceller is not offered it
    cancellation.client_cancel_one(team.client, appt, "schedule_conflict", now=now)
    offers = list(WaitlistOffer.select().order_by(WaitlistOffer.id))
    assert [o.client_id for o in offers] == [first.client_id, second.client_id]  # in the order they joined
    assert all(o.starts_at == start and o.expires_at == min(now + timedelta(hours=24), start - timedelta(hours=1))
               for o in offers)
    assert Message.select().join(Thread).where(Thread.client.in_([first.client_id, second.client_id]),
                                               Message.body.contains("opened up")).count() == 2
    mine = waitlist.my_offers(second, now=now)
    assert [o.start for o in mine] == [start] and mine[0].status is OfferStatus.OFFERED
    result = waitlist.accept_offer(second, mine[0].id, now=now + timedelta(minutes=5))
    booked = Appointment.get_by_id(result.value)
    assert booked.client_id == second.client_id and booked.starts_at == start
    assert booked.status == AppointmentStatus.SCHEDULED
    assert waitlist.my_offers(first, now=now) == []  # taken: not offered any more
    with pytest.raises(Conflict, match="Someone else accepted"):
        waitlist.accept_offer(first, offers[0].id, now=now + timedelta(minutes=6))
    assert WaitlistOffer.get_by_id(offers[0].id).status == OfferStatus.TAKEN
    assert factories.audit_count("accept_waitlist_offer") == 1


def test_a_provider_cancelling_and_a_client_moving_offer_the_freed_time(team, now):
    _waiting(team, now, n=1)
    start = _later_slot(team.client, now)
    appt = _booked(team.client, start, now)
    reason = cancel.provider_reasons()[0].id
    cancel.cancel_for_client(team.owner, appt, reason, now=now)  # the provider cancels
    assert WaitlistOffer.select().count() == 1
    moved = _booked(team.client, _later_slot(team.client, now, days=5), now)
    from desktop.services.reschedule import reschedule_appointment

    before = Appointment.get_by_id(moved).starts_at
    reschedule_appointment(team.client, moved, _later_slot(team.client, now, days=8), now=now)  # a move frees the old time
    assert WaitlistOffer.select().where(WaitlistOffer.starts_at == before).count() == 1


def test_times_too_close_or_beyond_the_booking_page_are_not_offered(team, now):
    _waiting(team, now, n=1)
    soon = factories.add_appointment(team.client, now + timedelta(minutes=50))
    far = factories.add_appointment(team.client, now + timedelta(days=30))
    reason = cancel.provider_reasons()[0].id
    for appt in (soon, far):
        cancel.cancel_for_client(team.owner, appt.id, reason, now=now)
    assert WaitlistOffer.select().count() == 0


def test_an_offer_expires_and_can_be_declined(team, now):
    first, second = _waiting(team, now)
    start = _later_slot(team.client, now)
    cancellation.client_cancel_one(team.client, _booked(team.client, start, now), "schedule_conflict", now=now)
    a, b = WaitlistOffer.select().order_by(WaitlistOffer.id)
    waitlist.decline_offer(first, a.id, now=now)
    assert WaitlistOffer.get_by_id(a.id).status == OfferStatus.DECLINED
    later = now + timedelta(hours=25)
    assert waitlist.my_offers(second, now=later) == []
    with pytest.raises(Conflict, match=EXPIRED_TEXT):
        waitlist.accept_offer(second, b.id, now=later)


def test_an_offer_for_a_time_booked_another_way_is_marked_taken(team, now):
    (first,) = _waiting(team, now, n=1)
    start = _later_slot(team.client, now)
    cancellation.client_cancel_one(team.client, _booked(team.client, start, now), "schedule_conflict", now=now)
    _booked(team.client, start, now)  # the same client books it again on the booking page
    (offer,) = WaitlistOffer.select()
    result = waitlist.accept_offer(first, offer.id, now=now)
    assert result.value is None and result.summary == TAKEN_TEXT
    assert WaitlistOffer.get_by_id(offer.id).status == OfferStatus.TAKEN


def test_joining_leaving_and_only_ones_own_offers(team, now):
    (first,) = _waiting(team, now, n=1)
    assert waitlist.my_wish(first).weekdays == frozenset(EVERY_DAY)
    for days, lo, hi in (([], time(9), time(12)), ([1], time(12), time(9)), ([9], time(9), time(12))):
        with pytest.raises(InvalidInput):
            waitlist.join_waitlist(first, days, lo, hi, now=now)
    start = _later_slot(team.client, now)
    cancellation.client_cancel_one(team.client, _booked(team.client, start, now), "schedule_conflict", now=now)
    (offer,) = WaitlistOffer.select()
    for other in (team.client, team.other_client):
        with pytest.raises(NotAllowed):
            waitlist.accept_offer(other, offer.id, now=now)
    waitlist.leave_waitlist(first, now=now)
    assert waitlist.my_wish(first) is None
    assert [o.id for o in waitlist.my_offers(first, now=now)] == [offer.id]  # an offer made stays theirs
    with pytest.raises(NotAllowed):
        waitlist.join_waitlist(team.owner, EVERY_DAY, time(9), time(12), now=now)


def test_a_late_cancellation_granted_offers_the_time_too(team, now):
    from desktop.rules.late_requests import LateDecision
    from desktop.services.provider.late_requests import decide_late_request

    _waiting(team, now, n=1)
    start = now + timedelta(hours=6)  # inside the notice window: the client must ask
    appt = factories.book(team.owner, team.client, start, now=now)
    request = cancellation.request_late_cancellation(team.client, appt, "Something came up.", now=now).value
    assert WaitlistOffer.select().count() == 0
    decide_late_request(team.owner, request, LateDecision.APPROVE_WAIVE, now=now)
    (offer,) = WaitlistOffer.select()
    assert offer.starts_at == start.astimezone(offer.starts_at.tzinfo)
