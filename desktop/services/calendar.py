"""Calendar reads: the plain rows of one visible range, from the indexed appointment table.

Series occurrences are already rows (materialised ahead), so a calendar never
expands a recurrence rule: one indexed range query per repaint of a new range.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from peewee import JOIN, fn

from ..rules.vocabulary import LateRequestStatus
from ..store.models import (
    Appointment,
    AppointmentStatus,
    Client,
    LateCancellationRequest,
    Provider,
    Role,
    User,
)
from .actor import Actor
from .errors import InvalidInput, NotAllowed
from .validation import entry_point

# A range longer than this is not a calendar view (six weeks of a month grid, with margin).
MAX_RANGE_DAYS = 62
# No appointment is longer: bounds the index scan from below as well as above.
MAX_LENGTH = timedelta(days=1)


@dataclass(frozen=True)
class CalendarRow:
    id: int
    start: datetime  # UTC
    end: datetime  # UTC
    status: str  # an AppointmentStatus value
    client_id: int
    client_name: str
    provider_id: int
    provider_name: str
    series_id: int | None
    telehealth: bool
    location: str
    version: int
    late_request_pending: bool

    @property
    def status_label(self) -> str:
        return AppointmentStatus(self.status).label

    @property
    def in_series(self) -> bool:
        return self.series_id is not None


def _check_range(start: datetime, end: datetime) -> None:
    if start.tzinfo is None or end.tzinfo is None:
        raise InvalidInput("A calendar range is two time-zone-aware instants.")
    if end <= start:
        raise InvalidInput("A calendar range must end after it starts.")
    if (end - start).days > MAX_RANGE_DAYS:
        raise InvalidInput(f"A calendar shows at most {MAX_RANGE_DAYS} days at a time.")


def _rows(where, start: datetime, end: datetime) -> list[CalendarRow]:
    ClientUser, ProviderUser = User.alias(), User.alias()
    pending = (LateCancellationRequest.select(fn.COUNT(LateCancellationRequest.id))
               .where(LateCancellationRequest.appointment == Appointment.id,
                      LateCancellationRequest.status == LateRequestStatus.PENDING))
    q = (Appointment
         .select(Appointment.id, Appointment.starts_at, Appointment.ends_at, Appointment.status,
                 Appointment.client, ClientUser.display_name, Appointment.provider, ProviderUser.display_name,
                 Appointment.series, Appointment.telehealth, Appointment.location, Appointment.version,
                 pending.alias("pending"))
         .join(Client, on=(Appointment.client == Client.id))
         .join(ClientUser, on=(Client.user == ClientUser.id))
         .switch(Appointment).join(Provider, JOIN.INNER, on=(Appointment.provider == Provider.id))
         .join(ProviderUser, on=(Provider.user == ProviderUser.id))
         # starts_at bounds use the (provider|client, starts_at) index; an appointment is under 1 day.
         .where(where, Appointment.starts_at >= start - MAX_LENGTH, Appointment.starts_at < end,
                Appointment.ends_at > start)
         .order_by(Appointment.starts_at, Appointment.id))
    return [CalendarRow(i, s, e, st, cid, cname, pid, pname, sid, bool(tele), loc or "", ver, bool(pend))
            for i, s, e, st, cid, cname, pid, pname, sid, tele, loc, ver, pend in q.tuples()]


@entry_point
def provider_range(actor: Actor, start: datetime, end: datetime) -> list[CalendarRow]:
    """The provider's appointments (every client of theirs) overlapping [start, end)."""
    if actor.role != Role.PROVIDER:
        raise NotAllowed("Only a provider sees a provider's calendar.")
    _check_range(start, end)
    return _rows(Appointment.provider == actor.provider_id, start, end)


@entry_point
def client_range(actor: Actor, start: datetime, end: datetime) -> list[CalendarRow]:
    """The signed-in client's own appointments overlapping [start, end)."""
    if actor.role != Role.CLIENT:
        raise NotAllowed("Only a client sees their own calendar.")
    _check_range(start, end)
    return _rows(Appointment.client == actor.client_id, start, end)
