"""The waitlist on real windows (issue #14, item 2): the client joins from the Book page by keys
and clicks; when another client cancels a time it suits, the dashboard offers it with Accept and
Decline; accepting books it; a second client's Accept of the same time then says it was taken."""

from __future__ import annotations

from datetime import time, timedelta

from PySide6.QtCore import QTime

from desktop.gui.client.waitlist import WaitlistDialog
from desktop.rules.waitlist import TAKEN_TEXT
from desktop.services import cancellation, client_portal, waitlist
from desktop.services.booking import BookingRequest, book_appointment
from desktop.store.models import Appointment, Client, Service, User
from tests.factories import actor, add_client
from tests.guikit import click, make_controller, show_page, sign_in, wait_for_window, wait_ops

CLIENT = "alex.morgan"


def _free_a_time(now):
    """Another client of the same provider books a time three days on and cancels it (their workstation)."""
    me = actor(CLIENT)
    provider_id = Client.get_by_id(me.client_id).provider_id
    other = add_client(now, provider_id, "riley.other", display_name="Riley Other")
    service = Service.select().where(Service.provider == provider_id, Service.active == True).first()  # noqa: E712
    length = timedelta(minutes=service.duration_minutes)
    start = next(s.start for s in client_portal.slots(other, provider_id, length, now=now)
                 if s.start > now + timedelta(days=3))
    appt = book_appointment(other, BookingRequest(provider_id, other.client_id, start, length, service_id=service.id),
                            now=now).value
    cancellation.client_cancel_one(other, appt, "schedule_conflict", now=now)
    return start


def test_the_client_joins_from_the_book_page_and_accepts_an_offer_on_the_dashboard(qtbot, demo_db, now, tmp_path):
    controller = make_controller(qtbot, demo_db, now, tmp_path)
    window = sign_in(qtbot, controller, CLIENT)
    book = show_page(window, "book")
    click(qtbot, book.waitlist_button)
    dialog = wait_for_window(qtbot, lambda w: isinstance(w, WaitlistDialog) and w.isVisible())
    assert dialog.windowTitle() == "Join the waitlist" and not dialog.ui.leaveButton.isVisible()
    for box in dialog.days[5:]:
        assert not box.isChecked()
    for box in dialog.days:  # every day, all day
        box.setChecked(True)
    dialog.ui.earliest.setTime(QTime(0, 0))
    dialog.ui.latest.setTime(QTime(23, 59))
    click(qtbot, dialog.ui.buttons.button(dialog.ui.buttons.StandardButton.Save))
    wait_ops(qtbot, controller)
    assert not dialog.isVisible()
    assert waitlist.my_wish(actor(CLIENT)).weekdays == frozenset(range(7))

    start = _free_a_time(now)
    dashboard = show_page(window, "dashboard")
    dashboard.refresh_now()  # what the live update does when another workstation writes
    wait_ops(qtbot, controller)
    card = dashboard.offers
    assert card.isVisible() and [o.start for o in card.offers] == [start]
    # A second waitlisted client accepts first, at their workstation.
    rival = add_client(now, Client.get_by_id(actor(CLIENT).client_id).provider_id, "sam.rival")
    waitlist.join_waitlist(rival, list(range(7)), time(0), time(23, 59), now=now)
    offer = card.offers[0]
    click(qtbot, card.buttons_for(offer.id).accept)
    wait_ops(qtbot, controller)
    booked = Appointment.get(Appointment.starts_at == start, Appointment.status == "scheduled")
    assert booked.client_id == actor(CLIENT).client_id
    assert card.message.text() == "Booked: the time is yours."
    assert card.offers == []


def test_an_offer_someone_else_accepted_first_says_so(qtbot, demo_db, now, tmp_path):
    me = actor(CLIENT)
    provider_id = Client.get_by_id(me.client_id).provider_id
    waitlist.join_waitlist(me, list(range(7)), time(0), time(23, 59), now=now)
    rival = add_client(now, provider_id, "sam.rival")
    waitlist.join_waitlist(rival, list(range(7)), time(0), time(23, 59), now=now)
    _free_a_time(now)
    controller = make_controller(qtbot, demo_db, now, tmp_path)
    window = sign_in(qtbot, controller, CLIENT)
    card = show_page(window, "dashboard").offers
    assert len(card.offers) == 1
    (theirs,) = waitlist.my_offers(rival, now=now)
    waitlist.accept_offer(rival, theirs.id, now=now)  # the rival's workstation, a moment before
    click(qtbot, card.buttons_for(card.offers[0].id).accept)
    wait_ops(qtbot, controller)
    assert card.message.text() == TAKEN_TEXT
    assert card.offers == []  # read again: nothing left to answer
    assert User.get(User.username == CLIENT)
