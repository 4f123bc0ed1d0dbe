"""The provider cancels for the client: one appointment, or this occurrence and every later
one of its series. The reason is recorded, there is never a fee (rule 4), the client is told,
and a pending late-cancellation request for a cancelled appointment is answered by it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from ...rules import series as series_rules
from ...rules.fees import CancellationBy, fee_decision
from ...rules.provider_actions import ActionRefusal, cancel_refusal, series_cancel_refusal
from ...rules.reasons import ProviderReason
from ...rules.timefmt import format_instant
from ...rules.wording import PROVIDER_CANCELLATION_NO_FEE, PROVIDER_CANCELLATION_RULE
from ...store.bulk import insert_dicts
from ...store.models import (
    Appointment,
    AppointmentStatus,
    Cancellation,
    CancellationKind,
    FeePolicy,
    LateCancellationRequest,
    LateRequestStatus,
    Role,
    Series,
)
from ..access import snapshot
from ..actor import Actor, current_actor, require_role
from ..catalogue import reasons_catalogue
from ..errors import Conflict, InvalidInput, RuleRefused
from ..guards import (
    check_version,
    enforce,
    lock_appointments,
    own_appointment,
    own_occurrence_in_series_order,
    update_all_scheduled,
    update_scheduled,
)
from ..messaging import notify
from ..result import Change, OpResult
from ..tx import audit, utc_now, write_transaction
from ..validation import entry_point
from .detail import client_zone


@entry_point
def provider_reasons() -> tuple[ProviderReason, ...]:
    """Why a provider may cancel (rule 6: from the reasons catalogue under resources/).
    The id is stored with the cancellation, the provider's note as its text."""
    return reasons_catalogue().provider_reasons


def _provider_reason(reason_code: str, note: str) -> ProviderReason:
    problems = reasons_catalogue().validate_provider_reason(reason_code, note)
    if problems:
        raise InvalidInput(" ".join(problems))
    return reasons_catalogue().provider_reason(reason_code)


def require_no_provider_fee(policy_id: int) -> None:
    """Rule 4: a provider-side cancellation never carries a fee. Checked against the booked
    policy on every write, and refused (nothing written) should the fee rule ever say otherwise."""
    fee = fee_decision(CancellationBy.PROVIDER, snapshot(FeePolicy.get_by_id(policy_id)))
    if fee.charges:
        raise RuleRefused(f"{PROVIDER_CANCELLATION_RULE} This cancellation would carry one, so nothing was "
                          "cancelled.", fee)


def close_pending_requests(appointment_ids: list[int], actor: Actor, now: datetime) -> list[int]:
    """A provider's cancellation answers any pending late-cancellation request for those
    appointments: it leaves the inbox, closed, with no fee. Returns the closed request ids.
    The appointments are locked by the caller, so no request of theirs is decided meanwhile."""
    ids = [i for (i,) in LateCancellationRequest.select(LateCancellationRequest.id).where(
        LateCancellationRequest.appointment.in_(appointment_ids),
        LateCancellationRequest.status == LateRequestStatus.PENDING).tuples()]
    if ids:
        (LateCancellationRequest
         .update(status=LateRequestStatus.CLOSED_CANCELLED, decided_by=actor.user_id, decided_at=now,
                 reply=f"Your provider cancelled this appointment. {PROVIDER_CANCELLATION_NO_FEE}",
                 version=LateCancellationRequest.version + 1)
         .where(LateCancellationRequest.id.in_(ids)).execute())
    return ids


@entry_point
def cancel_for_client(actor: Actor, appointment_id: int, reason_code: str, note: str = "", *,
                      expected_version: int | None = None, now: datetime | None = None) -> OpResult:
    """The provider cancels; the reason is recorded, no fee ever, the client is told."""
    require_role(actor, Role.PROVIDER)
    reason = _provider_reason(reason_code, note)
    with write_transaction(actor):
        appt = own_appointment(actor, appointment_id, lock=True)
        now = utc_now(now)  # the server's clock on PostgreSQL, read under the lock
        enforce(cancel_refusal(appt.status, appt.ends_at, now), actor.time_zone)
        check_version(appt, expected_version)
        require_no_provider_fee(appt.policy_id)
        update_scheduled(appt, now, status=AppointmentStatus.CANCELLED_BY_PROVIDER)
        Cancellation.create(appointment=appt.id, cancelled_by=actor.user_id, kind=CancellationKind.PROVIDER,
                            reason_code=reason_code, other_text=note.strip(), created_at=now)
        when = format_instant(appt.starts_at, client_zone(appt.client_id))
        body = (f"{actor.display_name} cancelled your appointment on {when}: "
                f"{reason.label.lower()}. {PROVIDER_CANCELLATION_NO_FEE}")
        if note.strip():
            body += "\n\n" + note.strip()
        notify(appt.client_id, appt.provider_id, f"Appointment cancelled: {when}", body,
               appointment_id=appt.id, sender_user_id=actor.user_id, now=now)
        closed = close_pending_requests([appt.id], actor, now)
        audit(actor, "provider_cancel", "appointment", appt.id, at=now, reason=reason_code,
              start=appt.starts_at.isoformat(), closed_requests=closed)
    return OpResult(Change.APPOINTMENTS | Change.MESSAGES, "Appointment cancelled; the client was told.", appt.id)


@dataclass(frozen=True)
class SeriesCancelPreview:
    """What "this and all later appointments in the series" would cancel: ``count`` scheduled
    occurrences from ``first`` to ``last`` (UTC instants)."""

    series_id: int
    count: int
    first: datetime | None
    last: datetime | None


def _series_from(appt: Appointment, now: datetime):
    """The series' scheduled occurrences starting at or after ``appt`` that are not over yet."""
    return (Appointment.select()
            .where(Appointment.series == appt.series_id, Appointment.starts_at >= appt.starts_at,
                   Appointment.ends_at > now, Appointment.status == AppointmentStatus.SCHEDULED)
            .order_by(Appointment.starts_at))


def _series_refusal(appt: Appointment, now: datetime) -> ActionRefusal | None:
    return series_cancel_refusal(appt.status, appt.ends_at, now, repeats=appt.series_id is not None)


@entry_point
def series_cancel_preview(actor: Actor, appointment_id: int, *, now: datetime | None = None) -> SeriesCancelPreview:
    """How many appointments cancelling the series from this occurrence on would cancel (one query)."""
    current_actor(actor)
    now = utc_now(now)
    require_role(actor, Role.PROVIDER)
    appt = own_appointment(actor, appointment_id)
    enforce(_series_refusal(appt, now), actor.time_zone)
    starts = [s for (s,) in _series_from(appt, now).select(Appointment.starts_at).tuples()]
    return SeriesCancelPreview(appt.series_id, len(starts), starts[0] if starts else None,
                               starts[-1] if starts else None)


@entry_point
def cancel_series_from_for_client(actor: Actor, appointment_id: int, reason_code: str, note: str = "", *,
                                  expected_version: int | None = None, expected_count: int | None = None,
                                  now: datetime | None = None) -> OpResult:
    """The provider cancels this occurrence and every later scheduled one of its series, at once:
    reason recorded on each, no fee ever, past occurrences untouched, the series ended so the
    horizon job never brings occurrences back, the client told once. ``expected_count`` is what
    the preview showed: if it changed since, nothing is done."""
    require_role(actor, Role.PROVIDER)
    reason = _provider_reason(reason_code, note)
    note = note.strip()
    with write_transaction(actor):
        appt = own_occurrence_in_series_order(actor, appointment_id)  # the series row, then this one
        now = utc_now(now)
        enforce(_series_refusal(appt, now), actor.time_zone)
        check_version(appt, expected_version)
        ids = [i for (i,) in _series_from(appt, now).select(Appointment.id).tuples()]
        locked_rows = lock_appointments(ids)  # one SELECT … FOR UPDATE … ORDER BY id
        rows = sorted((r for r in locked_rows.values() if r.status == AppointmentStatus.SCHEDULED),
                      key=lambda r: r.starts_at)  # one cancelled meanwhile stays as it is
        if expected_count is not None and len(rows) != expected_count:
            raise Conflict(f"The series now has {len(rows)} appointments to cancel from this date, not "
                           f"{expected_count}; nothing was cancelled. Look at it again first.")
        for policy_id in {r.policy_id for r in rows}:
            require_no_provider_fee(policy_id)
        update_all_scheduled(rows, now, status=AppointmentStatus.CANCELLED_BY_PROVIDER)  # one UPDATE
        insert_dicts(Cancellation, [
            {"appointment": r.id, "cancelled_by": actor.user_id, "kind": CancellationKind.PROVIDER,
             "reason_code": reason_code, "other_text": note, "answers": {}, "created_at": now} for r in rows])
        series = Series.get_by_id(appt.series_id)
        from_day = appt.starts_at.astimezone(ZoneInfo(series.time_zone)).date()
        fields: dict = {"ended": True}
        earlier = Appointment.select().where(Appointment.series == series.id,
                                             Appointment.starts_at < appt.starts_at).exists()
        if earlier:
            # The rule ends the day before, so the series reads as what really took place.
            fields["rrule"] = series_rules.end_rule_before(series.rrule, from_day)
        Series.update(**fields).where(Series.id == series.id).execute()
        zone = client_zone(appt.client_id)
        n = len(rows)
        plural = "s" if n != 1 else ""
        first_text = format_instant(rows[0].starts_at, zone, with_year=True)
        span = f"from {first_text}"
        if n > 1:
            span += f" to {format_instant(rows[-1].starts_at, zone, with_year=True)}"
        body = (f"{actor.display_name} cancelled {n} appointment{plural} of your repeating appointment, {span}. "
                f"Reason: {reason.label}. {PROVIDER_CANCELLATION_NO_FEE} "
                "The repeating appointment ends; earlier appointments are unchanged.")
        if note:
            body += "\n\n" + note
        notify(appt.client_id, appt.provider_id, f"Repeating appointment cancelled from {first_text}", body,
               appointment_id=appt.id, sender_user_id=actor.user_id, now=now)
        closed = close_pending_requests([r.id for r in rows], actor, now)
        audit(actor, "provider_cancel_series_from", "series", series.id, at=now, reason=reason_code,
              appointment=appt.id, start=appt.starts_at.isoformat(), cancelled=[r.id for r in rows],
              closed_requests=closed, rrule=fields.get("rrule", series.rrule))
    return OpResult(Change.APPOINTMENTS | Change.MESSAGES,
                    f"{n} appointment{plural} cancelled from {from_day:%-d %b %Y}; the client was told.",
                    [r.id for r in rows])
