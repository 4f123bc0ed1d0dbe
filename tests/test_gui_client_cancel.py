"""The two seed cancellation flows, the series preview and the blocked state,
driven through the real client portal on a real demo database file."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtWidgets import QLabel

from desktop.rules.timefmt import format_range
from desktop.store.models import (
    Appointment,
    AppointmentStatus,
    Cancellation,
    LateCancellationRequest,
    Message,
)
from tests.guikit import click, make_controller, message_boxes, show_page, sign_in, wait_ops


def _portal(qtbot, demo_db, now, tmp_path, *, clock_shift=timedelta(0)):
    controller = make_controller(qtbot, demo_db, now + clock_shift, tmp_path)
    return controller, sign_in(qtbot, controller, "alex.morgan")


def test_seed_flow_1_cancel_from_the_dashboard(qtbot, demo_db, now, tmp_path):
    # Five hours earlier the next appointment (Wed 08:00 EST) is still outside the 24-hour window.
    controller, portal = _portal(qtbot, demo_db, now, tmp_path, clock_shift=-timedelta(hours=5))
    dashboard = show_page(portal, "dashboard")
    assert dashboard.next_when.text() == "Wed 25 Nov, 08:00–08:50 EST"
    assert dashboard.next_provider.text().endswith("Dr. Maya Rivera")
    assert dashboard.next_place.text() == "Telehealth (video session)"
    assert dashboard.next_notice.text() == "Free cancellation until Tue 24 Nov, 08:00 EST"
    appt_id = dashboard.data.next.id

    click(qtbot, dashboard.edit_button)
    options = dashboard.flows.options
    assert options.isVisible() and options.blocked is None
    click(qtbot, options.cancel_button)
    dialog = dashboard.flows.cancel_dialog
    assert dialog.isVisible() and dialog.form.all_radio is None  # a single appointment
    assert not dialog.form.confirm_button.isEnabled()  # the reason is required
    assert "Choose a reason" in dialog.form.hint.text()

    dialog.form.select_reason("unwell")
    assert dialog.findChild(type(dialog.form.questions_box), "question_telehealth_instead") is not None
    assert not dialog.form.confirm_button.isEnabled()  # this follow-up is required
    click(qtbot, dialog.form.answer("telehealth_instead", "no"))
    assert [r.id for r in dialog.form.shown_resources] == ["reschedule_offer"]
    assert dialog.form.confirm_button.text().replace("&", "") == "Cancel"  # Cancel at the bottom
    click(qtbot, dialog.form.confirm_button)
    # Then, confirm your cancellation: what will be cancelled, before anything is written.
    step = dialog.confirm_one
    assert dialog.stack.currentWidget() is step
    assert step.findChild(QLabel, "confirmOneWhen").accessibleName() == format_range(
        dialog.row.start, dialog.row.end, portal.ctx.actor.time_zone)
    assert step.findChild(QLabel, "confirmOneWith").text().endswith("with Dr. Maya Rivera")
    assert step.reason_label.text() == f"Reason: {dialog.form.reason().label}"
    assert "no fee" in step.fee_label.text()
    assert Appointment.get_by_id(appt_id).status == AppointmentStatus.SCHEDULED  # nothing written yet
    click(qtbot, step.back_button)  # Back keeps the choice
    assert dialog.stack.currentWidget() is dialog.form and dialog.form.reason().id == "unwell"
    click(qtbot, dialog.form.confirm_button)
    click(qtbot, step.confirm_button)
    wait_ops(qtbot, controller)

    assert dialog.stack.currentWidget() is dialog.confirmation
    assert "is cancelled" in dialog.confirmation.ui.confirmationText.text()
    assert dialog.confirmation.ui.confirmationText.text().endswith("Cancelled with enough notice: no fee.")  # the fee rule's words
    assert Appointment.get_by_id(appt_id).status == AppointmentStatus.CANCELLED_BY_CLIENT
    stored = Cancellation.get(Cancellation.appointment == appt_id)
    assert (stored.reason_code, stored.answers) == ("unwell", {"telehealth_instead": "no"})

    click(qtbot, dialog.confirmation.ui.returnToDashboardButton)
    assert portal.current_page() is dashboard and not dialog.isVisible()
    assert dashboard.data.next.id != appt_id  # the dashboard re-read after the change


def test_seed_flow_2_cancel_one_from_appointments_then_reschedule(qtbot, demo_db, now, tmp_path):
    controller, portal = _portal(qtbot, demo_db, now, tmp_path)
    page = show_page(portal, "appointments")
    assert page.tabs.tabText(0).replace("&", "").startswith("Upcoming")
    assert page.tabs.tabText(1).replace("&", "") == "Past"
    row = next(i for i, r in enumerate(page.upcoming_model.rows) if r.is_scheduled and r.repeats and r.decision.allowed)
    target = page.upcoming_model.rows[row]

    click(qtbot, page.edit_button(row))
    click(qtbot, page.flows.options.cancel_button)
    dialog = page.flows.cancel_dialog
    assert dialog.form.this_radio.isChecked() and dialog.form.all_radio.isVisible()
    dialog.form.select_reason("schedule_conflict")
    click(qtbot, dialog.form.confirm_button)  # Cancel at the bottom
    assert dialog.stack.currentWidget() is dialog.confirm_one
    click(qtbot, dialog.confirm_one.confirm_button)  # then confirm
    wait_ops(qtbot, controller)
    assert dialog.stack.currentWidget() is dialog.confirmation
    assert Appointment.get_by_id(target.id).status == AppointmentStatus.CANCELLED_BY_CLIENT
    others = Appointment.select().where(Appointment.series == target.series_id, Appointment.starts_at > target.start,
                                        Appointment.status == AppointmentStatus.SCHEDULED).count()
    assert others > 0  # only this one was cancelled

    click(qtbot, dialog.confirmation.ui.confirmationRescheduleButton)
    booking = portal.current_page()
    assert booking is portal.pages["book"] and booking.moving is None
    assert booking.slot_model.rowCount() > 0
    booking.select_slot(0)
    slot = booking.selected_slot()
    click(qtbot, booking.book_button)
    click(qtbot, booking.review.confirm_button)  # the review step, then booked
    wait_ops(qtbot, controller)
    booked = Appointment.get(Appointment.client == target_client(portal), Appointment.starts_at == slot.start)
    assert booked.status == AppointmentStatus.SCHEDULED and booked.policy.version == 2
    assert booking.result.text().startswith("Booked:")


def target_client(portal) -> int:
    return portal.ctx.actor.client_id


def test_cancel_all_upcoming_shows_the_series_preview_with_what_stays(qtbot, demo_db, now, tmp_path):
    # Thursday 11:00 EST: Friday's 10:00 occurrence is inside the window and must stay.
    controller, portal = _portal(qtbot, demo_db, now, tmp_path, clock_shift=timedelta(days=2, hours=1))
    page = show_page(portal, "appointments")
    row = next(i for i, r in enumerate(page.upcoming_model.rows) if r.is_scheduled and r.repeats and r.decision.allowed)
    target = page.upcoming_model.rows[row]
    inside = Appointment.get(Appointment.series == target.series_id, Appointment.starts_at < target.start,
                             Appointment.starts_at > controller.clock.now())

    click(qtbot, page.edit_button(row))
    click(qtbot, page.flows.options.cancel_button)
    dialog = page.flows.cancel_dialog
    click(qtbot, dialog.form.all_radio)
    dialog.form.select_reason("no_longer_needed")
    assert {r.id for r in dialog.form.shown_resources} == {"cancel_all_offer", "goodbye"}
    click(qtbot, dialog.form.confirm_button)
    assert dialog.stack.currentWidget() is dialog.preview

    planned = [p.id for p in dialog.plan.cancel]
    assert target.id in planned and inside.id not in planned
    assert [p.id for p in dialog.plan.stay] == [inside.id]
    stay_label = dialog.findChild(QLabel, f"stay_{inside.id}")
    assert "Fri 27 Nov, 10:00 EST" in stay_label.text() and "free cancellation ended" in stay_label.text()
    assert dialog.preview.cancel_list.text().count("EST") + dialog.preview.cancel_list.text().count("EDT") == len(planned)

    click(qtbot, dialog.preview.stay_rows[inside.id])  # the late-cancellation request offered for what stays
    wait_ops(qtbot, controller)
    assert LateCancellationRequest.select().where(LateCancellationRequest.appointment == inside.id).count() == 1

    click(qtbot, dialog.preview.confirm_button)
    wait_ops(qtbot, controller)
    assert dialog.stack.currentWidget() is dialog.confirmation
    statuses = {a.id: a.status for a in Appointment.select().where(Appointment.id.in_(planned + [inside.id]))}
    assert all(statuses[i] == AppointmentStatus.CANCELLED_BY_CLIENT for i in planned)
    assert statuses[inside.id] == AppointmentStatus.SCHEDULED
    assert f"{len(planned)} appointments cancelled" in dialog.confirmation.ui.confirmationTitle.text()


def test_series_preview_refuses_when_the_plan_changed(qtbot, demo_db, now, tmp_path):
    controller, portal = _portal(qtbot, demo_db, now, tmp_path)
    page = show_page(portal, "appointments")
    row = next(i for i, r in enumerate(page.upcoming_model.rows) if r.is_scheduled and r.repeats and r.decision.allowed)
    click(qtbot, page.edit_button(row))
    click(qtbot, page.flows.options.cancel_button)
    dialog = page.flows.cancel_dialog
    click(qtbot, dialog.form.all_radio)
    dialog.form.select_reason("weather")
    click(qtbot, dialog.form.confirm_button)
    controller.clock.advance(timedelta(days=2, hours=1))  # time passes: the next one is now inside the window
    click(qtbot, dialog.preview.confirm_button)
    wait_ops(qtbot, controller)
    assert any("has changed since you looked" in box.text() for box in message_boxes())
    assert dialog.stack.currentWidget() is dialog.preview
    assert Appointment.select().where(Appointment.status == AppointmentStatus.CANCELLED_BY_CLIENT,
                                      Appointment.starts_at > now).count() == 0


def test_blocked_state_offers_a_late_cancellation_request(qtbot, demo_db, now, tmp_path):
    controller, portal = _portal(qtbot, demo_db, now, tmp_path)
    dashboard = show_page(portal, "dashboard")
    assert dashboard.next_notice.text() == "Within 24 hours: cancellation needs your provider"
    appt_id = dashboard.data.next.id
    click(qtbot, dashboard.edit_button)
    options = dashboard.flows.options
    assert options.cancel_button.isVisible() and not options.cancel_button.isEnabled()
    assert not options.reschedule_button.isEnabled()
    explanation = options.findChild(type(options.notice), "blockedExplanation").text()
    assert "needs at least 24 hours' notice" in explanation
    assert "Free cancellation ended Tue 24 Nov, 08:00 EST" in explanation
    fee = options.findChild(type(options.notice), "lateFeeNote").text()
    assert "$40.00" in fee  # the policy booked (version 1), not today's $50.00
    assert "not covered by insurance" in options.findChild(type(options.notice), "insuranceNote").text()

    options.policy_link.linkActivated.emit("policy")
    qtbot.waitUntil(portal.ctx.reads.is_idle)  # the booked policy is read before its dialog opens
    assert options.policy_dialog.isVisible()
    assert "$40.00" in options.policy_dialog.text.toPlainText()
    options.policy_dialog.close()

    qtbot.keyClicks(options.late_message, "I have a fever.")
    click(qtbot, options.request_button)
    wait_ops(qtbot, controller)
    assert "sent to your provider" in options.late_status.text()
    request = LateCancellationRequest.get(LateCancellationRequest.appointment == appt_id)
    assert request.status == "pending" and request.message == "I have a fever."
    assert Appointment.get_by_id(appt_id).status == AppointmentStatus.SCHEDULED
    click(qtbot, options.close_button)
    assert "request sent" in dashboard.next_pending.text().lower()

    messages = show_page(portal, "messages")
    subjects = [r.subject for r in messages.model.rows]
    assert any(s.startswith("Late-cancellation request") for s in subjects)
    assert Message.select().where(Message.body.contains("I have a fever.")).exists()


def test_cancelling_inside_the_window_is_refused_in_the_window(qtbot, demo_db, now, tmp_path):
    # The cancel screen was opened while cancelling was allowed; by the click, the window has begun.
    controller, portal = _portal(qtbot, demo_db, now, tmp_path, clock_shift=-timedelta(hours=5))
    dashboard = show_page(portal, "dashboard")
    click(qtbot, dashboard.edit_button)
    click(qtbot, dashboard.flows.options.cancel_button)
    dialog = dashboard.flows.cancel_dialog
    dialog.form.select_reason("schedule_conflict")
    click(qtbot, dialog.form.confirm_button)
    controller.clock.advance(timedelta(hours=5))
    click(qtbot, dialog.confirm_one.confirm_button)
    wait_ops(qtbot, controller)
    assert "Free cancellation ended" in dialog.form.hint.text()
    assert any("Free cancellation ended" in box.text() for box in message_boxes())
    assert dialog.stack.currentWidget() is dialog.form


def test_crisis_resources_come_first(qtbot, demo_db, now, tmp_path):
    controller, portal = _portal(qtbot, demo_db, now, tmp_path)
    page = show_page(portal, "appointments")
    row = next(i for i, r in enumerate(page.upcoming_model.rows) if r.is_scheduled and r.decision.allowed)
    click(qtbot, page.edit_button(row))
    click(qtbot, page.flows.options.cancel_button)
    dialog = page.flows.cancel_dialog
    dialog.form.select_reason("unsafe")
    assert dialog.form.urgent_box.isVisible()
    urgent = [r.id for r in dialog.form.shown_resources if r.urgent]
    assert urgent[:2] == ["crisis_988", "emergency"]
    assert dialog.form.shown_resources[0].id == "crisis_988"
    layout = dialog.form.body_layout
    assert layout.indexOf(dialog.form.urgent_box) < layout.indexOf(dialog.form.questions_box)
    click(qtbot, dialog.form.answer("provider_contact", "yes"))
    assert "telehealth_offer" in [r.id for r in dialog.form.shown_resources]
    # A resource's action is a real button: "Message my provider" opens a new message.
    from desktop.gui.client.messages import MessagesPage
    from tests.guikit import find_button
    click(qtbot, find_button(dialog, "Message my provider"))
    assert isinstance(portal.current_page(), MessagesPage)
    assert portal.current_page().composer.isVisible()


def test_a_dialog_closed_by_its_title_bar_button_does_not_break_the_next_edit(qtbot, demo_db, now, tmp_path):
    controller, portal = _portal(qtbot, demo_db, now, tmp_path)
    page = show_page(portal, "appointments")
    index = next(i for i, r in enumerate(page.upcoming_model.rows) if r.is_scheduled and r.decision.allowed)
    click(qtbot, page.edit_button(index))
    click(qtbot, page.flows.options.cancel_button)
    page.flows.cancel_dialog.close()  # the window's close button: the dialog deletes itself
    qtbot.wait(10)
    click(qtbot, page.edit_button(index))
    assert page.flows.options is not None and page.flows.options.isVisible()


def test_asking_to_be_contacted_reaches_the_provider_and_the_confirmation_says_who(qtbot, demo_db, now, tmp_path):
    from desktop.store.models import UrgentItem

    controller, portal = _portal(qtbot, demo_db, now, tmp_path)
    page = show_page(portal, "appointments")
    index = next(i for i, r in enumerate(page.upcoming_model.rows) if r.is_scheduled and r.decision.allowed and not r.repeats)
    row = page.upcoming_model.rows[index]
    click(qtbot, page.edit_button(index))
    click(qtbot, page.flows.options.cancel_button)
    dialog = page.flows.cancel_dialog
    dialog.form.select_reason("unsafe")
    click(qtbot, dialog.form.answer("provider_contact", "yes"))
    click(qtbot, dialog.form.confirm_button)
    assert "Dr. Maya Rivera will be told" in dialog.confirm_one.contact_label.text()
    click(qtbot, dialog.confirm_one.confirm_button)
    wait_ops(qtbot, controller)

    assert dialog.stack.currentWidget() is dialog.confirmation
    text = dialog.confirmation.ui.confirmationText.text()
    assert "We have told Dr. Maya Rivera that you would like to be contacted" in text
    item = UrgentItem.get()
    assert (item.appointment_id, item.handled_at) == (row.id, None)


def test_a_declined_request_shows_on_the_dashboard_and_in_edit_and_cannot_be_asked_again(qtbot, demo_db, now,
                                                                                          tmp_path):
    from desktop.rules.late_requests import LateDecision
    from desktop.services import cancellation
    from desktop.services.provider import decide_late_request
    from tests.factories import actor

    controller, portal = _portal(qtbot, demo_db, now, tmp_path)
    dashboard = show_page(portal, "dashboard")
    appt_id = dashboard.data.next.id
    # Asked and declined (on the provider's workstation), then the client's dashboard is read again.
    cancellation.request_late_cancellation(actor("alex.morgan"), appt_id, "Fever", now=now)
    request = LateCancellationRequest.get(LateCancellationRequest.appointment == appt_id)
    provider = actor(Appointment.get_by_id(appt_id).provider.user.username)
    decide_late_request(provider, request.id, LateDecision.DECLINE, "Let us talk on the phone.",
                        expected_version=request.version, now=now)
    dashboard.mark_stale()
    dashboard.refresh_now()
    qtbot.waitUntil(portal.ctx.reads.is_idle)
    assert dashboard.next_pending.isVisible()
    assert dashboard.next_pending.text().startswith("Your provider declined your late-cancellation request on")
    click(qtbot, dashboard.edit_button)
    options = dashboard.flows.options
    assert "declined" in options.late_status.text() and "send your provider a message" in options.late_status.text()
    assert options.request_button is None  # one request per appointment: the answer stands
    click(qtbot, options.close_button)
