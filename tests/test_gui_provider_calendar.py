"""The provider's calendar, driven through the real workspace on the demo practice."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt

from guikit import click, make_controller, sign_in, wait_ops
from desktop.store.models import Appointment, AppointmentStatus, Series


def _calendar_page(qtbot, demo_db, now, tmp_path, username="dr.rivera"):
    controller = make_controller(qtbot, demo_db, now, tmp_path)
    window = sign_in(qtbot, controller, username)
    page = window.go_to("calendar")
    qtbot.waitUntil(page.isVisible)
    return controller, window, page


def test_navigate_day_week_month(qtbot, demo_db, now, tmp_path):
    controller, window, page = _calendar_page(qtbot, demo_db, now, tmp_path)
    cal = page.calendar
    window.grab().save("/tmp/cal_week.png")
    assert cal.mode.value == "week"
    assert cal.title_label.text() == "23–29 November 2026"
    assert "America/New_York (EST)" in cal.zone_label.text()
    week_rows = list(cal.rows)
    assert week_rows and all(r.provider_name == "Dr. Maya Rivera" for r in week_rows)
    click(qtbot, cal.mode_buttons[cal.mode.MONTH])
    assert cal.title_label.text() == "November 2026"
    window.grab().save("/tmp/cal_month.png")
    click(qtbot, cal.next_button)
    assert cal.title_label.text() == "December 2026"
    click(qtbot, cal.today_button)
    assert cal.title_label.text() == "November 2026"
    cal.setFocus()
    qtbot.keyClick(cal, Qt.Key.Key_D)
    assert cal.title_label.text() == "Tuesday 24 November 2026"
    window.grab().save("/tmp/cal_day.png")
    qtbot.keyClick(cal, Qt.Key.Key_PageDown)
    assert cal.title_label.text() == "Wednesday 25 November 2026"
    qtbot.keyClick(cal, Qt.Key.Key_Left)
    qtbot.keyClick(cal, Qt.Key.Key_Left)
    assert cal.title_label.text() == "Monday 23 November 2026"
    qtbot.keyClick(cal, Qt.Key.Key_W)
    reads = cal.reads
    qtbot.keyClick(cal, Qt.Key.Key_Right)  # still the same week: no new read
    assert cal.reads == reads
    qtbot.keyClick(cal, Qt.Key.Key_PageUp)
    assert cal.title_label.text() == "16–22 November 2026"
    assert cal.reads == reads + 1
    qtbot.keyClick(cal, Qt.Key.Key_T)
    qtbot.keyClick(cal, Qt.Key.Key_M)
    assert cal.mode.value == "month"
