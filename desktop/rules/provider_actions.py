"""What a provider may do with one of their appointments now, and why not.

Each function takes plain values (the appointment's status and instants, ``now``, flags)
and returns None when the action is allowed or an :class:`ActionRefusal`. The calendar's
detail panel shows ``refusal.message(zone)`` next to the disabled button and the service
raises it, so the panel and the write cannot disagree.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from .noshow import NoShowEligibility, no_show_eligibility
from .series import earliest_changed_start
from .timefmt import format_instant
from .vocabulary import AppointmentStatus


class ProviderAction(enum.Enum):
    CANCEL = enum.auto()  # cancel one appointment for the client
    MOVE = enum.auto()  # move one appointment (a single or one occurrence)
    NO_SHOW = enum.auto()
    CANCEL_SERIES = enum.auto()  # cancel this occurrence and every later one
    CHANGE_SERIES = enum.auto()  # change the series from this occurrence on


class RefusalReason(enum.Enum):
    NOT_SCHEDULED = enum.auto()  # already cancelled or a no-show: someone acted first
    ALREADY_OVER = enum.auto()
    ALREADY_STARTED = enum.auto()
    GRACE_NOT_OVER = enum.auto()  # rule 3: a no-show only once the grace period has passed
    LATE_REQUEST_PENDING = enum.auto()  # the client's request is answered before a no-show
    DOES_NOT_REPEAT = enum.auto()
    STARTS_TOO_EARLY = enum.auto()  # a changed series starting a week or more before


@dataclass(frozen=True)
class ActionRefusal:
    action: ProviderAction
    reason: RefusalReason
    status: AppointmentStatus
    no_show: NoShowEligibility | None = None  # GRACE_NOT_OVER: from when it is allowed

    def __post_init__(self) -> None:
        if (self.reason is RefusalReason.GRACE_NOT_OVER) != (self.no_show is not None):
            raise ValueError("a no-show eligibility goes with, and only with, GRACE_NOT_OVER")

    @property
    def allowed_from(self) -> datetime | None:
        return self.no_show.allowed_from if self.no_show is not None else None

    def message(self, zone: str) -> str:
        """What the provider is told, instants in ``zone`` (the one text for panel and service)."""
        reason, action = self.reason, self.action
        if reason is RefusalReason.NOT_SCHEDULED:
            return not_scheduled_text(self.status)
        if reason is RefusalReason.ALREADY_OVER:
            if action is ProviderAction.CANCEL:
                return "This appointment is already over; mark it a no-show instead if the client missed it."
            return "This appointment is already over; past appointments are never cancelled."
        if reason is RefusalReason.ALREADY_STARTED:
            if action is ProviderAction.MOVE:
                return "This appointment has already started; past appointments are never moved."
            return "Pick an upcoming occurrence: past appointments are never changed."
        if self.no_show is not None:  # GRACE_NOT_OVER (see __post_init__)
            return f"{self.no_show.why} That is from {format_instant(self.no_show.allowed_from, zone)}."
        if reason is RefusalReason.LATE_REQUEST_PENDING:
            return ("The client asked to cancel this appointment before it started. Decide their "
                    "late-cancellation request in Requests first; decline it if the appointment stands.")
        if reason is RefusalReason.DOES_NOT_REPEAT:
            if action is ProviderAction.CANCEL_SERIES:
                return "This appointment does not repeat; cancel it on its own."
            return "This appointment does not repeat; move it on its own."
        return "The changed series cannot start more than a week before the occurrence it replaces."


def not_scheduled_text(status: AppointmentStatus) -> str:
    """Someone acted on the appointment first; every path (client or provider) says it so."""
    return f"This appointment is already {status.label.lower()}; nothing was changed."


def not_scheduled(action: ProviderAction, status: str) -> ActionRefusal | None:
    """Only a scheduled appointment is cancelled, moved or marked; anything else was acted on already."""
    status = AppointmentStatus(status)
    if status is not AppointmentStatus.SCHEDULED:
        return ActionRefusal(action, RefusalReason.NOT_SCHEDULED, status)
    return None


def cancel_refusal(status: str, ends_at: datetime, now: datetime) -> ActionRefusal | None:
    """Cancelling one appointment for the client: scheduled and not over yet."""
    if (refusal := not_scheduled(ProviderAction.CANCEL, status)) is not None:
        return refusal
    if ends_at <= now:
        return ActionRefusal(ProviderAction.CANCEL, RefusalReason.ALREADY_OVER, AppointmentStatus(status))
    return None


def move_refusal(status: str, starts_at: datetime, now: datetime) -> ActionRefusal | None:
    """Moving one appointment: scheduled and not started (past appointments are never moved)."""
    if (refusal := not_scheduled(ProviderAction.MOVE, status)) is not None:
        return refusal
    if starts_at <= now:
        return ActionRefusal(ProviderAction.MOVE, RefusalReason.ALREADY_STARTED, AppointmentStatus(status))
    return None


def no_show_refusal(status: str, starts_at: datetime, now: datetime, grace: timedelta, *,
                    has_pending_request: bool) -> ActionRefusal | None:
    """Marking a no-show (rule 3): scheduled, the grace period over, and no pending request.

    The client who asked to cancel before the start has their request answered first
    (approve with the late fee, waive, or decline), never overtaken by a no-show fee.
    """
    if (refusal := not_scheduled(ProviderAction.NO_SHOW, status)) is not None:
        return refusal
    eligibility = no_show_eligibility(starts_at, now, grace)
    if not eligibility.allowed:
        return ActionRefusal(ProviderAction.NO_SHOW, RefusalReason.GRACE_NOT_OVER, AppointmentStatus(status),
                             eligibility)
    if has_pending_request:
        return ActionRefusal(ProviderAction.NO_SHOW, RefusalReason.LATE_REQUEST_PENDING, AppointmentStatus(status))
    return None


def series_cancel_refusal(status: str, ends_at: datetime, now: datetime, *,
                          repeats: bool) -> ActionRefusal | None:
    """Cancelling "this and all later": from a scheduled occurrence of a series that is not over."""
    action = ProviderAction.CANCEL_SERIES
    if not repeats:
        return ActionRefusal(action, RefusalReason.DOES_NOT_REPEAT, AppointmentStatus(status))
    if (refusal := not_scheduled(action, status)) is not None:
        return refusal
    if ends_at <= now:
        return ActionRefusal(action, RefusalReason.ALREADY_OVER, AppointmentStatus(status))
    return None


def series_change_refusal(status: str, starts_at: datetime, now: datetime, *,
                          repeats: bool) -> ActionRefusal | None:
    """Changing a series from an occurrence: an upcoming, still scheduled occurrence of a series.
    A second change from an occurrence changed elsewhere would start a second series over
    the first one's (rule 10), hence the status check."""
    action = ProviderAction.CHANGE_SERIES
    if not repeats:
        return ActionRefusal(action, RefusalReason.DOES_NOT_REPEAT, AppointmentStatus(status))
    if starts_at <= now:
        return ActionRefusal(action, RefusalReason.ALREADY_STARTED, AppointmentStatus(status))
    return not_scheduled(action, status)


def changed_start_refusal(status: str, new_first_day: date, replaced_day: date) -> ActionRefusal | None:
    """A changed series starts no earlier than the week of the occurrence it replaces."""
    if new_first_day < earliest_changed_start(replaced_day):
        return ActionRefusal(ProviderAction.CHANGE_SERIES, RefusalReason.STARTS_TOO_EARLY, AppointmentStatus(status))
    return None
