"""Drive a signed-in ProviderWorkspace (dr.rivera on the demo) into the states the
README shows. Each returns the widget to capture."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from desktop.gui.widgets.calendar import CalendarMode

from .settle import settle


def _calendar(window, mode: CalendarMode) -> QWidget:
    page = window.go_to("calendar")
    settle(window)
    page.calendar.go_today()
    page.calendar.mode_buttons[mode].click()
    settle(window)  # the period's rows
    rows = [r for r in page.calendar.rows if r.start >= window.ctx.now()]
    if rows:  # show an appointment's detail beside the calendar
        page.calendar._select(rows[0].id)
    settle(window)
    return window


def show_week(window) -> QWidget:
    return _calendar(window, CalendarMode.WEEK)


def show_month(window) -> QWidget:
    return _calendar(window, CalendarMode.MONTH)


def show_requests(window) -> QWidget:
    """The late-cancellation inbox. On the demo jordan.lee's pending request is with dr.chen;
    for dr.rivera (no pending request) decided ones are listed too so the inbox is not empty."""
    page = window.go_to("requests")
    settle(window)
    if not page.model.rows:
        page.show_all.setChecked(True)
    settle(window)
    return window


def show_urgent(window) -> QWidget:
    """Urgent: the client who asked to be contacted (after the client's crisis shot)."""
    window.go_to("urgent")
    settle(window)
    return window


def show_server_gone(window) -> QWidget:
    """The week with the practice server gone: the banner in the state the live updates put it in
    when the listener's connection drops and a write is refused meanwhile (the same calls they make;
    tests/test_gui_server_gone.py gets there by stopping a real server), and the clock strip."""
    from datetime import timedelta

    from desktop.gui.live import clock_notice
    from desktop.services.errors import DatabaseUnavailable
    from desktop.services.live import UNREACHABLE, UNREACHABLE_REFUSAL

    page = _calendar(window, CalendarMode.WEEK)
    window.banners.show_unreachable(DatabaseUnavailable(UNREACHABLE))
    window.banners.show_unreachable(DatabaseUnavailable(UNREACHABLE_REFUSAL))
    window.banners.show_clock(clock_notice(timedelta(minutes=3)))
    settle(window)
    return page
