"""Keyboard use of the client portal and the Support desk: the main actions have an
Alt+letter that no other visible control (or the menu bar) uses, a second key where
there is one, and Enter on an upcoming appointment opens it like a double-click."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from desktop.gui.client.options_dialog import AppointmentOptionsDialog
from desktop.store.models import Charge, FeeAdjustmentRequest
from tests.guikit import (
    assert_main_actions_have_their_own_keys,
    make_controller,
    show_page,
    sign_in,
    wait_ops,
)


def test_client_pages_main_actions_have_unclashing_mnemonics(qtbot, demo_db, now, tmp_path):
    controller = make_controller(qtbot, demo_db, now, tmp_path)
    portal = sign_in(qtbot, controller, "alex.morgan")
    dashboard = show_page(portal, "dashboard")
    assert_main_actions_have_their_own_keys(
        portal, [dashboard.edit_button, dashboard.all_button, dashboard.messages_button])
    appointments = show_page(portal, "appointments")
    assert_main_actions_have_their_own_keys(
        portal, [appointments.list_button, appointments.calendar_button, appointments.ics_button])
    billing = show_page(portal, "billing")
    assert_main_actions_have_their_own_keys(portal, [billing.dispute_button, billing.statement_button])
    messages = show_page(portal, "messages")
    messages.compose("Hello")
    QApplication.processEvents()
    assert_main_actions_have_their_own_keys(
        portal, [messages.new_button, messages.send_new_button, messages.discard_button, messages.view.send_button])
    book = show_page(portal, "book")
    assert_main_actions_have_their_own_keys(portal, [book.book_button])


def test_support_desk_main_actions_have_unclashing_mnemonics(qtbot, demo_db, now, tmp_path):
    controller = make_controller(qtbot, demo_db, now, tmp_path)
    desk = sign_in(qtbot, controller, "support")
    queue = show_page(desk, "queue")
    queue.table.selectRow(0)
    qtbot.waitUntil(desk.ctx.reads.is_idle)  # the request's detail fills the decision panel
    assert_main_actions_have_their_own_keys(
        desk, [queue.ui.adjustButton, queue.ui.waiveButton, queue.ui.declineButton, queue.ui.historyButton])
    exports = show_page(desk, "exports")
    assert_main_actions_have_their_own_keys(desk, [exports.export_button])


def test_ctrl_return_adjusts_the_selected_request(qtbot, demo_db, now, tmp_path):
    controller = make_controller(qtbot, demo_db, now, tmp_path)
    desk = sign_in(qtbot, controller, "support")
    queue = show_page(desk, "queue")
    request = FeeAdjustmentRequest.get(FeeAdjustmentRequest.status == "pending")
    queue.table.selectRow(0)
    qtbot.waitUntil(desk.ctx.reads.is_idle)  # the request's detail fills the decision panel
    queue.ui.newAmount.clear()
    qtbot.keyClicks(queue.ui.newAmount, "30")
    qtbot.keyClicks(queue.ui.decisionReason, "Phoned ahead.")
    desk.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is desk, timeout=3000)
    qtbot.keyClick(queue.ui.decisionReason, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: Charge.get_by_id(request.charge_id).amount_cents == 3000, timeout=5000)
    wait_ops(qtbot, controller)
    assert FeeAdjustmentRequest.get_by_id(request.id).status == "adjusted"


def test_alt_letters_on_the_decision_panel_reach_the_amount_and_the_note(qtbot, demo_db, now, tmp_path):
    controller = make_controller(qtbot, demo_db, now, tmp_path)
    desk = sign_in(qtbot, controller, "support")
    queue = show_page(desk, "queue")
    queue.table.selectRow(0)
    qtbot.waitUntil(desk.ctx.reads.is_idle)  # the request's detail fills the decision panel
    desk.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is desk, timeout=3000)
    queue.table.setFocus()
    qtbot.keyClick(queue.table, Qt.Key.Key_R, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: queue.ui.decisionReason.hasFocus(), timeout=3000)
    qtbot.keyClick(queue.ui.decisionReason, Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: queue.ui.newAmount.hasFocus(), timeout=3000)


def test_enter_on_an_upcoming_row_opens_edit(qtbot, demo_db, now, tmp_path):
    controller = make_controller(qtbot, demo_db, now, tmp_path)
    portal = sign_in(qtbot, controller, "alex.morgan")
    page = show_page(portal, "appointments")
    index = [i for i, r in enumerate(page.upcoming_model.rows) if r.is_scheduled][1]
    row = page.upcoming_model.rows[index]
    page.upcoming_view.setCurrentIndex(page.upcoming_model.index(index, 0))
    page.upcoming_view.setFocus()
    qtbot.keyClick(page.upcoming_view, Qt.Key.Key_Return)
    qtbot.waitUntil(portal.ctx.reads.is_idle)  # the appointment is read before its options open
    dialog = page.flows.options
    assert isinstance(dialog, AppointmentOptionsDialog) and dialog.isVisible() and dialog.row.id == row.id
    assert page.edit_button(1).accessibleName().startswith("Edit appointment of ")
