"""A client's cancellations: one occurrence, all upcoming of a series, or a
late-cancellation request when the notice rule blocks it."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime

from ..rules.late_requests import second_request_refusal
from ..rules.notice import NoticeDecision, NoticeStatus, notice_decision
from ..rules.policy import FeePolicySnapshot
from ..rules.series import OccurrenceState, SeriesCancellationPlan, plan_series_cancellation
from ..rules.timefmt import format_instant
from ..store.bulk import insert_dicts
from ..store.models import (
    Appointment,
    AppointmentStatus,
    Cancellation,
    CancellationKind,
    FeePolicy,
    LateCancellationRequest,
    Role,
    Series,
    ThreadKind,
)
from .access import appointment_for, snapshot
from .actor import Actor, current_actor, require_role
from .catalogue import reasons_catalogue
from .errors import Conflict, InvalidInput, RuleRefused
from .guards import (
    Outcome,
    check_version,
    lock_appointment_ids,
    own_appointment,
    own_occurrence_in_series_order,
    pending_late_request,
    require_scheduled,
    update_all_scheduled,
    update_scheduled,
)
from .late_outcomes import late_request_outcomes
from .result import Change, OpResult
from .threads import open_thread, post
from .tx import audit, utc_now, write_transaction
from .urgent import ContactRaised, raise_contact_request
from .validation import entry_point


@dataclass(frozen=True)
class CancelPreview:
    """What cancelling would do now, for the screen to render (it decides nothing)."""

    appointment_id: int
    version: int
    start: datetime
    status: str
    policy: FeePolicySnapshot
    decision: NoticeDecision
    series_id: int | None
    series_plan: SeriesCancellationPlan | None
    pending_late_request: bool


def _series_plan(series_id: int, now: datetime, policy: FeePolicySnapshot) -> SeriesCancellationPlan:
    rows = (Appointment.select(Appointment.id, Appointment.starts_at, Appointment.status)
            .where(Appointment.series == series_id, Appointment.starts_at > now)
            .tuples())
    states = [OccurrenceState(i, s, st == AppointmentStatus.SCHEDULED) for i, s, st in rows]
    return plan_series_cancellation(states, now, policy.notice)


@entry_point
def cancel_preview(actor: Actor, appointment_id: int, *, now: datetime | None = None) -> CancelPreview:
    current_actor(actor)
    now = utc_now(now)
    appt = appointment_for(actor, appointment_id)
    policy = snapshot(FeePolicy.get_by_id(appt.policy_id))
    plan = _series_plan(appt.series_id, now, policy) if appt.series_id else None
    pending = pending_late_request(appt.id) is not None
    return CancelPreview(
        appointment_id=appt.id, version=appt.version, start=appt.starts_at, status=appt.status, policy=policy,
        decision=notice_decision(appt.starts_at, now, policy.notice), series_id=appt.series_id, series_plan=plan,
        pending_late_request=pending,
    )


def _check_reason(reason_code: str, answers: Mapping[str, str], other_text: str) -> None:
    catalogue = reasons_catalogue()
    problems = catalogue.validate_answers(reason_code, answers, other_text)
    if problems:
        known = any(r.id == reason_code for r in catalogue.reasons)
        raise InvalidInput(" ".join(problems), field="answers" if known else "reason_code")


def _cancel_row(appt: Appointment, actor: Actor, reason_code: str, answers: Mapping[str, str], other_text: str,
                now: datetime) -> None:
    """The client cancels one scheduled appointment with notice (no fee)."""
    update_scheduled(appt, now, Outcome.CANCELLED, status=AppointmentStatus.CANCELLED_BY_CLIENT)
    Cancellation.create(appointment=appt.id, cancelled_by=actor.user_id, kind=CancellationKind.CLIENT,
                        reason_code=reason_code, other_text=other_text.strip(), answers=dict(answers), created_at=now)


@entry_point
def client_cancel_one(actor: Actor, appointment_id: int, reason_code: str, answers: Mapping[str, str] | None = None,
                      other_text: str = "", *, expected_version: int | None = None,
                      now: datetime | None = None) -> OpResult:
    require_role(actor, Role.CLIENT)
    answers = dict(answers or {})
    _check_reason(reason_code, answers, other_text)
    with write_transaction(actor):
        appt = own_appointment(actor, appointment_id, lock=True)
        now = utc_now(now)  # the server's clock on PostgreSQL, read under the lock
        require_scheduled(appt)
        check_version(appt, expected_version, Outcome.CANCELLED)
        policy = snapshot(FeePolicy.get_by_id(appt.policy_id))
        decision = notice_decision(appt.starts_at, now, policy.notice)
        if not decision.allowed:
            raise RuleRefused(blocked_message(decision, actor.time_zone), decision)
        _cancel_row(appt, actor, reason_code, answers, other_text, now)
        audit(actor, "client_cancel", "appointment", appt.id, at=now, reason=reason_code,
              start=appt.starts_at.isoformat())
        raised = raise_contact_request(actor, appt, reason_code, answers, what="cancelled the appointment on",
                                       now=now)
    return _result(Change.APPOINTMENTS, "Appointment cancelled.", [appt.id], raised)


def _result(changes: Change, summary: str, value, raised: ContactRaised | None) -> OpResult:
    """The use case's result; an urgent item raised with it adds its changes and the client's notice."""
    if raised is None:
        return OpResult(changes, summary, value)
    return OpResult(changes | Change.URGENT | Change.MESSAGES, summary, value, notice=raised.confirmation)


def blocked_message(decision: NoticeDecision, zone: str) -> str:
    """Why a client may no longer cancel (or move) an appointment themselves, with the
    deadline in ``zone`` and the way on (a late-cancellation request)."""
    if decision.status is NoticeStatus.ALREADY_STARTED:
        return decision.why
    return (f"{decision.why} Free cancellation ended {format_instant(decision.deadline, zone)}. "
            "You can send your provider a late-cancellation request instead.")


@entry_point
def client_cancel_upcoming(actor: Actor, appointment_id: int, reason_code: str,
                           answers: Mapping[str, str] | None = None, other_text: str = "", *,
                           expected_ids: list[int] | None = None, now: datetime | None = None) -> OpResult:
    """Cancel every upcoming occurrence of the appointment's series that the notice
    rule allows, atomically. ``expected_ids`` is what the preview showed: if the
    plan changed since (time passed, another workstation acted) nothing is done."""
    require_role(actor, Role.CLIENT)
    answers = dict(answers or {})
    _check_reason(reason_code, answers, other_text)
    with write_transaction(actor):
        appt = own_occurrence_in_series_order(actor, appointment_id)
        now = utc_now(now)
        if appt.series_id is None:
            raise InvalidInput("This appointment does not repeat; cancel it on its own.")
        policy = snapshot(FeePolicy.get_by_id(appt.policy_id))
        plan = _series_plan(appt.series_id, now, policy)
        ids = [p.id for p in plan.cancel]
        if expected_ids is not None and sorted(expected_ids) != sorted(ids):
            raise Conflict("The list of appointments to cancel has changed since you looked at it "
                           "(time passed or the calendar changed). Nothing was cancelled; please review it again.")
        if not ids:
            raise RuleRefused("None of the upcoming appointments can be cancelled online: they are all inside "
                              "the notice window. Send a late-cancellation request instead.")
        lock_appointment_ids(ids)  # one SELECT id … FOR UPDATE … ORDER BY id
        # Set-based: one UPDATE for all of them (its row count checked), one INSERT of their
        # cancellation rows.
        update_all_scheduled(ids, now, Outcome.CANCELLED, status=AppointmentStatus.CANCELLED_BY_CLIENT)
        insert_dicts(Cancellation, [
            {"appointment": occ_id, "cancelled_by": actor.user_id, "kind": CancellationKind.CLIENT,
             "reason_code": reason_code, "other_text": other_text.strip(), "answers": dict(answers),
             "created_at": now} for occ_id in ids])
        # "All upcoming" ends the series too: the background horizon job must not bring
        # back occurrences beyond the ones just cancelled.
        Series.update(ended=True).where(Series.id == appt.series_id).execute()
        audit(actor, "client_cancel_upcoming", "series", appt.series_id, at=now, reason=reason_code,
              cancelled=ids, stayed=[p.id for p in plan.stay])
        # One urgent item for the whole series: the person asked once.
        raised = None
        if reasons_catalogue().contact_requests(reason_code, answers):  # read the first one only then
            raised = raise_contact_request(actor, Appointment.get_by_id(ids[0]), reason_code, answers,
                                           what="cancelled all upcoming repeating appointments from", now=now)
    stay = len(plan.stay)
    summary = f"{len(ids)} appointment{'s' if len(ids) != 1 else ''} cancelled."
    if stay:
        summary += f" {stay} inside the notice window stay{'s' if stay == 1 else ''} booked."
    return _result(Change.APPOINTMENTS, summary, ids, raised)


@entry_point
def request_late_cancellation(actor: Actor, appointment_id: int, message: str = "", *,
                              reason_code: str = "", answers: Mapping[str, str] | None = None,
                              now: datetime | None = None) -> OpResult:
    """Inside the window: ask the provider, by a message tied to the appointment. A reason, when
    given, and its answers are checked against the catalogue like a cancellation's (the message
    is the free text an "Other" reason asks for)."""
    require_role(actor, Role.CLIENT)
    answers = dict(answers or {})
    if reason_code:
        _check_reason(reason_code, answers, message)
    elif answers:
        raise InvalidInput("Answers belong to a reason: pick the reason first.", field="answers")
    with write_transaction(actor):
        appt = own_appointment(actor, appointment_id, lock=True)
        now = utc_now(now)
        require_scheduled(appt)
        policy = snapshot(FeePolicy.get_by_id(appt.policy_id))
        decision = notice_decision(appt.starts_at, now, policy.notice)
        if decision.allowed:
            raise RuleRefused("You can still cancel this appointment yourself, free of charge.", decision)
        if decision.status is NoticeStatus.ALREADY_STARTED:
            raise RuleRefused(decision.why, decision)
        earlier = late_request_outcomes([appt.id], {appt.id: policy.late_cancellation_fee}).get(appt.id)
        refusal = second_request_refusal(earlier, actor.time_zone)
        if refusal is not None:
            raise Conflict(refusal)
        when = format_instant(appt.starts_at, actor.time_zone)
        thread = open_thread(appt.client_id, appt.provider_id, f"Late-cancellation request: {when}",
                             kind=ThreadKind.LATE_CANCELLATION, appointment_id=appt.id, now=now)
        body = f"I would like to cancel my appointment on {when}."
        if message.strip():
            body += "\n\n" + message.strip()
        post(thread, actor.user_id, body, now=now)
        request = LateCancellationRequest.create(
            appointment=appt.id, client=appt.client_id, thread=thread, message=message.strip(),
            reason_code=reason_code, answers=answers, created_at=now,
        )
        audit(actor, "request_late_cancellation", "appointment", appt.id, at=now, request=request.id)
        raised = raise_contact_request(actor, appt, reason_code, dict(answers or {}),
                                       what="asked to cancel the appointment on", now=now)
    return _result(Change.LATE_REQUESTS | Change.MESSAGES, "Your request was sent to your provider.", request.id,
                   raised)
