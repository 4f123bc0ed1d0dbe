"""The practice calendar: every provider's appointments in one range, for the owner and the
front desk.

One indexed range read over all providers, or over the providers the viewer chose: the
``appointment_practice_range`` index (migration 0009) leads with starts_at and holds every
column the read needs. A row carries what a receptionist needs and nothing clinical:
when, whose client (the name), which provider, the status, whether it repeats, telehealth or
not. Never notes, reasons, fees, urgent items or late-cancellation requests.

The SQL is compiled by peewee, then run with ``execute_sql`` and its rows converted directly
(a month of 20 providers is some 4,000 rows: peewee's per-row conversion would be most of the
read's cost).
"""

from __future__ import annotations

from datetime import datetime
from typing import NamedTuple

from ..rules.vocabulary import AppointmentStatus
from ..store.compiled import CompiledSelect, Param, utc_value
from ..store.models import Appointment, Client, Provider, User
from .actor import Actor, current_actor
from .calendar import MAX_LENGTH, _check_range
from .errors import NotAllowed
from .validation import entry_point


class PracticeRow(NamedTuple):
    """One appointment on the practice calendar (a tuple: thousands are made per month)."""

    id: int
    start: datetime  # UTC
    end: datetime  # UTC
    status: str  # an AppointmentStatus value
    provider_id: int
    client_name: str
    in_series: bool
    telehealth: bool

    @property
    def status_label(self) -> str:
        return AppointmentStatus(self.status).label


class PracticeProvider(NamedTuple):
    id: int
    name: str
    active: bool


def require_practice_viewer(actor: Actor) -> None:
    """The owner and front-desk accounts see the whole practice's calendar; nobody else."""
    if not ((actor.is_provider and actor.is_owner) or actor.is_front_desk):
        raise NotAllowed("Only the practice owner and the front desk see the practice calendar.")


@entry_point
def practice_providers(actor: Actor) -> list[PracticeProvider]:
    """Every provider of the practice (the calendar's columns and its filter), active ones first."""
    current_actor(actor)
    require_practice_viewer(actor)
    q = (Provider.select(Provider.id, User.display_name, User.active).join(User)
         .order_by(User.active.desc(), User.display_name, Provider.id))
    return [PracticeProvider(pid, name, bool(active)) for pid, name, active in q.tuples()]


def _select(lower, end, start, provider_ids):
    ClientUser = User.alias()
    where = [Appointment.starts_at >= lower, Appointment.starts_at < end, Appointment.ends_at > start]
    if provider_ids is not None:
        where.append(Appointment.provider.in_(provider_ids))
    return (Appointment
            .select(Appointment.id, Appointment.starts_at, Appointment.ends_at, Appointment.status,
                    Appointment.provider, ClientUser.display_name, Appointment.series, Appointment.telehealth)
            .join(Client, on=(Appointment.client == Client.id))
            .join(ClientUser, on=(Client.user == ClientUser.id))
            .where(*where)
            .order_by(Appointment.starts_at, Appointment.id))


def _range_query(start: datetime, end: datetime, provider_ids: list[int] | None):
    """The range's SELECT with its values (benchmarks/practice_calendar.py runs the same SQL raw)."""
    return _select(start - MAX_LENGTH, end, start, None if provider_ids is None else sorted(set(provider_ids)))


def _shape(count: int | None) -> CompiledSelect:
    """The range's query compiled once per number of providers chosen (None: all of them): the
    filter's IN list has one placeholder per provider, a practice has a few dozen at most."""
    found = _SHAPES.get(count)
    if found is None:
        ids = None if count is None else [Param(f"p{i}") for i in range(count)]
        found = _SHAPES.setdefault(count, CompiledSelect(lambda: _select(Param("from"), Param("end"), Param("start"), ids)))
    return found


_SHAPES: dict[int | None, CompiledSelect] = {}


@entry_point
def practice_range(actor: Actor, start: datetime, end: datetime,
                   provider_ids: list[int] | None = None) -> list[PracticeRow]:
    """Every appointment overlapping [start, end) of the providers named (all when None), in
    time order: one query on the ``appointment_practice_range`` index (migration 0009)."""
    current_actor(actor)
    require_practice_viewer(actor)
    _check_range(start, end)
    if provider_ids is not None and not provider_ids:
        return []
    chosen = None if provider_ids is None else sorted(set(provider_ids))
    compiled = _shape(None if chosen is None else len(chosen))
    ids = {} if chosen is None else {f"p{i}": pid for i, pid in enumerate(chosen)}
    rows = compiled.raw_rows(**ids, **{"from": start - MAX_LENGTH, "end": end, "start": start})
    # Many appointments share a start (every provider at 09:00): each stored instant converted once.
    instants: dict = {}

    def instant(value) -> datetime:
        converted = instants.get(value)
        if converted is None:
            converted = instants[value] = utc_value(value)
        return converted

    get = instants.get
    return [PracticeRow(aid, get(s) or instant(s), get(e) or instant(e), status, pid, name, series is not None,
                        bool(tele))
            for aid, s, e, status, pid, name, series, tele in rows]

