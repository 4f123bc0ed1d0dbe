"""The late-cancellation inbox: jordan.lee's pending request is with dr.chen on the demo."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt

from desktop.services.provider import LateDecision
from desktop.store.models import (
    Appointment,
    AppointmentStatus,
    Charge,
    LateCancellationRequest,
    Message,
)
from tests.guikit import click, make_controller, show_page, sign_in, wait_ops, wait_reads


def _inbox(qtbot, demo_db, now, tmp_path, username="dr.chen"):
    controller = make_controller(qtbot, demo_db, now, tmp_path)
    window = sign_in(qtbot, controller, username)
    page = show_page(window, "requests")
    qtbot.waitUntil(page.isVisible)
    return controller, window, page


def test_approve_with_fee_and_reply(qtbot, demo_db, now, tmp_path):
    controller, window, page = _inbox(qtbot, demo_db, now, tmp_path)
    assert [r.client_name for r in page.model.rows] == ["Jordan Lee"]
    row = page.model.rows[0]
    assert page.model.index(0, 3).data() == "$50.00 (policy v2)"
    assert "Jordan Lee" in page.selected_label.text() and "$50.00" in page.selected_label.text()
    window.grab().save("/tmp/requests.png")
    qtbot.keyClicks(page.reply, "Approved, feel better.")
    click(qtbot, page.buttons[LateDecision.APPROVE_WITH_FEE])
    # Charging is confirmed with the amount first; Cancel (the default) changes nothing.
    box = page.confirm_box
    assert box.isVisible() and "$50.00" in box.text() and "Jordan Lee" in box.text()
    click(qtbot, box.button(box.StandardButton.Cancel))
    wait_ops(qtbot, controller)
    assert LateCancellationRequest.get_by_id(row.id).status == "pending"
    click(qtbot, page.buttons[LateDecision.APPROVE_WITH_FEE])
    charge_button = next(b for b in page.confirm_box.buttons() if b.text() == "Approve and charge $50.00")
    click(qtbot, charge_button)
    wait_ops(qtbot, controller)
    assert LateCancellationRequest.get_by_id(row.id).status == "approved_with_fee"
    assert Appointment.get_by_id(row.appointment_id).status == AppointmentStatus.LATE_CANCELLED
    charge = Charge.get(Charge.appointment == row.appointment_id)
    assert (charge.kind, charge.amount_cents) == ("late_cancellation", 5000)
    assert Message.select().where(Message.thread == row.thread_id).order_by(Message.id.desc()).first().body == \
        "Approved, feel better."
    assert page.model.rows == [] and page.table.showing_placeholder()
    qtbot.mouseClick(page.show_all, Qt.MouseButton.LeftButton, pos=QPoint(8, page.show_all.height() // 2))
    wait_reads(qtbot, page.show_all)
    assert page.model.index(0, 4).data() == "Approved with fee"


def test_decline_keeps_the_appointment(qtbot, demo_db, now, tmp_path):
    controller, window, page = _inbox(qtbot, demo_db, now, tmp_path)
    row = page.model.rows[0]
    click(qtbot, page.buttons[LateDecision.DECLINE])
    wait_ops(qtbot, controller)
    assert LateCancellationRequest.get_by_id(row.id).status == "declined"
    assert Appointment.get_by_id(row.appointment_id).status == AppointmentStatus.SCHEDULED
    assert not Charge.select().where(Charge.appointment == row.appointment_id).exists()
    # The calendar shows the appointment still scheduled, without the pending-request flag.
    cal = show_page(window, "calendar").calendar
    cal.go_to(row.appointment_start.date())
    wait_reads(qtbot, cal)
    shown = next(r for r in cal.rows if r.id == row.appointment_id)
    assert shown.status_label == "Scheduled" and not shown.late_request_pending


def test_another_provider_does_not_see_the_request(qtbot, demo_db, now, tmp_path):
    controller, window, page = _inbox(qtbot, demo_db, now, tmp_path, "dr.rivera")
    assert page.model.rows == [] and page.table.showing_placeholder()
    assert not any(b.isEnabled() for b in page.buttons.values())


def test_a_request_for_an_appointment_marked_no_show_can_only_be_declined(qtbot, demo_db, now, tmp_path):
    request = LateCancellationRequest.get(LateCancellationRequest.status == "pending")
    appt = Appointment.get_by_id(request.appointment_id)
    # A no-show over a pending request, as a database written before that was refused holds it.
    Appointment.update(status=AppointmentStatus.NO_SHOW).where(Appointment.id == appt.id).execute()
    controller, window, page = _inbox(qtbot, demo_db, now, tmp_path)
    assert [r.id for r in page.model.rows] == [request.id]
    assert not page.buttons[LateDecision.APPROVE_WITH_FEE].isEnabled()
    assert not page.buttons[LateDecision.APPROVE_WAIVE].isEnabled()
    assert page.buttons[LateDecision.DECLINE].isEnabled() and page.reply.isEnabled()
    assert "decline the request to close it" in page.selected_label.text()
    click(qtbot, page.buttons[LateDecision.DECLINE])
    wait_ops(qtbot, controller)
    assert LateCancellationRequest.get_by_id(request.id).status == "declined"
    assert Appointment.get_by_id(appt.id).status == AppointmentStatus.NO_SHOW
