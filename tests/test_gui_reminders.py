"""Reminders on real windows (issue #14, item 1): the client's reminder before the free
cancellation ends appears in the window at its instant, not a second before, is recorded, and
does not appear again after a restart; the person sets their own times by keys."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt

from desktop.gui.reminder_settings import ReminderSettingsDialog
from desktop.rules.reminders import ReminderKind, ReminderSettings
from desktop.services import reminders
from desktop.store.models import User
from desktop.store.reminder_models import ReminderShown
from tests.factories import actor, audit_count
from tests.guikit import make_controller, sign_in, wait_for_window, wait_ops

CLIENT = "marlow.zimmer"  # the demo's client whose next appointment is days away


def _check(qtbot, controller) -> None:
    """What the watcher's timer does at its time (tests do not wait for the minute)."""
    controller.window.reminders.check()
    wait_ops(qtbot, controller)


def test_the_deadline_reminder_shows_at_its_instant_once_and_not_after_a_restart(qtbot, demo_db, now, tmp_path):
    plan = reminders.reminder_plan(actor(CLIENT), now=now)
    assert plan.due == [] and plan.next_at is not None
    controller = make_controller(qtbot, demo_db, now, tmp_path)
    window = sign_in(qtbot, controller, CLIENT)
    strip = window.reminder_strip
    assert not strip.isVisible()
    controller.clock.advance(plan.next_at - now - timedelta(seconds=1))
    _check(qtbot, controller)
    assert not strip.isVisible() and window.reminders.shown == []
    controller.clock.advance(timedelta(seconds=1))
    _check(qtbot, controller)
    assert strip.isVisible()
    reminder = window.reminders.shown[0]
    assert reminder.kind is ReminderKind.DEADLINE and "free until" in strip.text.text()
    user = User.get(User.username == CLIENT)
    assert ReminderShown.select().where(ReminderShown.user == user.id,
                                        ReminderShown.appointment == reminder.appointment_id).count() == 1
    qtbot.mouseClick(strip.dismiss, Qt.MouseButton.LeftButton)
    assert not strip.isVisible()
    _check(qtbot, controller)  # a minute later: nothing new
    assert not strip.isVisible() and len(window.reminders.shown) == 1
    controller.shutdown()
    # The application starts again at the same moment: the reminder was recorded, so it stays shown once.
    later = make_controller(qtbot, demo_db, controller.clock.now(), tmp_path)
    window = sign_in(qtbot, later, CLIENT)
    wait_ops(qtbot, later)
    assert window.reminders.shown == [] and not window.reminder_strip.isVisible()


def test_a_person_sets_their_reminder_times_by_keys(qtbot, demo_db, now, tmp_path):
    controller = make_controller(qtbot, demo_db, now, tmp_path)
    window = sign_in(qtbot, controller, CLIENT)
    window.findChild(type(window.menuBar().actions()[0]), "actionReminders").trigger()
    dialog = wait_for_window(qtbot, lambda w: isinstance(w, ReminderSettingsDialog) and w.isVisible())
    ui = dialog.ui
    assert ui.startOn.isChecked() and ui.deadlineOn.isChecked() and ui.deadlineHours.value() == 24
    ui.startOn.setFocus()
    qtbot.keyClick(ui.startOn, Qt.Key.Key_Space)  # off
    assert not ui.startMinutes.isEnabled()
    ui.deadlineHours.setFocus()
    ui.deadlineHours.selectAll()
    qtbot.keyClicks(ui.deadlineHours, "6")
    qtbot.keyClick(ui.deadlineHours, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    wait_ops(qtbot, controller)
    assert reminders.reminder_settings(actor(CLIENT)) == ReminderSettings(None, timedelta(hours=6))
    assert audit_count("set_reminders") == 1


def test_a_provider_has_no_deadline_reminder_to_set(qtbot, demo_db, now, tmp_path):
    controller = make_controller(qtbot, demo_db, now, tmp_path)
    window = sign_in(qtbot, controller, "dr.rivera")
    window.open_reminder_settings()
    dialog = wait_for_window(qtbot, lambda w: isinstance(w, ReminderSettingsDialog) and w.isVisible())
    assert dialog.ui.startOn.isChecked() and dialog.ui.startMinutes.value() == 15
    assert not dialog.ui.deadlineOn.isVisible()
    dialog.reject()


def test_where_the_desktop_has_a_tray_the_reminder_is_a_tray_message_too(qtbot, demo_db, now, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QSystemTrayIcon

    messages = []
    monkeypatch.setattr(QSystemTrayIcon, "isSystemTrayAvailable", staticmethod(lambda: True))
    monkeypatch.setattr(QSystemTrayIcon, "showMessage", lambda _self, title, text, *_a: messages.append((title, text)))
    plan = reminders.reminder_plan(actor(CLIENT), now=now)
    controller = make_controller(qtbot, demo_db, now, tmp_path)
    window = sign_in(qtbot, controller, CLIENT)
    assert window.reminders.tray is not None
    controller.clock.advance(plan.next_at - now)
    _check(qtbot, controller)
    assert messages and messages[0][0] == "Practice Desk" and "free until" in messages[0][1]
    assert window.reminder_strip.isVisible()  # in the window as well
