"""A raw database error inside a write started from a real window reaches the person as a
message box in words (issue 10, item 2), and nothing is written: the client cancels from the
dashboard while the driver raises what a lost server, a read-only file, a full disk or a
deadlock that keeps happening would raise."""

from __future__ import annotations

import sqlite3
from datetime import timedelta

import peewee
import pytest

from desktop.store.models import Appointment, AppointmentStatus, Cancellation, database
from tests.dbfaults import pg
from tests.guikit import click, make_controller, message_boxes, sign_in, wait_ops

RAW = {
    "lost server": (pg(None, "server closed the connection unexpectedly"), "cannot be reached"),
    "read-only file": (peewee.OperationalError(sqlite3.OperationalError("attempt to write a readonly database")),
                       "read-only"),
    "disk full": (peewee.OperationalError(sqlite3.OperationalError("database or disk is full")), "is full"),
    "deadlock every time": (pg("40P01", "deadlock detected"), "try once more"),
}


@pytest.mark.parametrize("kind", sorted(RAW))
def test_a_raw_database_error_in_a_write_is_a_message_in_the_window(qtbot, demo_db, now, tmp_path,
                                                                  monkeypatch, kind):
    error, words = RAW[kind]
    controller = make_controller(qtbot, demo_db, now - timedelta(hours=5), tmp_path)
    portal = sign_in(qtbot, controller, "alex.morgan")
    dashboard = portal.go_to("dashboard")
    appt_id = dashboard.data.next.id
    click(qtbot, dashboard.edit_button)
    click(qtbot, dashboard.flows.options.cancel_button)
    dialog = dashboard.flows.cancel_dialog
    dialog.form.select_reason("schedule_conflict")

    real = database.obj.execute_sql

    def execute_sql(sql, params=None, *args, **kwargs):  # the driver fails on the write, on the worker thread
        if sql.lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE")):
            raise error
        return real(sql, params, *args, **kwargs)
    click(qtbot, dialog.form.confirm_button)  # Cancel, then confirm
    monkeypatch.setattr(database.obj, "execute_sql", execute_sql)
    click(qtbot, dialog.confirm_one.confirm_button)
    wait_ops(qtbot, controller)
    monkeypatch.delattr(database.obj, "execute_sql")

    texts = [box.text() for box in message_boxes()]
    if kind == "lost server":
        # The server gone is said once, in the window's banner (the refused write on its line), not in a box.
        refusal = portal.banners.refusal
        qtbot.waitUntil(refusal.isVisible)
        texts.append(refusal.text())
    assert any(words in t and "Nothing was saved" in t for t in texts), texts
    assert dialog.stack.currentWidget() is dialog.form  # still there to try again
    assert Appointment.get_by_id(appt_id).status == AppointmentStatus.SCHEDULED
    assert not Cancellation.select().where(Cancellation.appointment == appt_id).exists()
