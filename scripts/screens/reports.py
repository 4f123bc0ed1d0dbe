"""Drive the owner's Reports (dr.rivera on the demo) into the README's state: the months the demo
practice has history for, every provider. Returns the widget to capture."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QWidget

from .settle import settle

MONTHS = 4  # the demo practice holds about three months of history


def show_reports(window) -> QWidget:
    page = window.go_to("reports")
    settle(window)
    today = window.ctx.now().astimezone(ZoneInfo(window.ctx.actor.time_zone)).date()
    first = QDate(today.year, today.month, 1).addMonths(-(MONTHS - 1))
    page.months_spin.setValue(MONTHS)
    page.from_edit.setDate(first)
    settle(window)
    return window
