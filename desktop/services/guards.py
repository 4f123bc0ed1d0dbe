"""The checks every write on an appointment makes, client's or provider's: whose it is,
that it is still scheduled, that nobody changed it since it was shown (rule 10), and how
a rule's refusal becomes the error the window shows."""

from __future__ import annotations

import enum
from datetime import datetime

from ..rules.late_requests import LateRefusal
from ..rules.provider_actions import ActionRefusal, RefusalReason, not_scheduled_text
from ..store.models import (
    Appointment,
    AppointmentStatus,
    Client,
    LateCancellationRequest,
    LateRequestStatus,
    Role,
    Series,
)
from .access import appointment_for
from .actor import Actor
from .errors import Conflict, InvalidInput, NotAllowed, RuleRefused, ServiceError
from .tx import locked
from .waitlist_offers import offer_freed


class Outcome(enum.Enum):
    """What a refused write did not do, as the person is told (``nothing``, then what to do)."""

    CHANGED = ("nothing was changed", "Look at it again first.")
    CANCELLED = ("nothing was cancelled", "Look at it again before cancelling.")
    MOVED = ("nothing was moved", "Look at it again before rescheduling.")

    def __init__(self, nothing: str, look_again: str) -> None:
        self.nothing = nothing
        self.look_again = look_again


# Access follows today's assignment: a provider keeps reading what they held, and acts only for
# the clients who see them now.
MOVED_CLIENT = "This client now sees another provider; only their provider can act on the appointment."


def client_moved(appt: Appointment) -> bool:
    """The appointment's client sees another provider now than the one whose calendar holds it."""
    return Client.select(Client.provider).where(Client.id == appt.client_id).scalar() != appt.provider_id


def own_appointment(actor: Actor, appointment_id: int, *, lock: bool = False) -> Appointment:
    """The appointment, if the actor may act on it (rule 8): a client their own; a provider
    one in their calendar whose client is still theirs. ``lock``: read it FOR UPDATE."""
    appt = appointment_for(actor, appointment_id, query=locked(Appointment.select()) if lock else None)
    if actor.role == Role.PROVIDER and client_moved(appt):
        raise NotAllowed(MOVED_CLIENT)
    return appt


def own_occurrence_in_series_order(actor: Actor, appointment_id: int) -> Appointment:
    """The appointment locked for a use case on its whole series: the series row first, then the
    occurrence (:func:`lock_series`), the order every series use case and the horizon job take,
    so two of them never hold one occurrence each while waiting for the other's."""
    appt = own_appointment(actor, appointment_id)
    if appt.series_id is not None:
        lock_series(appt.series_id)
    return own_appointment(actor, appointment_id, lock=True)


def lock_series(series_id: int) -> Series | None:
    """Hold the series row (PostgreSQL; SQLite already holds the write lock): the first lock of
    any use case that locks several occurrences of one series."""
    return locked(Series.select()).where(Series.id == series_id).first()


def lock_appointments(ids: list[int]) -> dict[int, Appointment]:
    """Several appointments locked in one ``SELECT … FOR UPDATE … ORDER BY id``: the one order."""
    if not ids:
        return {}
    query = locked(Appointment.select().where(Appointment.id.in_(ids)).order_by(Appointment.id))
    return {a.id: a for a in query}


def lock_appointment_ids(ids: list[int]) -> list[int]:
    """:func:`lock_appointments` reading only the ids (in the one order): for a set-based write
    that needs the locks and not the rows."""
    if not ids:
        return []
    return [i for (i,) in locked(Appointment.select(Appointment.id).where(Appointment.id.in_(ids))
                                 .order_by(Appointment.id)).tuples()]


def pending_late_request(appointment_id: int) -> int | None:
    """The client's undecided late-cancellation request for the appointment, if any: it is
    answered before anything else happens to the appointment (a no-show, a second request)."""
    return (LateCancellationRequest.select(LateCancellationRequest.id)
            .where(LateCancellationRequest.appointment == appointment_id,
                   LateCancellationRequest.status == LateRequestStatus.PENDING)
            .scalar())


def require_scheduled(appt: Appointment) -> None:
    """Cancelled or marked elsewhere first: the second workstation is told, never overwrites."""
    if appt.status != AppointmentStatus.SCHEDULED:
        raise Conflict(not_scheduled_text(AppointmentStatus(appt.status)))


def check_version(appt: Appointment, expected_version: int | None, outcome: Outcome = Outcome.CHANGED) -> None:
    """The row is still the version the person looked at (None: the caller showed nothing)."""
    if expected_version is not None and appt.version != expected_version:
        raise Conflict(f"This appointment was changed since you opened it; {outcome.nothing}. {outcome.look_again}")


# A scheduled appointment leaving its time free for someone else: cancelled, late-cancelled, moved.
_FREEING = {AppointmentStatus.CANCELLED_BY_CLIENT, AppointmentStatus.CANCELLED_BY_PROVIDER,
            AppointmentStatus.LATE_CANCELLED}


def _frees(fields: dict) -> bool:
    return fields.get("status") in _FREEING or "starts_at" in fields


def update_scheduled(appt: Appointment, now: datetime, outcome: Outcome = Outcome.CHANGED, **fields) -> None:
    """Write ``fields`` to a scheduled appointment only if nobody changed it since it was read
    (its version moves on), else refuse (rule 10). A change that frees its time offers the time
    to the waitlist, in the same transaction."""
    updated = (Appointment.update(version=Appointment.version + 1, updated_at=now, **fields)
               .where(Appointment.id == appt.id, Appointment.version == appt.version,
                      Appointment.status == AppointmentStatus.SCHEDULED)
               .execute())
    if updated != 1:
        raise Conflict(f"This appointment was changed on another workstation a moment ago; {outcome.nothing}. "
                       f"{outcome.look_again}")
    if _frees(fields):
        offer_freed([(appt.provider_id, appt.client_id, appt.service_id, appt.starts_at, appt.ends_at)], now)


def update_all_scheduled(rows: list[Appointment] | list[int], now: datetime, outcome: Outcome = Outcome.CHANGED,
                         **fields) -> None:
    """:func:`update_scheduled` for many appointments in one ``UPDATE … WHERE id IN …``: the rows
    were locked and read in this transaction (:func:`lock_appointments`), so each is still at the
    version read; if any is no longer scheduled the row count says so and nothing is kept."""
    if not rows:
        return
    ids = [r if isinstance(r, int) else r.id for r in rows]
    freed = (list(Appointment.select(Appointment.provider, Appointment.client, Appointment.service,
                                     Appointment.starts_at, Appointment.ends_at)
                  .where(Appointment.id.in_(ids)).tuples()) if _frees(fields) else [])
    updated = (Appointment.update(version=Appointment.version + 1, updated_at=now, **fields)
               .where(Appointment.id.in_(ids), Appointment.status == AppointmentStatus.SCHEDULED)
               .execute())
    if updated != len(rows):
        raise Conflict(f"One of these appointments was changed on another workstation a moment ago; "
                       f"{outcome.nothing}. {outcome.look_again}")
    if freed:
        offer_freed(freed, now)


# Someone acted first (Conflict), the person asked for something that is not a thing
# (InvalidInput), or a rule says not now (RuleRefused).
_ERROR_FOR = {
    RefusalReason.NOT_SCHEDULED: Conflict,
    RefusalReason.DOES_NOT_REPEAT: InvalidInput,
    RefusalReason.STARTS_TOO_EARLY: InvalidInput,
}


def refused(refusal: ActionRefusal | LateRefusal, zone: str) -> ServiceError:
    """The error a service raises for a rule's refusal, worded by the rule (instants in ``zone``)."""
    if isinstance(refusal, LateRefusal):
        return Conflict(refusal.message())  # decided, or its appointment changed, meanwhile
    error = _ERROR_FOR.get(refusal.reason, RuleRefused)
    if error is RuleRefused:
        return RuleRefused(refusal.message(zone), refusal.no_show or refusal)
    return error(refusal.message(zone))


def enforce(refusal: ActionRefusal | LateRefusal | None, zone: str) -> None:
    """Raise the refusal, if there is one."""
    if refusal is not None:
        raise refused(refusal, zone)
