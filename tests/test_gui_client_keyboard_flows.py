"""The client's flows with the keyboard alone, from the signed-in window: key presses on the
focused widget only (no mouse). Every control passed shows a focus ring, Tab moves in reading
order and never types a tab or walks a table cell by cell, Escape closes dialogs."""

from __future__ import annotations

from PySide6.QtCore import Qt

from desktop.gui.client.cancel.dialog import CancelDialog
from desktop.gui.client.options_dialog import AppointmentOptionsDialog
from desktop.store.demo import NEXT_OUTSIDE_WINDOW
from desktop.store.models import Appointment, AppointmentStatus, Cancellation
from tests.guikit import (
    activate,
    assert_focus_ring,
    focused,
    make_controller,
    press,
    sign_in,
    tab_to,
    wait_for_window,
    wait_ops,
)

K = Qt.Key
ALT = Qt.KeyboardModifier.AltModifier


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
    qtbot.waitUntil(lambda: not options.isVisible())
    activate(qtbot, portal)  # offscreen has no window manager to hand the window back its focus
    options = _edit_next_by_keyboard(qtbot, portal)
    assert tab_to(qtbot, options.cancel_button)[0] is options.cancel_button  # Reschedule, then Cancel
    press(qtbot, K.Key_Space)
    dialog = wait_for_window(qtbot, lambda w: isinstance(w, CancelDialog))
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
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert portal.current_page() is dashboard
