"""Reading charges: the joins every fee screen shares, the Billing / Support row, search.

Rows leave here as frozen dataclasses built from named columns (``.dicts()``), so a
column added to a select cannot shift another field.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from peewee import JOIN, OP, SQL, Expression, ModelSelect, NodeList, Value, fn

from ...rules.disputes import DisputeDecision, dispute_decision
from ...rules.fees import FeeKind
from ...rules.money import Money
from ...rules.vocabulary import ChargeStatus, Role, ThreadKind
from ...rules.wording import NOT_COVERED_BY_INSURANCE
from ...store.compiled import CompiledSelect, Param, instances
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


_CHARGE_FIELDS = ["id", "kind", "kind_label", "appointment_id", "appointment_start", "client_name", "provider_name",
                  "original", "amount", "status", "version", "created_at", "dispute_thread_id", "dispute", "coverage",
                  "insurance_billable"]


def charge_rows_of(rows) -> list[ChargeRow]:
    """ChargeRows from the tuples of :func:`charges_query`'s columns (a compiled one's rows):
    each distinct kind, amount and (status, amount) converted once."""
    labels: dict[str, str] = {}
    money: dict[tuple, Money] = {}
    statuses: dict[str, ChargeStatus] = {}
    disputes: dict[tuple, DisputeDecision] = {}
    out = []
    for (cid, kind, appointment_id, start, client_name, provider_name, original_cents, amount_cents, currency,
         status, version, created_at, thread_id) in rows:
        label = labels.get(kind) or labels.setdefault(kind, kind_label(kind))
        original = money.get((original_cents, currency))
        if original is None:
            original = money[(original_cents, currency)] = Money(original_cents, currency)
        amount = money.get((amount_cents, currency))
        if amount is None:
            amount = money[(amount_cents, currency)] = Money(amount_cents, currency)
        charge_status = statuses.get(status) or statuses.setdefault(status, ChargeStatus(status))
        dispute = disputes.get((status, amount_cents))
        if dispute is None:
            dispute = disputes[(status, amount_cents)] = dispute_decision(charge_status, amount_cents)
        out.append((cid, kind, label, appointment_id, start, client_name, provider_name, original, amount,
                    charge_status, version, created_at, thread_id, dispute, NOT_COVERED_BY_INSURANCE, False))
    return instances(ChargeRow, _CHARGE_FIELDS, out)


def _escaped_contains(text: str) -> str:
    """The LIKE pattern peewee's ``contains`` builds for ``text`` (wildcards escaped with \\)."""
    return "%" + text.replace("\\", "\\\\").replace("_", "\\_").replace("%", "\\%") + "%"


def compiled_search_condition(charge_field, *, digits: bool):
    """The charges a search finds, as a query shape: the client's or provider's name or user
    name contains the text, or (``digits``) ``#12`` / ``12`` is the charge. Params
    ``contains``, ``like`` and, when ``digits``, ``number`` (from :func:`search_params`)."""
    ClientUser, ProviderUser = User.alias(), User.alias()

    def contains(column):
        return Expression(fn.LOWER(column), OP.ILIKE,
                          NodeList((Param("contains"), SQL("ESCAPE"), Value("\\", converter=False))))

    clients = (Client.select(Client.id).join(ClientUser, on=(Client.user == ClientUser.id))
               .where(contains(ClientUser.display_name) | (ClientUser.username ** Param("like"))))
    providers = (Provider.select(Provider.id).join(ProviderUser, on=(Provider.user == ProviderUser.id))
                 .where(contains(ProviderUser.display_name) | (ProviderUser.username ** Param("like"))))
    charges = Charge.select(Charge.id).where(Charge.client.in_(clients) | Charge.provider.in_(providers))
    cond = charge_field.in_(charges)
    return cond | (charge_field == Param("number")) if digits else cond


def search_params(search: str) -> tuple[str, dict] | None:
    """(the shape: "text" or "digits", its Params) of a search, None for no search."""
    text = search.strip().lstrip("#").strip()
    if not text:
        return None
    params = {"contains": _escaped_contains(text.lower()), "like": f"%{text.lower()}%"}
    if text.isdigit():
        return "digits", {**params, "number": int(text)}
    return "text", params


def _search_select(shape: str | None):
    q = charges_query()
    if shape is not None:
        q = q.where(compiled_search_condition(Charge.id, digits=shape == "digits"))
    return q.order_by(Charge.created_at.desc(), Charge.id.desc()).limit(Param("limit"))


_SEARCH = {shape: CompiledSelect(lambda s=shape: _search_select(s)) for shape in (None, "text", "digits")}


@entry_point
def search_charges(actor: Actor, search: str = "", *, limit: int = 500) -> list[ChargeRow]:
    """Support: every charge, searchable by client, provider or charge number."""
    current_actor(actor)
    require_role(actor, Role.SUPPORT)
    shape, params = search_params(search) or (None, {})
    return charge_rows_of(_SEARCH[shape].rows(limit=limit, **params))


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
