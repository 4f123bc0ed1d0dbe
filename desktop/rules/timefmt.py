"""Rule 9: instants shown in the viewer's time zone, with the zone named."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from .instants import require_aware


def zone_abbreviation(instant: datetime, zone_name: str) -> str:
    return instant.astimezone(ZoneInfo(zone_name)).strftime("%Z")


def format_instant(instant: datetime, zone_name: str, *, with_weekday: bool = True, with_year: bool = False) -> str:
    """'Tue 12 May, 15:00 EDT' for the viewer's zone."""
    require_aware(instant, "instant")
    local = instant.astimezone(ZoneInfo(zone_name))
    pattern = ("%a " if with_weekday else "") + "%-d %b" + (" %Y" if with_year else "") + ", %H:%M %Z"
    return local.strftime(pattern)


def format_day(instant: datetime, zone_name: str) -> str:
    """'Mon 23 Nov': the viewer's calendar day of an instant (for narrow columns)."""
    require_aware(instant, "instant")
    local = instant.astimezone(ZoneInfo(zone_name))
    return f"{local:%a} {local.day} {local:%b}"


def format_time(instant: datetime, zone_name: str) -> str:
    return instant.astimezone(ZoneInfo(zone_name)).strftime("%H:%M")


def format_range(start: datetime, end: datetime, zone_name: str) -> str:
    """'Tue 12 May, 15:00–15:50 EDT'."""
    zone = ZoneInfo(zone_name)
    s, e = start.astimezone(zone), end.astimezone(zone)
    if s.date() == e.date():
        return f"{s:%a} {s.day} {s:%b}, {s:%H:%M}–{e:%H:%M} {e:%Z}"
    return f"{format_instant(start, zone_name)} – {format_instant(end, zone_name)}"


def free_cancellation_text(deadline: datetime, zone_name: str) -> str:
    return f"Free cancellation until {format_instant(deadline, zone_name)}"
