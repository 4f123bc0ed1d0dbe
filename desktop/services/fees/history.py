"""A charge's whole trail in order: created, disputed, requests, decisions, messages and
any other audited event (rule 7: every change keeps old and new, who, when and why)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from peewee import JOIN

from ...rules.disputes import TrailEntry, adjustment_outcome
from ...rules.money import Money
from ...rules.timefmt import format_instant
from ...rules.vocabulary import AdjustmentRequestStatus
from ...rules.wording import NOT_COVERED_BY_INSURANCE
from ...store.compiled import CompiledSelect, Param
from ...store.models import (
    Appointment,
    AuditEvent,
    Charge,
    Client,
    Dispute,
    FeeAdjustment,
    FeeAdjustmentRequest,
    FeePolicy,
    Message,
    Thread,
    User,
)
from ..actor import Actor, current_actor
from ..errors import NotAllowed, NotFound
from ..validation import entry_point
from .guards import provider_sees_charge
from .queries import kind_label


@dataclass(frozen=True)
class HistoryEntry:
    at: datetime
    what: TrailEntry
    who: str
    text: str


# Audited actions that the trail already shows from their own rows.
_ROW_ACTIONS = {"dispute_charge", "request_fee_adjustment", "adjust_fee", "waive_fee", "decline_fee_request"}


# Each part of the trail is one query shape, compiled once (store/compiled.py); each joins
# the names it shows: the trail never loads the whole user table.
_CHARGE = CompiledSelect(lambda: (
    Charge.select(Charge.id, Charge.kind, Charge.original_cents, Charge.currency, Charge.created_at, Charge.client,
                  Appointment.starts_at.alias("appointment_start"), FeePolicy.version.alias("policy_version"))
    .join(Appointment, on=(Charge.appointment == Appointment.id))
    .switch(Charge).join(FeePolicy, on=(Charge.policy == FeePolicy.id))
    .where(Charge.id == Param("charge"))))
_PROVIDER_SEES = CompiledSelect(lambda: Charge.select(Charge.id).where(
    Charge.id == Param("charge"), provider_sees_charge(Param("provider"))).limit(1))
_DISPUTES = CompiledSelect(lambda: (
    Dispute.select(Dispute.created_at, Dispute.reason, User.display_name)
    .join(Client, on=(Dispute.client == Client.id)).join(User, on=(Client.user == User.id))
    .where(Dispute.charge == Param("charge"))))
_REQUESTS = CompiledSelect(lambda: (
    FeeAdjustmentRequest.select(FeeAdjustmentRequest.created_at, FeeAdjustmentRequest.waive,
                                FeeAdjustmentRequest.proposed_cents, FeeAdjustmentRequest.reason, User.display_name)
    .join(User, on=(FeeAdjustmentRequest.requested_by == User.id))
    .where(FeeAdjustmentRequest.charge == Param("charge"))))
_ADJUSTMENTS = CompiledSelect(lambda: (
    FeeAdjustment.select(FeeAdjustment.created_at, FeeAdjustment.old_cents, FeeAdjustment.new_cents,
                         FeeAdjustment.reason, User.display_name)
    .join(User, on=(FeeAdjustment.adjusted_by == User.id)).where(FeeAdjustment.charge == Param("charge"))))
_MESSAGES = CompiledSelect(lambda: (
    Message.select(Message.body, Message.created_at, User.display_name.alias("sender"))
    .join(User, JOIN.LEFT_OUTER, on=(Message.sender == User.id))
    .where(Message.thread.in_(Thread.select(Thread.id).where(Thread.charge_id == Param("charge"))))
    .order_by(Message.created_at, Message.id)))
_EVENTS = CompiledSelect(lambda: (
    AuditEvent.select(AuditEvent.at, AuditEvent.action, User.display_name)
    .join(User, JOIN.LEFT_OUTER, on=(AuditEvent.actor == User.id))
    .where(AuditEvent.entity == "charge", AuditEvent.entity_id == Param("charge"),
           AuditEvent.action.not_in(sorted(_ROW_ACTIONS)))))


def _readable_charge(actor: Actor, charge_id: int) -> tuple:
    """The charge's row, if the actor may see it (fees.guards.charge_for's rule: Support any,
    a client their own, a provider those provider_sees_charge allows)."""
    found = _CHARGE.rows(charge=charge_id)
    if not found:
        raise NotFound("That charge no longer exists.")
    row = found[0]
    if actor.is_client and row[5] == actor.client_id:
        return row
    if actor.is_provider and _PROVIDER_SEES.rows(charge=charge_id, provider=actor.provider_id):
        return row
    if actor.is_support:
        return row
    raise NotAllowed("You can only see your own charges.")


@entry_point
def charge_history(actor: Actor, charge_id: int) -> list[HistoryEntry]:
    """A charge's whole trail in order: Support any charge, a client or provider their own."""
    current_actor(actor)
    # The charge with its appointment's start and its policy's version, in the one read.
    cid, kind, original_cents, currency, created_at, _client, appointment_start, policy_version = \
        _readable_charge(actor, charge_id)
    label = kind_label(kind)
    # (when, rank within one instant, entry): the rank keeps cause before effect at equal times.
    entries: list[tuple[datetime, int, HistoryEntry]] = []
    entries.append((created_at, 0, HistoryEntry(
        created_at, TrailEntry.CREATED, "Practice Desk",
        f"{label} fee of {Money(original_cents, currency).format()} charged for the appointment of "
        f"{format_instant(appointment_start, actor.time_zone, with_year=True)} "
        f"(policy version {policy_version}). "
        f"{NOT_COVERED_BY_INSURANCE}.")))
    for at, reason, name in _DISPUTES.rows(charge=cid):
        entries.append((at, 1, HistoryEntry(at, TrailEntry.DISPUTED, name, f"Disputed: {reason}")))
    for at, waive, proposed_cents, reason, name in _REQUESTS.rows(charge=cid):
        proposed = Money(proposed_cents, currency)
        what = "waive the fee" if waive else f"change the fee to {proposed.format()}"
        entries.append((at, 2, HistoryEntry(at, TrailEntry.REQUESTED, name, f"Asked Support to {what}: {reason}")))
    for at, old_cents, new_cents, reason, name in _ADJUSTMENTS.rows(charge=cid):
        old, new = Money(old_cents, currency), Money(new_cents, currency)
        outcome = adjustment_outcome(old, new)
        text = _decision_text(outcome, old, new, reason)
        entries.append((at, 3, HistoryEntry(at, TrailEntry.of_outcome(outcome), name, text)))
    for body, at, sender in _MESSAGES.rows(charge=cid):
        entries.append((at, 4, HistoryEntry(at, TrailEntry.MESSAGE, sender or "Practice Desk", body)))
    for at, action, name in _EVENTS.rows(charge=cid):
        entries.append((at, 5, HistoryEntry(at, TrailEntry.OTHER, name or "Practice Desk",
                                            action.replace("_", " ").capitalize())))
    entries.sort(key=lambda e: (e[0], e[1]))
    return [e for _, _, e in entries]


def _decision_text(outcome: AdjustmentRequestStatus, old: Money, new: Money, reason: str) -> str:
    if outcome is AdjustmentRequestStatus.DECLINED:
        return f"Request declined; the fee stays at {old.format()}: {reason}"
    if outcome is AdjustmentRequestStatus.WAIVED:
        return f"Waived ({old.format()} → {new.format()}): {reason}"
    return f"Adjusted from {old.format()} to {new.format()}: {reason}"
