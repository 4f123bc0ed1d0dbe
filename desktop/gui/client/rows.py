"""Small display helpers for appointment rows in the client's zone."""

from __future__ import annotations

from ...rules.timefmt import format_instant, format_range
from ...services.client_portal import AppointmentRow


def when(row: AppointmentRow, zone: str) -> str:
    """'Fri 27 Nov, 10:00–10:50 EST'."""
    return format_range(row.start, row.end, zone)


def short_when(row: AppointmentRow, zone: str) -> str:
    return format_instant(row.start, zone)
