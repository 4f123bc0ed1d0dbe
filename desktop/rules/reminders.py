"""Reminders: before an appointment starts, and (for the client) before its free cancellation
ends, at times each person sets. Which are due at an instant, when the next one is, and their
words. Pure: the services give the appointments and what was already shown, and the clock.

A reminder is due from its moment (the start or the deadline, less the person's lead) until the
moment itself: one missed while the computer slept or the application was closed is shown once
when it comes back, while it still means something; one whose moment has passed is not shown
late (a deadline already gone is no reminder). What was shown is recorded, so a restart, or the
same person on another workstation, does not show it again.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from .timefmt import format_instant, format_time


class ReminderKind(StrEnum):
    START = "start"  # the appointment is about to start
    DEADLINE = "deadline"  # the free cancellation is about to end (clients)

    @property
    def label(self) -> str:
        return "before the start" if self is ReminderKind.START else "before free cancellation ends"


@dataclass(frozen=True)
class ReminderSettings:
    """How long before each moment a person is reminded; None: not at all."""

    before_start: timedelta | None
    before_deadline: timedelta | None


CLIENT_DEFAULTS = ReminderSettings(before_start=timedelta(hours=1), before_deadline=timedelta(hours=24))
PROVIDER_DEFAULTS = ReminderSettings(before_start=timedelta(minutes=15), before_deadline=None)


def defaults_for(is_client: bool) -> ReminderSettings:
    return CLIENT_DEFAULTS if is_client else PROVIDER_DEFAULTS


@dataclass(frozen=True)
class Upcoming:
    """A scheduled appointment of the person's, as the reminder rule needs it."""

    appointment_id: int
    start: datetime  # UTC
    deadline: datetime | None  # the last instant of free cancellation; None where none applies
    what: str  # "your session with Dr. Maya Rivera", "Jordan Lee (Individual session)"


@dataclass(frozen=True)
class Reminder:
    appointment_id: int
    kind: ReminderKind
    fire_at: datetime  # when it is due
    moment: datetime  # what it reminds of: the start or the deadline
    text: str

    @property
    def key(self) -> tuple[int, str]:
        return self.appointment_id, self.kind.value


def _candidates(appointment: Upcoming, settings: ReminderSettings, zone: str) -> list[Reminder]:
    out = []
    if settings.before_start is not None:
        out.append(Reminder(appointment.appointment_id, ReminderKind.START, appointment.start - settings.before_start,
                            appointment.start, start_text(appointment, zone)))
    if settings.before_deadline is not None and appointment.deadline is not None:
        out.append(Reminder(appointment.appointment_id, ReminderKind.DEADLINE,
                            appointment.deadline - settings.before_deadline, appointment.deadline,
                            deadline_text(appointment, zone)))
    return out


def start_text(appointment: Upcoming, zone: str) -> str:
    return f"Starting at {format_time(appointment.start, zone)}: {appointment.what}."


def deadline_text(appointment: Upcoming, zone: str) -> str:
    assert appointment.deadline is not None
    return (f"You can cancel {appointment.what} on {format_instant(appointment.start, zone)} free until "
            f"{format_instant(appointment.deadline, zone)}; after that, ask your provider.")


def due(appointments: Iterable[Upcoming], settings: ReminderSettings, now: datetime, shown: set[tuple[int, str]],
        zone: str) -> list[Reminder]:
    """The reminders to show at ``now``: their time has come, their moment has not passed, and
    they were not shown before. Soonest moment first."""
    out = [r for a in appointments for r in _candidates(a, settings, zone)
           if r.fire_at <= now < r.moment and r.key not in shown]
    return sorted(out, key=lambda r: (r.moment, r.kind.value))


def next_due(appointments: Iterable[Upcoming], settings: ReminderSettings, now: datetime,
             shown: set[tuple[int, str]], zone: str) -> datetime | None:
    """When the next reminder not shown yet becomes due (after ``now``), if any."""
    times = [r.fire_at for a in appointments for r in _candidates(a, settings, zone)
             if r.fire_at > now and r.key not in shown]
    return min(times, default=None)


def lookahead(settings: ReminderSettings, longest_notice: timedelta) -> timedelta:
    """How far ahead an appointment's start may lie for one of its reminders to be due now."""
    spans = [settings.before_start or timedelta(0)]
    if settings.before_deadline is not None:
        spans.append(settings.before_deadline + longest_notice)
    return max(spans)
