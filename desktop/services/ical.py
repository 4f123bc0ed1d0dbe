"""A client's upcoming appointments as an iCalendar (RFC 5545) file for their own calendar app."""

from __future__ import annotations

from datetime import datetime

from icalendar import Calendar, Event

from ..rules.timefmt import format_instant
from ..rules.wording import INSURANCE_SENTENCE
from . import client_portal
from .actor import Actor, require_role
from .tx import utc_now
from .validation import entry_point

PRODID = "-//Practice Desk//Appointments//EN"


@entry_point
def client_calendar_file(actor: Actor, *, practice_name: str = "", now: datetime | None = None) -> bytes:
    """Every upcoming scheduled appointment of the signed-in client, one VEVENT each.

    UIDs are stable (``appointment-<id>@practice-desk``), so importing the file again
    updates events instead of duplicating them; times are UTC instants."""
    now = utc_now(now)
    require_role(actor, "client")
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("x-wr-calname", f"{practice_name or 'Practice Desk'} appointments")
    for row in client_portal.upcoming(actor, now=now):
        if not row.is_scheduled:
            continue
        event = Event()
        event.add("uid", f"appointment-{row.id}@practice-desk")
        event.add("dtstamp", now)
        event.add("dtstart", row.start)
        event.add("dtend", row.end)
        event.add("summary", f"{row.service_name or 'Session'} with {row.provider_name}")
        event.add("location", "Telehealth (video session)" if row.telehealth else row.location)
        if row.decision.allowed:
            notice = f"Free cancellation until {format_instant(row.decision.deadline, actor.time_zone)}."
        else:
            notice = "Within the notice window: cancelling needs your provider."
        event.add("description", f"{notice} {INSURANCE_SENTENCE}")
        event.add("sequence", row.version)
        cal.add_component(event)
    return cal.to_ical()
