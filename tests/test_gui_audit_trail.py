"""Account → Verify audit trail… in the owner's window: intact, or the first tampered event named."""

from __future__ import annotations

from PySide6.QtGui import QAction

from desktop.store.models import AuditEvent, database
from tests.guikit import make_controller, message_boxes, sign_in, wait_ops


def _verify_action(window) -> QAction:
    menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Account")
    return next(a for a in menu.actions() if a.objectName() == "actionVerifyAudit")


def test_the_owner_verifies_the_trail_from_the_account_menu(qtbot, demo_db, now, tmp_path):
    controller = make_controller(qtbot, demo_db, now, tmp_path)
    window = sign_in(qtbot, controller, "dr.rivera")
    action = _verify_action(window)
    assert action.text() == "&Verify audit trail…" and action.isEnabled()

    with qtbot.waitSignal(window.audit_check.reported) as intact:
        action.trigger()
    assert intact.args[0].ok
    box = window.audit_check.box
    assert box.isVisible() and box.windowTitle() == "Audit trail intact"
    assert f"{AuditEvent.select().count()} events" in box.text()
    box.accept()

    victim = AuditEvent.select().order_by(AuditEvent.id).first()
    database.execute_sql(f"UPDATE audit_event SET action = 'forged' WHERE id = {victim.id}")
    with qtbot.waitSignal(window.audit_check.reported):
        action.trigger()
    wait_ops(qtbot, controller)
    box = window.audit_check.box
    assert box in message_boxes()
    assert box.windowTitle() == "Audit trail tampered with"
    assert f"Audit event #{victim.id} (forged" in box.text() and "was altered" in box.text()
    box.accept()


def test_other_windows_have_no_verify_item(qtbot, demo_db, now, tmp_path):
    controller = make_controller(qtbot, demo_db, now, tmp_path)
    window = sign_in(qtbot, controller, "dr.chen")
    menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Account")
    assert "actionVerifyAudit" not in [a.objectName() for a in menu.actions()]
    assert not hasattr(window, "audit_check")
