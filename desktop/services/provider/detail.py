"""What a provider reads about their own clients, services, appointments and charges."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import NamedTuple

from peewee import JOIN

from ...rules import series as series_rules
from ...rules.fees import CancellationBy, FeeDecision, FeeKind, fee_decision
from ...rules.money import Money
from ...rules.noshow import NoShowEligibility, no_show_eligibility
from ...rules.policy import FeePolicySnapshot
from ...rules.provider_actions import ActionRefusal, cancel_refusal, move_refusal, no_show_refusal
from ...rules.telehealth import link_change_refusal
from ...rules.timefmt import format_instant
from ...rules.vocabulary import status_label_at
from ...rules.wording import NOT_COVERED_BY_INSURANCE
from ...store.compiled import CompiledSelect, Param, instances
from ...store.models import (
    Appointment,
    AppointmentStatus,
    Cancellation,
    Charge,
    ChargeStatus,
    Client,
    FeePolicy,
    LateCancellationRequest,
    LateRequestStatus,
    Role,
    Series,
    Service,
    User,
)
from ..actor import Actor, current_actor, require_role
from ..catalogue import reasons_catalogue
from ..errors import NotAllowed, NotFound
from ..fees.guards import provider_sees_charge
from ..guards import MOVED_CLIENT
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
    return instances(ClientChoice, ["id", "name", "time_zone"], _MY_CLIENTS.rows(provider=actor.provider_id))


_MY_CLIENTS = CompiledSelect(lambda: Client.select(Client.id, User.display_name, User.time_zone).join(User)
                             .where(Client.provider == Param("provider"), User.active == True)  # noqa: E712
                             .order_by(User.display_name))


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
    telehealth: bool = False
    video_link: str | None = None  # the provider's own appointment: where the client joins
    link_refusal: str = ""  # why its link cannot be set or changed now ("" when it can)


def _detail_select():
    """The appointment with everything its detail panel shows but the charges, in one SELECT."""
    client_user = User.alias()
    pending = LateCancellationRequest
    return (Appointment
            .select(Appointment.id, Appointment.version, Appointment.starts_at, Appointment.ends_at,
                    Appointment.status, Appointment.client, Appointment.provider, Appointment.series,
                    FeePolicy.version.alias("policy_version"), FeePolicy.notice_minutes,
                    FeePolicy.late_cancellation_fee_cents, FeePolicy.no_show_fee_cents,
                    FeePolicy.currency.alias("policy_currency"), FeePolicy.grace_minutes,
                    client_user.display_name.alias("client_name"), Client.provider.alias("client_provider_id"),
                    Series.rrule.alias("series_rrule"), Series.first_local.alias("series_first_local"),
                    Cancellation.reason_code.alias("cancel_reason"), Cancellation.other_text.alias("cancel_other"),
                    pending.id.alias("pending_request_id"), Appointment.telehealth, Appointment.video_link)
            .join(FeePolicy, on=(Appointment.policy == FeePolicy.id))
            .switch(Appointment).join(Client, on=(Appointment.client == Client.id))
            .join(client_user, on=(Client.user == client_user.id))
            .switch(Appointment).join(Series, JOIN.LEFT_OUTER, on=(Appointment.series == Series.id))
            .switch(Appointment).join(Cancellation, JOIN.LEFT_OUTER, on=(Cancellation.appointment == Appointment.id))
            .switch(Appointment).join(pending, JOIN.LEFT_OUTER,
                                      on=((pending.appointment == Appointment.id)
                                          & (pending.status == LateRequestStatus.PENDING)))
            .where(Appointment.id == Param("id"))
            .limit(1))


# Compiled once per database (store/compiled.py).
_DETAIL = CompiledSelect(_detail_select)
_CHARGES = CompiledSelect(lambda: Charge.select(Charge.kind, Charge.amount_cents, Charge.currency, Charge.status)
                          .where(Charge.appointment == Param("appointment")).order_by(Charge.id))


@functools.lru_cache(maxsize=256)
def _series_words(rrule: str, first_local: str) -> tuple[str, series_rules.Frequency | None]:
    return (series_rules.rule_summary(rrule, datetime.fromisoformat(first_local)),
            series_rules.frequency_of(rrule))


@functools.lru_cache(maxsize=256)
def _booked(version: int, notice_minutes: int, late_cents: int, no_show_cents: int, currency: str,
            grace_minutes: int) -> tuple[FeePolicySnapshot, FeeDecision]:
    """A booked policy version's snapshot and what a no-show charges under it (both immutable
    values of the stored columns: made once per distinct policy)."""
    policy = FeePolicySnapshot(
        version=version, notice=timedelta(minutes=notice_minutes), late_cancellation_fee=Money(late_cents, currency),
        no_show_fee=Money(no_show_cents, currency), grace=timedelta(minutes=grace_minutes))
    return policy, fee_decision(CancellationBy.NO_SHOW, policy)


def _text(refusal: ActionRefusal | None, zone: str) -> str:
    return refusal.message(zone) if refusal is not None else ""


@entry_point
def appointment_detail(actor: Actor, appointment_id: int, *, now: datetime | None = None) -> AppointmentDetail:
    current_actor(actor)
    now = utc_now(now)
    require_role(actor, Role.PROVIDER)
    # Read access to every appointment the provider held, also once the client moved on; the
    # actions are then refused (the panel shows why), as the writes refuse them. One joined
    # read: the appointment, its booked policy, the client's name and current provider, the
    # series, the cancellation and a pending late request (then the charges, which are many).
    found = _DETAIL.rows(id=appointment_id)
    if not found:
        raise NotFound("That appointment no longer exists.")
    (aid, version, starts_at, ends_at, status, client_id, provider_id, series_id, policy_version, notice_minutes,
     late_cents, no_show_cents, currency, grace_minutes, client_name, client_provider_id, series_rrule,
     series_first_local, cancel_reason, cancel_other, pending, telehealth, video_link) = found[0]
    # access.appointment_for's check for a provider: their own clients' appointments only.
    if provider_id != actor.provider_id:
        raise NotAllowed("You can only act on your own appointments.")
    moved = client_provider_id != provider_id
    policy, no_show_fee = _booked(policy_version, notice_minutes, late_cents, no_show_cents, currency, grace_minutes)
    summary, frequency = "", None
    if series_id and series_rrule:
        summary, frequency = _series_words(series_rrule, series_first_local)
    charges = tuple(ChargeLine(FeeKind(kind), Money(cents, cur), ChargeStatus(cstatus))
                    for kind, cents, cur, cstatus in _CHARGES.rows(appointment=aid))
    cancel_text = ""
    if cancel_reason is not None:
        label = reasons_catalogue().label_for(cancel_reason)
        cancel_text = f"{label}. {cancel_other}".strip() if cancel_other else label
    status = AppointmentStatus(status)
    zone = actor.time_zone

    def refusal_text(refusal: ActionRefusal | None) -> str:
        return MOVED_CLIENT if moved else _text(refusal, zone)

    return AppointmentDetail(
        id=aid, version=version, start=starts_at, end=ends_at, status=status,
        status_label=status_label_at(status, starts_at, ends_at, now), client_id=client_id,
        client_name=client_name or "", series_id=series_id, series_summary=summary, series_frequency=frequency,
        policy=policy, no_show=no_show_eligibility(starts_at, now, policy.grace), pending_request_id=pending,
        charges=charges, cancellation=cancel_text,
        cancel_refusal=refusal_text(cancel_refusal(status, ends_at, now)),
        move_refusal=refusal_text(move_refusal(status, starts_at, now)),
        no_show_refusal=refusal_text(no_show_refusal(status, starts_at, now, policy.grace,
                                                     has_pending_request=pending is not None)),
        no_show_fee=no_show_fee, telehealth=bool(telehealth), video_link=video_link,
        link_refusal=MOVED_CLIENT if moved else link_change_refusal(status, ends_at, now) or "",
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
