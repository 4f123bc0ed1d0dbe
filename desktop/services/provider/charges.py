"""The charge a fee decision makes (rule 4): approving a late cancellation, marking a no-show."""

from __future__ import annotations

from datetime import datetime

from ...rules.fees import FeeDecision
from ...store.models import Appointment, Charge


def create_charge(appt: Appointment, policy_id: int, fee: FeeDecision, now: datetime) -> int | None:
    """The fee's charge for this appointment, under the booked policy version, if the fee
    decision charges anything (a waived or zero fee makes none). Call inside the write transaction."""
    if not fee.charges:
        return None
    return Charge.create(appointment=appt.id, client=appt.client_id, provider=appt.provider_id, policy=policy_id,
                         kind=fee.kind, original_cents=fee.amount.cents, amount_cents=fee.amount.cents,
                         currency=fee.amount.currency, created_at=now).id
