"""The provider's day sheet as a printable document: one day's appointments, times in the
provider's zone, client names, service, place and status (cancelled ones marked, not hidden)."""

from __future__ import annotations

from html import escape

from ...rules.datefmt import day_heading
from ...rules.timefmt import format_time, zone_abbreviation
from ...rules.vocabulary import AppointmentStatus
from ...services.day_sheet import DaySheet


def _times(start, end, zone: str) -> str:
    """'09:00–09:50 EST': the day is the sheet's heading."""
    return f"{format_time(start, zone)}–{format_time(end, zone)} {zone_abbreviation(start, zone)}"


def _status(status: str, label: str) -> str:
    """A status other than scheduled stands out in bold (print has no colour to rely on)."""
    return escape(label) if status == AppointmentStatus.SCHEDULED else f"<b>{escape(label)}</b>"


def day_sheet_title(sheet: DaySheet) -> str:
    return f"Day sheet, {day_heading(sheet.day)}"


def day_sheet_html(sheet: DaySheet, issued: str) -> str:
    zone = sheet.time_zone
    rows = "".join(
        f"<tr><td>{escape(_times(r.start, r.end, zone))}</td><td>{escape(r.client_name)}</td>"
        f"<td>{escape(r.service)}{' (repeating)' if r.in_series else ''}</td><td>{escape(r.place)}</td>"
        f"<td>{_status(r.status, r.status_label)}</td></tr>"
        for r in sheet.rows)
    if not rows:
        rows = "<tr><td colspan='5'><i>No appointments on this day.</i></td></tr>"
    count = sheet.scheduled
    return (
        f"<h2>{escape(sheet.practice_name)}</h2>"
        f"<h3>{escape(sheet.provider_name)}: {escape(day_heading(sheet.day))}</h3>"
        f"<p>{count} scheduled appointment{'' if count == 1 else 's'}. Times in {escape(zone)}. "
        f"Printed {escape(issued)}.</p>"
        "<table border='1' cellspacing='0' cellpadding='4' width='100%'>"
        "<tr><th>Time</th><th>Client</th><th>Service</th><th>Place</th><th>Status</th></tr>"
        f"{rows}</table>"
    )
