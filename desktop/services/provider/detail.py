"""What a provider reads about their own clients, services, appointments and charges."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import NamedTuple

from ...rules import series as series_rules
from ...rules.fees import CancellationBy, FeeDecision, FeeKind, fee_decision
from ...rules.money import Money
from ...rules.noshow import NoShowEligibility, no_show_eligibility
from ...rules.policy import FeePolicySnapshot
from ...rules.provider_actions import ActionRefusal, cancel_refusal, move_refusal, no_show_refusal
from ...rules.timefmt import format_instant
from ...rules.vocabulary import status_label_at
from ...rules.wording import NOT_COVERED_BY_INSURANCE
from ...store.models import (
    Appointment,
    AppointmentStatus,
    Cancellation,
    Charge,
    ChargeStatus,
    Client,
    FeePolicy,
    Role,
    Series,
    Service,
    User,
)
from ..access import appointment_for, snapshot
from ..actor import Actor, current_actor, require_role
from ..catalogue import reasons_catalogue
from ..errors import NotFound
from ..fees.guards import provider_sees_charge
from ..guards import MOVED_CLIENT, client_moved, pending_late_request
from ..tx import utc_now
from ..validation import entry_point


@dataclass(frozen=True)
class ClientChoice:
    id: int
    name: str
    time_zone: str


@entry_point
def my_clients(actor: Actor) -> list[ClientChoice]:
    current_actor(actor)
    require_role(actor, Role.PROVIDER)
    q = (Client.select(Client.id, User.display_name, User.time_zone).join(User)
         .where(Client.provider == actor.provider_id, User.active == True)  # noqa: E712
         .order_by(User.display_name))
    return [ClientChoice(*row) for row in q.tuples()]


def client_zone(client_id: int) -> str:
    """The client's time zone: what they are told is in their own clock (rule 9)."""
    return User.select(User.time_zone).join(Client).where(Client.id == client_id).scalar()


@dataclass(frozen=True)
class ServiceChoice:
    id: int
    name: str
    duration_minutes: int
    telehealth: bool


@entry_point
def my_services(actor: Actor) -> list[ServiceChoice]:
    current_actor(actor)
    require_role(actor, Role.PROVIDER)
    q = (Service.select(Service.id, Service.name, Service.duration_minutes, Service.telehealth)
         .where(Service.provider == actor.provider_id, Service.active == True)  # noqa: E712
         .order_by(Service.id))
    return [ServiceChoice(**row) for row in q.dicts()]


class ChargeLine(NamedTuple):
    kind: FeeKind
    amount: Money
    status: ChargeStatus


@dataclass(frozen=True)
class AppointmentDetail:
    id: int
    version: int
    start: datetime
    end: datetime
    status: AppointmentStatus
    status_label: str
    client_id: int
    client_name: str
    series_id: int | None
    series_summary: str
    series_frequency: series_rules.Frequency | None
    policy: FeePolicySnapshot
    no_show: NoShowEligibility
    pending_request_id: int | None
    charges: tuple[ChargeLine, ...]
    cancellation: str  # who and why, or ""
    # Why the provider cannot do each action now ("" when they can): the text of the very
    # refusal the write raises, so the panel and the service cannot disagree.
    cancel_refusal: str
    move_refusal: str
    no_show_refusal: str
    no_show_fee: FeeDecision  # what marking it a no-show charges (the booked policy, rule 4)


def _text(refusal: ActionRefusal | None, zone: str) -> str:
    return refusal.message(zone) if refusal is not None else ""


@entry_point
def appointment_detail(actor: Actor, appointment_id: int, *, now: datetime | None = None) -> AppointmentDetail:
    current_actor(actor)
    now = utc_now(now)
    require_role(actor, Role.PROVIDER)
    # Read access to every appointment the provider held, also once the client moved on; the
    # actions are then refused (the panel shows why), as the writes refuse them.
    appt = appointment_for(actor, appointment_id)
    moved = client_moved(appt)
    policy = snapshot(FeePolicy.get_by_id(appt.policy_id))
    client_name = User.select(User.display_name).join(Client).where(Client.id == appt.client_id).scalar()
    summary, frequency = "", None
    if appt.series_id:
        s = Series.get_by_id(appt.series_id)
        summary = series_rules.rule_summary(s.rrule, datetime.fromisoformat(s.first_local))
        frequency = series_rules.frequency_of(s.rrule)
    pending = pending_late_request(appt.id)
    charges = tuple(ChargeLine(FeeKind(c["kind"]), Money(c["amount_cents"], c["currency"]), ChargeStatus(c["status"]))
                    for c in Charge.select(Charge.kind, Charge.amount_cents, Charge.currency, Charge.status)
                    .where(Charge.appointment == appt.id).order_by(Charge.id).dicts())
    cancel = Cancellation.get_or_none(Cancellation.appointment == appt.id)
    cancel_text = ""
    if cancel is not None:
        label = reasons_catalogue().label_for(cancel.reason_code)
        cancel_text = f"{label}. {cancel.other_text}".strip() if cancel.other_text else label
    status = AppointmentStatus(appt.status)
    zone = actor.time_zone

    def refusal_text(refusal: ActionRefusal | None) -> str:
        return MOVED_CLIENT if moved else _text(refusal, zone)

    return AppointmentDetail(
        id=appt.id, version=appt.version, start=appt.starts_at, end=appt.ends_at, status=status,
        status_label=status_label_at(status, appt.starts_at, appt.ends_at, now), client_id=appt.client_id, client_name=client_name or "",
        series_id=appt.series_id, series_summary=summary, series_frequency=frequency, policy=policy,
        no_show=no_show_eligibility(appt.starts_at, now, policy.grace), pending_request_id=pending,
        charges=charges, cancellation=cancel_text,
        cancel_refusal=refusal_text(cancel_refusal(status, appt.ends_at, now)),
        move_refusal=refusal_text(move_refusal(status, appt.starts_at, now)),
        no_show_refusal=refusal_text(no_show_refusal(status, appt.starts_at, now, policy.grace,
                                                     has_pending_request=pending is not None)),
        no_show_fee=fee_decision(CancellationBy.NO_SHOW, policy),
    )


@entry_point
def charge_summary(actor: Actor, charge_id: int) -> str:
    """A line about one of this provider's charges (a dispute thread shows what it is about)."""
    current_actor(actor)
    require_role(actor, Role.PROVIDER)
    row = (Charge.select(Charge.kind, Charge.amount_cents, Charge.original_cents, Charge.currency, Charge.status,
                         Appointment.starts_at)
           .join(Appointment).where(Charge.id == charge_id, provider_sees_charge(actor.provider_id)).dicts().first())
    if row is None:
        raise NotFound("That charge is not one of yours.")
    amount, original = Money(row["amount_cents"], row["currency"]), Money(row["original_cents"], row["currency"])
    text = (f"{FeeKind(row['kind']).label} fee {amount.format()} ({row['status']}) for "
            f"{format_instant(row['starts_at'], actor.time_zone)}")
    if amount != original:
        text += f", originally {original.format()}"
    return f"{text}. {NOT_COVERED_BY_INSURANCE}."
