"""The latest late-cancellation request of each appointment, as its client reads it (the
dashboard, the Edit dialog, and the refusal of a second request)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from ..rules.late_requests import LateRequestOutcome
from ..rules.money import Money
from ..rules.vocabulary import LateRequestStatus
from ..store.compiled import CompiledSelect, Param
from ..store.models import Appointment, LateCancellationRequest


def _outcomes(rows, fees: Mapping[int, Money]) -> dict[int, LateRequestOutcome]:
    out: dict[int, LateRequestOutcome] = {}
    for appointment_id, status, created_at, decided_at, reply in rows:
        if appointment_id in fees:
            out[appointment_id] = LateRequestOutcome(LateRequestStatus(status), created_at, decided_at,
                                                     fees[appointment_id], reply or "")
    return out


def late_request_outcomes(appointment_ids: Iterable[int], fees: Mapping[int, Money]) -> dict[int, LateRequestOutcome]:
    """Appointment id → its latest request (one query); ``fees`` is each appointment's booked
    late-cancellation fee."""
    ids = list(appointment_ids)
    if not ids:
        return {}
    R = LateCancellationRequest
    return _outcomes(R.select(R.appointment, R.status, R.created_at, R.decided_at, R.reply)
                     .where(R.appointment.in_(ids)).order_by(R.id).tuples(), fees)


# Every request on one client's appointments, oldest first (one query shape, compiled once): a
# client has few, so the lists keep those of the appointments they show rather than sending
# their ids as an IN list (a new SQL text for every length).
_OF_CLIENT = CompiledSelect(lambda: (
    LateCancellationRequest.select(LateCancellationRequest.appointment, LateCancellationRequest.status,
                                   LateCancellationRequest.created_at, LateCancellationRequest.decided_at,
                                   LateCancellationRequest.reply)
    .join(Appointment, on=(LateCancellationRequest.appointment == Appointment.id))
    .where(Appointment.client == Param("client"))
    .order_by(LateCancellationRequest.id)))


def client_late_request_outcomes(client_id: int, fees: Mapping[int, Money]) -> dict[int, LateRequestOutcome]:
    """:func:`late_request_outcomes` of the appointments in ``fees``, all of them the client's."""
    if not fees:
        return {}
    return _outcomes(_OF_CLIENT.rows(client=client_id), fees)
