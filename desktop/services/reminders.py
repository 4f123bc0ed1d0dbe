"""Reminders (issue #14, item 1): each person's reminder times, the reminders due for them now
(and when the next one is), and recording one as shown. The decisions are rules/reminders.py's;
the deadline is the notice rule's own (the appointment's policy). Clients and providers only:
they are the people with appointments of their own."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from peewee import JOIN, fn

from ..rules import reminders as rules
from ..rules.notice import notice_decision
from ..rules.reminders import Reminder, ReminderKind, ReminderSettings, Upcoming
from ..rules.vocabulary import AppointmentStatus, Role
from ..store.models import Appointment, Client, FeePolicy, Provider, Service, User
from ..store.reminder_models import ReminderSetting, ReminderShown
from .access import appointment_for
from .actor import Actor, current_actor, require_role
from .result import Change, OpResult
from .tx import audit, utc_now, write_transaction
from .validation import entry_point


@dataclass(frozen=True)
class ReminderPlan:
    due: list[Reminder]  # to show now, soonest moment first
    next_at: datetime | None  # when the next one becomes due, if any
    settings: ReminderSettings


def _settings_of(actor: Actor) -> ReminderSettings:
    row = ReminderSetting.get_or_none(ReminderSetting.user == actor.user_id)
    if row is None:
        return rules.defaults_for(actor.is_client)
    return ReminderSettings(
        before_start=None if row.before_start_minutes is None else timedelta(minutes=row.before_start_minutes),
        before_deadline=None if row.before_deadline_hours is None else timedelta(hours=row.before_deadline_hours))


@entry_point
def reminder_settings(actor: Actor) -> ReminderSettings:
    """The person's reminder times (their role's defaults until they change them)."""
    current_actor(actor)
    require_role(actor, Role.CLIENT, Role.PROVIDER)
    return _settings_of(actor)


@entry_point
def set_reminder_settings(actor: Actor, *, before_start_minutes: int | None, before_deadline_hours: int | None,
                          now: datetime | None = None) -> OpResult:
    """The person's own reminder times; None turns that reminder off. A provider has no
    deadline reminder (the free cancellation is the client's)."""
    now = utc_now(now)
    require_role(actor, Role.CLIENT, Role.PROVIDER)
    if not actor.is_client:
        before_deadline_hours = None
    with write_transaction(actor):
        current_actor(actor, lock=True)
        before = _settings_of(actor)
        values = {"before_start_minutes": before_start_minutes, "before_deadline_hours": before_deadline_hours,
                  "changed_at": now}
        (ReminderSetting.insert(user=actor.user_id, **values)
         .on_conflict(conflict_target=[ReminderSetting.user], update=values).execute())
        after = _settings_of(actor)
        audit(actor, "set_reminders", "user", actor.user_id, at=now,
              before_start_minutes=[_minutes(before.before_start), before_start_minutes],
              before_deadline_hours=[_hours(before.before_deadline), before_deadline_hours])
    return OpResult(Change.NONE, "Reminders saved.", after)


def _minutes(span: timedelta | None) -> int | None:
    return None if span is None else int(span.total_seconds() // 60)


def _hours(span: timedelta | None) -> int | None:
    return None if span is None else int(span.total_seconds() // 3600)


def _upcoming(actor: Actor, now: datetime, ahead: timedelta) -> list[Upcoming]:
    other = User.alias()
    q = (Appointment.select(Appointment.id, Appointment.starts_at, FeePolicy.notice_minutes, Service.name,
                            other.display_name)
         .join(FeePolicy, on=(Appointment.policy == FeePolicy.id))
         .switch(Appointment).join(Service, on=(Appointment.service == Service.id), join_type=JOIN.LEFT_OUTER)
         .where(Appointment.status == AppointmentStatus.SCHEDULED, Appointment.starts_at > now,
                Appointment.starts_at <= now + ahead)
         .order_by(Appointment.starts_at))
    if actor.is_client:
        q = (q.switch(Appointment).join(Provider, on=(Appointment.provider == Provider.id))
             .join(other, on=(Provider.user == other.id)).where(Appointment.client == actor.client_id))
    else:
        q = (q.switch(Appointment).join(Client, on=(Appointment.client == Client.id))
             .join(other, on=(Client.user == other.id)).where(Appointment.provider == actor.provider_id))
    out = []
    for aid, start, notice_minutes, service, name in q.tuples():
        if actor.is_client:
            deadline = notice_decision(start, now, timedelta(minutes=notice_minutes)).deadline
            out.append(Upcoming(aid, start, deadline, f"your {service or 'session'} with {name}"))
        else:
            out.append(Upcoming(aid, start, None, f"{name} ({service})" if service else name))
    return out


def _longest_notice() -> timedelta:
    minutes = FeePolicy.select(fn.MAX(FeePolicy.notice_minutes)).scalar() or 0
    return timedelta(minutes=minutes)


@entry_point
def reminder_plan(actor: Actor, *, now: datetime | None = None) -> ReminderPlan:
    """The reminders due for the person now (not shown before, their moment not passed) and
    when the next becomes due: what the reminder watcher of their window asks, on the reader."""
    now = utc_now(now)
    current_actor(actor)
    require_role(actor, Role.CLIENT, Role.PROVIDER)
    settings = _settings_of(actor)
    # Far enough ahead for every reminder due now, and a day more to know when the next one is.
    ahead = rules.lookahead(settings, _longest_notice() if actor.is_client else timedelta(0)) + timedelta(days=1)
    upcoming = _upcoming(actor, now, ahead)
    ids = [u.appointment_id for u in upcoming]
    shown = ({(a, k) for a, k in ReminderShown.select(ReminderShown.appointment, ReminderShown.kind)
              .where(ReminderShown.user == actor.user_id, ReminderShown.appointment.in_(ids)).tuples()}
             if ids else set())
    return ReminderPlan(rules.due(upcoming, settings, now, shown, actor.time_zone),
                        rules.next_due(upcoming, settings, now, shown, actor.time_zone), settings)


@entry_point
def mark_reminded(actor: Actor, appointment_id: int, kind: ReminderKind, *, now: datetime | None = None
                  ) -> OpResult:
    """Record that the person was shown this reminder: once, whichever workstation showed it
    (a second recording is a no-op). Only for the person's own appointment."""
    now = utc_now(now)
    require_role(actor, Role.CLIENT, Role.PROVIDER)
    with write_transaction(actor):
        current_actor(actor)
        appointment_for(actor, appointment_id)
        (ReminderShown.insert(user=actor.user_id, appointment=appointment_id, kind=kind.value, shown_at=now)
         .on_conflict_ignore().execute())
    return OpResult(Change.NONE, "", appointment_id)
