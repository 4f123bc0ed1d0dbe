"""The Book page, rescheduling from Edit, and the Messages page of the client portal."""

from __future__ import annotations

from datetime import timedelta
from zoneinfo import ZoneInfo

from desktop.rules.timefmt import format_day, format_instant, format_range
from desktop.services.booking import BookingRequest, book_appointment
from desktop.store.models import Appointment, AppointmentStatus, Message, ThreadRead
from tests.factories import actor
from tests.guikit import click, make_controller, message_boxes, show_page, sign_in, wait_ops


def _portal(qtbot, demo_db, now, tmp_path):
    controller = make_controller(qtbot, demo_db, now, tmp_path)
    return controller, sign_in(qtbot, controller, "alex.morgan")


def test_book_page_shows_services_slots_and_worry_free_policy(qtbot, demo_db, now, tmp_path):
    controller, portal = _portal(qtbot, demo_db, now, tmp_path)
    page = show_page(portal, "book")
    assert page.provider_label.text().startswith("Dr. Maya Rivera")
    assert page.service_combo.count() == 3
    assert page.policy_notice.text().startswith("Cancel or reschedule free of charge up to 24 hours")
    assert "$50.00" in page.policy_late.text() and "$75.00" in page.policy_no_show.text()
    assert "Not covered by insurance" in page.policy_insurance.text()
    page.policy_link.linkActivated.emit("policy")
    assert page.policy_dialog.isVisible() and "Worry-free booking" in page.policy_dialog.text.toPlainText()
    page.policy_dialog.close()

    slots = page.all_slots
    assert slots and all(s.start > now for s in slots) and slots[-1].start < now + timedelta(days=22)
    # Times by date: the picker starts on the first day with free times, and lists that day's only.
    zone = ZoneInfo(portal.ctx.actor.time_zone)
    first_day = slots[0].start.astimezone(zone).date()
    assert page.day_picker.selectedDate().toPython() == first_day
    assert page.slot_model.slots == [s for s in slots if s.start.astimezone(zone).date() == first_day]
    later_day = next(d for d in sorted(page.days) if d - first_day >= timedelta(days=3))
    page.select_day(later_day)
    assert page.slot_model.slots == page.days[later_day] and len(page.slot_model.slots) >= 3
    assert format_day(page.slot_model.slots[0].start, zone.key) in page.times_label.text()
    assert not page.book_button.isEnabled()
    page.select_slot(2)
    slot = page.selected_slot()
    click(qtbot, page.book_button)
    review = page.review  # the review step: nothing booked yet
    assert review.isVisible()
    assert not Appointment.select().where(Appointment.starts_at == slot.start,
                                          Appointment.client == portal.ctx.actor.client_id).exists()
    service = page.service_combo.currentData()
    assert format_range(slot.start, slot.start + service.duration, zone.key) in review.when_label.text()
    assert "Dr. Maya Rivera" in review.with_label.text() and service.name in review.with_label.text()
    assert review.where_label.text().startswith("Where: ")
    assert [w.text() for w in review.policy_lines] == [page.policy_notice.text(), page.policy_late.text(),
                                                       page.policy_no_show.text(), page.policy_insurance.text()]
    assert not review.terms.inside_window and "free of charge until" in review.terms_label.text()
    click(qtbot, review.confirm_button)
    wait_ops(qtbot, controller)
    appt = Appointment.get(Appointment.client == portal.ctx.actor.client_id, Appointment.starts_at == slot.start)
    assert appt.policy.version == 2 and appt.status == AppointmentStatus.SCHEDULED
    assert page.result.text().startswith("Booked:")
    assert "free" in page.result.text()
    assert slot not in page.all_slots  # the page re-read its open times


def test_review_inside_the_notice_window_warns_and_back_books_nothing(qtbot, demo_db, now, tmp_path):
    controller, portal = _portal(qtbot, demo_db, now, tmp_path)
    page = show_page(portal, "book")
    zone = portal.ctx.actor.time_zone
    soon = next(s for s in page.all_slots if s.start - now < timedelta(hours=24))
    page.select_day(soon.start.astimezone(ZoneInfo(zone)).date())
    page.select_slot(page.slot_model.slots.index(soon))
    click(qtbot, page.book_button)
    review = page.review
    text = review.terms_label.text()
    assert review.terms.inside_window and review.terms_frame.property("notice") == "blocked"
    fee = page.data.policy.snapshot.late_cancellation_fee.format()
    assert "not be able to cancel" in text and fee in text and "late-cancellation fee" in text
    assert "free of charge until" not in text  # never a free cancellation the rule would refuse
    click(qtbot, review.back_button)
    assert not review.isVisible()
    assert not Appointment.select().where(Appointment.starts_at == soon.start,
                                          Appointment.client == portal.ctx.actor.client_id).exists()
    click(qtbot, page.book_button)
    click(qtbot, page.review.confirm_button)
    wait_ops(qtbot, controller)
    assert "not be able to cancel" in page.result.text()  # the confirmation says the same


def test_booking_a_slot_taken_meanwhile_is_refused_clearly(qtbot, demo_db, now, tmp_path):
    controller, portal = _portal(qtbot, demo_db, now, tmp_path)
    page = show_page(portal, "book")
    page.select_slot(0)
    slot = page.selected_slot()
    click(qtbot, page.book_button)  # the review is open when
    # Another workstation: the provider books that time for another client.
    provider, other = actor("dr.rivera"), actor("casey.nguyen")
    book_appointment(provider, BookingRequest(provider.provider_id, other.client_id, slot.start,
                                              timedelta(minutes=50)), now=now)
    click(qtbot, page.review.confirm_button)
    wait_ops(qtbot, controller)
    assert "no longer free" in page.result.text()
    assert any("no longer free" in box.text() for box in message_boxes())
    assert not Appointment.select().where(Appointment.client == portal.ctx.actor.client_id,
                                          Appointment.starts_at == slot.start).exists()
    assert slot not in page.all_slots


def test_reschedule_from_edit_moves_the_appointment(qtbot, demo_db, now, tmp_path):
    controller, portal = _portal(qtbot, demo_db, now, tmp_path)
    appointments = show_page(portal, "appointments")
    row = next(i for i, r in enumerate(appointments.upcoming_model.rows) if r.is_scheduled and r.decision.allowed)
    target = appointments.upcoming_model.rows[row]
    click(qtbot, appointments.edit_button(row))
    click(qtbot, appointments.flows.options.reschedule_button)
    page = portal.current_page()
    assert page is portal.pages["book"] and page.moving.id == target.id
    assert page.banner.isVisible() and "Rescheduling your appointment" in page.banner_text.text()
    assert page.book_button.text().replace("&", "") == "Move to this time…"
    page.select_day(sorted(page.days)[2])
    page.select_slot(1)
    slot = page.selected_slot()
    click(qtbot, page.book_button)
    assert page.review.from_label.text().endswith(format_instant(target.start, portal.ctx.actor.time_zone))
    click(qtbot, page.review.confirm_button)
    wait_ops(qtbot, controller)
    moved = Appointment.get_by_id(target.id)
    assert moved.starts_at == slot.start and moved.status == AppointmentStatus.SCHEDULED
    assert moved.ends_at - moved.starts_at == target.end - target.start
    assert page.result.text().startswith("Moved:") and not page.banner.isVisible()


def test_reschedule_is_blocked_inside_the_window(qtbot, demo_db, now, tmp_path):
    controller, portal = _portal(qtbot, demo_db, now, tmp_path)
    dashboard = show_page(portal, "dashboard")
    click(qtbot, dashboard.edit_button)
    assert not dashboard.flows.options.reschedule_button.isEnabled()
    assert "Free cancellation ended" in dashboard.flows.options.reschedule_button.toolTip()


def test_messages_show_threads_unread_counts_and_replies(qtbot, demo_db, now, tmp_path):
    controller, portal = _portal(qtbot, demo_db, now, tmp_path)
    page = show_page(portal, "messages")
    rows = page.model.rows
    assert {r.subject for r in rows} >= {"Dispute: no-show fee", "Welcome to Riverside"}
    assert "2 unread" in page.summary.text()
    dispute = page.model.row_of(next(r.id for r in rows if r.kind == "dispute"))
    page.list.setCurrentIndex(page.model.index(dispute, 0))
    wait_ops(qtbot, controller)
    assert "Support to reduce the fee" in page.view.messages.toPlainText()
    assert ThreadRead.select().where(ThreadRead.user == portal.ctx.actor.user_id).count() >= 1
    assert "1 unread" in page.summary.text()

    qtbot.keyClicks(page.view.reply, "Thank you!")
    click(qtbot, page.view.send_button)
    wait_ops(qtbot, controller)
    assert Message.select().where(Message.body == "Thank you!").exists()
    assert "Thank you!" in page.view.messages.toPlainText()
    assert page.view.reply.toPlainText() == ""

    click(qtbot, page.new_button)
    qtbot.keyClicks(page.subject, "Parking")
    qtbot.keyClicks(page.body, "Where do I park?")
    click(qtbot, page.send_new_button)
    wait_ops(qtbot, controller)
    assert page.model.rows[0].subject == "Parking" and not page.composer.isVisible()
