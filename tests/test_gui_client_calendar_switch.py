"""The client's Appointments page: list/calendar switch on one calendar widget, and .ics export."""

from __future__ import annotations

from datetime import UTC, timedelta

from icalendar import Calendar

from desktop.store.models import Appointment, AppointmentStatus, Client, User
from tests.guikit import click, make_controller, show_page, sign_in


def test_calendar_switch_shows_the_clients_own_appointments_and_edit_opens(qtbot, demo_db, now, tmp_path):
    controller = make_controller(qtbot, demo_db, now, tmp_path)
    portal = sign_in(qtbot, controller, "alex.morgan")
    page = show_page(portal, "appointments")
    assert page.views.currentWidget() is page.tabs
    click(qtbot, page.calendar_button)
    assert page.views.currentWidget() is page.calendar and page.calendar.isVisible()
    client_id = Client.select(Client.id).join(User).where(User.username == "alex.morgan").scalar()
    assert page.calendar.rows, "the month shows alex's appointments"
    assert {r.client_id for r in page.calendar.rows} == {client_id}
    upcoming = next(r for r in page.calendar.rows if r.start > now and r.status == AppointmentStatus.SCHEDULED)
    page.calendar.appointment_activated.emit(upcoming.id)  # what a double-click on the item emits
    qtbot.waitUntil(portal.ctx.reads.is_idle)  # the appointment is read before its options open
    assert page.flows.options is not None and page.flows.options.isVisible()
    page.flows.options.close()
    click(qtbot, page.list_button)
    assert page.views.currentWidget() is page.tabs


def test_ics_export_has_every_upcoming_scheduled_appointment(qtbot, demo_db, now, tmp_path):
    import recurring_ical_events

    controller = make_controller(qtbot, demo_db, now, tmp_path)
    portal = sign_in(qtbot, controller, "alex.morgan")
    page = show_page(portal, "appointments")
    target = tmp_path / "mine.ics"
    page.save_ics(target)
    qtbot.waitUntil(portal.ctx.reads.is_idle)  # read off the GUI thread, then written
    cal = Calendar.from_ical(target.read_bytes())
    client_id = Client.select(Client.id).join(User).where(User.username == "alex.morgan").scalar()
    until = now + timedelta(days=60)
    expected = sorted(a.starts_at for a in Appointment.select().where(
        Appointment.client == client_id, Appointment.starts_at > now, Appointment.starts_at < until,
        Appointment.status == AppointmentStatus.SCHEDULED))
    shown = [e for e in recurring_ical_events.of(cal).between(now, until) if str(e.get("status")) != "CANCELLED"]
    assert sorted(e["dtstart"].dt.astimezone(UTC) for e in shown if e["dtstart"].dt > now) == expected
    first = min(shown, key=lambda e: e["dtstart"].dt)
    assert "not covered by insurance" in str(first["description"])
    assert "Saved mine.ics" in portal.statusBar().currentMessage()


def test_ics_export_to_an_unwritable_place_says_so_and_writes_nothing(qtbot, demo_db, now, tmp_path):
    controller = make_controller(qtbot, demo_db, now, tmp_path)
    portal = sign_in(qtbot, controller, "alex.morgan")
    page = show_page(portal, "appointments")
    target = tmp_path / "no-such-folder" / "mine.ics"
    page.save_ics(target)
    qtbot.waitUntil(portal.ctx.reads.is_idle)
    assert not target.exists()
    from tests.guikit import message_boxes

    boxes = message_boxes()
    assert boxes and "could not be saved" in boxes[-1].text()
    boxes[-1].close()


def test_the_edit_buttons_are_in_view_without_scrolling(qtbot, demo_db, now, tmp_path):
    controller = make_controller(qtbot, demo_db, now, tmp_path)
    portal = sign_in(qtbot, controller, "alex.morgan")
    portal.resize(1300, 760)
    page = show_page(portal, "appointments")
    qtbot.waitUntil(lambda: page.upcoming_view.isVisible())
    view = page.upcoming_view
    qtbot.waitUntil(lambda: not view.horizontalScrollBar().isVisible(), timeout=2000)  # after layout
    button = page.edit_button(0)
    assert view.viewport().rect().contains(button.geometry())


def test_a_future_cancelled_appointment_is_listed_under_upcoming_as_cancelled(qtbot, demo_db, now, tmp_path):
    from datetime import timedelta

    client_id = Client.select(Client.id).join(User).where(User.username == "alex.morgan").scalar()
    later = (Appointment.select().where(Appointment.client == client_id, Appointment.starts_at > now + timedelta(days=3),
                                        Appointment.status == AppointmentStatus.SCHEDULED)
             .order_by(Appointment.starts_at).first())
    Appointment.update(status=AppointmentStatus.CANCELLED_BY_PROVIDER).where(Appointment.id == later.id).execute()
    controller = make_controller(qtbot, demo_db, now, tmp_path)
    portal = sign_in(qtbot, controller, "alex.morgan")
    page = show_page(portal, "appointments")
    index = next(i for i, r in enumerate(page.upcoming_model.rows) if r.id == later.id)
    column = page.upcoming_model.columns.index("Cancellation")
    assert page.upcoming_model.index(index, column).data() == "Cancelled by provider"
    assert page.upcoming_view.indexWidget(page.upcoming_model.index(index, len(page.upcoming_model.columns) - 1)) is None
    assert later.id not in {r.id for r in page.past_model.rows}
    scheduled = sum(1 for r in page.upcoming_model.rows if r.is_scheduled)
    assert page.tabs.tabText(0) == f"&Upcoming ({scheduled})"
