"""The provider's inbox of late-cancellation requests (rule 2) and their decisions:
approve with the booked policy's late fee, approve and waive it, or decline."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from ...rules.fees import CancellationBy, FeeDecision, fee_decision
from ...rules.late_requests import LateDecision, late_decisions, late_refusal
from ...rules.money import Money
from ...rules.wording import INSURANCE_SENTENCE
from ...store.compiled import CompiledSelect, Param, instances
from ...store.models import (
    Appointment,
    AppointmentStatus,
    Cancellation,
    CancellationKind,
    Client,
    FeePolicy,
    LateCancellationRequest,
    LateRequestStatus,
    Role,
    User,
)
from ..access import snapshot
from ..actor import Actor, current_actor, require_role
from ..errors import Conflict, NotFound
from ..guards import enforce, own_appointment, update_scheduled
from ..result import Change, OpResult
from ..threads import post
from ..tx import audit, locked, utc_now, write_transaction
from ..validation import entry_point
from .charges import create_charge

# The reason recorded with the cancellation when the client's request gave none.
LATE_REQUEST_REASON = "late_request"


@dataclass(frozen=True)
class LateRequestRow:
    id: int
    version: int
    status: LateRequestStatus
    appointment_id: int
    appointment_start: datetime
    appointment_end: datetime
    appointment_status: AppointmentStatus
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


def _select(pending_only: bool):
    """This provider's requests, columns named as the LateRequestRow fields they fill (a query shape)."""
    R = LateCancellationRequest
    q = (R.select(R.id, R.version, R.status, Appointment.id.alias("appointment_id"),
                  Appointment.starts_at.alias("appointment_start"), Appointment.ends_at.alias("appointment_end"),
                  Appointment.status.alias("appointment_status"), R.client.alias("client_id"),
                  User.display_name.alias("client_name"), R.message,
                  FeePolicy.late_cancellation_fee_cents.alias("fee_cents"), FeePolicy.currency,
                  FeePolicy.version.alias("policy_version"), R.thread.alias("thread_id"), R.created_at, R.reply)
         .join(Appointment, on=(R.appointment == Appointment.id))
         .join(FeePolicy, on=(Appointment.policy == FeePolicy.id))
         .switch(R).join(Client, on=(R.client == Client.id)).join(User, on=(Client.user == User.id))
         .where(Appointment.provider == Param("provider")))
    if pending_only:
        return q.where(R.status == LateRequestStatus.PENDING).order_by(R.created_at, R.id)
    return q.order_by(R.created_at.desc(), R.id.desc())


_REQUESTS = {pending: CompiledSelect(lambda p=pending: _select(p)) for pending in (True, False)}
_FIELDS = ["id", "version", "status", "appointment_id", "appointment_start", "appointment_end",
           "appointment_status", "client_id", "client_name", "message", "fee", "policy_version", "thread_id",
           "created_at", "reply", "decisions", "approval_refusal"]


def _state(status: str, appointment_status: str) -> tuple:
    """(status, appointment status, decisions, approval refusal) of a pair of stored statuses."""
    status, appointment_status = LateRequestStatus(status), AppointmentStatus(appointment_status)
    refusal = late_refusal(status, appointment_status, LateDecision.APPROVE_WITH_FEE)
    return (status, appointment_status, late_decisions(status, appointment_status),
            refusal.message() if refusal is not None else "")


@entry_point
def late_requests(actor: Actor, *, pending_only: bool = True) -> list[LateRequestRow]:
    """This provider's late-cancellation requests, oldest pending first (one query)."""
    current_actor(actor)
    require_role(actor, Role.PROVIDER)
    states: dict[tuple, tuple] = {}  # a few pairs of statuses, a few fees: each converted once
    fees: dict[tuple, Money] = {}
    rows = []
    for (rid, version, status, aid, start, end, astatus, client_id, name, message, cents, currency, policy_version,
         thread_id, created_at, reply) in _REQUESTS[pending_only].rows(provider=actor.provider_id):
        state = states.get((status, astatus)) or states.setdefault((status, astatus), _state(status, astatus))
        fee = fees.get((cents, currency)) or fees.setdefault((cents, currency), Money(cents, currency))
        rows.append((rid, version, state[0], aid, start, end, state[1], client_id, name, message or "", fee,
                     policy_version, thread_id, created_at, reply or "", state[2], state[3]))
    return instances(LateRequestRow, _FIELDS, rows)


def _client_text(fee: FeeDecision | None) -> str:
    """What the client is told in the request's thread: ``fee`` is the approval's fee, None when declined."""
    if fee is None:
        return "Your late-cancellation request was declined: the appointment stands."
    if fee.charges:
        return (f"Your late-cancellation request was approved. A late-cancellation fee of "
                f"{fee.amount.format()} applies. {INSURANCE_SENTENCE}")
    if fee.waived:
        return "Your late-cancellation request was approved and the fee was waived."
    return ("Your late-cancellation request was approved. Your booked policy has no late-cancellation "
            "fee, so there is nothing to pay.")


_SUMMARY = {LateDecision.APPROVE_WITH_FEE: "Request approved; the late-cancellation fee was charged.",
            LateDecision.APPROVE_WAIVE: "Request approved; the fee was waived.",
            LateDecision.DECLINE: "Request declined; the appointment stands."}


@entry_point
def decide_late_request(actor: Actor, request_id: int, decision: LateDecision, reply: str = "", *,
                        expected_version: int | None = None, now: datetime | None = None) -> OpResult:
    """Approve with the booked policy's late fee, approve and waive it, or decline (the appointment stands)."""
    require_role(actor, Role.PROVIDER)
    reply = reply.strip()
    with write_transaction(actor):
        appointment_id = (LateCancellationRequest.select(LateCancellationRequest.appointment)
                          .where(LateCancellationRequest.id == request_id).scalar())
        if appointment_id is None:
            raise NotFound("That late-cancellation request no longer exists.")
        # Appointment first, then its request: the order a provider's cancellation locks them in
        # (it closes the request), so the two never wait on each other.
        appt = own_appointment(actor, appointment_id, lock=True)
        request = locked(LateCancellationRequest.select()).where(LateCancellationRequest.id == request_id).get()
        now = utc_now(now)
        enforce(late_refusal(request.status, appt.status, decision), actor.time_zone)
        if expected_version is not None and request.version != expected_version:
            raise Conflict("This request changed since you opened it; nothing was changed.")
        fee: FeeDecision | None = None
        charge_id = None
        if decision.approves:
            policy_row = FeePolicy.get_by_id(appt.policy_id)
            fee = fee_decision(CancellationBy.CLIENT_LATE, snapshot(policy_row),
                               waive=decision is LateDecision.APPROVE_WAIVE)
            update_scheduled(appt, now, status=AppointmentStatus.LATE_CANCELLED)
            Cancellation.create(appointment=appt.id, cancelled_by=actor.user_id, kind=CancellationKind.LATE,
                                reason_code=request.reason_code or LATE_REQUEST_REASON, answers=request.answers,
                                other_text=request.message, created_at=now)
            charge_id = create_charge(appt, policy_row.id, fee, now)
        # The request row is locked and was pending at the version read: this update cannot miss.
        (LateCancellationRequest
         .update(status=decision.status, reply=reply, decided_by=actor.user_id, decided_at=now,
                 version=LateCancellationRequest.version + 1)
         .where(LateCancellationRequest.id == request.id).execute())
        post(request.thread, None, _client_text(fee), now=now)
        if reply:
            post(request.thread, actor.user_id, reply, now=now)
        audit(actor, "decide_late_request", "late_cancellation_request", request.id, at=now,
              decision=decision.status, appointment=appt.id, charge=charge_id,
              fee_cents=fee.amount.cents if fee else 0)
    changes = Change.LATE_REQUESTS | Change.MESSAGES
    if decision.approves:
        changes |= Change.APPOINTMENTS
    if charge_id is not None:
        changes |= Change.CHARGES
    summary = _SUMMARY[decision]
    if decision is LateDecision.APPROVE_WITH_FEE and charge_id is None:
        summary = "Request approved; the booked policy has no late-cancellation fee."
    return OpResult(changes, summary, charge_id)
