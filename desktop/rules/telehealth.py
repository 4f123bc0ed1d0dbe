"""Telehealth: an appointment's place is a room or a video link.

What a link may be (an https address with a host, no spaces, at most the length declared in
:mod:`desktop.rules.limits`), when the client may join (from :data:`JOIN_LEAD` before the start
until the end), when that changes next (so a window wakes then, not on a poll), whether a
provider may still change an appointment's link, and the words a person reads about it.
Pure: plain values in (``now`` an argument), decisions and words out.
"""

from __future__ import annotations

import enum
from datetime import datetime, timedelta
from urllib.parse import urlsplit

from .limits import TEXTS
from .timefmt import format_time, zone_abbreviation
from .vocabulary import AppointmentStatus

JOIN_LEAD = timedelta(minutes=10)  # the client's Join video appears this long before the start
MAX_LINK = TEXTS["video_link"].max_length

PLACE = "Telehealth (video session)"
JOIN_LABEL = "&Join video"
NO_LINK_YET = "Your provider will add the video link before the session."
DEFAULT_LINK_NOTE = "New telehealth appointments you book get this link unless you give another."


def clean_link(text: str | None) -> str | None:
    """The link as stored: surrounding spaces gone; nothing typed is no link (None)."""
    if text is None:
        return None
    text = text.strip()
    return text or None


def link_problem(link: str) -> str | None:
    """Why ``link`` (already cleaned) cannot be a video link, in words; None when it can."""
    if len(link) > MAX_LINK:
        return f"The video link can be at most {MAX_LINK:,} characters."
    if any(ch.isspace() for ch in link):
        return "The video link cannot contain spaces; paste the address exactly as your video service gives it."
    try:
        parts = urlsplit(link)
        host = parts.hostname
    except ValueError:
        return "That is not a web address; paste the link your video service gives, starting with https://."
    if parts.scheme.lower() != "https":
        return "The video link must be a secure address starting with https://."
    if not host or "." not in host.strip("."):
        return ("The video link needs the video service's address after https:// "
                "(for example https://meet.example.com/room).")
    return None


def host_of(link: str | None) -> str:
    """The service's host alone (what the audit trail keeps: never the room's address itself)."""
    return (urlsplit(link).hostname or "") if link else ""


class JoinState(enum.Enum):
    NOT_YET = "not_yet"  # more than JOIN_LEAD before the start
    OPEN = "open"  # from JOIN_LEAD before the start until the end
    OVER = "over"


def join_opens(start: datetime) -> datetime:
    return start - JOIN_LEAD


def join_state(start: datetime, end: datetime, now: datetime) -> JoinState:
    """Exactly JOIN_LEAD before the start is open; the end itself is over."""
    if now < join_opens(start):
        return JoinState.NOT_YET
    return JoinState.OPEN if now < end else JoinState.OVER


def next_change(start: datetime, end: datetime, now: datetime) -> datetime | None:
    """The next instant :func:`join_state` changes (None: it never will again)."""
    state = join_state(start, end, now)
    if state is JoinState.NOT_YET:
        return join_opens(start)
    return end if state is JoinState.OPEN else None


def can_join(telehealth: bool, link: str | None, start: datetime, end: datetime, now: datetime) -> bool:
    return telehealth and link is not None and join_state(start, end, now) is JoinState.OPEN


def join_line(telehealth: bool, link: str | None, start: datetime, end: datetime, now: datetime, zone: str) -> str:
    """What the client reads beside the appointment about its video session ("" when not telehealth)."""
    if not telehealth:
        return ""
    state = join_state(start, end, now)
    if state is JoinState.OVER:
        return ""
    if link is None:
        return NO_LINK_YET
    if state is JoinState.OPEN:
        return "Your video session is open: choose Join video."
    opens = join_opens(start)
    return (f"Join video opens at {format_time(opens, zone)} {zone_abbreviation(opens, zone)}, "
            f"{int(JOIN_LEAD.total_seconds() // 60)} minutes before the start.")


def link_change_refusal(status: str, end: datetime, now: datetime) -> str | None:
    """Why a provider may not set or change this appointment's link now (None: they may)."""
    if status != AppointmentStatus.SCHEDULED:
        return (f"This appointment is no longer scheduled ({AppointmentStatus(status).label.lower()}); its video "
                "link can no longer be changed.")
    if end <= now:
        return "This appointment is over; its video link can no longer be changed."
    return None


def saved_summary(link: str | None, made_default: bool) -> str:
    if link is None:
        return "Video link removed."
    return "Video link saved; it is also your link for new telehealth appointments." if made_default \
        else "Video link saved."
