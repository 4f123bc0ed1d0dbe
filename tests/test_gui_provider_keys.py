"""Keyboard use of the provider workspace: each page's main actions have an Alt+letter that
no other visible control or the menu bar (&Account, &View, &Help) uses."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from tests.guikit import make_controller, sign_in
from tests.test_gui_client_support_keys import _assert_main_actions_have_their_own_keys, _show


def test_provider_pages_main_actions_have_unclashing_mnemonics(qtbot, demo_db, now, tmp_path):
    controller = make_controller(qtbot, demo_db, now, tmp_path)
    window = sign_in(qtbot, controller, "dr.rivera")
    calendar = _show(window, "calendar")
    calendar.show_detail(calendar.calendar.rows[0].id)
    _assert_main_actions_have_their_own_keys(
        window, [calendar.new_button, calendar.move_button, calendar.cancel_button, calendar.no_show_button])
    requests = _show(window, "requests")
    _assert_main_actions_have_their_own_keys(window, list(requests.buttons.values()))
    booking = _show(window, "booking")
    _assert_main_actions_have_their_own_keys(window, [booking.ui.savePolicyButton, booking.ui.saveHoursButton])
    people = _show(window, "people")
    _assert_main_actions_have_their_own_keys(window, [people.ui.addPersonButton, people.ui.clearPersonButton])
    people.table.selectRow(0)
    QApplication.processEvents()
    _assert_main_actions_have_their_own_keys(window, [people.ui.savePersonButton, people.ui.toggleActiveButton])
    assert people.ui.toggleActiveButton.accessibleName() in ("Deactivate", "Reactivate")
    disputes = _show(window, "disputes")
    _assert_main_actions_have_their_own_keys(window, [disputes.reply_button, disputes.ask_button])
