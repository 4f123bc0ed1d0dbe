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
from ...store.models import (
    Appointment,
    AuditEvent,
    Charge,
    Client,
    Dispute,
    FeeAdjustment,
    FeeAdjustmentRequest,
    FeePolicy,
    Thread,
    User,
)
from ..actor import Actor, current_actor
from ..validation import entry_point
from .guards import charge_for
from .queries import kind_label, thread_messages


@dataclass(frozen=True)
class HistoryEntry:
    at: datetime
    what: TrailEntry
    who: str
    text: str


# Audited actions that the trail already shows from their own rows.
_ROW_ACTIONS = {"dispute_charge", "request_fee_adjustment", "adjust_fee", "waive_fee", "decline_fee_request"}


@entry_point
def charge_history(actor: Actor, charge_id: int) -> list[HistoryEntry]:
    """A charge's whole trail in order: Support any charge, a client or provider their own."""
    current_actor(actor)
    # The charge with its appointment's start and its policy's version, in the one read.
    charge = charge_for(actor, charge_id, query=(
        Charge.select(Charge, Appointment.starts_at.alias("appointment_start"),
                      FeePolicy.version.alias("policy_version"))
        .join(Appointment, on=(Charge.appointment == Appointment.id))
        .switch(Charge).join(FeePolicy, on=(Charge.policy == FeePolicy.id)).objects()))
    currency = charge.currency
    label = kind_label(charge.kind)
    # (when, rank within one instant, entry): the rank keeps cause before effect at equal times.
    entries: list[tuple[datetime, int, HistoryEntry]] = []
    entries.append((charge.created_at, 0, HistoryEntry(
        charge.created_at, TrailEntry.CREATED, "Practice Desk",
        f"{label} fee of {Money(charge.original_cents, currency).format()} charged for the appointment of "
        f"{format_instant(charge.appointment_start, actor.time_zone, with_year=True)} "
        f"(policy version {charge.policy_version}). "
        f"{NOT_COVERED_BY_INSURANCE}.")))
    # Each part joins the names it shows: the trail never loads the whole user table.
    disputes = (Dispute.select(Dispute.created_at, Dispute.reason, User.display_name)
                .join(Client, on=(Dispute.client == Client.id)).join(User, on=(Client.user == User.id))
                .where(Dispute.charge == charge.id).dicts())
    for d in disputes:
        entries.append((d["created_at"], 1, HistoryEntry(d["created_at"], TrailEntry.DISPUTED, d["display_name"],
                                                         f"Disputed: {d['reason']}")))
    R = FeeAdjustmentRequest
    requests = (R.select(R.created_at, R.waive, R.proposed_cents, R.reason, User.display_name)
                .join(User, on=(R.requested_by == User.id)).where(R.charge == charge.id).dicts())
    for q in requests:
        proposed = Money(q["proposed_cents"], currency)
        what = "waive the fee" if q["waive"] else f"change the fee to {proposed.format()}"
        entries.append((q["created_at"], 2, HistoryEntry(q["created_at"], TrailEntry.REQUESTED, q["display_name"],
                                                         f"Asked Support to {what}: {q['reason']}")))
    A = FeeAdjustment
    adjustments = (A.select(A.created_at, A.old_cents, A.new_cents, A.reason, User.display_name)
                   .join(User, on=(A.adjusted_by == User.id)).where(A.charge == charge.id).dicts())
    for a in adjustments:
        old, new = Money(a["old_cents"], currency), Money(a["new_cents"], currency)
        outcome = adjustment_outcome(old, new)
        text = _decision_text(outcome, old, new, a["reason"])
        entries.append((a["created_at"], 3, HistoryEntry(a["created_at"], TrailEntry.of_outcome(outcome),
                                                         a["display_name"], text)))
    for m in thread_messages(Thread.select(Thread.id).where(Thread.charge_id == charge.id)):
        entries.append((m.created_at, 4, HistoryEntry(m.created_at, TrailEntry.MESSAGE, m.sender, m.body)))
    events = (AuditEvent.select(AuditEvent.at, AuditEvent.action, User.display_name)
              .join(User, JOIN.LEFT_OUTER, on=(AuditEvent.actor == User.id))
              .where(AuditEvent.entity == "charge", AuditEvent.entity_id == charge.id,
                     AuditEvent.action.not_in(list(_ROW_ACTIONS))).dicts())
    for e in events:
        entries.append((e["at"], 5, HistoryEntry(e["at"], TrailEntry.OTHER, e["display_name"] or "Practice Desk",
                                                 e["action"].replace("_", " ").capitalize())))
    entries.sort(key=lambda e: (e[0], e[1]))
    return [e for _, _, e in entries]


def _decision_text(outcome: AdjustmentRequestStatus, old: Money, new: Money, reason: str) -> str:
    if outcome is AdjustmentRequestStatus.DECLINED:
        return f"Request declined; the fee stays at {old.format()}: {reason}"
    if outcome is AdjustmentRequestStatus.WAIVED:
        return f"Waived ({old.format()} → {new.format()}): {reason}"
    return f"Adjusted from {old.format()} to {new.format()}: {reason}"
