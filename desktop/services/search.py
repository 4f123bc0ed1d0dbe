"""Find (Ctrl+F): appointments by the client's name, a date or a reference (``#123``), soonest
first from today, then the most recent past ones — in the provider's own calendar, or (the owner
and the front desk) in the whole practice's."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from peewee import fn

from ..rules.display_locale import shown_locale
from ..rules.search import search_terms
from ..rules.series import day_bounds_utc
from ..store.models import Appointment, Client, Provider, Role, User
from .actor import Actor, current_actor, require_role
from .practice_calendar import require_practice_viewer
from .tx import utc_now
from .validation import entry_point


@dataclass(frozen=True)
class FoundAppointment:
    id: int
    start: datetime  # UTC
    end: datetime
    status: str
    client_name: str
    provider_id: int = 0
    provider_name: str = ""


def _day_first() -> bool:
    """Whether the practice's locale writes the day before the month ("4/12" is 4 December)."""
    return not shown_locale().startswith("en_US")


@entry_point
def find_appointments(actor: Actor, search: str, *, now: datetime | None = None, limit: int = 50
                      ) -> list[FoundAppointment]:
    """The provider's own appointments matching every term of ``search``: each word in the
    client's name, the day (in the provider's zone), the reference. Nothing for no terms."""
    current_actor(actor)
    require_role(actor, Role.PROVIDER)
    return _find(actor, search, utc_now(now), limit, provider_id=actor.provider_id)


@entry_point
def find_in_practice(actor: Actor, search: str, *, now: datetime | None = None, limit: int = 50
                     ) -> list[FoundAppointment]:
    """The same, over every provider's appointments, with the provider's name: for those who see
    the practice calendar (the owner and the front desk)."""
    current_actor(actor)
    require_practice_viewer(actor)
    return _find(actor, search, utc_now(now), limit, provider_id=None)


def _find(actor: Actor, search: str, now: datetime, limit: int, *, provider_id: int | None
          ) -> list[FoundAppointment]:
    terms = search_terms(search, now.astimezone(ZoneInfo(actor.time_zone)).date(), day_first=_day_first())
    if terms.empty:
        return []
    client_user, provider_user = User.alias(), User.alias()
    q = (Appointment.select(Appointment.id, Appointment.starts_at, Appointment.ends_at, Appointment.status,
                            client_user.display_name, Appointment.provider, provider_user.display_name)
         .join(Client, on=(Appointment.client == Client.id))
         .join(client_user, on=(Client.user == client_user.id))
         .switch(Appointment).join(Provider, on=(Appointment.provider == Provider.id))
         .join(provider_user, on=(Provider.user == provider_user.id)))
    if provider_id is not None:
        q = q.where(Appointment.provider == provider_id)
    for word in terms.words:
        q = q.where(fn.LOWER(client_user.display_name).contains(word))
    if terms.references:
        q = q.where(Appointment.id.in_(list(terms.references)))
    if terms.day is not None:
        lo, hi = day_bounds_utc(terms.day, actor.time_zone)
        q = q.where(Appointment.starts_at >= lo, Appointment.starts_at < hi)
    ahead = list(q.where(Appointment.ends_at > now).order_by(Appointment.starts_at).limit(limit).tuples())
    past = list(q.where(Appointment.ends_at <= now).order_by(Appointment.starts_at.desc())
                .limit(max(limit - len(ahead), 0)).tuples()) if len(ahead) < limit else []
    return [FoundAppointment(i, s, e, st, name, pid, pname) for i, s, e, st, name, pid, pname in ahead + past]
