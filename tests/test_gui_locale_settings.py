"""The owner changes the practice's date and money format from the Account menu (issue #11, item 10)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from desktop.rules.display_locale import shown_locale
from desktop.rules.timefmt import format_instant
from desktop.services.practice import practice_details
from desktop.store.models import AuditEvent
from tests.guikit import click, make_controller, sign_in, wait_ops


def _action(window):
    return window.findChild(type(window.actions_.sign_out), "actionLocale")


def test_the_owner_picks_another_format_and_the_screens_write_it(qtbot, demo_db, now, tmp_path):
    controller = make_controller(qtbot, demo_db, now, tmp_path)
    window = sign_in(qtbot, controller, "dr.chen")
    assert _action(window) is None  # not the owner
    click(qtbot, window.findChild(QWidget, "signOutButton"))
    wait_ops(qtbot, controller)

    window = sign_in(qtbot, controller, "dr.rivera")
    _action(window).trigger()
    qtbot.waitUntil(window.ctx.reads.is_idle)  # the practice is read before its dialog opens
    dialog = next(w for w in QApplication.topLevelWidgets() if w.objectName() == "LocaleSettingsDialog")
    combo = dialog.ui.locale
    assert combo.currentData() == practice_details().locale
    # Each choice shows what it makes of now; chosen with the keyboard.
    combo.setFocus()
    target = combo.findData("en_US")
    assert format_instant(now, window.ctx.actor.time_zone, locale="en_US") in combo.itemText(target)
    while combo.currentIndex() != target:
        qtbot.keyClick(combo, Qt.Key.Key_Down if combo.currentIndex() < target else Qt.Key.Key_Up)
    click(qtbot, dialog.ui.buttons.button(dialog.ui.buttons.StandardButton.Save))
    wait_ops(qtbot, controller)
    assert not dialog.isVisible()
    assert practice_details().locale == "en_US" and shown_locale() == "en_US"
    event = AuditEvent.select().order_by(AuditEvent.id.desc()).get()
    assert event.action == "set_practice_locale" and event.detail["locale"][1] == "en_US"
    zone = window.ctx.actor.time_zone
    assert format_instant(now, zone) == format_instant(now, zone, locale="en_US")  # what every screen writes now
