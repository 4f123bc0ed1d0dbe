"""The README screenshot helpers put the workspace into the documented states."""

from __future__ import annotations

from guikit import make_controller, sign_in

from desktop.gui.provider import screens


def test_screens_helpers(qtbot, demo_db, now, tmp_path):
    controller = make_controller(qtbot, demo_db, now, tmp_path)
    window = sign_in(qtbot, controller, "dr.rivera")
    shot = screens.show_week(window)
    page = window.pages["calendar"]
    assert shot is window and page.calendar.mode.value == "week" and page.detail is not None
    assert not shot.grab().isNull()
    screens.show_month(window)
    assert page.calendar.title_label.text() == "November 2026"
    screens.show_requests(window)
    assert window.current_page() is window.pages["requests"]
