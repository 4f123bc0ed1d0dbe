"""Keyboard use of the provider workspace: each page's main actions have an Alt+letter that
no other visible control or the menu bar (&Account, &View, &Help) uses."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from tests.guikit import assert_main_actions_have_their_own_keys, make_controller, show_page, sign_in


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
