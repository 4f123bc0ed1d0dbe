"""The provider's day sheet: one day's appointments with client names, service, place and status,
for printing (``gui/printing.py``). Nothing clinical (no notes): a printed sheet lies on a desk."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from peewee import JOIN

from ..rules.series import day_bounds_utc
from ..rules.vocabulary import AppointmentStatus, Role
from ..rules.wording import TELEHEALTH_PLACE
from ..store.models import Appointment, Client, Practice, Service, User
from .actor import Actor, current_actor, require_role
from .validation import entry_point


@dataclass(frozen=True)
class DaySheetRow:
    start: datetime  # UTC
    end: datetime  # UTC
    client_name: str
    service: str
    place: str
    status: str  # an AppointmentStatus value
    in_series: bool

    @property
    def status_label(self) -> str:
        return AppointmentStatus(self.status).label


@dataclass(frozen=True)
class DaySheet:
    practice_name: str
    provider_name: str
    time_zone: str  # the provider's: the sheet's times and its day are there
    day: date
    rows: tuple[DaySheetRow, ...]

    @property
    def scheduled(self) -> int:
        return sum(1 for r in self.rows if r.status == AppointmentStatus.SCHEDULED)


@entry_point
def provider_day_sheet(actor: Actor, day: date) -> DaySheet:
    """The signed-in provider's appointments starting on ``day`` (their own zone), cancelled ones
    included and marked, in start order."""
    current_actor(actor)
    require_role(actor, Role.PROVIDER)
    start, end = day_bounds_utc(day, actor.time_zone)
    client_user = User.alias("client_user")
    query = (Appointment.select(Appointment.starts_at, Appointment.ends_at, client_user.display_name,
                                Service.name, Appointment.location, Appointment.telehealth, Appointment.status,
                                Appointment.series)
             .join(Client, on=(Appointment.client == Client.id))
             .join(client_user, on=(Client.user == client_user.id))
             .switch(Appointment).join(Service, JOIN.LEFT_OUTER, on=(Appointment.service == Service.id))
             .where(Appointment.provider == actor.provider_id, Appointment.starts_at >= start,
                    Appointment.starts_at < end)
             .order_by(Appointment.starts_at, Appointment.id))
    rows = tuple(DaySheetRow(s, e, name, service or "Session", TELEHEALTH_PLACE if telehealth else (place or ""),
                             status, series is not None)
                 for s, e, name, service, place, telehealth, status, series in query.tuples())
    practice = Practice.select(Practice.name).scalar() or "Practice Desk"
    return DaySheet(practice, actor.display_name, actor.time_zone, day, rows)
