"""The application shell driven as a person would: sign in, first run, sign out (idle: test_gui_lock)."""

from __future__ import annotations

import threading
from datetime import UTC, datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QPushButton

from desktop.gui.app import open_target
from desktop.gui.client.portal import ClientPortal
from desktop.gui.clock import FixedClock
from desktop.gui.provider.workspace import ProviderWorkspace
from desktop.gui.support.desk import SupportDesk
from desktop.services.practice import close_practice_database, practice_details
from desktop.store.db import Opened, open_database
from desktop.store.models import AuditEvent, Practice, User
from tests.guikit import click, make_controller, quitting_application, sign_in, type_credentials, wait_ops


def test_each_role_gets_its_own_window_with_navigation(qtbot, demo_db: Opened, now, tmp_path):
    controller = make_controller(qtbot, demo_db, now, tmp_path)
    cases = [
        ("alex.morgan", ClientPortal, ["Dashboard", "Appointments", "Book", "Messages", "Billing"]),
        ("dr.rivera", ProviderWorkspace, ["Calendar", "Urgent", "Requests", "Messages", "Disputes", "Booking page",
                                         "Practice calendar", "People", "Reports"]),
        ("dr.chen", ProviderWorkspace, ["Calendar", "Urgent", "Requests", "Messages", "Disputes", "Booking page"]),
        ("support", SupportDesk, None),
    ]
    for username, window_type, nav in cases:
        window = sign_in(qtbot, controller, username)
        assert isinstance(window, window_type)
        assert controller.sign_in.isHidden()
        titles = [window.nav.item(i).text() for i in range(window.nav.count())]
        if nav is not None:
            assert titles == nav
        # Every navigation entry shows its page.
        for row in range(window.nav.count()):
            window.nav.setCurrentRow(row)
            assert window.stack.currentIndex() == row
        click(qtbot, window.findChild(QPushButton, "signOutButton"))
        wait_ops(qtbot, controller)
        assert controller.window is None
        assert controller.sign_in.isVisible()


def test_wrong_password_says_so_and_stays_signed_out(qtbot, demo_db, now, tmp_path):
    controller = make_controller(qtbot, demo_db, now, tmp_path)
    controller.start()
    form = controller.sign_in.ui
    qtbot.keyClicks(form.username, "alex.morgan")
    qtbot.keyClicks(form.password, "not-the-password")
    qtbot.keyClick(form.password, Qt.Key.Key_Return)
    wait_ops(qtbot, controller)  # sign-in runs on the write runner
    assert controller.window is None
    assert "do not match" in form.message.text()
    assert form.password.text() == ""
    # The same message for a user that does not exist: accounts are not revealed.
    qtbot.keyClicks(form.username, "x")
    qtbot.keyClicks(form.password, "whatever-else")
    qtbot.keyClick(form.password, Qt.Key.Key_Return)
    wait_ops(qtbot, controller)
    assert "do not match" in form.message.text()


def test_deactivated_account_cannot_sign_in(qtbot, demo_db, now, tmp_path):
    User.update(active=False).where(User.username == "alex.morgan").execute()
    controller = make_controller(qtbot, demo_db, now, tmp_path)
    form = type_credentials(qtbot, controller, "alex.morgan")
    assert controller.window is None
    assert "deactivated" in form.message.text()


def test_first_run_creates_the_practice_and_signs_the_owner_in(qtbot, db: Opened, now, tmp_path):
    controller = make_controller(qtbot, db, now, tmp_path)
    controller.start()
    dialog = controller.first_run
    assert dialog is not None and dialog.isVisible()
    qtbot.addWidget(dialog)
    ui = dialog.ui
    qtbot.keyClicks(ui.practiceName, "Harbour Therapy")
    ui.timeZone.setCurrentText("Europe/London")
    qtbot.keyClicks(ui.ownerName, "Ruth Adeyemi")
    qtbot.keyClicks(ui.username, "ruth")
    qtbot.keyClicks(ui.password, "harbour-2026")
    qtbot.keyClicks(ui.confirm, "harbour-2027")
    ok = ui.buttons.button(ui.buttons.StandardButton.Ok)
    click(qtbot, ok)
    assert "differ" in ui.message.text()
    assert not Practice.select().exists()
    ui.confirm.clear()
    qtbot.keyClicks(ui.confirm, "harbour-2026")
    click(qtbot, ok)
    qtbot.waitUntil(lambda: controller.window is not None)
    assert isinstance(controller.window, ProviderWorkspace)
    assert controller.window.ctx.actor.is_owner
    assert Practice.get().name == "Harbour Therapy"
    assert User.get(User.username == "ruth").time_zone == "Europe/London"
    wait_ops(qtbot, controller)


def test_first_password_must_be_changed(qtbot, demo_db, now, tmp_path):
    User.update(must_change_password=True).where(User.username == "alex.morgan").execute()
    controller = make_controller(qtbot, demo_db, now, tmp_path)
    type_credentials(qtbot, controller, "alex.morgan")
    assert controller.window is None
    dialog = controller.sign_in.findChild(QDialog, "requiredPasswordChange")
    assert dialog is not None and dialog.isVisible()
    ok = dialog.ui.buttons.button(dialog.ui.buttons.StandardButton.Ok)
    qtbot.keyClicks(dialog.ui.current, "not-my-password")
    qtbot.keyClicks(dialog.ui.newPassword, "a-new-secret")
    qtbot.keyClicks(dialog.ui.confirm, "a-new-secret")
    click(qtbot, ok)
    wait_ops(qtbot, controller)  # the change runs on the write runner; the refusal comes back
    assert "not right" in dialog.ui.message.text()
    assert dialog.isVisible() and controller.window is None
    dialog.ui.current.clear()
    qtbot.keyClicks(dialog.ui.current, "demo-password")
    click(qtbot, ok)
    qtbot.waitUntil(lambda: controller.window is not None)
    assert not User.get(User.username == "alex.morgan").must_change_password
    wait_ops(qtbot, controller)


def test_sign_in_runs_on_the_write_runner_one_attempt_at_a_time(qtbot, demo_db, now, tmp_path):
    controller = make_controller(qtbot, demo_db, now, tmp_path)
    controller.start()
    before = AuditEvent.select().where(AuditEvent.action == "sign_in").count()
    gate = threading.Event()
    controller.ops.run(gate.wait)  # the one worker is busy: the sign-in waits in its queue
    form = controller.sign_in.ui
    form.username.clear()
    qtbot.keyClicks(form.username, "support")
    qtbot.keyClicks(form.password, "demo-password")
    qtbot.keyClick(form.password, Qt.Key.Key_Return)
    assert not form.signInButton.isEnabled()
    assert "Signing in" in form.message.text()
    qtbot.keyClick(form.password, Qt.Key.Key_Return)  # pressed again while it is checked
    assert controller.ops.pending == 2  # the gate and one sign-in, not two
    gate.set()
    qtbot.waitUntil(lambda: controller.window is not None)
    wait_ops(qtbot, controller)
    assert isinstance(controller.window, SupportDesk)
    assert form.signInButton.isEnabled()
    assert AuditEvent.select().where(AuditEvent.action == "sign_in").count() == before + 1


def test_sign_in_is_audited(qtbot, demo_db, now, tmp_path):
    controller = make_controller(qtbot, demo_db, now, tmp_path)
    before = AuditEvent.select().where(AuditEvent.action == "sign_in").count()
    sign_in(qtbot, controller, "support")
    assert AuditEvent.select().where(AuditEvent.action == "sign_in").count() == before + 1


def test_demo_is_built_once_then_reopened(tmp_path, now):
    path = tmp_path / "demo.db"
    clock = FixedClock(now)
    assert open_target(str(path), demo=True, clock=clock) == str(path)
    assert practice_details() is not None
    count = User.select().count()
    close_practice_database()
    open_target(str(path), demo=True, clock=FixedClock(datetime(2027, 1, 1, tzinfo=now.tzinfo)))
    assert User.select().count() == count
    close_practice_database()


def test_database_that_cannot_be_opened_is_explained_and_left_alone(tmp_path):
    from desktop.store.db import DatabaseOpenError

    path = tmp_path / "notes.db"
    path.write_bytes(b"my important notes, not a database\n" * 10)
    before = path.read_bytes()
    try:
        open_database(path)
    except DatabaseOpenError as exc:
        assert "not a Practice Desk database" in str(exc)
    else:
        raise AssertionError("a text file was opened as a database")
    assert path.read_bytes() == before


def test_owner_backs_up_with_progress_and_the_copy_opens(qtbot, demo_db, now, tmp_path):
    controller = make_controller(qtbot, demo_db, now, tmp_path)
    window = sign_in(qtbot, controller, "dr.rivera")
    target = tmp_path / "backup" / "copy.db"
    target.parent.mkdir()
    window.backup.start(target)
    assert window.backup.dialog is not None  # progress shown while it copies
    wait_ops(qtbot, controller)
    assert window.backup.dialog is None
    assert "Backup saved" in window.statusBar().currentMessage()
    import sqlite3

    copy = sqlite3.connect(target)
    assert copy.execute("SELECT COUNT(*) FROM appointment").fetchone()[0] == demo_db.db.execute_sql(
        "SELECT COUNT(*) FROM appointment").fetchone()[0]
    copy.close()
    assert not (target.parent / "copy.db.partial").exists()


def test_backup_is_for_the_owner_only(demo_db, now, tmp_path):
    import pytest

    from desktop.services import maintenance
    from desktop.services.auth import sign_in as service_sign_in
    from desktop.services.errors import NotAllowed

    for username in ("dr.chen", "alex.morgan", "support"):
        actor = service_sign_in(username, "demo-password", now=now)
        with pytest.raises(NotAllowed):
            maintenance.backup_database(actor, tmp_path / f"{username}.db", now=now)
        assert not (tmp_path / f"{username}.db").exists()


def test_non_owner_has_no_backup_action(qtbot, demo_db, now, tmp_path):
    controller = make_controller(qtbot, demo_db, now, tmp_path)
    window = sign_in(qtbot, controller, "dr.chen")
    assert not hasattr(window, "backup")


def test_data_folder_is_named_once_and_can_be_moved(qapp, tmp_path, monkeypatch):
    from desktop.gui.app import make_application
    from desktop.gui.paths import HOME_ENV, data_dir, default_database

    make_application()
    monkeypatch.delenv(HOME_ENV, raising=False)
    monkeypatch.delenv("PRACTICE_DESK_DATABASE", raising=False)
    from PySide6.QtCore import QStandardPaths

    QStandardPaths.setTestModeEnabled(True)  # Qt's own test location, not the real profile
    try:
        path = data_dir()
        assert path.name == "Practice Desk" and path.parent.name != "Practice Desk"
    finally:
        QStandardPaths.setTestModeEnabled(False)
    monkeypatch.setenv(HOME_ENV, str(tmp_path / "elsewhere"))
    assert data_dir() == tmp_path / "elsewhere"
    assert default_database() == str(tmp_path / "elsewhere" / "practice-desk.db")


def test_every_role_window_fits_a_1366_pixel_laptop_screen(qtbot, demo_db, now, tmp_path):
    """Small practices run on laptops: no page may make its window wider than 1280 px
    (a 1366-px screen less the window frame), nor taller than 700."""
    controller = make_controller(qtbot, demo_db, now, tmp_path)
    for username in ("alex.morgan", "dr.rivera", "support"):
        window = sign_in(qtbot, controller, username)
        for key in window.pages:
            window.go_to(key)
        hint = window.minimumSizeHint()
        assert hint.width() <= 1280 and hint.height() <= 700, (username, hint.toTuple())
        controller.sign_out()
        wait_ops(qtbot, controller)


def test_the_window_opens_as_it_was_left(qtbot, demo_db, now, tmp_path):
    # Nothing remembered: maximized. Afterwards the remembered geometry, maximized or not
    # (tests/test_gui_window_size.py checks the remembered size and place).
    controller = make_controller(qtbot, demo_db, now, tmp_path)
    window = sign_in(qtbot, controller, "dr.rivera")
    assert window.isMaximized()
    window.showNormal()
    qtbot.waitUntil(lambda: not window.isMaximized())
    click(qtbot, window.findChild(QPushButton, "signOutButton"))
    wait_ops(qtbot, controller)
    assert controller.settings.get("window/geometry")
    window = sign_in(qtbot, controller, "alex.morgan")  # one workstation, one remembered window
    assert not window.isMaximized()
    window.showMaximized()
    qtbot.waitUntil(window.isMaximized)
    controller.shutdown()  # quitting remembers it too
    reopened = make_controller(qtbot, demo_db, now, tmp_path)  # the same settings file
    assert sign_in(qtbot, reopened, "support").isMaximized()


def test_a_file_damaged_past_its_header_is_found_after_the_first_paint_and_nothing_is_written(qtbot, tmp_path,
                                                                                              monkeypatch):
    """Start-up checks the header and schema before the window, the whole file after it is
    painted, on the write runner, so that a sign-in waits behind the check; a damaged file is
    named, the application quits, and the file is left byte for byte as it was."""
    from PySide6.QtCore import QSettings

    from desktop.gui.session import SessionController
    from desktop.gui.settings import Settings
    from tests.dbfiles import make_damaged_inside, snapshot

    folder = tmp_path / "data"
    path = make_damaged_inside(folder)
    before = snapshot(folder)
    app, shown, exits = quitting_application(monkeypatch)
    clock = FixedClock(datetime(2026, 11, 24, 15, tzinfo=UTC))
    location = open_target(str(path), demo=False, clock=clock, check_pages=False)  # header and schema: fine
    try:
        settings = Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
        controller = SessionController(app, location, clock, settings)
        qtbot.addWidget(controller.sign_in, before_close_func=lambda _w: controller.shutdown())
        controller.start()
        controller.check_file_and_back_up(keep=14)
        qtbot.waitUntil(lambda: exits == [2], timeout=10000)
        assert shown and "damaged" in shown[0][1] and "backup" in shown[0][1].lower()
        assert controller.file_problem
        assert not (folder / "backups").exists()  # no daily copy of a damaged file
    finally:
        close_practice_database()
    after = snapshot(folder)
    assert after["practice.db"] == before["practice.db"]
