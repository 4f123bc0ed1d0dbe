"""Moving a client's appointment to another open time, in one transaction.

A client may reschedule only while the notice rule still lets them cancel:
moving an appointment frees its time just as cancelling does.
"""

from __future__ import annotations

from datetime import datetime

from ..rules.notice import notice_decision
from ..rules.policy import booking_terms
from ..rules.timefmt import format_instant
from ..store.models import Appointment, FeePolicy, Role
from .access import current_policy, snapshot
from .actor import Actor, require_role
from .booking import busy_overlap, require_offered_slot
from .cancellation import blocked_message
from .errors import TIME_TAKEN, Conflict, InvalidInput, RuleRefused
from .guards import Outcome, check_version, own_appointment, require_scheduled, update_scheduled
from .result import Change, OpResult
from .tx import audit, utc_now, write_transaction
from .validation import entry_point


@entry_point
def reschedule_appointment(actor: Actor, appointment_id: int, new_start: datetime, *,
                           expected_version: int | None = None, now: datetime | None = None) -> OpResult:
    """Move the appointment to ``new_start`` (same length). The moved appointment takes the
    provider's current policy: the client was shown it on the booking page when picking."""
    require_role(actor, Role.CLIENT)
    with write_transaction(actor):
        appt = own_appointment(actor, appointment_id, lock=True)
        now = utc_now(now)  # the server's clock on PostgreSQL, read under the lock
        if new_start <= now:
            raise InvalidInput("That time has already passed; pick a time in the future.", field="new_start")
        require_scheduled(appt)
        check_version(appt, expected_version, Outcome.MOVED)
        booked = snapshot(FeePolicy.get_by_id(appt.policy_id))
        decision = notice_decision(appt.starts_at, now, booked.notice)
        if not decision.allowed:
            # Moving needs the same notice as cancelling.
            raise RuleRefused(blocked_message(decision, actor.time_zone), decision)
        if new_start == appt.starts_at:
            raise InvalidInput("The appointment is already at that time.")
        length = appt.ends_at - appt.starts_at
        require_offered_slot(appt.provider_id, new_start, length, length, now)
        end = new_start + length
        if busy_overlap(appt.provider_id, appt.client_id, new_start, end, exclude_id=appt.id) is not None:
            raise Conflict(TIME_TAKEN)
        if appt.series_id is not None and Appointment.select().where(
                Appointment.series == appt.series_id, Appointment.starts_at == new_start,
                Appointment.id != appt.id).exists():
            raise Conflict("Another appointment of this series was at that time; pick another slot.")
        policy = current_policy(appt.provider_id)
        update_scheduled(appt, now, Outcome.MOVED, starts_at=new_start, ends_at=end, policy=policy.id)
        audit(actor, "reschedule", "appointment", appt.id, at=now, old_start=appt.starts_at.isoformat(),
              new_start=new_start.isoformat(), policy_version=policy.version)
    terms = booking_terms(new_start, now, snapshot(policy))
    return OpResult(Change.APPOINTMENTS,
                    f"Appointment moved to {format_instant(new_start, actor.time_zone)}.", appt.id,
                    notice=terms.sentence(actor.time_zone))
