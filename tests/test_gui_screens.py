"""The README's screenshot drivers (scripts/screens/) put the real windows into the
documented states, so scripts/screenshots.py keeps working."""

from __future__ import annotations

from PySide6.QtWidgets import QPushButton

from scripts.screens import client as client_screens
from scripts.screens import dark as dark_screens
from scripts.screens import practice as practice_screens
from scripts.screens import provider as provider_screens
from scripts.screens import reports as reports_screens
from scripts.screens import support as support_screens
from tests.guikit import click, make_controller, sign_in, wait_ops


def test_provider_drivers(qtbot, demo_db, now, tmp_path):
    controller = make_controller(qtbot, demo_db, now, tmp_path)
    window = sign_in(qtbot, controller, "dr.rivera")
    shot = provider_screens.show_week(window)
    page = window.pages["calendar"]
    assert shot is window and page.calendar.mode.value == "week" and page.detail is not None
    assert not shot.grab().isNull()
    provider_screens.show_month(window)
    assert page.calendar.title_label.text() == "November 2026"
    provider_screens.show_requests(window)
    assert window.current_page() is window.pages["requests"]
    assert provider_screens.show_urgent(window) is window and window.current_page() is window.pages["urgent"]
    provider_screens.show_server_gone(window)
    assert window.banners.server.isVisible() and window.banners.refusal.text().startswith("Not saved")
    assert "3 minutes behind" in window.banners.clock_text.text()


def test_dark_driver(qtbot, demo_db, now, tmp_path):
    from desktop.gui.theme import current_scheme

    controller = make_controller(qtbot, demo_db, now, tmp_path)
    window = sign_in(qtbot, controller, "dr.rivera")
    try:
        assert dark_screens.show_week_dark(window) is window and current_scheme() == "dark"
        assert window.pages["calendar"].calendar.mode.value == "week"
    finally:
        dark_screens.light()
    assert current_scheme() == "light"


def test_practice_calendar_drivers(qtbot, demo_db, now, tmp_path):
    controller = make_controller(qtbot, demo_db, now, tmp_path)
    window = sign_in(qtbot, controller, "dr.rivera")
    page = window.pages["practice"]
    assert practice_screens.show_day(window) is window and window.current_page() is page
    assert page.mode.value == "day" and len(page.grid.providers) == 3 and page.grid.boxes()
    assert not window.grab().isNull()
    practice_screens.show_week(window)
    assert page.mode.value == "week" and page.grid.boxes()
    practice_screens.show_month(window)
    assert page.mode.value == "month" and page.grid.boxes()
    practice_screens.show_one_provider_month(window)
    assert [p.id for p in page.grid.providers] == [page.providers[1].id]
    assert page.rows and {r.provider_id for r in page.rows} == {page.providers[1].id}


def test_reports_driver(qtbot, demo_db, now, tmp_path):
    controller = make_controller(qtbot, demo_db, now, tmp_path)
    window = sign_in(qtbot, controller, "dr.rivera")
    assert reports_screens.show_reports(window) is window
    page = window.pages["reports"]
    assert window.current_page() is page and len(page.report.months) == reports_screens.MONTHS
    assert sum(a.booked for a in page.report.attendance) > 0 and not window.grab().isNull()


def test_waitlist_driver(qtbot, demo_db, now, tmp_path):
    controller = make_controller(qtbot, demo_db, now, tmp_path)
    window = sign_in(qtbot, controller, "alex.morgan")
    assert client_screens.show_waitlist_offer(window) is window
    assert window.pages["dashboard"].offers.isVisible() and window.pages["dashboard"].offers.offers


def test_reminder_driver(qtbot, demo_db, now, tmp_path):
    controller = make_controller(qtbot, demo_db, now, tmp_path)
    window = sign_in(qtbot, controller, "marlow.zimmer")
    assert client_screens.show_reminder(window) is window
    assert window.reminder_strip.isVisible() and "free until" in window.reminder_strip.text.text()


def test_join_video_driver(qtbot, demo_db, now, tmp_path):
    controller = make_controller(qtbot, demo_db, now, tmp_path)
    window = sign_in(qtbot, controller, "alex.morgan")
    assert client_screens.show_join_video(window) is window
    assert window.current_page().join_button.isVisible()


def test_client_drivers(qtbot, demo_db, now, tmp_path):
    controller = make_controller(qtbot, demo_db, now, tmp_path)
    window = sign_in(qtbot, controller, "alex.morgan")
    dialog = client_screens.show_cancel_dialog_with_followup(window)
    assert dialog.isVisible() and dialog.form.shown_resources
    dialog.reject()
    options = client_screens.show_blocked_state(window)
    assert options.isVisible() and options.blocked is not None
    options.reject()
    confirm = client_screens.show_confirm_one(window)
    assert confirm.stack.currentWidget() is confirm.confirm_one and confirm.confirm_one.confirm_button.isVisible()
    confirmation = client_screens.show_confirmation(window)
    assert confirmation.stack.currentWidget() is confirmation.confirmation
    confirmation.close()
    assert client_screens.show_booking_page(window) is window
    assert window.current_page() is window.pages["book"]
    review = client_screens.show_booking_review(window)
    assert review.isVisible() and review.terms.inside_window  # the first free time is within 24 hours
    review.reject()
    crisis = client_screens.show_crisis_confirmation(window)
    assert "would like to be contacted" in crisis.confirmation.ui.confirmationText.text()
    crisis.close()


def test_billing_and_support_drivers(qtbot, demo_db, now, tmp_path):
    controller = make_controller(qtbot, demo_db, now, tmp_path)
    window = sign_in(qtbot, controller, "alex.morgan")
    assert support_screens.show_billing(window) is window
    assert window.pages["billing"].history.toPlainText()
    click(qtbot, window.findChild(QPushButton, "signOutButton"))
    wait_ops(qtbot, controller)
    window = sign_in(qtbot, controller, "support")
    assert support_screens.show_support_desk(window) is window
    queue = window.pages["queue"]
    assert queue.detail is not None and queue.ui.detail_proposal.isVisible()
