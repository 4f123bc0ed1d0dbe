"""Marking a no-show (rule 3): after the grace period, with the booked policy's fee unless waived."""

from __future__ import annotations

from datetime import datetime

from ...rules.fees import CancellationBy, fee_decision
from ...rules.provider_actions import no_show_refusal
from ...store.models import AppointmentStatus, FeePolicy, Role
from ..access import snapshot
from ..actor import Actor, require_role
from ..guards import check_version, enforce, own_appointment, pending_late_request, update_scheduled
from ..result import Change, OpResult
from ..tx import audit, utc_now, write_transaction
from ..validation import entry_point
from .charges import create_charge


@entry_point
def mark_no_show(actor: Actor, appointment_id: int, *, waive: bool = False, expected_version: int | None = None,
                 now: datetime | None = None) -> OpResult:
    """After the grace period: the booked policy's no-show fee is charged unless waived."""
    require_role(actor, Role.PROVIDER)
    with write_transaction(actor):
        appt = own_appointment(actor, appointment_id, lock=True)
        now = utc_now(now)  # the server's clock on PostgreSQL: a workstation's clock cannot mark it early
        policy_row = FeePolicy.get_by_id(appt.policy_id)
        policy = snapshot(policy_row)
        enforce(no_show_refusal(appt.status, appt.starts_at, now, policy.grace,
                                has_pending_request=pending_late_request(appt.id) is not None), actor.time_zone)
        check_version(appt, expected_version)
        fee = fee_decision(CancellationBy.NO_SHOW, policy, waive=waive)
        update_scheduled(appt, now, status=AppointmentStatus.NO_SHOW)
        charge_id = create_charge(appt, policy_row.id, fee, now)
        audit(actor, "mark_no_show", "appointment", appt.id, at=now, waived=waive, charge=charge_id,
              fee_cents=fee.amount.cents)
    changes = Change.APPOINTMENTS | (Change.CHARGES if charge_id else Change.NONE)
    summary = (f"Marked as a no-show; a fee of {fee.amount.format()} was charged." if charge_id
               else "Marked as a no-show; no fee was charged.")
    return OpResult(changes, summary, charge_id)
