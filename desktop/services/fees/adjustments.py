"""Support's side of rule 7: the queue of providers' requests, one request in detail, and
the three decisions (adjust, waive, decline).

Only Support changes a charge's amount, and only through :func:`_decide`: it writes a
FeeAdjustment and exactly one audit event in one transaction, checks the charge's version
and tells the client and the provider in the dispute thread.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from peewee import JOIN

from ...rules.disputes import request_decision, settle
from ...rules.fees import FeeKind
from ...rules.money import Money
from ...rules.vocabulary import (
    AdjustmentRequestStatus,
    AppointmentStatus,
    ChargeStatus,
    DisputeStatus,
    Role,
    ThreadKind,
)
from ...store.compiled import CompiledSelect, Param, instances
from ...store.models import (
    Appointment,
    Charge,
    Dispute,
    FeeAdjustment,
    FeeAdjustmentRequest,
    FeePolicy,
    Message,
    Thread,
    User,
)
from ..actor import Actor, current_actor, require_role
from ..errors import Conflict, InvalidInput, NotFound
from ..messaging import notify
from ..result import Change, OpResult
from ..tx import audit, locked, utc_now, write_transaction
from ..validation import entry_point
from .guards import apply_at_version, clean_text, require_version
from .queries import (
    ThreadMessage,
    compiled_search_condition,
    join_parties,
    kind_label,
    party_names,
    search_params,
)


@dataclass(frozen=True)
class RequestRow:
    id: int
    charge_id: int
    client_name: str
    provider_name: str
    kind_label: str
    appointment_start: datetime
    original: Money
    amount: Money
    proposed: Money
    waive: bool
    status: AdjustmentRequestStatus
    requested_by: str
    created_at: datetime
    reason: str

    @property
    def status_label(self) -> str:
        return self.status.label


@dataclass(frozen=True)
class RequestDetail:
    request: RequestRow
    charge_status: ChargeStatus
    charge_version: int
    appointment_id: int
    appointment_status: AppointmentStatus
    appointment_end: datetime
    policy_version: int
    policy_fee: Money  # the fee of that kind in the booked policy version
    dispute_reason: str
    messages: tuple[ThreadMessage, ...]
    decided_by: str
    decided_at: datetime | None
    note: str

    @property
    def pending(self) -> bool:
        return self.request.status == AdjustmentRequestStatus.PENDING

    @property
    def appointment_status_label(self) -> str:
        return self.appointment_status.label


def _requests_query():
    (ClientUser, ProviderUser), Requester = party_names(), User.alias()
    R = FeeAdjustmentRequest
    q = (R.select(R.id, Charge.id.alias("charge_id"), ClientUser.display_name.alias("client_name"),
                  ProviderUser.display_name.alias("provider_name"), Charge.kind, Appointment.starts_at,
                  Charge.original_cents, Charge.amount_cents, Charge.currency, R.proposed_cents, R.waive, R.status,
                  Requester.display_name.alias("requested_by"), R.created_at, R.reason)
         .join(Charge, on=(R.charge == Charge.id)))
    return join_parties(q, ClientUser, ProviderUser).switch(R).join(Requester, on=(R.requested_by == Requester.id))


def _request_row(r: dict) -> RequestRow:
    currency = r["currency"]
    return RequestRow(
        id=r["id"], charge_id=r["charge_id"], client_name=r["client_name"], provider_name=r["provider_name"],
        kind_label=kind_label(r["kind"]), appointment_start=r["starts_at"],
        original=Money(r["original_cents"], currency), amount=Money(r["amount_cents"], currency),
        proposed=Money(r["proposed_cents"], currency), waive=bool(r["waive"]),
        status=AdjustmentRequestStatus(r["status"]), requested_by=r["requested_by"], created_at=r["created_at"],
        reason=r["reason"])


@entry_point
def adjustment_queue(actor: Actor, *, status: str | None = AdjustmentRequestStatus.PENDING,
                     search: str = "") -> list[RequestRow]:
    """Support's queue: oldest pending first; ``status=None`` for every request."""
    current_actor(actor)
    require_role(actor, Role.SUPPORT)
    if status is not None:
        try:
            status = AdjustmentRequestStatus(status)
        except ValueError:
            raise InvalidInput(f"Unknown request status {status!r}.") from None
    shape, params = search_params(search) or (None, {})
    compiled = _QUEUE[(status is not None, status == AdjustmentRequestStatus.PENDING, shape)]
    labels: dict[str, str] = {}
    money: dict[tuple, Money] = {}
    statuses: dict[str, AdjustmentRequestStatus] = {}

    def cash(cents: int, currency: str) -> Money:
        found = money.get((cents, currency))
        if found is None:
            found = money[(cents, currency)] = Money(cents, currency)
        return found

    rows = []
    for (rid, charge_id, client_name, provider_name, kind, start, original_cents, amount_cents, currency,
         proposed_cents, waive, rstatus, requested_by, created_at, reason) in compiled.rows(status=status, **params):
        rows.append((rid, charge_id, client_name, provider_name,
                     labels.get(kind) or labels.setdefault(kind, kind_label(kind)), start,
                     cash(original_cents, currency), cash(amount_cents, currency), cash(proposed_cents, currency),
                     bool(waive), statuses.get(rstatus) or statuses.setdefault(rstatus, AdjustmentRequestStatus(rstatus)),
                     requested_by, created_at, reason))
    return instances(RequestRow, _REQUEST_FIELDS, rows)


def _queue_select(by_status: bool, pending: bool, shape: str | None):
    """Support's queue as a query shape: one status or all, the search's shape."""
    q = _requests_query()
    if by_status:
        q = q.where(FeeAdjustmentRequest.status == Param("status"))
    if shape is not None:
        q = q.where(compiled_search_condition(FeeAdjustmentRequest.charge, digits=shape == "digits"))
    # The pending queue is worked oldest first; a history of decided requests reads newest first.
    order = (FeeAdjustmentRequest.created_at, FeeAdjustmentRequest.id) if pending \
        else (FeeAdjustmentRequest.created_at.desc(), FeeAdjustmentRequest.id.desc())
    return q.order_by(*order)


_QUEUE = {(by_status, pending, shape): CompiledSelect(lambda b=by_status, p=pending, s=shape: _queue_select(b, p, s))
          for by_status, pending in ((False, False), (True, False), (True, True))
          for shape in (None, "text", "digits")}
_REQUEST_FIELDS = ["id", "charge_id", "client_name", "provider_name", "kind_label", "appointment_start", "original",
                   "amount", "proposed", "waive", "status", "requested_by", "created_at", "reason"]


def _detail_select():
    """A request with its charge, appointment, booked policy, dispute and decider: one row."""
    R, Decider = FeeAdjustmentRequest, User.alias()
    return (_requests_query()
            .select_extend(Charge.status.alias("charge_status"), Charge.version.alias("charge_version"),
                           Appointment.id.alias("appointment_id"), Appointment.status.alias("appointment_status"),
                           Appointment.ends_at.alias("appointment_end"), FeePolicy.version.alias("policy_version"),
                           FeePolicy.no_show_fee_cents.alias("policy_no_show_cents"),
                           FeePolicy.late_cancellation_fee_cents.alias("policy_late_cents"),
                           FeePolicy.currency.alias("policy_currency"), Dispute.id.alias("dispute_id"),
                           Dispute.reason.alias("dispute_reason"), Dispute.thread.alias("dispute_thread_id"),
                           Decider.display_name.alias("decided_by_name"), R.decided_at, R.note)
            .switch(Charge).join(FeePolicy, on=(Charge.policy == FeePolicy.id))
            .switch(R).join(Dispute, JOIN.LEFT_OUTER, on=(R.dispute == Dispute.id))
            .switch(R).join(Decider, JOIN.LEFT_OUTER, on=(R.decided_by == Decider.id))
            .where(R.id == Param("id")))


def _messages_select(by_thread: bool):
    """fees.queries.thread_messages as a shape: one thread's, or every thread of one charge."""
    threads = Param("thread") if by_thread else Thread.select(Thread.id).where(Thread.charge_id == Param("charge"))
    return (Message.select(Message.body, Message.created_at, User.display_name.alias("sender"))
            .join(User, JOIN.LEFT_OUTER, on=(Message.sender == User.id))
            .where(Message.thread == threads if by_thread else Message.thread.in_(threads))
            .order_by(Message.created_at, Message.id))


_DETAIL = CompiledSelect(_detail_select)
_MESSAGES = {by_thread: CompiledSelect(lambda b=by_thread: _messages_select(b)) for by_thread in (True, False)}


@entry_point
def request_detail(actor: Actor, request_id: int) -> RequestDetail:
    current_actor(actor)
    require_role(actor, Role.SUPPORT)
    found = _DETAIL.dicts(id=request_id)
    if not found:
        raise NotFound("That request no longer exists.")
    r = found[0]
    row = _request_row(r)
    fee_cents = r["policy_no_show_cents"] if r["kind"] == FeeKind.NO_SHOW else r["policy_late_cents"]
    disputed = r["dispute_id"] is not None
    messages = (_MESSAGES[True].rows(thread=r["dispute_thread_id"]) if disputed
                else _MESSAGES[False].rows(charge=row.charge_id))
    return RequestDetail(
        request=row, charge_status=ChargeStatus(r["charge_status"]), charge_version=r["charge_version"],
        appointment_id=r["appointment_id"], appointment_status=AppointmentStatus(r["appointment_status"]),
        appointment_end=r["appointment_end"], policy_version=r["policy_version"],
        policy_fee=Money(fee_cents, r["policy_currency"]),
        dispute_reason=r["dispute_reason"] if disputed else "",
        messages=tuple(ThreadMessage(sender=sender or "Practice Desk", body=body, created_at=at)
                       for body, at, sender in messages),
        decided_by=r["decided_by_name"] or "", decided_at=r["decided_at"], note=r["note"],
    )


# ---- decisions ----------------------------------------------------------------


@entry_point
def adjust_fee(actor: Actor, request_id: int, new_amount: Money, reason: str, *,
               expected_version: int | None = None, now: datetime | None = None) -> OpResult:
    """Support sets the fee to an amount between 0 and the original."""
    return _decide(actor, request_id, AdjustmentRequestStatus.ADJUSTED, new_amount, reason, expected_version, now)


@entry_point
def waive_fee(actor: Actor, request_id: int, reason: str, *, expected_version: int | None = None,
              now: datetime | None = None) -> OpResult:
    return _decide(actor, request_id, AdjustmentRequestStatus.WAIVED, None, reason, expected_version, now)


@entry_point
def decline_request(actor: Actor, request_id: int, note: str, *, expected_version: int | None = None,
                    now: datetime | None = None) -> OpResult:
    """The fee stands; the decline is recorded like an adjustment (old = new) with its note."""
    return _decide(actor, request_id, AdjustmentRequestStatus.DECLINED, None, note, expected_version, now)


_ACTIONS = {AdjustmentRequestStatus.ADJUSTED: "adjust_fee", AdjustmentRequestStatus.WAIVED: "waive_fee",
            AdjustmentRequestStatus.DECLINED: "decline_fee_request"}


def _decide(actor: Actor, request_id: int, outcome: AdjustmentRequestStatus, new_amount: Money | None, reason: str,
            expected_version: int | None, now: datetime | None) -> OpResult:
    now = utc_now(now)
    require_role(actor, Role.SUPPORT)
    declined = outcome is AdjustmentRequestStatus.DECLINED
    reason = clean_text(reason, "a note for the client and the provider" if declined
                        else "the reason for this change")
    with write_transaction(actor):
        request = locked(FeeAdjustmentRequest.select()).where(FeeAdjustmentRequest.id == request_id).first()
        if request is None:
            raise NotFound("That request no longer exists.")
        charge = locked(Charge.select()).where(Charge.id == request.charge_id).first()
        who = User.get_or_none(User.id == request.decided_by_id) if request.decided_by_id else None
        decision = request_decision(request.status, who.display_name if who else "")
        if not decision.allowed:
            raise Conflict(decision.why)
        require_version(charge, expected_version)
        original = Money(charge.original_cents, charge.currency)
        current = Money(charge.amount_cents, charge.currency)
        if outcome is AdjustmentRequestStatus.ADJUSTED and new_amount is None:
            raise InvalidInput("Type the new amount.")
        settlement = settle(outcome, original, current, new_amount)
        if not settlement.check.ok:
            raise InvalidInput(settlement.check.why)
        new = settlement.new
        apply_at_version(Charge.update(amount_cents=new.cents, status=settlement.charge_status,
                                       version=Charge.version + 1), charge)
        adjustment = FeeAdjustment.create(charge=charge.id, request=request.id, old_cents=current.cents,
                                          new_cents=new.cents, adjusted_by=actor.user_id, reason=reason,
                                          created_at=now)
        (FeeAdjustmentRequest.update(status=outcome, decided_by=actor.user_id, decided_at=now, note=reason,
                                     version=FeeAdjustmentRequest.version + 1)
         .where(FeeAdjustmentRequest.id == request.id).execute())
        if request.dispute_id:
            Dispute.update(status=DisputeStatus.RESOLVED).where(Dispute.id == request.dispute_id).execute()
        label = kind_label(charge.kind).lower()
        body = _notice(outcome, label, current, new, reason)
        # Told in the dispute's thread, with the provider it was brought to.
        provider_id = (Thread.select(Thread.provider).join(Dispute, on=(Dispute.thread == Thread.id))
                       .where(Dispute.id == request.dispute_id).scalar() if request.dispute_id else None)
        notify(charge.client_id, provider_id or charge.provider_id, f"Fee update: {label} fee", body,
               kind=ThreadKind.DISPUTE, charge_id=charge.id, sender_user_id=actor.user_id, now=now)
        audit(actor, _ACTIONS[outcome], "charge", charge.id, at=now, request=request.id, adjustment=adjustment.id,
              old=current.cents, new=new.cents, currency=charge.currency, reason=reason)
    return OpResult(Change.CHARGES | Change.ADJUSTMENTS | Change.MESSAGES, _summary(outcome, new), adjustment.id)


def _notice(outcome: AdjustmentRequestStatus, label: str, current: Money, new: Money, reason: str) -> str:
    """What the client and the provider read in the dispute thread."""
    if outcome is AdjustmentRequestStatus.DECLINED:
        return f"Support reviewed the {label} fee and it stays at {current.format()}.\n\n{reason}"
    if outcome is AdjustmentRequestStatus.WAIVED:
        return f"Support waived the {label} fee of {current.format()}: you owe nothing for it.\n\n{reason}"
    return f"Support adjusted the {label} fee from {current.format()} to {new.format()}.\n\n{reason}"


def _summary(outcome: AdjustmentRequestStatus, new: Money) -> str:
    """What Support's own window says once the decision is written."""
    if outcome is AdjustmentRequestStatus.DECLINED:
        return "Request declined; the fee stands."
    if outcome is AdjustmentRequestStatus.WAIVED:
        return "Fee waived."
    return f"Fee adjusted to {new.format()}."
