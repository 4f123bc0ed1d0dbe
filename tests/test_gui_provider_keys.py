"""Keyboard use of the provider workspace: each page's main actions have an Alt+letter that
no other visible control or the menu bar (&Account, &View, &Help) uses; and the provider's
decisions (approve with the fee, waive, decline, mark a no-show) with the keyboard alone."""

from __future__ import annotations

from datetime import timedelta
from zoneinfo import ZoneInfo

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop.gui.provider.appointment_dialogs import NoShowDialog
from desktop.rules.late_requests import LateDecision
from desktop.rules.money import Money
from desktop.rules.vocabulary import LateRequestStatus
from desktop.services.cancellation import request_late_cancellation
from desktop.store.demo import SERIES_INSIDE_WINDOW
from desktop.store.models import Appointment, AppointmentStatus, Charge, LateCancellationRequest
from tests.factories import actor
from tests.guikit import (
    activate,
    assert_main_actions_have_their_own_keys,
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


def test_provider_pages_main_actions_have_unclashing_mnemonics(qtbot, demo_db, now, tmp_path):
    controller = make_controller(qtbot, demo_db, now, tmp_path)
    window = sign_in(qtbot, controller, "dr.rivera")
    calendar = show_page(window, "calendar")
    calendar.show_detail(calendar.calendar.rows[0].id)
    qtbot.waitUntil(window.ctx.reads.is_idle)
    assert_main_actions_have_their_own_keys(
        window, [calendar.new_button, calendar.move_button, calendar.cancel_button, calendar.no_show_button])
    requests = show_page(window, "requests")
    assert_main_actions_have_their_own_keys(window, list(requests.buttons.values()))
    booking = show_page(window, "booking")
    assert_main_actions_have_their_own_keys(window, [booking.ui.savePolicyButton, booking.ui.saveHoursButton])
    people = show_page(window, "people")
    assert_main_actions_have_their_own_keys(window, [people.ui.addPersonButton, people.ui.clearPersonButton])
    people.table.selectRow(0)
    QApplication.processEvents()
    assert_main_actions_have_their_own_keys(window, [people.ui.savePersonButton, people.ui.toggleActiveButton])
    assert people.ui.toggleActiveButton.accessibleName() in ("Deactivate", "Reactivate")
    disputes = show_page(window, "disputes")
    assert_main_actions_have_their_own_keys(window, [disputes.reply_button, disputes.ask_button])


# ---- the provider's decisions with the keyboard alone (key presses on the focused widget) ----
def _keyboard_workspace(qtbot, demo_db, now, tmp_path, username):
    controller = make_controller(qtbot, demo_db, now, tmp_path)
    window = sign_in(qtbot, controller, username)
    activate(qtbot, window)
    wait_ops(qtbot, controller)
    return controller, window


def _requests_by_keyboard(qtbot, window):
    press(qtbot, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)  # Requests
    page = window.current_page()
    qtbot.waitUntil(window.ctx.reads.is_idle)
    assert page is window.pages["requests"]
    return page


def _select_row_by_keyboard(qtbot, page, request_id: int) -> None:
    tab_to(qtbot, page.table)
    press(qtbot, Qt.Key.Key_Home)
    while page.current() is None or page.current().id != request_id:
        row = page.table.currentIndex().row()
        press(qtbot, Qt.Key.Key_Down)
        assert page.table.currentIndex().row() != row, "the request is not in the table"
    qtbot.waitUntil(page.ctx.reads.is_idle)


def test_approving_with_the_fee_by_keyboard_confirms_the_amount(qtbot, demo_db, now, tmp_path):
    request = LateCancellationRequest.get(LateCancellationRequest.status == "pending")
    controller, window = _keyboard_workspace(qtbot, demo_db, now, tmp_path, "dr.chen")
    page = _requests_by_keyboard(qtbot, window)
    _select_row_by_keyboard(qtbot, page, request.id)
    fee = page.current().fee.format()
    before = focused()
    press(qtbot, Qt.Key.Key_Tab)  # Tab leaves the table at once, never cell by cell
    assert focused() is not before and focused().window() is window and focused() is not page.table
    tab_to(qtbot, page.reply)
    press(qtbot, None, text="Get well soon.")
    press(qtbot, Qt.Key.Key_Tab)  # never a tab in the text
    assert page.reply.toPlainText() == "Get well soon." and focused() is page.buttons[LateDecision.APPROVE_WITH_FEE]
    press(qtbot, Qt.Key.Key_Space)
    box = wait_for_window(qtbot, lambda w: isinstance(w, QMessageBox))
    assert fee in box.text()  # the amount, before anything is charged
    press(qtbot, Qt.Key.Key_Escape)  # Escape: nothing decided
    qtbot.waitUntil(lambda: closed(box))
    assert LateCancellationRequest.get_by_id(request.id).status == "pending"
    activate(qtbot, window)
    assert focused() is page.buttons[LateDecision.APPROVE_WITH_FEE]
    press(qtbot, Qt.Key.Key_Space)
    box = wait_for_window(qtbot, lambda w: isinstance(w, QMessageBox))
    charge = next(b for b in box.buttons() if fee in b.text())
    assert focused() is not charge  # Cancel is the default: a stray Enter charges nothing
    tab_to(qtbot, charge) if _reads_forward(box, charge) else press(qtbot, Qt.Key.Key_Backtab)
    assert focused() is charge
    press(qtbot, Qt.Key.Key_Space)
    wait_ops(qtbot, controller)
    decided = LateCancellationRequest.get_by_id(request.id)
    assert decided.status == LateRequestStatus.APPROVED_WITH_FEE and decided.appointment.status == AppointmentStatus.LATE_CANCELLED
    assert Charge.get(Charge.appointment == decided.appointment).amount_cents > 0


def _reads_forward(box, button) -> bool:
    """Whether ``button`` comes after the focused one in the box's reading order."""
    return button.mapToGlobal(button.rect().topLeft()).x() > focused().mapToGlobal(focused().rect().topLeft()).x()


def test_waiving_and_declining_by_keyboard(qtbot, demo_db, now, tmp_path):
    lane = actor(SERIES_INSIDE_WINDOW)
    inside = (Appointment.select().where(Appointment.client == lane.client_id, Appointment.starts_at > now,
                                         Appointment.status == AppointmentStatus.SCHEDULED)
              .order_by(Appointment.starts_at).first())
    request_late_cancellation(lane, inside.id, "Flu", now=now)
    first = LateCancellationRequest.get(LateCancellationRequest.appointment == inside.id)
    second = LateCancellationRequest.get(LateCancellationRequest.status == "pending",
                                         LateCancellationRequest.id != first.id)
    controller, window = _keyboard_workspace(qtbot, demo_db, now, tmp_path, "dr.chen")
    page = _requests_by_keyboard(qtbot, window)
    _select_row_by_keyboard(qtbot, page, first.id)
    tab_to(qtbot, page.buttons[LateDecision.APPROVE_WAIVE])
    press(qtbot, Qt.Key.Key_Space)  # waive: no amount to confirm
    wait_ops(qtbot, controller)
    assert LateCancellationRequest.get_by_id(first.id).status == LateRequestStatus.APPROVED_WAIVED
    assert not Charge.select().where(Charge.appointment == inside.id).exists()
    activate(qtbot, window)
    _select_row_by_keyboard(qtbot, page, second.id)
    tab_to(qtbot, page.buttons[LateDecision.DECLINE])
    press(qtbot, Qt.Key.Key_Space)
    wait_ops(qtbot, controller)
    assert LateCancellationRequest.get_by_id(second.id).status == LateRequestStatus.DECLINED
    assert Appointment.get_by_id(second.appointment_id).status == AppointmentStatus.SCHEDULED


def test_marking_a_no_show_by_keyboard_confirms_the_amount(qtbot, demo_db, now, tmp_path):
    controller, window = _keyboard_workspace(qtbot, demo_db, now, tmp_path, "dr.rivera")
    page = window.current_page()
    rivera = window.ctx.actor
    missed = (Appointment.select().where(Appointment.provider == rivera.provider_id,
                                         Appointment.status == AppointmentStatus.SCHEDULED,
                                         Appointment.starts_at < now - timedelta(minutes=15))
              .order_by(Appointment.starts_at.desc()).first())
    cal = page.calendar
    tab_to(qtbot, cal)
    missed_day = missed.starts_at.astimezone(ZoneInfo(rivera.time_zone)).date()
    for _ in range(3):
        if missed_day in cal.grid.days:
            break
        press(qtbot, Qt.Key.Key_PageUp)  # the week before
        qtbot.waitUntil(window.ctx.reads.is_idle)
    assert missed_day in cal.grid.days
    for _ in range(len(cal.rows)):  # N: the next appointment
        if cal.grid.selected_id == missed.id:
            break
        press(qtbot, Qt.Key.Key_N)
    assert cal.grid.selected_id == missed.id
    qtbot.waitUntil(window.ctx.reads.is_idle)  # its detail
    assert page.detail.id == missed.id
    tab_to(qtbot, page.no_show_button)
    press(qtbot, Qt.Key.Key_Space)
    dialog = wait_for_window(qtbot, lambda w: isinstance(w, NoShowDialog))
    policy = Appointment.get_by_id(missed.id).policy
    fee = policy.no_show_fee_cents
    assert Money(fee, policy.currency).format() in dialog.ui.noShowFeeText.text()  # the amount, before marking
    press(qtbot, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: closed(dialog))
    assert Appointment.get_by_id(missed.id).status == AppointmentStatus.SCHEDULED
    activate(qtbot, window)
    assert focused() is page.no_show_button
    press(qtbot, Qt.Key.Key_Space)
    dialog = wait_for_window(qtbot, lambda w: isinstance(w, NoShowDialog))
    tab_to(qtbot, dialog.ui.confirmNoShowButton)
    press(qtbot, Qt.Key.Key_Space)
    wait_ops(qtbot, controller)
    assert Appointment.get_by_id(missed.id).status == AppointmentStatus.NO_SHOW
    assert Charge.get(Charge.appointment == missed.id).amount_cents == fee
