"""Rule 1: the notice window for a client's own cancellation."""

from __future__ import annotations

import enum
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from .instants import require_aware
from .timefmt import format_instant
from .wording import LATE_REQUEST_WAY_ON

DEFAULT_NOTICE = timedelta(hours=24)


class NoticeStatus(enum.Enum):
    ALLOWED = "allowed"
    BLOCKED_WINDOW = "blocked_window"  # inside the notice window: late-cancellation request instead
    ALREADY_STARTED = "already_started"  # the appointment has begun or is past


@dataclass(frozen=True)
class NoticeDecision:
    status: NoticeStatus
    deadline: datetime  # last instant at which a free cancellation was/is allowed (UTC)
    notice: timedelta
    why: str

    @property
    def allowed(self) -> bool:
        return self.status is NoticeStatus.ALLOWED

    @property
    def can_request_late_cancellation(self) -> bool:
        return self.status is NoticeStatus.BLOCKED_WINDOW


def blocked_explanation(decision: NoticeDecision, zone: str, *, with_way_on: bool = False) -> str:
    """Why a client may no longer cancel (or move) an appointment themselves, with the
    deadline in ``zone``; ``with_way_on`` adds the late-cancellation request (for a refusal
    that has no panel offering it). One wording for the cancel screen, the reschedule
    button and the service's refusal."""
    if decision.status is not NoticeStatus.BLOCKED_WINDOW:
        return decision.why
    text = (f"Cancelling needs at least {hours_phrase(decision.notice)}' notice. "
            f"Free cancellation ended {format_instant(decision.deadline, zone)}.")
    return f"{text} {LATE_REQUEST_WAY_ON}" if with_way_on else text


def hours_phrase(notice: timedelta) -> str:
    hours = notice.total_seconds() / 3600
    if hours == int(hours):
        n = int(hours)
        return f"{n} hour" if n == 1 else f"{n} hours"
    return f"{hours:g} hours"


def notice_decision(start: datetime, now: datetime, notice: timedelta = DEFAULT_NOTICE) -> NoticeDecision:
    """May a client cancel an appointment starting at ``start`` themselves, at ``now``?

    Elapsed time decides, not wall-clock time: both instants are compared as
    UTC instants, so a DST change between now and the start moves nothing.
    Exactly ``notice`` before the start is still allowed.
    """
    require_aware(start, "start")
    require_aware(now, "now")
    if notice < timedelta(0):
        raise ValueError("notice cannot be negative")
    # Aware arithmetic in a local zone is wall-clock (a zoneinfo start minus 24 h
    # is 23 or 25 real hours across DST): do it on UTC instants.
    start, now = start.astimezone(UTC), now.astimezone(UTC)
    deadline = start - notice
    if now >= start:
        return NoticeDecision(
            NoticeStatus.ALREADY_STARTED, deadline, notice,
            "This appointment has already started, so it can no longer be cancelled.",
        )
    if now <= deadline:
        return NoticeDecision(
            NoticeStatus.ALLOWED, deadline, notice,
            f"Free cancellation is open until {hours_phrase(notice)} before the start.",
        )
    return NoticeDecision(
        NoticeStatus.BLOCKED_WINDOW, deadline, notice,
        f"Cancelling needs at least {hours_phrase(notice)}' notice; "
        "within that window only your provider can cancel, on request.",
    )


def notice_decider(now: datetime, notice: timedelta = DEFAULT_NOTICE) -> Callable[[datetime], NoticeDecision]:
    """``notice_decision(start, now, notice)`` for many starts (a list of appointments): ``now``
    and ``notice`` are checked and the three explanations worded once, not once per start."""
    require_aware(now, "now")
    if notice < timedelta(0):
        raise ValueError("notice cannot be negative")
    now = now.astimezone(UTC)
    started = "This appointment has already started, so it can no longer be cancelled."
    allowed = f"Free cancellation is open until {hours_phrase(notice)} before the start."
    blocked = (f"Cancelling needs at least {hours_phrase(notice)}' notice; "
               "within that window only your provider can cancel, on request.")

    def decide(start: datetime) -> NoticeDecision:
        require_aware(start, "start")
        start = start.astimezone(UTC)
        deadline = start - notice
        if now >= start:
            return NoticeDecision(NoticeStatus.ALREADY_STARTED, deadline, notice, started)
        if now <= deadline:
            return NoticeDecision(NoticeStatus.ALLOWED, deadline, notice, allowed)
        return NoticeDecision(NoticeStatus.BLOCKED_WINDOW, deadline, notice, blocked)

    return decide
