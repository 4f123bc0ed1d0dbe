"""Calendar reads: the plain rows of one visible range, from the indexed appointment table.

Series occurrences are already rows (materialised ahead), so a calendar never
expands a recurrence rule: one indexed range query per repaint of a new range.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from peewee import JOIN, Value, fn

from ..rules.vocabulary import LateRequestStatus
from ..store.compiled import CompiledSelect, Param, instances
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


def _select(by_provider: bool):
    """One range's rows, columns named as the CalendarRow fields they fill (a query shape)."""
    ClientUser, ProviderUser = User.alias(), User.alias()
    pending = fn.EXISTS(LateCancellationRequest.select(LateCancellationRequest.id)
                        .where(LateCancellationRequest.appointment == Appointment.id,
                               LateCancellationRequest.status == LateRequestStatus.PENDING))
    # The provider's marker only: a client's own calendar never shows it.
    urgent = (fn.EXISTS(UrgentItem.select(UrgentItem.id)
                        .where(UrgentItem.appointment == Appointment.id, UrgentItem.handled_at.is_null()))
              if by_provider else Value(0))
    # The other person, as the viewer labels the event.
    who = ClientUser.display_name if by_provider else ProviderUser.display_name
    owner = Appointment.provider if by_provider else Appointment.client
    return (Appointment
            .select(Appointment.id, Appointment.starts_at.alias("start"), Appointment.ends_at.alias("end"),
                    Appointment.status, Appointment.client.alias("client_id"),
                    ClientUser.display_name.alias("client_name"), Appointment.provider.alias("provider_id"),
                    ProviderUser.display_name.alias("provider_name"), Appointment.series.alias("series_id"),
                    Appointment.telehealth, fn.COALESCE(Appointment.location, "").alias("location"),
                    Appointment.version, pending.alias("late_request_pending"), urgent.alias("urgent"),
                    who.alias("who"))
            .join(Client, on=(Appointment.client == Client.id))
            .join(ClientUser, on=(Client.user == ClientUser.id))
            .switch(Appointment).join(Provider, JOIN.INNER, on=(Appointment.provider == Provider.id))
            .join(ProviderUser, on=(Provider.user == ProviderUser.id))
            # starts_at bounds use the (provider|client, starts_at) index; an appointment is under 1 day.
            .where(owner == Param("owner"), Appointment.starts_at >= Param("from"),
                   Appointment.starts_at < Param("end"), Appointment.ends_at > Param("start"))
            .order_by(Appointment.starts_at, Appointment.id))


# Compiled once per database (store/compiled.py); the flags computed in SQL come back as 0/1.
_FLAGS = {"late_request_pending": bool, "urgent": bool}
_PROVIDER_RANGE = CompiledSelect(lambda: _select(True), convert=_FLAGS)
_CLIENT_RANGE = CompiledSelect(lambda: _select(False), convert=_FLAGS)


def _rows(compiled: CompiledSelect, owner: int, start: datetime, end: datetime) -> list[CalendarRow]:
    rows = compiled.rows(owner=owner, start=start, end=end, **{"from": start - MAX_LENGTH})
    return instances(CalendarRow, compiled.names, rows)


@entry_point
def provider_range(actor: Actor, start: datetime, end: datetime) -> list[CalendarRow]:
    """The provider's appointments (every client of theirs) overlapping [start, end)."""
    current_actor(actor)
    if actor.role != Role.PROVIDER:
        raise NotAllowed("Only a provider sees a provider's calendar.")
    _check_range(start, end)
    return _rows(_PROVIDER_RANGE, actor.provider_id, start, end)


@entry_point
def client_range(actor: Actor, start: datetime, end: datetime) -> list[CalendarRow]:
    """The signed-in client's own appointments overlapping [start, end)."""
    current_actor(actor)
    if actor.role != Role.CLIENT:
        raise NotAllowed("Only a client sees their own calendar.")
    _check_range(start, end)
    return _rows(_CLIENT_RANGE, actor.client_id, start, end)
