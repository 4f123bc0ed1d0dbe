"""Booking and editing in the provider's calendar: a single appointment for a client, moving
one appointment, and changing a series from one occurrence on."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from ...rules import series as series_rules
from ...rules.provider_actions import changed_start_refusal, move_refusal, series_change_refusal
from ...rules.timefmt import format_instant
from ...store.models import (
    Appointment,
    AppointmentStatus,
    Cancellation,
    CancellationKind,
    LateCancellationRequest,
    LateRequestStatus,
    Role,
    Series,
    Thread,
)
from ..actor import Actor, require_role
from ..auth import check_zone
from ..booking import (
    HORIZON,
    BookingRequest,
    book_appointment,
    busy_overlap,
    materialise,
    require_active_client,
)
from ..errors import Conflict, InvalidInput
from ..guards import check_version, enforce, own_appointment, own_occurrence_in_series_order, update_scheduled
from ..messaging import notify
from ..result import Change, OpResult
from ..tx import audit, utc_now, write_transaction
from ..validation import entry_point
from .detail import client_zone

# The reason recorded when changing a series cancels occurrences a conversation refers to.
SERIES_CHANGED_REASON = "provider_other"


@entry_point
def book_for_client(actor: Actor, client_id: int, start: datetime, duration: timedelta, *,
                    service_id: int | None = None, location: str = "", telehealth: bool = False,
                    now: datetime | None = None) -> OpResult:
    """A single appointment in this provider's calendar for one of their clients."""
    require_role(actor, Role.PROVIDER)
    request = BookingRequest(provider_id=actor.provider_id, client_id=client_id, start=start, duration=duration,
                             service_id=service_id, location=location, telehealth=telehealth)
    return book_appointment(actor, request, now=now)


@entry_point
def move_occurrence(actor: Actor, appointment_id: int, new_start: datetime, *,
                    expected_version: int | None = None, now: datetime | None = None) -> OpResult:
    """Move one appointment (a single or one occurrence of a series) to another time, same length."""
    require_role(actor, Role.PROVIDER)
    if new_start.tzinfo is None:
        raise InvalidInput("The new start must be a time-zone-aware instant.")
    with write_transaction(actor):
        appt = own_appointment(actor, appointment_id, lock=True)
        now = utc_now(now)  # the server's clock on PostgreSQL, read under the lock
        if new_start <= now:
            raise InvalidInput("That time has already passed; pick a time in the future.")
        enforce(move_refusal(appt.status, appt.starts_at, now), actor.time_zone)
        check_version(appt, expected_version)
        new_end = new_start + (appt.ends_at - appt.starts_at)
        if busy_overlap(appt.provider_id, appt.client_id, new_start, new_end, exclude_id=appt.id) is not None:
            raise Conflict("That time is taken by another appointment; pick another time.")
        if appt.series_id and Appointment.select().where(Appointment.series == appt.series_id,
                                                         Appointment.starts_at == new_start,
                                                         Appointment.id != appt.id).exists():
            raise Conflict("Another occurrence of this series already starts then.")
        old = appt.starts_at
        update_scheduled(appt, now, starts_at=new_start, ends_at=new_end)
        zone = client_zone(appt.client_id)
        notify(appt.client_id, appt.provider_id, f"Appointment moved: {format_instant(new_start, zone)}",
               f"{actor.display_name} moved your appointment from {format_instant(old, zone)} to "
               f"{format_instant(new_start, zone)}.", appointment_id=appt.id,
               sender_user_id=actor.user_id, now=now)
        audit(actor, "move_occurrence", "appointment", appt.id, at=now, old=old.isoformat(),
              new=new_start.isoformat())
    return OpResult(Change.APPOINTMENTS | Change.MESSAGES, "Appointment moved; the client was told.", appt.id)


@dataclass(frozen=True)
class SeriesChange:
    """The series from one occurrence on: its new first start (wall-clock in ``time_zone``) and rule."""

    first_local: datetime
    time_zone: str
    duration: timedelta
    frequency: series_rules.Frequency
    until: date | None = None
    count: int | None = None


def _retire_occurrences(old: Series, from_day: date, actor: Actor, now: datetime) -> list[int]:
    """The old series' scheduled occurrences from ``from_day`` on go: deleted, except those a
    conversation or a past request refers to (history the client has seen), which stay as
    cancelled by the provider. Returns the ids of all of them."""
    boundary = series_rules.local_to_utc(datetime.combine(from_day, datetime.min.time()), ZoneInfo(old.time_zone))
    doomed = [i for (i,) in Appointment.select(Appointment.id).where(
        Appointment.series == old.id, Appointment.starts_at >= boundary,
        Appointment.status == AppointmentStatus.SCHEDULED).tuples()]
    if not doomed:
        return doomed
    if LateCancellationRequest.select().where(LateCancellationRequest.appointment.in_(doomed),
                                              LateCancellationRequest.status == LateRequestStatus.PENDING).exists():
        raise Conflict("An occurrence from that date on has a pending late-cancellation request; decide it first.")
    kept = ({i for (i,) in Thread.select(Thread.appointment).where(Thread.appointment.in_(doomed)).tuples()}
            | {i for (i,) in LateCancellationRequest.select(LateCancellationRequest.appointment)
               .where(LateCancellationRequest.appointment.in_(doomed)).tuples()})
    for appt_id in sorted(kept):
        Appointment.update(status=AppointmentStatus.CANCELLED_BY_PROVIDER, version=Appointment.version + 1,
                           updated_at=now).where(Appointment.id == appt_id).execute()
        Cancellation.create(appointment=appt_id, cancelled_by=actor.user_id, kind=CancellationKind.PROVIDER,
                            reason_code=SERIES_CHANGED_REASON, other_text="The repeating appointment was changed.",
                            created_at=now)
    removed = [i for i in doomed if i not in kept]
    if removed:
        Appointment.delete().where(Appointment.id.in_(removed)).execute()
    return doomed


@entry_point
def change_series_from(actor: Actor, appointment_id: int, change: SeriesChange, *,
                       expected_version: int | None = None, now: datetime | None = None) -> OpResult:
    """Change a series from this occurrence on: the old series ends the day before it, a new
    series (same booked policy) starts; past occurrences and ones already cancelled are untouched."""
    now = utc_now(now)
    require_role(actor, Role.PROVIDER)
    try:
        rule = series_rules.build_rrule(change.frequency, change.first_local.date(), until=change.until,
                                        count=change.count)
    except ValueError as exc:
        raise InvalidInput(str(exc)[:1].upper() + str(exc)[1:] + ".") from exc
    first_utc = series_rules.local_to_utc(change.first_local, ZoneInfo(check_zone(change.time_zone)))
    if first_utc <= now:
        raise InvalidInput("The changed series must start in the future.")
    with write_transaction(actor):
        appt = own_occurrence_in_series_order(actor, appointment_id)  # the series row, then this one
        enforce(series_change_refusal(appt.status, appt.starts_at, now, repeats=appt.series_id is not None),
                actor.time_zone)
        check_version(appt, expected_version)
        old = Series.get_by_id(appt.series_id)
        require_active_client(old.client_id)
        from_day = appt.starts_at.astimezone(ZoneInfo(old.time_zone)).date()
        enforce(changed_start_refusal(appt.status, change.first_local.date(), from_day), actor.time_zone)
        doomed = _retire_occurrences(old, from_day, actor, now)
        Series.update(rrule=series_rules.end_rule_before(old.rrule, from_day), ended=True).where(
            Series.id == old.id).execute()
        new = Series.create(
            provider=old.provider_id, client=old.client_id, service=old.service_id, policy=old.policy_id,
            rrule=rule, time_zone=change.time_zone, first_local=change.first_local.isoformat(),
            duration_minutes=int(change.duration.total_seconds() // 60), location=old.location,
            telehealth=old.telehealth, materialised_until=first_utc, created_at=now,
        )
        created, skipped = materialise(new, until=now + HORIZON, now=now)
        if created == 0:
            raise Conflict("Every occurrence of the changed series clashes with an existing appointment; "
                           "nothing was changed.")
        summary_text = series_rules.rule_summary(rule, change.first_local)
        notify(old.client_id, old.provider_id, "Your repeating appointment changed",
               f"{actor.display_name} changed your repeating appointment from "
               f"{format_instant(first_utc, client_zone(old.client_id))} on: {summary_text}.",
               sender_user_id=actor.user_id, now=now)
        audit(actor, "change_series_from", "series", old.id, at=now, new_series=new.id, removed=doomed,
              created=created, skipped_for_clash=skipped, rrule=rule)
    summary = f"Series changed from {from_day:%-d %b}: {created} occurrences booked."
    if skipped:
        summary += f" {skipped} skipped because the time was taken."
    return OpResult(Change.APPOINTMENTS | Change.MESSAGES, summary, new.id)
