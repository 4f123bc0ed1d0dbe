"""Screens for the README screenshot script: put a role window in a telling state."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from .settle import settle


def show_billing(client_window) -> QWidget:
    """The client portal on Billing, with a disputed (else the first) fee selected and its history shown."""
    page = client_window.go_to("billing")
    page.refresh_now()
    settle(client_window)
    rows = page.model.rows
    target = next((r for r in rows if r.disputed), rows[0] if rows else None)
    if target is not None:
        page.select_charge(target.id)
    settle(client_window)
    return client_window


def show_support_desk(support_window) -> QWidget:
    """The Support desk's fee-request queue with the first request selected and its detail visible."""
    page = support_window.go_to("queue")
    page.refresh_now()
    settle(support_window)
    if page.model.rowCount() == 0:  # nothing pending: show every request instead
        page.status_filter.setCurrentIndex(page.status_filter.count() - 1)
        settle(support_window)
    if page.model.rowCount():
        page.table.selectRow(0)
    settle(support_window)
    return support_window
