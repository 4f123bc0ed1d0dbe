"""Provider messages: threads with unread counts, the tied appointment shown, replies;
and the shared calendar widget on a client's own rows."""

from __future__ import annotations

from datetime import timedelta

from desktop.gui.widgets.calendar import CalendarMode, ClientCalendar
from desktop.services.auth import actor_for
from desktop.services.provider import cancel_for_client
from desktop.store.models import Appointment, AppointmentStatus, Client, Message, User
from tests.guikit import click, make_controller, show_page, sign_in, wait_ops, wait_reads


def test_thread_tied_to_an_appointment_shows_it_and_a_reply_is_sent(qtbot, demo_db, now, tmp_path):
    controller = make_controller(qtbot, demo_db, now, tmp_path)
    window = sign_in(qtbot, controller, "dr.chen")
    page = show_page(window, "messages")
    qtbot.waitUntil(page.isVisible)
    row = next(i for i, r in enumerate(page.model.rows) if r.kind == "late_cancellation")
    thread = page.model.rows[row]
    assert thread.other_party == "Jordan Lee" and thread.unread == 1
    assert "1 unread" in page.summary.text()
    page.list.setCurrentIndex(page.model.index(row, 0))
    wait_ops(qtbot, controller)
    assert page.context_label.text().startswith("About the appointment Wed 25 Nov, 09:00–09:50 EST: Scheduled")
    qtbot.keyClicks(page.view.reply, "Let us talk tomorrow.")
    click(qtbot, page.view.send_button)
    wait_ops(qtbot, controller)
    last = Message.select().where(Message.thread == thread.id).order_by(Message.id.desc()).first()
    assert last.body == "Let us talk tomorrow." and "0 unread" in page.summary.text()


def _alex_calendar(qtbot, demo_db, now, tmp_path) -> ClientCalendar:
    controller = make_controller(qtbot, demo_db, now, tmp_path)
    window = sign_in(qtbot, controller, "alex.morgan")
    cal = ClientCalendar(window.ctx)
    qtbot.addWidget(cal)
    cal.resize(900, 600)
    wait_reads(qtbot, window)  # its first period
    cal.show()
    return cal


def test_the_client_calendar_shows_only_the_clients_rows(qtbot, demo_db, now, tmp_path):
    cal = _alex_calendar(qtbot, demo_db, now, tmp_path)
    assert cal.mode is CalendarMode.MONTH and cal.title_label.text() == "November 2026"
    assert cal.rows and {r.client_name for r in cal.rows} == {"Alex Morgan"}
    assert "America/New_York" in cal.zone_label.text()
    click(qtbot, cal.mode_buttons[CalendarMode.WEEK])
    assert cal.title_label.text() == "23–29 November 2026"
    assert all(b.row.client_name == "Alex Morgan" for b in cal.grid.boxes())


def test_the_clients_month_grid_names_the_provider_as_who_cancelled(qtbot, demo_db, now, tmp_path):
    """The month grid is shared: a client reading "Cancelled by me" would think they cancelled."""
    alex = Client.select().join(User).where(User.username == "alex.morgan").get()
    appt = (Appointment.select().where(Appointment.client == alex, Appointment.starts_at > now + timedelta(days=2),
                                       Appointment.status == AppointmentStatus.SCHEDULED)
            .order_by(Appointment.starts_at).first())
    cancel_for_client(actor_for(User.get(User.username == "dr.rivera")), appt.id, "provider_unwell", now=now)
    cal = _alex_calendar(qtbot, demo_db, now, tmp_path)
    cal.go_to(appt.starts_at.date())
    qtbot.waitUntil(lambda: not cal.is_loading())  # the period's rows came
    box = next(b for b in cal.grid.boxes() if b.row.id == appt.id)
    assert "Provider cancelled" in box.lines[0] and "by me" not in box.lines[0]
