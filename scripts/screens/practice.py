"""Drive the owner's Practice calendar (dr.rivera on the demo, provider01 on the reference
practice) into the README's states: every provider's day, week and month, and one provider.
Each returns the widget to capture."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from desktop.gui.widgets.calendar import CalendarMode

from .settle import settle


def _practice(window, mode: CalendarMode, provider_id: int | None = None) -> QWidget:
    page = window.go_to("practice")
    settle(window)  # the providers
    page.choose_provider(provider_id)
    page.go_today()
    page.mode_buttons[mode].click()
    settle(window)  # the period's rows
    rows = [r for r in page.rows if r.start >= window.ctx.now()]
    if rows:  # say one appointment's detail under the grid
        page._select(rows[0].id)
    settle(window)
    return window


def show_day(window) -> QWidget:
    return _practice(window, CalendarMode.DAY)


def show_week(window) -> QWidget:
    return _practice(window, CalendarMode.WEEK)


def show_month(window) -> QWidget:
    return _practice(window, CalendarMode.MONTH)


def show_one_provider_month(window) -> QWidget:
    """The month of the second provider in the list (the filter in use)."""
    page = window.go_to("practice")
    settle(window)
    second = page.providers[1].id if len(page.providers) > 1 else None
    return _practice(window, CalendarMode.MONTH, second)
