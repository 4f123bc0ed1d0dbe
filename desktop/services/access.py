"""Ownership checks shared by the use cases (rule 8: authority below the UI)."""

from __future__ import annotations

from datetime import timedelta

from ..rules.money import Money
from ..rules.policy import FeePolicySnapshot
from ..store.models import Appointment, Client, FeePolicy, Provider, Role
from .actor import Actor
from .errors import NotAllowed, NotFound


def appointment_for(actor: Actor, appointment_id: int, *, query=None) -> Appointment:
    """The appointment, if the actor may act on it: a client their own, a
    provider their own clients'. Support never acts on appointments."""
    q = query if query is not None else Appointment.select()
    appt = q.where(Appointment.id == appointment_id).first()
    if appt is None:
        raise NotFound("That appointment no longer exists.")
    if actor.role == Role.CLIENT and appt.client_id == actor.client_id:
        return appt
    if actor.role == Role.PROVIDER and appt.provider_id == actor.provider_id:
        return appt
    raise NotAllowed("You can only act on your own appointments.")


def client_for_provider(actor: Actor, client_id: int) -> Client:
    client = Client.get_or_none(Client.id == client_id)
    if client is None:
        raise NotFound("That client no longer exists.")
    if actor.role == Role.PROVIDER and client.provider_id == actor.provider_id:
        return client
    raise NotAllowed("You can only act for your own clients.")


def snapshot(policy: FeePolicy) -> FeePolicySnapshot:
    return FeePolicySnapshot(
        version=policy.version,
        notice=timedelta(minutes=policy.notice_minutes),
        late_cancellation_fee=Money(policy.late_cancellation_fee_cents, policy.currency),
        no_show_fee=Money(policy.no_show_fee_cents, policy.currency),
        grace=timedelta(minutes=policy.grace_minutes),
    )


def current_policy(provider: Provider | int) -> FeePolicy:
    pid = provider if isinstance(provider, int) else provider.id
    policy = FeePolicy.select().where(FeePolicy.provider == pid).order_by(FeePolicy.version.desc()).first()
    if policy is None:
        raise NotFound("This provider has no booking policy yet.")
    return policy
