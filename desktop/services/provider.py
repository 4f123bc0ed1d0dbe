"""A provider's use cases on their own clients' appointments.

Cancel on a client's behalf (never a fee), decide late-cancellation requests,
mark no-shows after the grace period, move one occurrence or change a series
from a date on, book single appointments. Every call checks that the actor is a
provider and that the appointment or client is theirs.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from ..rules import series as series_rules
from ..rules.fees import CancellationBy, FeeDecision, fee_decision
from ..rules.money import Money
from ..rules.noshow import NoShowEligibility, no_show_eligibility
from ..rules.policy import FeePolicySnapshot
from ..rules.reasons import ProviderReason
from ..rules.timefmt import format_instant
from ..store.models import (
    Appointment,
    AppointmentStatus,
    Cancellation,
    Charge,
    Client,
    FeePolicy,
    LateCancellationRequest,
    Role,
    Series,
    Service,
    Thread,
    User,
)
from .access import appointment_for, client_for_provider, snapshot
from .actor import Actor, require_role
from .booking import HORIZON, BookingRequest, book_appointment, busy_overlap, materialise
from .catalogue import reasons_catalogue
from .errors import Conflict, InvalidInput, NotAllowed, NotFound, RuleRefused, ServiceError
from .messaging import notify
from .result import Change, OpResult
from .threads import post
from .tx import audit, locked, utc_now, write_transaction

# The reason recorded when changing a series cancels occurrences a conversation refers to.
SERIES_CHANGED_REASON = "provider_other"


def provider_reasons() -> tuple[ProviderReason, ...]:
    """Why a provider may cancel (rule 6: from the reasons catalogue under resources/).
    The id is stored with the cancellation, the provider's note as its text."""
    return reasons_catalogue().provider_reasons


def _require_provider(actor: Actor) -> None:
    require_role(actor, Role.PROVIDER)


def _own_appointment(actor: Actor, appointment_id: int, *, lock: bool = False) -> Appointment:
    """The appointment, if it is in this provider's calendar AND the client is still theirs."""
    _require_provider(actor)
    appt = appointment_for(actor, appointment_id, query=locked(Appointment.select()) if lock else None)
    client = Client.get_by_id(appt.client_id)
    if client.provider_id != actor.provider_id:
        raise NotAllowed("This client now sees another provider; only their provider can act on the appointment.")
    return appt


def _not_scheduled(appt: Appointment) -> Conflict | None:
    if appt.status != AppointmentStatus.SCHEDULED:
        label = AppointmentStatus(appt.status).label.lower()
        return Conflict(f"This appointment is already {label}; nothing was changed.")
    return None


# What the provider may do with one appointment now. The detail panel shows these same
# refusals (its buttons are enabled only where there is none) and the writes raise them.

def _cancel_refusal(appt: Appointment, now: datetime) -> ServiceError | None:
    if appt.ends_at <= now and appt.status == AppointmentStatus.SCHEDULED:
        return RuleRefused("This appointment is already over; mark it a no-show instead if the client missed it.")
    return _not_scheduled(appt)


def _move_refusal(appt: Appointment, now: datetime) -> ServiceError | None:
    if appt.starts_at <= now and appt.status == AppointmentStatus.SCHEDULED:
        return RuleRefused("This appointment has already started; past appointments are never moved.")
    return _not_scheduled(appt)


def _no_show_refusal(appt: Appointment, policy: FeePolicySnapshot, now: datetime,
                     zone: str) -> ServiceError | None:
    if (refusal := _not_scheduled(appt)) is not None:
        return refusal
    eligibility = no_show_eligibility(appt.starts_at, now, policy.grace)
    if not eligibility.allowed:
        return RuleRefused(f"{eligibility.why} That is from {format_instant(eligibility.allowed_from, zone)}.",
                           eligibility)
    # The client asked to cancel before the start: their request is answered first (approve with
    # the late fee, waive, or decline), never overtaken by a no-show fee.
    if LateCancellationRequest.select().where(LateCancellationRequest.appointment == appt.id,
                                              LateCancellationRequest.status == "pending").exists():
        return RuleRefused("The client asked to cancel this appointment before it started. Decide their "
                           "late-cancellation request in Requests first; decline it if the appointment stands.")
    return None


def _raise(refusal: ServiceError | None) -> None:
    if refusal is not None:
        raise refusal


def _bump(appt: Appointment, now: datetime, **fields) -> None:
    """Update the row only if nobody changed it since it was read (rule 10)."""
    updated = (Appointment.update(version=Appointment.version + 1, updated_at=now, **fields)
               .where(Appointment.id == appt.id, Appointment.version == appt.version)
               .execute())
    if updated != 1:
        raise Conflict("This appointment was changed on another workstation a moment ago; nothing was changed. "
                       "Look at it again first.")


def _check_version(appt: Appointment, expected_version: int | None) -> None:
    if expected_version is not None and appt.version != expected_version:
        raise Conflict("This appointment was changed since you opened it; nothing was changed. "
                       "Look at it again first.")


# ---------------------------------------------------------------- reads


@dataclass(frozen=True)
class ClientChoice:
    id: int
    name: str
    time_zone: str


def _client_choices(*where) -> list[ClientChoice]:
    q = (Client.select(Client.id, User.display_name, User.time_zone).join(User).where(*where)
         .order_by(User.display_name))
    return [ClientChoice(*row) for row in q.tuples()]


def my_clients(actor: Actor) -> list[ClientChoice]:
    _require_provider(actor)
    return _client_choices(Client.provider == actor.provider_id, User.active == True)  # noqa: E712


def _client_zone(client_id: int) -> str:
    """The client's time zone: what they are told is in their own clock (rule 9)."""
    return User.select(User.time_zone).join(Client).where(Client.id == client_id).scalar()


@dataclass(frozen=True)
class ServiceChoice:
    id: int
    name: str
    duration_minutes: int
    telehealth: bool


def my_services(actor: Actor) -> list[ServiceChoice]:
    _require_provider(actor)
    q = (Service.select(Service.id, Service.name, Service.duration_minutes, Service.telehealth)
         .where(Service.provider == actor.provider_id, Service.active == True)  # noqa: E712
         .order_by(Service.id))
    return [ServiceChoice(*row) for row in q.tuples()]


@dataclass(frozen=True)
class AppointmentDetail:
    id: int
    version: int
    start: datetime
    end: datetime
    status: str
    status_label: str
    client_id: int
    client_name: str
    series_id: int | None
    series_summary: str
    series_frequency: series_rules.Frequency | None
    policy: FeePolicySnapshot
    no_show: NoShowEligibility
    pending_request_id: int | None
    charges: tuple[tuple[str, Money, str], ...]  # (kind, amount, status)
    cancellation: str  # who and why, or ""
    # Why the provider cannot do each action now ("" when they can): the very refusal the
    # write would raise, so the panel and the service cannot disagree.
    cancel_refusal: str
    move_refusal: str
    no_show_refusal: str
    no_show_fee: FeeDecision  # what marking it a no-show charges (the booked policy, rule 4)


def _frequency(rule_text: str) -> series_rules.Frequency:
    parts = series_rules.rule_parts(rule_text)
    if parts.get("FREQ") == "MONTHLY":
        return series_rules.Frequency.MONTHLY_BY_WEEKDAY
    return series_rules.Frequency.EVERY_2_WEEKS if parts.get("INTERVAL") == "2" else series_rules.Frequency.WEEKLY


def _message(refusal: ServiceError | None) -> str:
    return refusal.message if refusal is not None else ""


def appointment_detail(actor: Actor, appointment_id: int, *, now: datetime | None = None) -> AppointmentDetail:
    now = utc_now(now)
    appt = _own_appointment(actor, appointment_id)
    policy = snapshot(FeePolicy.get_by_id(appt.policy_id))
    client_name = (User.select(User.display_name).join(Client).where(Client.id == appt.client_id).scalar())
    summary, frequency = "", None
    if appt.series_id:
        s = Series.get_by_id(appt.series_id)
        summary = series_rules.rule_summary(s.rrule, datetime.fromisoformat(s.first_local))
        frequency = _frequency(s.rrule)
    pending = (LateCancellationRequest.select(LateCancellationRequest.id)
               .where(LateCancellationRequest.appointment == appt.id, LateCancellationRequest.status == "pending")
               .scalar())
    charges = tuple((k, Money(c, cur), st) for k, c, cur, st in
                    Charge.select(Charge.kind, Charge.amount_cents, Charge.currency, Charge.status)
                    .where(Charge.appointment == appt.id).tuples())
    cancel = Cancellation.get_or_none(Cancellation.appointment == appt.id)
    cancel_text = ""
    if cancel is not None:
        label = reasons_catalogue().label_for(cancel.reason_code)
        cancel_text = f"{label}. {cancel.other_text}".strip() if cancel.other_text else label
    return AppointmentDetail(
        appt.id, appt.version, appt.starts_at, appt.ends_at, appt.status,
        AppointmentStatus(appt.status).label, appt.client_id, client_name or "",
        appt.series_id, summary, frequency, policy, no_show_eligibility(appt.starts_at, now, policy.grace), pending,
        charges, cancel_text, _message(_cancel_refusal(appt, now)), _message(_move_refusal(appt, now)),
        _message(_no_show_refusal(appt, policy, now, actor.time_zone)), fee_decision(CancellationBy.NO_SHOW, policy),
    )


# ---------------------------------------------------------------- cancel on the client's behalf


def _provider_reason(reason_code: str, note: str) -> ProviderReason:
    problems = reasons_catalogue().validate_provider_reason(reason_code, note)
    if problems:
        raise InvalidInput(" ".join(problems))
    return reasons_catalogue().provider_reason(reason_code)


def _no_provider_fee(policy_id: int) -> None:
    fee = fee_decision(CancellationBy.PROVIDER, snapshot(FeePolicy.get_by_id(policy_id)))
    assert not fee.charges  # rule 4: a provider-side cancellation never carries a fee


def _charge(appt: Appointment, policy_id: int, fee: FeeDecision, now: datetime) -> int | None:
    """The fee's charge for this appointment, if the fee decision charges anything."""
    if not fee.charges:
        return None
    return Charge.create(appointment=appt.id, client=appt.client_id, provider=appt.provider_id, policy=policy_id,
                         kind=fee.kind.value, original_cents=fee.amount.cents, amount_cents=fee.amount.cents,
                         currency=fee.amount.currency, created_at=now).id


def cancel_for_client(actor: Actor, appointment_id: int, reason_code: str, note: str = "", *,
                      expected_version: int | None = None, now: datetime | None = None) -> OpResult:
    """The provider cancels; the reason is recorded, no fee ever, the client is told."""
    now = utc_now(now)
    _require_provider(actor)
    reason = _provider_reason(reason_code, note)
    with write_transaction():
        appt = _own_appointment(actor, appointment_id, lock=True)
        _raise(_cancel_refusal(appt, now))
        _check_version(appt, expected_version)
        _no_provider_fee(appt.policy_id)
        _bump(appt, now, status=AppointmentStatus.CANCELLED_BY_PROVIDER)
        Cancellation.create(appointment=appt.id, cancelled_by=actor.user_id, kind="provider",
                            reason_code=reason_code, other_text=note.strip(), created_at=now)
        client_zone = _client_zone(appt.client_id)
        when = format_instant(appt.starts_at, client_zone)
        body = (f"{actor.display_name} cancelled your appointment on {when}: "
                f"{reason.label.lower()}. There is no fee for this cancellation.")
        if note.strip():
            body += "\n\n" + note.strip()
        notify(appt.client_id, appt.provider_id, f"Appointment cancelled: {when}", body,
               appointment_id=appt.id, sender_user_id=actor.user_id, now=now)
        closed = _close_pending_requests([appt.id], actor, now)
        audit(actor, "provider_cancel", "appointment", appt.id, at=now, reason=reason_code,
              start=appt.starts_at.isoformat(), closed_requests=closed)
    return OpResult(Change.APPOINTMENTS | Change.MESSAGES, "Appointment cancelled; the client was told.", appt.id)


CLOSED_BY_CANCELLATION = "closed_cancelled"


def _close_pending_requests(appointment_ids: list[int], actor: Actor, now: datetime) -> list[int]:
    """A provider's cancellation answers any pending late-cancellation request for those
    appointments: it leaves the inbox, closed, with no fee. Returns the closed request ids."""
    ids = [i for (i,) in LateCancellationRequest.select(LateCancellationRequest.id).where(
        LateCancellationRequest.appointment.in_(appointment_ids),
        LateCancellationRequest.status == "pending").tuples()]
    if ids:
        (LateCancellationRequest
         .update(status=CLOSED_BY_CANCELLATION, decided_by=actor.user_id, decided_at=now,
                 reply="Your provider cancelled this appointment; no fee applies.",
                 version=LateCancellationRequest.version + 1)
         .where(LateCancellationRequest.id.in_(ids)).execute())
    return ids


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


def _refuse_series_cancel(appt: Appointment, now: datetime) -> None:
    if appt.series_id is None:
        raise InvalidInput("This appointment does not repeat; cancel it on its own.")
    _raise(_not_scheduled(appt))
    if appt.ends_at <= now:
        raise RuleRefused("This appointment is already over; past appointments are never cancelled.")


def series_cancel_preview(actor: Actor, appointment_id: int, *, now: datetime | None = None) -> SeriesCancelPreview:
    """How many appointments cancelling the series from this occurrence on would cancel (one query)."""
    now = utc_now(now)
    appt = _own_appointment(actor, appointment_id)
    _refuse_series_cancel(appt, now)
    starts = [s for (s,) in _series_from(appt, now).select(Appointment.starts_at).tuples()]
    return SeriesCancelPreview(appt.series_id, len(starts), starts[0] if starts else None,
                               starts[-1] if starts else None)


def cancel_series_from_for_client(actor: Actor, appointment_id: int, reason_code: str, note: str = "", *,
                                  expected_version: int | None = None, expected_count: int | None = None,
                                  now: datetime | None = None) -> OpResult:
    """The provider cancels this occurrence and every later scheduled one of its series, at once:
    reason recorded on each, no fee ever, past occurrences untouched, the series ended so the
    horizon job never brings occurrences back, the client told once. ``expected_count`` is what
    the preview showed: if it changed since, nothing is done."""
    now = utc_now(now)
    _require_provider(actor)
    reason = _provider_reason(reason_code, note)
    note = note.strip()
    with write_transaction():
        appt = _own_appointment(actor, appointment_id, lock=True)
        _refuse_series_cancel(appt, now)
        _check_version(appt, expected_version)
        rows = list(locked(_series_from(appt, now)))
        if expected_count is not None and len(rows) != expected_count:
            raise Conflict(f"The series now has {len(rows)} appointments to cancel from this date, not "
                           f"{expected_count}; nothing was cancelled. Look at it again first.")
        for policy_id in {r.policy_id for r in rows}:
            _no_provider_fee(policy_id)
        for row in rows:
            _bump(row, now, status=AppointmentStatus.CANCELLED_BY_PROVIDER)
        Cancellation.insert_many([
            {"appointment": r.id, "cancelled_by": actor.user_id, "kind": "provider", "reason_code": reason_code,
             "other_text": note, "answers": {}, "created_at": now} for r in rows]).execute()
        series = Series.get_by_id(appt.series_id)
        zone = ZoneInfo(series.time_zone)
        from_day = appt.starts_at.astimezone(zone).date()
        fields: dict = {"ended": True}
        earlier = Appointment.select().where(Appointment.series == series.id,
                                             Appointment.starts_at < appt.starts_at).exists()
        if earlier:
            # The rule ends the day before, so the series reads as what really took place.
            fields["rrule"] = _end_rule_before(series.rrule, from_day)
        Series.update(**fields).where(Series.id == series.id).execute()
        client_zone = _client_zone(appt.client_id)
        n = len(rows)
        plural = "s" if n != 1 else ""
        first_text = format_instant(rows[0].starts_at, client_zone, with_year=True)
        span = f"from {first_text}"
        if n > 1:
            span += f" to {format_instant(rows[-1].starts_at, client_zone, with_year=True)}"
        body = (f"{actor.display_name} cancelled {n} appointment{plural} of your repeating appointment, {span}. "
                f"Reason: {reason.label}. There is no fee for this cancellation. "
                "The repeating appointment ends; earlier appointments are unchanged.")
        if note:
            body += "\n\n" + note
        notify(appt.client_id, appt.provider_id, f"Repeating appointment cancelled from {first_text}", body,
               appointment_id=appt.id, sender_user_id=actor.user_id, now=now)
        closed = _close_pending_requests([r.id for r in rows], actor, now)
        audit(actor, "provider_cancel_series_from", "series", series.id, at=now, reason=reason_code,
              appointment=appt.id, start=appt.starts_at.isoformat(), cancelled=[r.id for r in rows],
              closed_requests=closed,
              rrule=fields.get("rrule", series.rrule))
    return OpResult(Change.APPOINTMENTS | Change.MESSAGES,
                    f"{n} appointment{plural} cancelled from {from_day:%-d %b %Y}; the client was told.",
                    [r.id for r in rows])


# ---------------------------------------------------------------- late-cancellation requests


class LateDecision(enum.Enum):
    APPROVE_WITH_FEE = "approved_with_fee"
    APPROVE_WAIVE = "approved_waived"
    DECLINE = "declined"

    @property
    def label(self) -> str:
        return {LateDecision.APPROVE_WITH_FEE: "Approve with fee",
                LateDecision.APPROVE_WAIVE: "Approve and waive fee",
                LateDecision.DECLINE: "Decline"}[self]


def _late_refusal(request_status: str, appointment_status: str, decision: LateDecision) -> ServiceError | None:
    """Why ``decision`` cannot be taken on a request now, or None. Approving late-cancels the
    appointment, so it needs one that is still scheduled; declining only closes the request."""
    if request_status != "pending":
        return Conflict(f"This request was already decided ({request_status.replace('_', ' ')}); "
                        "nothing was changed.")
    if decision is not LateDecision.DECLINE and appointment_status != AppointmentStatus.SCHEDULED:
        label = AppointmentStatus(appointment_status).label.lower()
        return Conflict(f"The appointment is already {label}, so it can no longer be late-cancelled; "
                        "decline the request to close it.")
    return None


def late_decisions(request_status: str, appointment_status: str) -> tuple[LateDecision, ...]:
    """The decisions the provider can take on a request now (none once it is decided)."""
    return tuple(d for d in LateDecision if _late_refusal(request_status, appointment_status, d) is None)


@dataclass(frozen=True)
class LateRequestRow:
    id: int
    version: int
    status: str
    appointment_id: int
    appointment_start: datetime
    appointment_end: datetime
    appointment_status: str
    client_id: int
    client_name: str
    message: str
    fee: Money  # the late-cancellation fee of the booked policy version
    policy_version: int
    thread_id: int
    created_at: datetime
    reply: str
    decisions: tuple[LateDecision, ...]  # what can be decided now (see late_decisions)
    approval_refusal: str  # why it cannot be approved, or ""


def late_requests(actor: Actor, *, pending_only: bool = True) -> list[LateRequestRow]:
    """This provider's late-cancellation requests, oldest pending first (one query)."""
    _require_provider(actor)
    R = LateCancellationRequest
    q = (R.select(R.id, R.version, R.status, Appointment.id, Appointment.starts_at, Appointment.ends_at,
                  Appointment.status, R.client, User.display_name, R.message, FeePolicy.late_cancellation_fee_cents,
                  FeePolicy.currency, FeePolicy.version, R.thread, R.created_at, R.reply)
         .join(Appointment, on=(R.appointment == Appointment.id))
         .join(FeePolicy, on=(Appointment.policy == FeePolicy.id))
         .switch(R).join(Client, on=(R.client == Client.id)).join(User, on=(Client.user == User.id))
         .where(Appointment.provider == actor.provider_id))
    if pending_only:
        q = q.where(R.status == "pending").order_by(R.created_at, R.id)
    else:
        q = q.order_by(R.created_at.desc(), R.id.desc())
    return [LateRequestRow(rid, ver, st, aid, s, e, ast, cid, cname, msg or "", Money(fee, cur), pver, tid, created,
                           rep or "", late_decisions(st, ast),
                           _message(_late_refusal(st, ast, LateDecision.APPROVE_WITH_FEE)))
            for rid, ver, st, aid, s, e, ast, cid, cname, msg, fee, cur, pver, tid, created, rep in q.tuples()]


def decide_late_request(actor: Actor, request_id: int, decision: LateDecision, reply: str = "", *,
                        expected_version: int | None = None, now: datetime | None = None) -> OpResult:
    """Approve with the booked policy's late fee, approve and waive it, or decline (the appointment stands)."""
    now = utc_now(now)
    _require_provider(actor)
    reply = reply.strip()
    with write_transaction():
        request = locked(LateCancellationRequest.select()).where(LateCancellationRequest.id == request_id).first()
        if request is None:
            raise NotFound("That late-cancellation request no longer exists.")
        appt = _own_appointment(actor, request.appointment_id, lock=True)
        _raise(_late_refusal(request.status, appt.status, decision))
        if expected_version is not None and request.version != expected_version:
            raise Conflict("This request changed since you opened it; nothing was changed.")
        fee: FeeDecision | None = None
        charge_id = None
        if decision is LateDecision.DECLINE:
            text = "Your late-cancellation request was declined: the appointment stands."
        else:
            policy_row = FeePolicy.get_by_id(appt.policy_id)
            fee = fee_decision(CancellationBy.CLIENT_LATE, snapshot(policy_row),
                               waive=decision is LateDecision.APPROVE_WAIVE)
            _bump(appt, now, status=AppointmentStatus.LATE_CANCELLED)
            Cancellation.create(appointment=appt.id, cancelled_by=actor.user_id, kind="late",
                                reason_code=request.reason_code or "late_request", answers=request.answers,
                                other_text=request.message, created_at=now)
            charge_id = _charge(appt, policy_row.id, fee, now)
            if charge_id is not None:
                text = (f"Your late-cancellation request was approved. A late-cancellation fee of "
                        f"{fee.amount.format()} applies (not covered by insurance).")
            else:
                text = ("Your late-cancellation request was approved and the fee was waived." if fee.waived else
                        "Your late-cancellation request was approved. Your booked policy has no late-cancellation "
                        "fee, so there is nothing to pay.")
        updated = (LateCancellationRequest
                   .update(status=decision.value, reply=reply, decided_by=actor.user_id, decided_at=now,
                           version=LateCancellationRequest.version + 1)
                   .where(LateCancellationRequest.id == request.id,
                          LateCancellationRequest.version == request.version,
                          LateCancellationRequest.status == "pending")
                   .execute())
        if updated != 1:
            raise Conflict("This request was decided on another workstation a moment ago; nothing was changed.")
        thread = request.thread
        post(thread, None, text, now=now)
        if reply:
            post(thread, actor.user_id, reply, now=now)
        audit(actor, "decide_late_request", "late_cancellation_request", request.id, at=now,
              decision=decision.value, appointment=appt.id, charge=charge_id,
              fee_cents=fee.amount.cents if fee else 0)
    changes = Change.LATE_REQUESTS | Change.MESSAGES
    if decision is not LateDecision.DECLINE:
        changes |= Change.APPOINTMENTS
    if charge_id is not None:
        changes |= Change.CHARGES
    summary = {LateDecision.APPROVE_WITH_FEE: "Request approved; the late-cancellation fee was charged.",
               LateDecision.APPROVE_WAIVE: "Request approved; the fee was waived.",
               LateDecision.DECLINE: "Request declined; the appointment stands."}[decision]
    if decision is LateDecision.APPROVE_WITH_FEE and charge_id is None:
        summary = "Request approved; the booked policy has no late-cancellation fee."
    return OpResult(changes, summary, charge_id)


# ---------------------------------------------------------------- no-show


def mark_no_show(actor: Actor, appointment_id: int, *, waive: bool = False, expected_version: int | None = None,
                 now: datetime | None = None) -> OpResult:
    """After the grace period: the booked policy's no-show fee is charged unless waived."""
    now = utc_now(now)
    _require_provider(actor)
    with write_transaction():
        appt = _own_appointment(actor, appointment_id, lock=True)
        policy_row = FeePolicy.get_by_id(appt.policy_id)
        policy = snapshot(policy_row)
        _raise(_no_show_refusal(appt, policy, now, actor.time_zone))
        _check_version(appt, expected_version)
        fee = fee_decision(CancellationBy.NO_SHOW, policy, waive=waive)
        _bump(appt, now, status=AppointmentStatus.NO_SHOW)
        charge_id = _charge(appt, policy_row.id, fee, now)
        audit(actor, "mark_no_show", "appointment", appt.id, at=now, waived=waive, charge=charge_id,
              fee_cents=fee.amount.cents)
    changes = Change.APPOINTMENTS | (Change.CHARGES if charge_id else Change.NONE)
    summary = (f"Marked as a no-show; a fee of {fee.amount.format()} was charged." if charge_id
               else "Marked as a no-show; no fee was charged.")
    return OpResult(changes, summary, charge_id)


# ---------------------------------------------------------------- create and edit


def book_for_client(actor: Actor, client_id: int, start: datetime, duration: timedelta, *,
                    service_id: int | None = None, location: str = "", telehealth: bool = False,
                    now: datetime | None = None) -> OpResult:
    """A single appointment in this provider's calendar for one of their clients."""
    _require_provider(actor)
    return book_appointment(actor, BookingRequest(actor.provider_id, client_id, start, duration, service_id,
                                                  location, telehealth), now=now)


def move_occurrence(actor: Actor, appointment_id: int, new_start: datetime, *,
                    expected_version: int | None = None, now: datetime | None = None) -> OpResult:
    """Move one appointment (a single or one occurrence of a series) to another time, same length."""
    now = utc_now(now)
    _require_provider(actor)
    if new_start.tzinfo is None:
        raise InvalidInput("The new start must be a time-zone-aware instant.")
    if new_start <= now:
        raise InvalidInput("That time has already passed; pick a time in the future.")
    with write_transaction():
        appt = _own_appointment(actor, appointment_id, lock=True)
        _raise(_move_refusal(appt, now))
        _check_version(appt, expected_version)
        new_end = new_start + (appt.ends_at - appt.starts_at)
        if busy_overlap(appt.provider_id, appt.client_id, new_start, new_end, exclude_id=appt.id) is not None:
            raise Conflict("That time is taken by another appointment; pick another time.")
        if appt.series_id and Appointment.select().where(Appointment.series == appt.series_id,
                                                         Appointment.starts_at == new_start,
                                                         Appointment.id != appt.id).exists():
            raise Conflict("Another occurrence of this series already starts then.")
        old = appt.starts_at
        _bump(appt, now, starts_at=new_start, ends_at=new_end)
        client_zone = _client_zone(appt.client_id)
        notify(appt.client_id, appt.provider_id, f"Appointment moved: {format_instant(new_start, client_zone)}",
               f"{actor.display_name} moved your appointment from {format_instant(old, client_zone)} to "
               f"{format_instant(new_start, client_zone)}.", appointment_id=appt.id,
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


def _end_rule_before(rule_text: str, day: date) -> str:
    """The same rule, ending on the day before ``day`` (a count becomes an end date)."""
    parts = [p for p in rule_text.split(";") if not p.upper().startswith(("COUNT=", "UNTIL="))]
    last = day - timedelta(days=1)
    parts.append(f"UNTIL={last:%Y%m%d}T235959")
    return ";".join(parts)


def change_series_from(actor: Actor, appointment_id: int, change: SeriesChange, *,
                       expected_version: int | None = None, now: datetime | None = None) -> OpResult:
    """Change a series from this occurrence on: the old series ends the day before it, a new
    series (same booked policy) starts; past occurrences and ones already cancelled are untouched."""
    now = utc_now(now)
    _require_provider(actor)
    zone = ZoneInfo(change.time_zone)
    try:
        rule = series_rules.build_rrule(change.frequency, change.first_local.date(), until=change.until,
                                        count=change.count)
    except ValueError as exc:
        raise InvalidInput(str(exc).capitalize() + ".") from exc
    first_utc = series_rules.local_to_utc(change.first_local, zone)
    if first_utc <= now:
        raise InvalidInput("The changed series must start in the future.")
    with write_transaction():
        appt = _own_appointment(actor, appointment_id, lock=True)
        if appt.series_id is None:
            raise InvalidInput("This appointment does not repeat; move it on its own.")
        if appt.starts_at <= now:
            raise RuleRefused("Pick an upcoming occurrence: past appointments are never changed.")
        # Changed or cancelled on another workstation since it was shown: a second change
        # would start a second series over the first one's (rule 10).
        _raise(_not_scheduled(appt))
        _check_version(appt, expected_version)
        old = Series.get_by_id(appt.series_id)
        from_day = appt.starts_at.astimezone(ZoneInfo(old.time_zone)).date()
        if change.first_local.date() < from_day - timedelta(days=6):
            raise InvalidInput("The changed series cannot start more than a week before the occurrence it "
                               "replaces.")
        # Future scheduled occurrences of the old series from that day on go; anything a
        # request or charge refers to stays (it is history the client has seen).
        boundary = series_rules.local_to_utc(datetime.combine(from_day, datetime.min.time()),
                                             ZoneInfo(old.time_zone))
        doomed = [i for (i,) in Appointment.select(Appointment.id).where(
            Appointment.series == old.id, Appointment.starts_at >= boundary,
            Appointment.status == AppointmentStatus.SCHEDULED).tuples()]
        if doomed and LateCancellationRequest.select().where(
                LateCancellationRequest.appointment.in_(doomed),
                LateCancellationRequest.status == "pending").exists():
            raise Conflict("An occurrence from that date on has a pending late-cancellation request; "
                           "decide it first.")
        # Rows a conversation or a past request refers to are kept, cancelled by the provider.
        kept = ({i for (i,) in Thread.select(Thread.appointment).where(Thread.appointment.in_(doomed)).tuples()}
                | {i for (i,) in LateCancellationRequest.select(LateCancellationRequest.appointment)
                   .where(LateCancellationRequest.appointment.in_(doomed)).tuples()}) if doomed else set()
        for appt_id in sorted(kept):
            Appointment.update(status=AppointmentStatus.CANCELLED_BY_PROVIDER, version=Appointment.version + 1,
                               updated_at=now).where(Appointment.id == appt_id).execute()
            Cancellation.create(appointment=appt_id, cancelled_by=actor.user_id, kind="provider",
                                reason_code=SERIES_CHANGED_REASON, other_text="The repeating appointment was changed.",
                                created_at=now)
        removed = [i for i in doomed if i not in kept]
        if removed:
            Appointment.delete().where(Appointment.id.in_(removed)).execute()
        Series.update(rrule=_end_rule_before(old.rrule, from_day), ended=True).where(Series.id == old.id).execute()
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
        client_zone = _client_zone(old.client_id)
        summary_text = series_rules.rule_summary(rule, change.first_local)
        notify(old.client_id, old.provider_id, "Your repeating appointment changed",
               f"{actor.display_name} changed your repeating appointment from "
               f"{format_instant(first_utc, client_zone)} on: {summary_text}.",
               sender_user_id=actor.user_id, now=now)
        audit(actor, "change_series_from", "series", old.id, at=now, new_series=new.id, removed=doomed,
              created=created, skipped_for_clash=skipped, rrule=rule)
    summary = f"Series changed from {from_day:%-d %b}: {created} occurrences booked."
    if skipped:
        summary += f" {skipped} skipped because the time was taken."
    return OpResult(Change.APPOINTMENTS | Change.MESSAGES, summary, new.id)


def client_for(actor: Actor, client_id: int) -> ClientChoice:
    """One of this provider's clients (refuses anyone else's)."""
    _require_provider(actor)
    return _client_choices(Client.id == client_for_provider(actor, client_id).id)[0]


def charge_summary(actor: Actor, charge_id: int) -> str:
    """A line about one of this provider's charges (a dispute thread shows what it is about)."""
    _require_provider(actor)
    row = (Charge.select(Charge.kind, Charge.amount_cents, Charge.original_cents, Charge.currency, Charge.status,
                         Appointment.starts_at)
           .join(Appointment).where(Charge.id == charge_id, Charge.provider == actor.provider_id).tuples().first())
    if row is None:
        raise NotFound("That charge is not one of yours.")
    kind, amount, original, currency, status, start = row
    text = (f"{kind.replace('_', ' ').capitalize()} fee {Money(amount, currency).format()} ({status}) for "
            f"{format_instant(start, actor.time_zone)}")
    if amount != original:
        text += f", originally {Money(original, currency).format()}"
    return text + ". Not covered by insurance."
