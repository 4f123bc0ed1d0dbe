"""The latest late-cancellation request of each appointment, as its client reads it (the
dashboard, the Edit dialog, and the refusal of a second request)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from ..rules.late_requests import LateRequestOutcome
from ..rules.money import Money
from ..rules.vocabulary import LateRequestStatus
from ..store.models import LateCancellationRequest


def late_request_outcomes(appointment_ids: Iterable[int], fees: Mapping[int, Money]) -> dict[int, LateRequestOutcome]:
    """Appointment id → its latest request (one query); ``fees`` is each appointment's booked
    late-cancellation fee."""
    ids = list(appointment_ids)
    if not ids:
        return {}
    R = LateCancellationRequest
    out: dict[int, LateRequestOutcome] = {}
    for appointment_id, status, created_at, decided_at, reply in (
            R.select(R.appointment, R.status, R.created_at, R.decided_at, R.reply)
            .where(R.appointment.in_(ids)).order_by(R.id).tuples()):
        out[appointment_id] = LateRequestOutcome(LateRequestStatus(status), created_at, decided_at,
                                                 fees[appointment_id], reply or "")
    return out
