"""Disputes (rule 7): a client disputes a fee; its provider reads the disputes of their
clients and may ask Support to adjust one. Neither changes an amount."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from ...rules.disputes import AskSupportDecision, ask_support_decision, dispute_decision
from ...rules.fees import check_adjustment
from ...rules.money import Money
from ...rules.timefmt import format_instant
from ...rules.vocabulary import AdjustmentRequestStatus, ChargeStatus, DisputeStatus, Role, ThreadKind
from ...store.compiled import CompiledSelect, Param, instances
from ...store.models import Appointment, Charge, Client, Dispute, FeeAdjustmentRequest, Thread, User
from ..actor import Actor, current_actor, require_role
from ..errors import Conflict, InvalidInput, NotAllowed, NotFound
from ..result import Change, OpResult
from ..threads import open_thread, post
from ..tx import audit, locked, utc_now, write_transaction
from ..validation import entry_point
from .guards import apply_at_version, charge_for, clean_text
from .queries import kind_label


def dispute_refusal(status: str, amount_cents: int) -> str | None:
    """Why a charge in this state cannot be disputed, or None when it can (the words of
    :func:`desktop.rules.disputes.dispute_decision`, for callers that only show text)."""
    return dispute_decision(status, amount_cents).why or None


# ---- client: dispute ------------------------------------------------------


@entry_point
def dispute_charge(actor: Actor, charge_id: int, reason: str, *, now: datetime | None = None) -> OpResult:
    """A client disputes one of their fees: a thread with the provider tied to the charge."""
    now = utc_now(now)
    require_role(actor, Role.CLIENT)
    reason = clean_text(reason, "why you dispute this fee")
    with write_transaction(actor):
        charge = charge_for(actor, charge_id, query=locked(Charge.select()))
        decision = dispute_decision(charge.status, charge.amount_cents)
        if not decision.allowed:
            raise Conflict(decision.why)
        apply_at_version(Charge.update(status=ChargeStatus.DISPUTED, version=Charge.version + 1), charge, sent=True)
        appt = Appointment.get_by_id(charge.appointment_id)
        amount = Money(charge.amount_cents, charge.currency)
        label = kind_label(charge.kind)
        when = format_instant(appt.starts_at, actor.time_zone)
        # The conversation is with the client's provider of today, who may not be the one whose
        # appointment the fee is for (access follows today's assignment).
        provider_now = Client.select(Client.provider).where(Client.id == charge.client_id).scalar()
        thread = open_thread(charge.client_id, provider_now, f"Dispute: {label.lower()} fee ({when})",
                             kind=ThreadKind.DISPUTE, appointment_id=appt.id, charge_id=charge.id, now=now)
        post(thread, actor.user_id, f"I dispute the {label.lower()} fee of {amount.format()} for {when}.\n\n{reason}",
             now=now)
        dispute = Dispute.create(charge=charge.id, client=charge.client_id, thread=thread, reason=reason,
                                 created_at=now)
        audit(actor, "dispute_charge", "charge", charge.id, at=now, dispute=dispute.id, thread=thread.id)
    return OpResult(Change.CHARGES | Change.MESSAGES, "Your dispute was sent to your provider.", dispute.id)


# ---- provider: disputes and asking Support --------------------------------


@dataclass(frozen=True)
class DisputeRow:
    id: int
    charge_id: int
    thread_id: int
    client_name: str
    kind_label: str
    appointment_start: datetime
    original: Money
    amount: Money
    charge_status: ChargeStatus
    status: DisputeStatus
    reason: str
    created_at: datetime
    request_status: AdjustmentRequestStatus | None  # of the latest adjustment request, if any
    ask_support: AskSupportDecision  # may the provider ask Support now: the Disputes button renders this

    @property
    def can_ask_support(self) -> bool:
        return self.ask_support.allowed


@entry_point
def provider_disputes(actor: Actor) -> list[DisputeRow]:
    """Disputes of the provider's own clients, newest first (one query)."""
    current_actor(actor)
    require_role(actor, Role.PROVIDER)
    money: dict[tuple, Money] = {}
    labels: dict[str, str] = {}
    states: dict[tuple, tuple] = {}  # (charge status, dispute status, request status) -> converted

    def cash(cents: int, currency: str) -> Money:
        found = money.get((cents, currency))
        if found is None:
            found = money[(cents, currency)] = Money(cents, currency)
        return found

    def state(charge_status: str, status: str, request_status: str | None) -> tuple:
        key = (charge_status, status, request_status)
        found = states.get(key)
        if found is None:
            found = states[key] = (
                ChargeStatus(charge_status), DisputeStatus(status),
                None if request_status is None else AdjustmentRequestStatus(request_status),
                ask_support_decision(charge_status, request_pending=request_status == AdjustmentRequestStatus.PENDING))
        return found

    rows = []
    for (did, charge_id, thread_id, client_name, kind, start, original_cents, amount_cents, currency, charge_status,
         status, reason, created_at, request_status) in _DISPUTES.rows(provider=actor.provider_id):
        charge_state, dispute_state, request_state, ask = state(charge_status, status, request_status)
        rows.append((did, charge_id, thread_id, client_name, labels.get(kind) or labels.setdefault(kind, kind_label(kind)),
                     start, cash(original_cents, currency), cash(amount_cents, currency), charge_state, dispute_state,
                     reason, created_at, request_state, ask))
    return instances(DisputeRow, _DISPUTE_FIELDS, rows)


def _disputes_select():
    """The disputes brought to one provider, newest first (a query shape)."""
    latest = (FeeAdjustmentRequest.select(FeeAdjustmentRequest.status)
              .where(FeeAdjustmentRequest.charge == Charge.id)
              .order_by(FeeAdjustmentRequest.id.desc()).limit(1))
    return (Dispute.select(Dispute.id, Charge.id.alias("charge_id"), Dispute.thread.alias("thread_id"),
                           User.display_name.alias("client_name"), Charge.kind, Appointment.starts_at,
                           Charge.original_cents, Charge.amount_cents, Charge.currency,
                           Charge.status.alias("charge_status"), Dispute.status, Dispute.reason, Dispute.created_at,
                           latest.alias("request_status"))
            .join(Charge, on=(Dispute.charge == Charge.id))
            .join(Appointment, on=(Charge.appointment == Appointment.id))
            .switch(Dispute).join(Client, on=(Dispute.client == Client.id))
            .join(User, on=(Client.user == User.id))
            .switch(Dispute).join(Thread, on=(Dispute.thread == Thread.id))
            .where(Thread.provider == Param("provider"))  # the disputes brought to this provider
            .order_by(Dispute.created_at.desc(), Dispute.id.desc()))


_DISPUTES = CompiledSelect(_disputes_select)
_DISPUTE_FIELDS = ["id", "charge_id", "thread_id", "client_name", "kind_label", "appointment_start", "original",
                   "amount", "charge_status", "status", "reason", "created_at", "request_status", "ask_support"]


@entry_point
def ask_support_to_adjust(actor: Actor, dispute_id: int, reason: str, *, proposed: Money | None = None,
                          waive: bool = False, now: datetime | None = None) -> OpResult:
    """The provider proposes an amount (or a waiver) to Support. It changes no amount."""
    now = utc_now(now)
    require_role(actor, Role.PROVIDER)
    reason = clean_text(reason, "why the fee should change")
    with write_transaction(actor):
        dispute = Dispute.get_or_none(Dispute.id == dispute_id)
        if dispute is None:
            raise NotFound("That dispute no longer exists.")
        charge = locked(Charge.select()).where(Charge.id == dispute.charge_id).first()
        thread_provider = Thread.select(Thread.provider).where(Thread.id == dispute.thread_id).scalar()
        if charge is None or thread_provider != actor.provider_id:
            raise NotAllowed("You can only act on disputes of your own clients.")
        if Client.select(Client.provider).where(Client.id == dispute.client_id).scalar() != actor.provider_id:
            raise NotAllowed("This client now sees another provider; only their provider can act for them.")
        pending = (FeeAdjustmentRequest.select()
                   .where(FeeAdjustmentRequest.charge == charge.id,
                          FeeAdjustmentRequest.status == AdjustmentRequestStatus.PENDING).exists())
        decision = ask_support_decision(charge.status, request_pending=pending)
        if not decision.allowed:
            raise Conflict(decision.why)
        original = Money(charge.original_cents, charge.currency)
        current = Money(charge.amount_cents, charge.currency)
        if waive:
            proposed = Money.zero(charge.currency)
        if proposed is None:
            raise InvalidInput("Type the amount you propose, or choose to waive the fee.")
        check = check_adjustment(original, current, proposed)
        if not check.ok:
            raise InvalidInput(check.why)
        request = FeeAdjustmentRequest.create(
            charge=charge.id, dispute=dispute.id, requested_by=actor.user_id, proposed_cents=proposed.cents,
            waive=waive or proposed.is_zero, reason=reason, created_at=now)
        Dispute.update(status=DisputeStatus.REFERRED).where(Dispute.id == dispute.id).execute()
        what = "waive this fee" if request.waive else f"change this fee to {proposed.format()}"
        post(Thread.get_by_id(dispute.thread_id), actor.user_id,
             f"I have asked the Support Team to {what}. They will tell you their decision here.", now=now)
        audit(actor, "request_fee_adjustment", "charge", charge.id, at=now, request=request.id,
              proposed=proposed.cents, waive=request.waive)
    return OpResult(Change.ADJUSTMENTS | Change.MESSAGES, "Your request was sent to Support.", request.id)
