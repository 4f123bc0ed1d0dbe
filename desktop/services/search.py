"""Find (Ctrl+F) in the provider's calendar: their appointments by the client's name, a date
or a reference (``#123``), soonest first from today, then the most recent past ones."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from peewee import fn

from ..rules.display_locale import shown_locale
from ..rules.search import search_terms
from ..rules.series import day_bounds_utc
from ..store.models import Appointment, Client, Role, User
from .actor import Actor, current_actor, require_role
from .tx import utc_now
from .validation import entry_point


@dataclass(frozen=True)
class FoundAppointment:
    id: int
    start: datetime  # UTC
    end: datetime
    status: str
    client_name: str


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
    now = utc_now(now)
    terms = search_terms(search, now.astimezone(ZoneInfo(actor.time_zone)).date(), day_first=_day_first())
    if terms.empty:
        return []
    client_user = User.alias()
    q = (Appointment.select(Appointment.id, Appointment.starts_at, Appointment.ends_at, Appointment.status,
                            client_user.display_name)
         .join(Client, on=(Appointment.client == Client.id))
         .join(client_user, on=(Client.user == client_user.id))
         .where(Appointment.provider == actor.provider_id))
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
    return [FoundAppointment(i, s, e, st, name) for i, s, e, st, name in ahead + past]
