"""The client's flows with the keyboard alone, from the signed-in window: key presses on the
focused widget only (no mouse). Every control passed shows a focus ring, Tab moves in reading
order and never types a tab or walks a table cell by cell, Escape closes dialogs."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPlainTextEdit, QTableView, QTextEdit

from desktop.gui.client.booking_review import BookingReviewDialog
from desktop.gui.client.cancel.dialog import CancelDialog
from desktop.gui.client.options_dialog import AppointmentOptionsDialog
from desktop.store.demo import NEXT_OUTSIDE_WINDOW, SERIES_INSIDE_WINDOW
from desktop.store.models import Appointment, AppointmentStatus, Cancellation, LateCancellationRequest
from tests.guikit import (
    activate,
    assert_focus_ring,
    closed,
    focused,
    make_controller,
    press,
    show_page,
    sign_in,
    tab_to,
    wait_for_window,
    wait_ops,
)

K = Qt.Key
ALT = Qt.KeyboardModifier.AltModifier
CTRL = Qt.KeyboardModifier.ControlModifier


def _signed_in(qtbot, demo_db, now, tmp_path, username):
    controller = make_controller(qtbot, demo_db, now, tmp_path)
    window = sign_in(qtbot, controller, username)
    activate(qtbot, window)
    wait_ops(qtbot, controller)
    return controller, window


def _edit_next_by_keyboard(qtbot, portal) -> AppointmentOptionsDialog:
    """Alt+E on the dashboard: Edit on the next appointment (its row is read, then the dialog opens)."""
    press(qtbot, K.Key_E, ALT)
    return wait_for_window(qtbot, lambda w: isinstance(w, AppointmentOptionsDialog))


def test_single_cancellation_by_keyboard(qtbot, demo_db, now, tmp_path):
    controller, portal = _signed_in(qtbot, demo_db, now, tmp_path, NEXT_OUTSIDE_WINDOW)
    dashboard = portal.current_page()
    appt_id = dashboard.data.next.id
    options = _edit_next_by_keyboard(qtbot, portal)
    press(qtbot, K.Key_Escape)  # Escape closes a dialog
    qtbot.waitUntil(lambda: closed(options))
    activate(qtbot, portal)  # offscreen has no window manager to hand the window back its focus
    options = _edit_next_by_keyboard(qtbot, portal)
    assert tab_to(qtbot, options.cancel_button)[0] is options.cancel_button  # Reschedule, then Cancel
    press(qtbot, K.Key_Space)
    dialog = wait_for_window(qtbot, lambda w: isinstance(w, CancelDialog))
    press(qtbot, K.Key_Escape)  # the cancel dialog too: nothing cancelled
    qtbot.waitUntil(lambda: closed(dialog))
    activate(qtbot, portal)
    options = _edit_next_by_keyboard(qtbot, portal)
    tab_to(qtbot, options.cancel_button)
    press(qtbot, K.Key_Space)
    dialog = wait_for_window(qtbot, lambda w: isinstance(w, CancelDialog) and w.isVisible())
    form = dialog.form
    assert focused() is form.this_radio and form.this_radio.isChecked()  # one, not the series
    tab_to(qtbot, form.reason_combo)
    press(qtbot, K.Key_Down)
    press(qtbot, K.Key_Down)
    assert form.reason().id == "unwell"
    tab_to(qtbot, form.answer("telehealth_instead", "yes"))  # Tab reaches the group; arrows choose in it
    press(qtbot, K.Key_Down)
    assert focused() is form.answer("telehealth_instead", "no")
    assert_focus_ring(focused())
    press(qtbot, K.Key_Space)
    assert form.answers == {"telehealth_instead": "no"}
    tab_to(qtbot, form.confirm_button)  # Cancel at the bottom
    assert form.confirm_button.text().replace("&", "") == "Cancel"
    press(qtbot, K.Key_Space)
    assert dialog.stack.currentWidget() is dialog.confirm_one and focused() is dialog.confirm_one.confirm_button
    assert_focus_ring(focused())
    press(qtbot, K.Key_Space)  # Then, confirm your cancellation
    wait_ops(qtbot, controller)
    assert dialog.stack.currentWidget() is dialog.confirmation
    assert Appointment.get_by_id(appt_id).status == AppointmentStatus.CANCELLED_BY_CLIENT
    assert Cancellation.get(Cancellation.appointment == appt_id).answers == {"telehealth_instead": "no"}
    tab_to(qtbot, dialog.confirmation.ui.returnToDashboardButton)
    press(qtbot, K.Key_Space)
    qtbot.waitUntil(lambda: closed(dialog))
    assert portal.current_page() is dashboard


def test_series_cancellation_by_keyboard(qtbot, demo_db, now, tmp_path):
    controller, portal = _signed_in(qtbot, demo_db, now, tmp_path, SERIES_INSIDE_WINDOW)
    press(qtbot, K.Key_2, CTRL)  # Appointments
    page = portal.current_page()
    qtbot.waitUntil(portal.ctx.reads.is_idle)
    rows = page.upcoming_model.rows
    inside, later = rows[0], rows[1]
    assert inside.series_id == later.series_id and not inside.decision.allowed and later.decision.allowed
    chain = tab_to(qtbot, page.upcoming_view)
    assert not any(w.objectName().startswith("editButton_") for w in chain)
    press(qtbot, K.Key_Home)
    press(qtbot, K.Key_Down)
    assert page.upcoming_view.currentIndex().row() == 1
    before = focused()
    press(qtbot, K.Key_Tab)  # Tab leaves the table at once (never cell by cell, never to an Edit button)
    assert focused() is not before and focused().window() is portal
    assert not focused().objectName().startswith("editButton_")
    press(qtbot, K.Key_Backtab)
    assert focused() is page.upcoming_view and page.upcoming_view.currentIndex().row() == 1
    press(qtbot, K.Key_Return)  # Enter on the row: Edit
    options = wait_for_window(qtbot, lambda w: isinstance(w, AppointmentOptionsDialog))
    assert options.row.id == later.id
    tab_to(qtbot, options.cancel_button)
    press(qtbot, K.Key_Space)
    dialog = wait_for_window(qtbot, lambda w: isinstance(w, CancelDialog))
    form = dialog.form
    assert focused() is form.this_radio
    press(qtbot, K.Key_Down)  # the arrows choose between the two
    assert focused() is form.all_radio
    press(qtbot, K.Key_Space)
    assert form.cancelling_all()
    tab_to(qtbot, form.reason_combo)
    press(qtbot, K.Key_Down)
    assert form.reason().id == "schedule_conflict"
    tab_to(qtbot, form.confirm_button)
    press(qtbot, K.Key_Space)  # Review cancellations…
    qtbot.waitUntil(lambda: dialog.stack.currentWidget() is dialog.preview)
    preview = dialog.preview
    assert focused() is preview.scroll and [p.id for p in dialog.plan.stay] == [inside.id]
    assert_focus_ring(focused())
    tab_to(qtbot, preview.stay_rows[inside.id])  # the late-cancellation request for what stays
    press(qtbot, K.Key_Space)
    wait_ops(qtbot, controller)
    assert LateCancellationRequest.select().where(LateCancellationRequest.appointment == inside.id).count() == 1
    tab_to(qtbot, preview.confirm_button)
    press(qtbot, K.Key_Space)
    wait_ops(qtbot, controller)
    assert dialog.stack.currentWidget() is dialog.confirmation
    planned = [p.id for p in dialog.plan.cancel]
    assert later.id in planned
    assert all(a.status == AppointmentStatus.CANCELLED_BY_CLIENT
               for a in Appointment.select().where(Appointment.id.in_(planned)))
    assert Appointment.get_by_id(inside.id).status == AppointmentStatus.SCHEDULED
    tab_to(qtbot, dialog.confirmation.ui.returnToDashboardButton)
    press(qtbot, K.Key_Space)
    qtbot.waitUntil(lambda: closed(dialog))


def test_late_cancellation_request_by_keyboard(qtbot, demo_db, now, tmp_path):
    controller, portal = _signed_in(qtbot, demo_db, now, tmp_path, "alex.morgan")
    appt_id = portal.current_page().data.next.id  # inside the window: cancelling is blocked
    options = _edit_next_by_keyboard(qtbot, portal)
    assert not options.cancel_button.isEnabled() and options.request_button is not None
    tab_to(qtbot, options.late_message)
    press(qtbot, None, text="I have a fever.")
    press(qtbot, K.Key_Tab)  # Tab moves on from the text box, it never types a tab
    assert focused() is options.request_button
    assert options.late_message.toPlainText() == "I have a fever."
    assert_focus_ring(focused())
    press(qtbot, K.Key_Space)
    wait_ops(qtbot, controller)
    request = LateCancellationRequest.get(LateCancellationRequest.appointment == appt_id)
    assert request.status == "pending" and request.message == "I have a fever."
    tab_to(qtbot, options.policy_link)  # the fee policy, from its link
    press(qtbot, K.Key_Return)
    qtbot.waitUntil(lambda: getattr(options, "policy_dialog", None) is not None
                    and options.policy_dialog.isVisible())
    policy = wait_for_window(qtbot, lambda w: w is options.policy_dialog)
    press(qtbot, K.Key_Escape)
    qtbot.waitUntil(lambda: closed(policy))
    activate(qtbot, options)  # offscreen has no window manager to hand the focus back
    press(qtbot, K.Key_Escape)
    qtbot.waitUntil(lambda: closed(options))
    assert Appointment.get_by_id(appt_id).status == AppointmentStatus.SCHEDULED


def test_booking_by_keyboard(qtbot, demo_db, now, tmp_path):
    controller, portal = _signed_in(qtbot, demo_db, now, tmp_path, NEXT_OUTSIDE_WINDOW)
    press(qtbot, K.Key_3, CTRL)  # Book
    page = portal.current_page()
    qtbot.waitUntil(portal.ctx.reads.is_idle)
    assert page is portal.pages["book"] and page.all_slots
    tab_to(qtbot, page.service_combo)
    press(qtbot, K.Key_Down)  # the telehealth session
    qtbot.waitUntil(portal.ctx.reads.is_idle)  # its open times are read
    service = page.service_combo.currentData()
    assert service.telehealth
    calendar_view = page.day_picker.focusProxy()
    tab_to(qtbot, calendar_view)
    first = page.day_picker.selectedDate().toPython()
    days = sorted(page.days)
    target = next(d for d in days if d > first)
    for _ in range((target - first).days):
        press(qtbot, K.Key_Right)  # the arrow keys walk the days
    assert page.day_picker.selectedDate().toPython() == target
    assert page.slot_model.slots == page.days[target]
    tab_to(qtbot, page.slot_view)
    press(qtbot, K.Key_Down)
    press(qtbot, K.Key_Down)
    slot = page.selected_slot()
    assert slot is page.days[target][page.slot_view.currentIndex().row()]
    tab_to(qtbot, page.book_button)
    press(qtbot, K.Key_Space)
    review = wait_for_window(qtbot, lambda w: isinstance(w, BookingReviewDialog))
    assert focused() is review.confirm_button
    assert_focus_ring(focused())
    press(qtbot, K.Key_Escape)  # Escape: back to the page, nothing booked
    qtbot.waitUntil(lambda: closed(review))
    assert not Appointment.select().where(Appointment.starts_at == slot.start,
                                          Appointment.client == portal.ctx.actor.client_id).exists()
    activate(qtbot, portal)
    assert focused() is page.book_button
    press(qtbot, K.Key_Space)
    review = wait_for_window(qtbot, lambda w: isinstance(w, BookingReviewDialog))
    press(qtbot, K.Key_Space)  # Confirm booking
    wait_ops(qtbot, controller)
    booked = Appointment.get(Appointment.starts_at == slot.start, Appointment.client == portal.ctx.actor.client_id)
    assert booked.telehealth and booked.status == AppointmentStatus.SCHEDULED
    assert page.result.text().startswith("Booked:")


@pytest.mark.parametrize("username", ["alex.morgan", "dr.rivera", "support"])
def test_no_text_box_takes_a_tab_and_no_table_is_walked_cell_by_cell(qtbot, demo_db, now, tmp_path, username):
    """On every page of every role: Tab in a text box moves the focus (never types a tab), and
    Tab in a table leaves it (the arrow keys move inside)."""
    controller, window = _signed_in(qtbot, demo_db, now, tmp_path, username)
    problems, tables = [], 0
    for key in window.pages:
        page = show_page(window, key)
        for edit in page.findChildren(QPlainTextEdit) + page.findChildren(QTextEdit):
            if not edit.isReadOnly() and not edit.tabChangesFocus():
                problems.append(f"{key}: text box {edit.objectName() or edit.accessibleName()} types tabs")
        for view in page.findChildren(QTableView):
            tables += 1
            if view.tabKeyNavigation():
                problems.append(f"{key}: Tab walks the cells of {view.objectName()}")
    assert tables and not problems, "\n".join(problems)


def test_rescheduling_by_keyboard(qtbot, demo_db, now, tmp_path):
    """Edit → Reschedule → a day and a time → review → confirm: the appointment moves, by keys alone."""
    controller, portal = _signed_in(qtbot, demo_db, now, tmp_path, NEXT_OUTSIDE_WINDOW)
    appt_id = portal.current_page().data.next.id
    options = _edit_next_by_keyboard(qtbot, portal)
    tab_to(qtbot, options.reschedule_button)  # the first control: it has the focus already
    assert focused() is options.reschedule_button
    press(qtbot, K.Key_Space)
    qtbot.waitUntil(lambda: closed(options))
    page = portal.pages["book"]
    qtbot.waitUntil(lambda: portal.current_page() is page and portal.ctx.reads.is_idle() and bool(page.days))
    assert page.moving is not None and page.moving.id == appt_id and page.banner.isVisible()
    activate(qtbot, portal)
    tab_to(qtbot, page.slot_view)
    press(qtbot, K.Key_Down)
    slot = page.selected_slot()
    assert slot is not None
    tab_to(qtbot, page.book_button)
    press(qtbot, K.Key_Space)
    review = wait_for_window(qtbot, lambda w: isinstance(w, BookingReviewDialog))
    assert focused() is review.confirm_button
    press(qtbot, K.Key_Space)  # Confirm
    wait_ops(qtbot, controller)
    moved = Appointment.get_by_id(appt_id)
    assert moved.starts_at == slot.start and moved.status == AppointmentStatus.SCHEDULED
