"""Reading charges: the joins every fee screen shares, the Billing / Support row, search.

Rows leave here as frozen dataclasses built from named columns (``.dicts()``), so a
column added to a select cannot shift another field.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from peewee import JOIN, ModelSelect, fn

from ...rules.disputes import DisputeDecision, dispute_decision
from ...rules.fees import FeeKind
from ...rules.money import Money
from ...rules.vocabulary import ChargeStatus, Role, ThreadKind
from ...rules.wording import NOT_COVERED_BY_INSURANCE
from ...store.models import Appointment, Charge, Client, Message, Provider, Thread, User
from ..actor import Actor, current_actor, require_role
from ..validation import entry_point


def kind_label(kind: str) -> str:
    try:
        return FeeKind(kind).label
    except ValueError:
        return kind.replace("_", " ").capitalize()


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
    status: ChargeStatus
    version: int
    created_at: datetime
    dispute_thread_id: int | None
    dispute: DisputeDecision  # may the client dispute it: the Billing button renders this
    coverage: str = NOT_COVERED_BY_INSURANCE
    # Cancellation and no-show fees are self-pay (rule 4): never billable to insurance.
    insurance_billable: bool = False

    @property
    def status_label(self) -> str:
        return self.status.label

    @property
    def can_dispute(self) -> bool:
        return self.dispute.allowed

    @property
    def disputed(self) -> bool:
        return self.status == ChargeStatus.DISPUTED


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


def charges_query():
    """Every charge with its parties and its latest dispute thread, one row each (one query)."""
    ClientUser, ProviderUser = party_names()
    dispute_thread = (Thread.select(fn.MAX(Thread.id))
                      .where(Thread.charge_id == Charge.id, Thread.kind == ThreadKind.DISPUTE))
    return join_parties(
        Charge.select(Charge.id, Charge.kind, Charge.appointment.alias("appointment_id"),
                      Appointment.starts_at, ClientUser.display_name.alias("client_name"),
                      ProviderUser.display_name.alias("provider_name"), Charge.original_cents,
                      Charge.amount_cents, Charge.currency, Charge.status, Charge.version, Charge.created_at,
                      dispute_thread.alias("dispute_thread_id")),
        ClientUser, ProviderUser)


def charge_rows(query) -> list[ChargeRow]:
    rows = []
    for r in query.dicts():
        currency, status = r["currency"], ChargeStatus(r["status"])
        rows.append(ChargeRow(
            id=r["id"], kind=r["kind"], kind_label=kind_label(r["kind"]), appointment_id=r["appointment_id"],
            appointment_start=r["starts_at"], client_name=r["client_name"], provider_name=r["provider_name"],
            original=Money(r["original_cents"], currency), amount=Money(r["amount_cents"], currency),
            status=status, version=r["version"], created_at=r["created_at"],
            dispute_thread_id=r["dispute_thread_id"], dispute=dispute_decision(status, r["amount_cents"]),
        ))
    return rows


def search_condition(search: str, charge_field):
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


@entry_point
def search_charges(actor: Actor, search: str = "", *, limit: int = 500) -> list[ChargeRow]:
    """Support: every charge, searchable by client, provider or charge number."""
    current_actor(actor)
    require_role(actor, Role.SUPPORT)
    q = charges_query()
    cond = search_condition(search, Charge.id)
    if cond is not None:
        q = q.where(cond)
    return charge_rows(q.order_by(Charge.created_at.desc(), Charge.id.desc()).limit(limit))


@dataclass(frozen=True)
class ThreadMessage:
    sender: str
    body: str
    created_at: datetime


def thread_messages(thread_ids: list[int] | ModelSelect) -> list[ThreadMessage]:
    """The messages of these threads in order, in one query: ids, or a subquery selecting them
    (none for no thread)."""
    if isinstance(thread_ids, list) and not thread_ids:
        return []
    q = (Message.select(Message.body, Message.created_at, User.display_name.alias("sender"))
         .join(User, JOIN.LEFT_OUTER, on=(Message.sender == User.id))
         .where(Message.thread.in_(thread_ids)).order_by(Message.created_at, Message.id))
    return [ThreadMessage(sender=r["sender"] or "Practice Desk", body=r["body"], created_at=r["created_at"])
            for r in q.dicts()]
