"""Calendar reads: the plain rows of one visible range, from the indexed appointment table.

Series occurrences are already rows (materialised ahead), so a calendar never
expands a recurrence rule: one indexed range query per repaint of a new range.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from peewee import JOIN, Value, fn

from ..rules.vocabulary import LateRequestStatus
from ..store.models import (
    Appointment,
    AppointmentStatus,
    Client,
    LateCancellationRequest,
    Provider,
    Role,
    UrgentItem,
    User,
)
from .actor import Actor, current_actor
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
    urgent: bool = False  # an open urgent item is tied to it (the client asked to be contacted)
    who: str = ""  # the other person, as the viewer labels the event: the client for a provider,
    # the provider for a client (never the client's own name on their own calendar)

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


def _rows(where, start: datetime, end: datetime, *, with_urgent: bool = False,
          who: str = "client_name") -> list[CalendarRow]:
    ClientUser, ProviderUser = User.alias(), User.alias()
    pending = (LateCancellationRequest.select(fn.COUNT(LateCancellationRequest.id))
               .where(LateCancellationRequest.appointment == Appointment.id,
                      LateCancellationRequest.status == LateRequestStatus.PENDING))
    # The provider's marker only: a client's own calendar never shows it.
    urgent = (UrgentItem.select(fn.COUNT(UrgentItem.id))
              .where(UrgentItem.appointment == Appointment.id, UrgentItem.handled_at.is_null())
              if with_urgent else Value(0))
    q = (Appointment
         # Each column named as the CalendarRow field it fills.
         .select(Appointment.id, Appointment.starts_at.alias("start"), Appointment.ends_at.alias("end"),
                 Appointment.status, Appointment.client.alias("client_id"), ClientUser.display_name.alias("client_name"),
                 Appointment.provider.alias("provider_id"), ProviderUser.display_name.alias("provider_name"),
                 Appointment.series.alias("series_id"), Appointment.telehealth, Appointment.location,
                 Appointment.version, pending.alias("late_request_pending"), urgent.alias("urgent"))
         .join(Client, on=(Appointment.client == Client.id))
         .join(ClientUser, on=(Client.user == ClientUser.id))
         .switch(Appointment).join(Provider, JOIN.INNER, on=(Appointment.provider == Provider.id))
         .join(ProviderUser, on=(Provider.user == ProviderUser.id))
         # starts_at bounds use the (provider|client, starts_at) index; an appointment is under 1 day.
         .where(where, Appointment.starts_at >= start - MAX_LENGTH, Appointment.starts_at < end,
                Appointment.ends_at > start)
         .order_by(Appointment.starts_at, Appointment.id))
    return [CalendarRow(**{**row, "telehealth": bool(row["telehealth"]), "location": row["location"] or "",
                           "late_request_pending": bool(row["late_request_pending"]),
                           "urgent": bool(row["urgent"]), "who": row[who]})
            for row in q.dicts()]


@entry_point
def provider_range(actor: Actor, start: datetime, end: datetime) -> list[CalendarRow]:
    """The provider's appointments (every client of theirs) overlapping [start, end)."""
    current_actor(actor)
    if actor.role != Role.PROVIDER:
        raise NotAllowed("Only a provider sees a provider's calendar.")
    _check_range(start, end)
    return _rows(Appointment.provider == actor.provider_id, start, end, with_urgent=True)


@entry_point
def client_range(actor: Actor, start: datetime, end: datetime) -> list[CalendarRow]:
    """The signed-in client's own appointments overlapping [start, end)."""
    current_actor(actor)
    if actor.role != Role.CLIENT:
        raise NotAllowed("Only a client sees their own calendar.")
    _check_range(start, end)
    return _rows(Appointment.client == actor.client_id, start, end, who="provider_name")
