"""Inactivity locks the window (warning first, work kept, password to continue), and sign-in offers
the last user name only where the owner allows it. Driven with qtbot on a real database file."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from desktop.gui.dialogs import show_error
from desktop.rules.sign_in import FREE_FAILURES
from desktop.services.auth import sign_in as service_sign_in
from desktop.services.session_policy import session_policy, set_session_policy
from desktop.store.models import AuditEvent
from tests.guikit import click, make_controller, sign_in, type_credentials, wait_ops

# A "minute" of 200 ms: the shortest lock (5 minutes) comes after 1 s, its warning after 0.8 s.
MINUTE_MS = 200


def _owner_sets(now, minutes: int, offer: bool) -> None:
    owner = service_sign_in("dr.rivera", "demo-password", now=now)
    set_session_policy(owner, lock_after_minutes=minutes, offer_last_username=offer, now=now)


def _covers() -> list[QWidget]:
    return [w for w in QApplication.allWidgets() if w.objectName() == "lockCover" and w.isVisible()]


def _open_change_password(qtbot, window, typed: str):
    window.actions_.change_password.trigger()
    dialog = next(w for w in QApplication.topLevelWidgets()
                  if w.objectName() == "ChangePasswordDialog" and w.isVisible())
    qtbot.keyClicks(dialog.ui.current, typed)
    return dialog


def _unlock_with(qtbot, controller, password: str):
    screen = controller.lock.screen
    qtbot.keyClicks(screen.ui.password, password)
    click(qtbot, screen.ui.unlockButton)
    wait_ops(qtbot, controller)
    return screen


def test_idle_warns_with_a_countdown_then_locks_and_the_password_unlocks_with_the_work_kept(
        qtbot, demo_db, now, tmp_path):
    _owner_sets(now, 5, False)
    controller = make_controller(qtbot, demo_db, now, tmp_path)
    controller.minute_ms = MINUTE_MS
    window = sign_in(qtbot, controller, "alex.morgan")
    assert controller.idle.minutes == 5  # read from the practice at sign-in
    dialog = _open_change_password(qtbot, window, "half-typed")
    warning = controller.idle_warning
    qtbot.waitUntil(warning.isVisible, timeout=3000)
    assert not controller.lock.locked
    assert "Practice Desk locks in" in warning.text() and "Move the mouse or press a key" in warning.text()
    seconds = int(warning.text().split("locks in ")[1].split(" ")[0])
    assert 0 < seconds <= 60

    qtbot.waitUntil(lambda: controller.lock.locked, timeout=3000)
    screen = controller.lock.screen
    assert screen.isVisible() and screen.isModal()
    assert not warning.isVisible()
    assert "locked after 5 minutes" in screen.ui.why.text() and "alex.morgan" in screen.ui.who.text()
    # Not a sign-out: the same window, the dialog still open with what was typed, both covered.
    assert controller.window is window and window.isVisible()
    assert dialog.isVisible() and dialog.ui.current.text() == "half-typed"
    assert {c.parentWidget() for c in _covers()} >= {window, dialog}
    cover = next(c for c in _covers() if c.parentWidget() is window)
    assert cover.geometry() == window.rect()
    assert not controller.idle.active  # the lock screen is up; nothing counts down behind it

    qtbot.keyClick(screen, Qt.Key.Key_Escape)  # Escape does not unlock
    assert controller.lock.locked and screen.isVisible()

    _unlock_with(qtbot, controller, "not-the-password")
    assert controller.lock.locked
    assert "do not match" in screen.ui.message.text()
    assert screen.ui.password.text() == ""

    _unlock_with(qtbot, controller, "demo-password")
    assert not controller.lock.locked
    assert not _covers()
    assert controller.window is window
    assert dialog.isVisible() and dialog.ui.current.text() == "half-typed"
    assert controller.idle.active  # counting again
    events = [e.action for e in AuditEvent.select().order_by(AuditEvent.id)][-2:]
    assert events == ["unlock_refused", "unlock"]


def test_any_input_during_the_warning_dismisses_it_and_starts_the_wait_again(qtbot, demo_db, now, tmp_path):
    _owner_sets(now, 5, False)
    controller = make_controller(qtbot, demo_db, now, tmp_path)
    controller.minute_ms = MINUTE_MS
    window = sign_in(qtbot, controller, "alex.morgan")
    qtbot.waitUntil(controller.idle_warning.isVisible, timeout=3000)
    qtbot.keyClick(window.nav, Qt.Key.Key_Down)
    assert not controller.idle_warning.isVisible()
    assert not controller.lock.locked and controller.idle.active
    assert controller.idle.seconds_left() > 60  # the whole timeout again, not the last minute


def test_unlock_is_throttled_like_sign_in(qtbot, demo_db, now, tmp_path):
    controller = make_controller(qtbot, demo_db, now, tmp_path)
    sign_in(qtbot, controller, "support")
    controller.idle.idle.emit()  # the watcher's own signal, as when the timeout has passed
    for _ in range(FREE_FAILURES + 1):
        screen = _unlock_with(qtbot, controller, "wrong-password")
    assert "Too many attempts for this user name: try again in 30 seconds." in screen.ui.message.text()
    screen = _unlock_with(qtbot, controller, "demo-password")  # the right one, inside the wait
    assert controller.lock.locked
    assert "Too many attempts" in screen.ui.message.text()
    controller.clock.advance(timedelta(seconds=30))
    _unlock_with(qtbot, controller, "demo-password")
    assert not controller.lock.locked


def test_sign_out_stays_on_the_lock_screen_and_leaves_nothing_on_screen(qtbot, demo_db, now, tmp_path):
    controller = make_controller(qtbot, demo_db, now, tmp_path)
    window = sign_in(qtbot, controller, "alex.morgan")
    dialog = _open_change_password(qtbot, window, "something")
    controller.idle.idle.emit()
    click(qtbot, controller.lock.screen.ui.signOutButton)
    wait_ops(qtbot, controller)
    assert controller.window is None and not controller.lock.locked
    assert not dialog.isVisible() and not _covers()
    assert controller.sign_in.isVisible()
    assert controller.sign_in.ui.username.text() == ""  # the owner has not allowed offering it


def test_sign_in_offers_the_last_user_name_only_when_the_owner_turns_it_on(qtbot, demo_db, now, tmp_path):
    controller = make_controller(qtbot, demo_db, now, tmp_path)
    form = controller.sign_in.ui
    window = sign_in(qtbot, controller, "alex.morgan")
    click(qtbot, window.findChild(QWidget, "signOutButton"))
    assert form.username.text() == ""
    assert controller.settings.get("session/last_username") == ""  # not even remembered

    # The owner turns it on from Account → Sign-in and locking…
    window = sign_in(qtbot, controller, "dr.rivera")
    action = window.findChild(type(window.actions_.sign_out), "actionSessionPolicy")
    assert action is not None
    action.trigger()
    qtbot.waitUntil(window.ctx.reads.is_idle)  # the policy is read before its dialog opens
    dialog = next(w for w in QApplication.topLevelWidgets() if w.objectName() == "SessionSettingsDialog")
    assert not dialog.ui.offerLastUsername.isChecked()
    click(qtbot, dialog.ui.offerLastUsername)
    click(qtbot, dialog.ui.buttons.button(dialog.ui.buttons.StandardButton.Save))
    wait_ops(qtbot, controller)
    assert not dialog.isVisible()
    assert session_policy().offer_last_username
    click(qtbot, window.findChild(QWidget, "signOutButton"))

    window = sign_in(qtbot, controller, "alex.morgan")
    click(qtbot, window.findChild(QWidget, "signOutButton"))
    assert form.username.text() == "alex.morgan"
    restarted = make_controller(qtbot, demo_db, now, tmp_path)  # the same workstation's settings
    restarted.start()
    assert restarted.sign_in.ui.username.text() == "alex.morgan"

    # Turned off again (from any workstation): not offered, and forgotten at the next sign-in.
    _owner_sets(now, 15, False)
    restarted.start()
    assert restarted.sign_in.ui.username.text() == ""
    sign_in(qtbot, restarted, "support")
    assert restarted.settings.get("session/last_username") == ""


def test_the_owner_sets_the_lock_timeout_within_5_to_30_minutes(qtbot, demo_db, now, tmp_path):
    controller = make_controller(qtbot, demo_db, now, tmp_path)
    window = sign_in(qtbot, controller, "dr.rivera")
    window.open_session_settings()
    qtbot.waitUntil(window.ctx.reads.is_idle)
    dialog = window.session_settings
    spin = dialog.ui.lockAfter
    assert (spin.minimum(), spin.maximum(), spin.value()) == (5, 30, 15)
    spin.selectAll()
    qtbot.keyClicks(spin, "45")
    assert spin.value() != 45
    spin.setValue(31)
    assert spin.value() == 30
    spin.setValue(4)
    assert spin.value() == 5
    spin.setValue(7)
    click(qtbot, dialog.ui.buttons.button(dialog.ui.buttons.StandardButton.Save))
    wait_ops(qtbot, controller)
    assert session_policy().lock_after_minutes == 7
    click(qtbot, window.findChild(QWidget, "signOutButton"))
    sign_in(qtbot, controller, "alex.morgan")
    assert controller.idle.minutes == 7  # every workstation's next sign-in follows it


def test_only_the_owner_has_sign_in_and_locking(qtbot, demo_db, now, tmp_path):
    controller = make_controller(qtbot, demo_db, now, tmp_path)
    for username in ("dr.chen", "alex.morgan", "support"):
        window = sign_in(qtbot, controller, username)
        assert window.findChild(type(window.actions_.sign_out), "actionSessionPolicy") is None
        click(qtbot, window.findChild(QWidget, "signOutButton"))


def test_a_window_that_opens_while_locked_is_covered_too(qtbot, demo_db, now, tmp_path):
    controller = make_controller(qtbot, demo_db, now, tmp_path)
    window = sign_in(qtbot, controller, "dr.rivera")
    controller.idle.idle.emit()
    box = show_error(window, "Changed on another workstation.")  # e.g. an answer from the runner
    assert box.isVisible()
    assert any(c.parentWidget() is box for c in _covers())
    assert controller.lock.screen.isVisible()
    _unlock_with(qtbot, controller, "demo-password")
    assert not _covers() and box.isVisible()
    box.close()


def test_the_sign_in_window_shows_the_wait_after_repeated_wrong_passwords(qtbot, demo_db, now, tmp_path):
    controller = make_controller(qtbot, demo_db, now, tmp_path)
    for _ in range(FREE_FAILURES):
        form = type_credentials(qtbot, controller, "nobody.here", "wrong-password")
        assert "do not match" in form.message.text() and "Too many" not in form.message.text()
    form = type_credentials(qtbot, controller, "nobody.here", "wrong-password")
    assert form.message.text().endswith("Too many attempts for this user name: try again in 30 seconds.")
    assert form.signInButton.isEnabled() and controller.window is None  # told, not left hanging
    form = type_credentials(qtbot, controller, "nobody.here", "wrong-password")
    assert form.message.text() == "Too many attempts for this user name: try again in 30 seconds."
    assert sign_in(qtbot, controller, "alex.morgan") is controller.window  # another name is not held up
