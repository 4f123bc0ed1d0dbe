"""Fees after they are charged: Billing, disputes, Support's adjustments and the trail (rule 7).

Only Support changes a charge's amount, and only through :func:`adjust_fee`,
:func:`waive_fee` or :func:`decline_request`; each writes a FeeAdjustment and
exactly one audit event in one transaction, checks the charge's version and
tells the client and the provider in the dispute thread. There is deliberately
no service by which a client or a provider sets an amount.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from peewee import JOIN, fn

from ..rules.fees import NOT_COVERED_BY_INSURANCE, FeeKind, check_adjustment
from ..rules.money import Money
from ..rules.timefmt import format_instant
from ..store.models import (
    Appointment,
    AppointmentStatus,
    AuditEvent,
    Charge,
    ChargeStatus,
    Client,
    Dispute,
    FeeAdjustment,
    FeeAdjustmentRequest,
    FeePolicy,
    Message,
    Provider,
    Thread,
    User,
)
from .actor import Actor, require_role
from .errors import Conflict, InvalidInput, NotAllowed, NotFound
from .messaging import notify
from .result import Change, OpResult
from .threads import open_thread, post
from .tx import audit, locked, utc_now, write_transaction

MAX_TEXT = 2000

STATUS_LABELS = {
    ChargeStatus.OPEN: "Open",
    ChargeStatus.DISPUTED: "Disputed",
    ChargeStatus.ADJUSTED: "Adjusted",
    ChargeStatus.WAIVED: "Waived",
}
REQUEST_STATUSES = ("pending", "adjusted", "waived", "declined")
REQUEST_LABELS = {"pending": "Pending", "adjusted": "Adjusted", "waived": "Waived", "declined": "Declined"}


def kind_label(kind: str) -> str:
    try:
        return FeeKind(kind).label
    except ValueError:
        return kind.replace("_", " ").capitalize()


# ---- read rows ------------------------------------------------------------


@dataclass(frozen=True)
class ChargeRow:
    id: int
    kind: str
    kind_label: str
    appointment_id: int
    appointment_start: datetime
    client_name: str
    provider_name: str
    original: Money
    amount: Money
    status: str
    status_label: str
    version: int
    created_at: datetime
    dispute_thread_id: int | None
    can_dispute: bool
    coverage: str = NOT_COVERED_BY_INSURANCE
    # Cancellation and no-show fees are self-pay (rule 4): never billable to insurance.
    insurance_billable: bool = False

    @property
    def disputed(self) -> bool:
        return self.status == ChargeStatus.DISPUTED


@dataclass(frozen=True)
class Billing:
    charges: tuple[ChargeRow, ...]
    balance: tuple[Money, ...]  # one total per currency (normally one)

    def balance_text(self) -> str:
        if not self.balance:
            return Money.zero().format()
        return " + ".join(m.format() for m in self.balance)


def party_names():
    """Aliases for the client's and the provider's user rows: select their columns, then :func:`join_parties`."""
    return User.alias(), User.alias()


def join_parties(query, client_user, provider_user):
    """Join a query that has reached ``Charge`` to its appointment and both parties' names."""
    return (query.join(Appointment, on=(Charge.appointment == Appointment.id))
            .switch(Charge).join(Client, on=(Charge.client == Client.id))
            .join(client_user, on=(Client.user == client_user.id))
            .switch(Charge).join(Provider, on=(Charge.provider == Provider.id))
            .join(provider_user, on=(Provider.user == provider_user.id)))


def dispute_refusal(status: str, amount_cents: int) -> str | None:
    """Why a charge in this state cannot be disputed, or None when it can (one place for both
    the Billing button and the service)."""
    if status == ChargeStatus.DISPUTED:
        return "This fee is already disputed; your provider will answer in the dispute conversation."
    if status == ChargeStatus.WAIVED or amount_cents == 0:
        return "This fee was waived: there is nothing to dispute."
    if status != ChargeStatus.OPEN:
        return "This fee was already reviewed by Support; message your provider if you have questions."
    return None


def _charges_query():
    ClientUser, ProviderUser = party_names()
    dispute_thread = (Thread.select(fn.MAX(Thread.id))
                      .where(Thread.charge_id == Charge.id, Thread.kind == "dispute"))
    return join_parties(
        Charge.select(Charge.id, Charge.kind, Charge.appointment, Appointment.starts_at,
                      ClientUser.display_name, ProviderUser.display_name, Charge.original_cents,
                      Charge.amount_cents, Charge.currency, Charge.status, Charge.version, Charge.created_at,
                      dispute_thread.alias("dispute_thread")),
        ClientUser, ProviderUser)


def _charge_rows(query) -> list[ChargeRow]:
    rows = []
    for (cid, kind, appt_id, start, client_name, provider_name, original, amount, currency, status, version,
         created, thread_id) in query.tuples():
        rows.append(ChargeRow(
            cid, kind, kind_label(kind), appt_id, start, client_name, provider_name, Money(original, currency),
            Money(amount, currency), status, STATUS_LABELS.get(status, status), version, created, thread_id,
            can_dispute=dispute_refusal(status, amount) is None,
        ))
    return rows


def client_billing(actor: Actor) -> Billing:
    """The client's own charges, newest first, and what they owe."""
    require_role(actor, "client")
    rows = _charge_rows(_charges_query().where(Charge.client == actor.client_id)
                        .order_by(Appointment.starts_at.desc(), Charge.id.desc()))
    totals: dict[str, int] = {}
    for row in rows:
        totals[row.amount.currency] = totals.get(row.amount.currency, 0) + row.amount.cents
    return Billing(tuple(rows), tuple(Money(c, cur) for cur, c in sorted(totals.items())))


def search_charges(actor: Actor, search: str = "", *, limit: int = 500) -> list[ChargeRow]:
    """Support: every charge, searchable by client, provider or charge number."""
    require_role(actor, "support")
    q = _charges_query()
    cond = _search_condition(search, Charge.id)
    if cond is not None:
        q = q.where(cond)
    return _charge_rows(q.order_by(Charge.created_at.desc(), Charge.id.desc()).limit(limit))


def _search_condition(search: str, charge_field):
    """Client or provider name / user name contains the text, or ``#12`` / ``12`` is the charge."""
    text = search.strip().lstrip("#").strip()
    if not text:
        return None
    ClientUser, ProviderUser = User.alias(), User.alias()
    like = f"%{text.lower()}%"
    clients = (Client.select(Client.id).join(ClientUser, on=(Client.user == ClientUser.id))
               .where(fn.LOWER(ClientUser.display_name).contains(text.lower()) | (ClientUser.username ** like)))
    providers = (Provider.select(Provider.id).join(ProviderUser, on=(Provider.user == ProviderUser.id))
                 .where(fn.LOWER(ProviderUser.display_name).contains(text.lower()) | (ProviderUser.username ** like)))
    charges = Charge.select(Charge.id).where(Charge.client.in_(clients) | Charge.provider.in_(providers))
    cond = charge_field.in_(charges)
    if text.isdigit():
        cond = cond | (charge_field == int(text))
    return cond


def _charge_for(actor: Actor, charge_id: int, *, query=None) -> Charge:
    q = query if query is not None else Charge.select()
    charge = q.where(Charge.id == charge_id).first()
    if charge is None:
        raise NotFound("That charge no longer exists.")
    if actor.is_client and charge.client_id == actor.client_id:
        return charge
    if actor.is_provider and charge.provider_id == actor.provider_id:
        return charge
    if actor.is_support:
        return charge
    raise NotAllowed("You can only see your own charges.")


# ---- client: dispute ------------------------------------------------------


def _clean(text: str, what: str) -> str:
    text = (text or "").strip()
    if not text:
        raise InvalidInput(f"Please write {what}.")
    if len(text) > MAX_TEXT:
        raise InvalidInput(f"Please keep {what} under {MAX_TEXT} characters.")
    return text


def dispute_charge(actor: Actor, charge_id: int, reason: str, *, now: datetime | None = None) -> OpResult:
    """A client disputes one of their fees: a thread with the provider tied to the charge."""
    now = utc_now(now)
    require_role(actor, "client")
    reason = _clean(reason, "why you dispute this fee")
    with write_transaction():
        charge = _charge_for(actor, charge_id, query=locked(Charge.select()))
        refusal = dispute_refusal(charge.status, charge.amount_cents)
        if refusal is not None:
            raise Conflict(refusal)
        updated = (Charge.update(status=ChargeStatus.DISPUTED, version=Charge.version + 1)
                   .where(Charge.id == charge.id, Charge.version == charge.version).execute())
        if updated != 1:
            raise Conflict("This fee was changed a moment ago; nothing was sent. Look at it again.")
        appt = Appointment.get_by_id(charge.appointment_id)
        amount = Money(charge.amount_cents, charge.currency)
        label = kind_label(charge.kind)
        when = format_instant(appt.starts_at, actor.time_zone)
        thread = open_thread(charge.client_id, charge.provider_id, f"Dispute: {label.lower()} fee ({when})",
                             kind="dispute", appointment_id=appt.id, charge_id=charge.id, now=now)
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
    charge_status: str
    status: str  # open / referred / resolved
    reason: str
    created_at: datetime
    request_status: str | None  # of the latest adjustment request, if any
    can_ask_support: bool


def provider_disputes(actor: Actor) -> list[DisputeRow]:
    """Disputes of the provider's own clients, newest first (one query)."""
    require_role(actor, "provider")
    latest = (FeeAdjustmentRequest.select(FeeAdjustmentRequest.status)
              .where(FeeAdjustmentRequest.charge == Charge.id)
              .order_by(FeeAdjustmentRequest.id.desc()).limit(1))
    q = (Dispute.select(Dispute.id, Charge.id, Dispute.thread, User.display_name, Charge.kind, Appointment.starts_at,
                        Charge.original_cents, Charge.amount_cents, Charge.currency, Charge.status, Dispute.status,
                        Dispute.reason, Dispute.created_at, latest.alias("request_status"))
         .join(Charge, on=(Dispute.charge == Charge.id))
         .join(Appointment, on=(Charge.appointment == Appointment.id))
         .switch(Dispute).join(Client, on=(Dispute.client == Client.id))
         .join(User, on=(Client.user == User.id))
         .where(Charge.provider == actor.provider_id)
         .order_by(Dispute.created_at.desc(), Dispute.id.desc()))
    rows = []
    for (did, cid, tid, client_name, kind, start, original, amount, currency, cstatus, dstatus, reason, created,
         rstatus) in q.tuples():
        rows.append(DisputeRow(
            did, cid, tid, client_name, kind_label(kind), start, Money(original, currency), Money(amount, currency),
            cstatus, dstatus, reason, created, rstatus,
            can_ask_support=cstatus == ChargeStatus.DISPUTED and rstatus != "pending",
        ))
    return rows


def ask_support_to_adjust(actor: Actor, dispute_id: int, reason: str, *, proposed: Money | None = None,
                          waive: bool = False, now: datetime | None = None) -> OpResult:
    """The provider proposes an amount (or a waiver) to Support. It changes no amount."""
    now = utc_now(now)
    require_role(actor, "provider")
    reason = _clean(reason, "why the fee should change")
    with write_transaction():
        dispute = Dispute.get_or_none(Dispute.id == dispute_id)
        if dispute is None:
            raise NotFound("That dispute no longer exists.")
        charge = locked(Charge.select()).where(Charge.id == dispute.charge_id).first()
        if charge is None or charge.provider_id != actor.provider_id:
            raise NotAllowed("You can only act on disputes of your own clients.")
        if charge.status != ChargeStatus.DISPUTED:
            raise Conflict("This dispute was already settled by Support; nothing was sent.")
        pending = (FeeAdjustmentRequest.select().where(FeeAdjustmentRequest.charge == charge.id,
                                                       FeeAdjustmentRequest.status == "pending").exists())
        if pending:
            raise Conflict("Support already has a request for this fee; wait for their decision.")
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
        Dispute.update(status="referred").where(Dispute.id == dispute.id).execute()
        what = "waive this fee" if request.waive else f"change this fee to {proposed.format()}"
        post(Thread.get_by_id(dispute.thread_id), actor.user_id,
             f"I have asked the Support Team to {what}. They will tell you their decision here.", now=now)
        audit(actor, "request_fee_adjustment", "charge", charge.id, at=now, request=request.id,
              proposed=proposed.cents, waive=request.waive)
    return OpResult(Change.ADJUSTMENTS | Change.MESSAGES, "Your request was sent to Support.", request.id)


# ---- support: queue, detail, decisions -------------------------------------


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
    status: str
    status_label: str
    requested_by: str
    created_at: datetime
    reason: str


@dataclass(frozen=True)
class ThreadMessage:
    sender: str
    body: str
    created_at: datetime


@dataclass(frozen=True)
class RequestDetail:
    request: RequestRow
    charge_status: str
    charge_version: int
    appointment_id: int
    appointment_status: str
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
        return self.request.status == "pending"

    @property
    def appointment_status_label(self) -> str:
        return AppointmentStatus(self.appointment_status).label


def _requests_query():
    (ClientUser, ProviderUser), Requester = party_names(), User.alias()
    R = FeeAdjustmentRequest
    q = (R.select(R.id, Charge.id, ClientUser.display_name, ProviderUser.display_name, Charge.kind,
                  Appointment.starts_at, Charge.original_cents, Charge.amount_cents, Charge.currency,
                  R.proposed_cents, R.waive, R.status, Requester.display_name, R.created_at, R.reason)
         .join(Charge, on=(R.charge == Charge.id)))
    return join_parties(q, ClientUser, ProviderUser).switch(R).join(Requester, on=(R.requested_by == Requester.id))


def _request_row(t) -> RequestRow:
    (rid, cid, client_name, provider_name, kind, start, original, amount, currency, proposed, waive, status,
     requester, created, reason) = t
    return RequestRow(rid, cid, client_name, provider_name, kind_label(kind), start, Money(original, currency),
                      Money(amount, currency), Money(proposed, currency), bool(waive), status,
                      REQUEST_LABELS.get(status, status), requester, created, reason)


def adjustment_queue(actor: Actor, *, status: str | None = "pending", search: str = "") -> list[RequestRow]:
    """Support's queue: oldest pending first; ``status=None`` for every request."""
    require_role(actor, "support")
    if status is not None and status not in REQUEST_STATUSES:
        raise InvalidInput(f"Unknown request status {status!r}.")
    q = _requests_query()
    if status is not None:
        q = q.where(FeeAdjustmentRequest.status == status)
    cond = _search_condition(search, FeeAdjustmentRequest.charge)
    if cond is not None:
        q = q.where(cond)
    order = (FeeAdjustmentRequest.created_at, FeeAdjustmentRequest.id) if status == "pending" else (
        FeeAdjustmentRequest.created_at.desc(), FeeAdjustmentRequest.id.desc())
    return [_request_row(t) for t in q.order_by(*order).tuples()]


def _thread_messages(thread_ids: list[int]) -> list[tuple[int, ThreadMessage]]:
    if not thread_ids:
        return []
    q = (Message.select(Message.id, Message.body, Message.created_at, User.display_name)
         .join(User, JOIN.LEFT_OUTER, on=(Message.sender == User.id))
         .where(Message.thread.in_(thread_ids)).order_by(Message.created_at, Message.id))
    return [(mid, ThreadMessage(name or "Practice Desk", body, created)) for mid, body, created, name in q.tuples()]


def request_detail(actor: Actor, request_id: int) -> RequestDetail:
    require_role(actor, "support")
    t = _requests_query().where(FeeAdjustmentRequest.id == request_id).tuples().first()
    if t is None:
        raise NotFound("That request no longer exists.")
    row = _request_row(t)
    request = FeeAdjustmentRequest.get_by_id(request_id)
    charge = Charge.get_by_id(row.charge_id)
    appt = Appointment.get_by_id(charge.appointment_id)
    policy = FeePolicy.get_by_id(charge.policy_id)
    fee_cents = policy.no_show_fee_cents if charge.kind == FeeKind.NO_SHOW.value else policy.late_cancellation_fee_cents
    dispute = Dispute.get_or_none(Dispute.id == request.dispute_id) if request.dispute_id else None
    threads = [dispute.thread_id] if dispute else [
        t.id for t in Thread.select(Thread.id).where(Thread.charge_id == charge.id)]
    decider = User.get_or_none(User.id == request.decided_by_id) if request.decided_by_id else None
    return RequestDetail(
        row, charge.status, charge.version, appt.id, appt.status, appt.ends_at, policy.version,
        Money(fee_cents, policy.currency), dispute.reason if dispute else "",
        tuple(m for _, m in _thread_messages(threads)), decider.display_name if decider else "",
        request.decided_at, request.note,
    )


def adjust_fee(actor: Actor, request_id: int, new_amount: Money, reason: str, *,
               expected_version: int | None = None, now: datetime | None = None) -> OpResult:
    """Support sets the fee to an amount between 0 and the original."""
    return _decide(actor, request_id, "adjusted", new_amount, reason, expected_version, now)


def waive_fee(actor: Actor, request_id: int, reason: str, *, expected_version: int | None = None,
              now: datetime | None = None) -> OpResult:
    return _decide(actor, request_id, "waived", None, reason, expected_version, now)


def decline_request(actor: Actor, request_id: int, note: str, *, expected_version: int | None = None,
                    now: datetime | None = None) -> OpResult:
    """The fee stands; the decline is recorded like an adjustment (old = new) with its note."""
    return _decide(actor, request_id, "declined", None, note, expected_version, now)


_ACTIONS = {"adjusted": "adjust_fee", "waived": "waive_fee", "declined": "decline_fee_request"}


def _decide(actor: Actor, request_id: int, outcome: str, new_amount: Money | None, reason: str,
            expected_version: int | None, now: datetime | None) -> OpResult:
    now = utc_now(now)
    require_role(actor, "support")
    reason = _clean(reason, "a note for the client and the provider" if outcome == "declined"
                    else "the reason for this change")
    with write_transaction():
        request = locked(FeeAdjustmentRequest.select()).where(FeeAdjustmentRequest.id == request_id).first()
        if request is None:
            raise NotFound("That request no longer exists.")
        charge = locked(Charge.select()).where(Charge.id == request.charge_id).first()
        if request.status != "pending":
            who = User.get_or_none(User.id == request.decided_by_id)
            raise Conflict(f"This request was already {request.status} by {who.display_name if who else 'someone'}; "
                           "nothing was changed.")
        if expected_version is not None and charge.version != expected_version:
            raise Conflict(_changed_message(charge.id))
        original = Money(charge.original_cents, charge.currency)
        current = Money(charge.amount_cents, charge.currency)
        if outcome == "declined":
            new = current
            status = ChargeStatus.ADJUSTED if current != original else ChargeStatus.OPEN
        else:
            new = Money.zero(charge.currency) if outcome == "waived" else new_amount
            if new is None:
                raise InvalidInput("Type the new amount.")
            check = check_adjustment(original, current, new)
            if not check.ok:
                raise InvalidInput(check.why)
            status = ChargeStatus.WAIVED if new.is_zero else ChargeStatus.ADJUSTED
        updated = (Charge.update(amount_cents=new.cents, status=status, version=Charge.version + 1)
                   .where(Charge.id == charge.id, Charge.version == charge.version).execute())
        if updated != 1:
            raise Conflict(_changed_message(charge.id))
        adjustment = FeeAdjustment.create(charge=charge.id, request=request.id, old_cents=current.cents,
                                          new_cents=new.cents, adjusted_by=actor.user_id, reason=reason,
                                          created_at=now)
        (FeeAdjustmentRequest.update(status=outcome, decided_by=actor.user_id, decided_at=now, note=reason,
                                     version=FeeAdjustmentRequest.version + 1)
         .where(FeeAdjustmentRequest.id == request.id).execute())
        if request.dispute_id:
            Dispute.update(status="resolved").where(Dispute.id == request.dispute_id).execute()
        label = kind_label(charge.kind).lower()
        if outcome == "declined":
            body = f"Support reviewed the {label} fee and it stays at {current.format()}.\n\n{reason}"
        elif outcome == "waived":
            body = f"Support waived the {label} fee of {current.format()}: you owe nothing for it.\n\n{reason}"
        else:
            body = f"Support adjusted the {label} fee from {current.format()} to {new.format()}.\n\n{reason}"
        notify(charge.client_id, charge.provider_id, f"Fee update: {label} fee", body, kind="dispute",
               charge_id=charge.id, sender_user_id=actor.user_id, now=now)
        audit(actor, _ACTIONS[outcome], "charge", charge.id, at=now, request=request.id, adjustment=adjustment.id,
              old=current.cents, new=new.cents, currency=charge.currency, reason=reason)
    summary = {"adjusted": f"Fee adjusted to {new.format()}.", "waived": "Fee waived.",
               "declined": "Request declined; the fee stands."}[outcome]
    return OpResult(Change.CHARGES | Change.ADJUSTMENTS | Change.MESSAGES, summary, adjustment.id)


def _changed_message(charge_id: int) -> str:
    last = (FeeAdjustment.select(User.display_name).join(User, on=(FeeAdjustment.adjusted_by == User.id))
            .where(FeeAdjustment.charge == charge_id).order_by(FeeAdjustment.id.desc()).tuples().first())
    who = last[0] if last else "someone else"
    return f"This fee was already adjusted by {who} since you opened it; nothing was changed. Look at it again."


# ---- history ----------------------------------------------------------------


@dataclass(frozen=True)
class HistoryEntry:
    at: datetime
    what: str  # created / disputed / requested / adjusted / waived / declined / message / other
    who: str
    text: str


_ROW_ACTIONS = {"dispute_charge", "request_fee_adjustment", "adjust_fee", "waive_fee", "decline_fee_request"}


def charge_history(actor: Actor, charge_id: int) -> list[HistoryEntry]:
    """A charge's whole trail in order: Support any charge, a client or provider their own."""
    charge = _charge_for(actor, charge_id)
    currency = charge.currency
    appt = Appointment.get_by_id(charge.appointment_id)
    label = kind_label(charge.kind)
    entries: list[tuple[datetime, int, HistoryEntry]] = []
    policy = FeePolicy.get_by_id(charge.policy_id)
    entries.append((charge.created_at, 0, HistoryEntry(
        charge.created_at, "created", "Practice Desk",
        f"{label} fee of {Money(charge.original_cents, currency).format()} charged for the appointment of "
        f"{format_instant(appt.starts_at, actor.time_zone, with_year=True)} (policy version {policy.version}). "
        f"{NOT_COVERED_BY_INSURANCE}.")))
    # Each part joins the names it shows: the trail never loads the whole user table.
    disputes = (Dispute.select(Dispute.created_at, Dispute.reason, User.display_name)
                .join(Client, on=(Dispute.client == Client.id)).join(User, on=(Client.user == User.id))
                .where(Dispute.charge == charge.id).tuples())
    for created, reason, name in disputes:
        entries.append((created, 1, HistoryEntry(created, "disputed", name, f"Disputed: {reason}")))
    R = FeeAdjustmentRequest
    requests = (R.select(R.created_at, R.waive, R.proposed_cents, R.reason, User.display_name)
                .join(User, on=(R.requested_by == User.id)).where(R.charge == charge.id).tuples())
    for created, waive, proposed, reason, name in requests:
        what = "waive the fee" if waive else f"change the fee to {Money(proposed, currency).format()}"
        entries.append((created, 2, HistoryEntry(created, "requested", name, f"Asked Support to {what}: {reason}")))
    A = FeeAdjustment
    adjustments = (A.select(A.created_at, A.old_cents, A.new_cents, A.reason, User.display_name)
                   .join(User, on=(A.adjusted_by == User.id)).where(A.charge == charge.id).tuples())
    for created, old_cents, new_cents, reason, name in adjustments:
        old, new = Money(old_cents, currency), Money(new_cents, currency)
        if old == new:
            what, text = "declined", f"Request declined; the fee stays at {old.format()}: {reason}"
        elif new.is_zero:
            what, text = "waived", f"Waived ({old.format()} → {new.format()}): {reason}"
        else:
            what, text = "adjusted", f"Adjusted from {old.format()} to {new.format()}: {reason}"
        entries.append((created, 3, HistoryEntry(created, what, name, text)))
    threads = [t for (t,) in Thread.select(Thread.id).where(Thread.charge_id == charge.id).tuples()]
    for _, m in _thread_messages(threads):
        entries.append((m.created_at, 4, HistoryEntry(m.created_at, "message", m.sender, m.body)))
    events = (AuditEvent.select(AuditEvent.at, AuditEvent.action, User.display_name)
              .join(User, JOIN.LEFT_OUTER, on=(AuditEvent.actor == User.id))
              .where(AuditEvent.entity == "charge", AuditEvent.entity_id == charge.id,
                     AuditEvent.action.not_in(list(_ROW_ACTIONS))).tuples())
    for at, action, name in events:
        entries.append((at, 5, HistoryEntry(at, "other", name or "Practice Desk",
                                            action.replace("_", " ").capitalize())))
    entries.sort(key=lambda e: (e[0], e[1]))
    return [e for _, _, e in entries]
