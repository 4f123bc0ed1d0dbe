"""The owner's Account menu: Back up database… (progress, Cancel) and Restore from backup…
driven on a real database file. The two file dialogs and the confirmation are seams
(classmethods returning plain values), replaced here; what they lead to is not."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QProgressDialog, QPushButton

from desktop.gui.backup import BackupController
from desktop.gui.restore import RestoreController
from desktop.services import maintenance
from desktop.store.db import close_database, open_database
from desktop.store.demo import build_demo
from desktop.store.models import AuditEvent, Practice, database
from tests.guikit import make_controller, message_boxes, sign_in, wait_ops
from tests.postgres import pg_url  # noqa: F401  (fixture)


def trigger(qtbot, window, name: str) -> None:
    """Choose the menu action, then wait for the read it starts (the owner's backup plan)."""
    action = window.findChild(QAction, name)
    assert action is not None and action.isEnabled(), name
    reads = window.ctx.reads
    action.trigger()
    qtbot.waitUntil(reads.is_idle)


def count(path: Path, sql: str) -> int:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return conn.execute(sql).fetchone()[0]
    finally:
        conn.close()


def test_back_up_from_the_menu_with_progress(qtbot, demo_db, now, tmp_path, monkeypatch):
    target = tmp_path / "chosen" / "copy.db"
    target.parent.mkdir()
    asked = []
    monkeypatch.setattr(BackupController, "choose_destination",
                        classmethod(lambda cls, parent, suggested: asked.append(suggested) or target))
    controller = make_controller(qtbot, demo_db, now, tmp_path)
    window = sign_in(qtbot, controller, "dr.rivera")
    trigger(qtbot, window, "actionBackup")
    assert asked and asked[0].name == "practice-desk-backup-2026-11-24.db"
    dialog = window.findChild(QProgressDialog, "backupProgress")
    assert dialog is not None and dialog.findChild(QPushButton).text() == "Cancel"
    wait_ops(qtbot, controller)
    assert window.backup.dialog is None
    assert "Backup saved" in window.statusBar().currentMessage()
    assert count(target, "SELECT COUNT(*) FROM appointment") == count(
        Path(demo_db.location), "SELECT COUNT(*) FROM appointment")


def test_cancel_in_the_progress_dialog_leaves_no_file(qtbot, demo_db, now, tmp_path):
    with database.atomic():  # ~30 MB, so the copy takes long enough to be cancelled
        database.execute_sql("CREATE TABLE padding (x BLOB)")
        database.execute_sql("INSERT INTO padding SELECT randomblob(4000) FROM (WITH RECURSIVE r(i) AS "
                             "(SELECT 1 UNION ALL SELECT i + 1 FROM r WHERE i < 7500) SELECT i FROM r)")
    controller = make_controller(qtbot, demo_db, now, tmp_path)
    window = sign_in(qtbot, controller, "dr.rivera")
    target = tmp_path / "out" / "copy.db"
    target.parent.mkdir()
    window.backup.start(target)
    dialog = window.backup.dialog
    qtbot.waitUntil(lambda: dialog.value() > 0, timeout=5000)  # it is copying
    qtbot.mouseClick(dialog.findChild(QPushButton), Qt.MouseButton.LeftButton)
    wait_ops(qtbot, controller)
    assert "Backup cancelled" in window.statusBar().currentMessage()
    assert list(target.parent.iterdir()) == []


@pytest.mark.postgres
def test_on_a_server_back_up_explains_pg_dump(qtbot, pg_url, now, tmp_path, monkeypatch):  # noqa: F811
    opened = open_database(pg_url)
    try:
        build_demo(now)
        monkeypatch.setattr(BackupController, "choose_destination",
                            classmethod(lambda *a: pytest.fail("no file to choose on a server")))
        controller = make_controller(qtbot, opened, now, tmp_path)
        window = sign_in(qtbot, controller, "dr.rivera")
        trigger(qtbot, window, "actionBackup")
        box = window.backup.explanation
        assert box is not None and box.isVisible() and "pg_dump" in box.text() and "pg_restore" in box.text()
        assert not [b for b in message_boxes() if b.objectName() == "errorBox"]
        box.accept()
        trigger(qtbot, window, "actionRestore")
        assert "pg_restore" in window.restore.explanation.text()
        window.restore.explanation.accept()
    finally:
        close_database()


@pytest.fixture
def saved_backup(demo_db, now, tmp_path) -> Path:
    """A backup of the demo practice; the practice is renamed after it."""
    from desktop.services.auth import sign_in as service_sign_in

    backup = tmp_path / "saved" / "monday.db"
    backup.parent.mkdir()
    maintenance.backup_database(service_sign_in("dr.rivera", "demo-password", now=now), backup, now=now)
    Practice.update(name="Renamed since").execute()
    return backup


def test_restore_from_the_menu_signs_out_to_the_restored_practice(qtbot, demo_db, saved_backup, now, tmp_path,
                                                                  monkeypatch):
    shown = []
    monkeypatch.setattr(RestoreController, "choose_file", classmethod(lambda cls, parent, folder: saved_backup))
    monkeypatch.setattr(RestoreController, "confirm",
                        classmethod(lambda cls, parent, facts, zone: shown.append(facts) or True))
    controller = make_controller(qtbot, demo_db, now, tmp_path)
    window = sign_in(qtbot, controller, "dr.rivera")
    assert window.ctx.practice_name == "Renamed since"
    trigger(qtbot, window, "actionRestore")
    assert shown and shown[0].practice_name == demo_practice_name(saved_backup)
    assert controller.window is None and controller.sign_in.isVisible()
    message = controller.sign_in.ui.message.text()
    assert "Restored from" in message and str(saved_backup) in message and "before-restore" in message
    assert controller.sign_in.ui.practiceName.text() == shown[0].practice_name
    assert Practice.get().name == shown[0].practice_name  # the models read the restored file
    # Signing in again works on the restored database, and the restore is in its audit trail.
    window = sign_in(qtbot, controller, "dr.rivera")
    assert window.ctx.practice_name == shown[0].practice_name
    assert AuditEvent.select().where(AuditEvent.action == "restore").count() == 1


def demo_practice_name(backup: Path) -> str:
    conn = sqlite3.connect(f"file:{backup}?mode=ro", uri=True)
    try:
        return conn.execute("SELECT name FROM practice").fetchone()[0]
    finally:
        conn.close()


def test_a_file_that_is_not_a_backup_is_refused_and_the_session_goes_on(qtbot, demo_db, now, tmp_path,
                                                                        monkeypatch):
    notes = tmp_path / "notes.db"
    notes.write_text("shopping list")
    monkeypatch.setattr(RestoreController, "choose_file", classmethod(lambda cls, parent, folder: notes))
    monkeypatch.setattr(RestoreController, "confirm",
                        classmethod(lambda *a: pytest.fail("nothing to confirm for a refused file")))
    controller = make_controller(qtbot, demo_db, now, tmp_path)
    window = sign_in(qtbot, controller, "dr.rivera")
    trigger(qtbot, window, "actionRestore")
    errors = [b for b in message_boxes() if b.objectName() == "errorBox"]
    assert errors and "not an SQLite file" in errors[0].text()
    errors[0].accept()
    assert controller.window is window and notes.read_text() == "shopping list"


def test_only_the_owner_has_backup_and_restore(qtbot, demo_db, now, tmp_path):
    controller = make_controller(qtbot, demo_db, now, tmp_path)
    window = sign_in(qtbot, controller, "dr.chen")
    assert window.findChild(QAction, "actionRestore") is None and window.findChild(QAction, "actionBackup") is None


def test_signing_out_leaves_the_session_in_the_db_file_alone(qtbot, demo_db, now, tmp_path):
    controller = make_controller(qtbot, demo_db, now, tmp_path)
    before = count(Path(demo_db.location), "SELECT COUNT(*) FROM audit_event")
    window = sign_in(qtbot, controller, "dr.rivera")
    window.sign_out_requested.emit()
    alone = tmp_path / "alone" / "copy.db"
    alone.parent.mkdir()
    alone.write_bytes(Path(demo_db.location).read_bytes())  # without its -wal
    assert count(alone, "SELECT COUNT(*) FROM audit_event WHERE action = 'sign_in'") >= 1
    assert count(alone, "SELECT COUNT(*) FROM audit_event") > before
