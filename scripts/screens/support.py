"""Screens for the README screenshot script: put a role window in a telling state."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QWidget


def show_billing(client_window) -> QWidget:
    """The client portal on Billing, with a disputed (else the first) fee selected and its history shown."""
    page = client_window.go_to("billing")
    page.refresh_now()
    rows = page.model.rows
    target = next((r for r in rows if r.disputed), rows[0] if rows else None)
    if target is not None:
        page.select_charge(target.id)
    QApplication.processEvents()
    return client_window


def show_support_desk(support_window) -> QWidget:
    """The Support desk's fee-request queue with the first request selected and its detail visible."""
    page = support_window.go_to("queue")
    page.refresh_now()
    if page.model.rowCount() == 0:  # nothing pending: show every request instead
        page.status_filter.setCurrentIndex(page.status_filter.count() - 1)
    if page.model.rowCount():
        page.table.selectRow(0)
    QApplication.processEvents()
    return support_window
