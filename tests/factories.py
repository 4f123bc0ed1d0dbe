"""Small builders for tests: a practice, people and appointments.

The practice and bookings go through the services (so they are built the way
the application builds them); people for whom no service exists yet are
inserted as rows with the same defaults the services use. Every helper takes
``now`` explicitly: nothing here reads the clock.

Typical use::

    team = factories.make_team(now)          # two providers, a client each, Support
    appt = factories.book(team.client, team.client, now + timedelta(days=3), now=now)
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from functools import cache

from desktop.rules import series as series_rules
from desktop.services.actor import Actor
from desktop.services.auth import (
    actor_for,
    create_default_policy,
    create_default_working_hours,
    set_up_practice,
)
from desktop.services.booking import BookingRequest, SeriesRequest, book_appointment, create_series
from desktop.services.passwords import hash_password
from desktop.store.models import (
    Appointment,
    AppointmentStatus,
    AuditEvent,
    Client,
    FeePolicy,
    Provider,
    Role,
    User,
)

PASSWORD = "correct horse battery"
ZONE = "America/New_York"
SESSION = timedelta(minutes=50)


@cache
def password_hash() -> str:
    """One Argon2 hash of PASSWORD per test run (hashing is deliberately slow)."""
    return hash_password(PASSWORD)


def actor(username: str) -> Actor:
    """The Actor for an existing user, as sign-in would build it."""
    return actor_for(User.get(User.username == username))


def make_practice(now: datetime, *, name: str = "Test Practice", zone: str = ZONE,
                  owner_name: str = "Olive Owner", username: str = "owner",
                  password: str = PASSWORD, currency: str = "USD") -> Actor:
    """First-run set-up through the service: the practice and its owner (a provider)."""
    return set_up_practice(name, zone, owner_name, username, password, currency=currency, now=now)


def _user(username: str, role: str, *, display_name: str | None, zone: str, now: datetime,
          active: bool = True, is_owner: bool = False) -> User:
    return User.create(
        username=username, display_name=display_name or username.replace(".", " ").title(), role=role,
        is_owner=is_owner, password_hash=password_hash(), time_zone=zone, active=active, created_at=now,
    )


def add_provider(now: datetime, username: str, *, display_name: str | None = None, zone: str = ZONE,
                 currency: str = "USD", notice_minutes: int | None = None,
                 late_fee_cents: int | None = None, no_show_fee_cents: int | None = None) -> Actor:
    """A provider with the default policy (version 1) and working hours, like the owner gets.
    The fee arguments, when given, change that first policy."""
    user = _user(username, Role.PROVIDER, display_name=display_name, zone=zone, now=now)
    provider = Provider.create(user=user)
    policy = create_default_policy(provider, currency, by=user, now=now)
    changes = {}
    if notice_minutes is not None:
        changes["notice_minutes"] = notice_minutes
    if late_fee_cents is not None:
        changes["late_cancellation_fee_cents"] = late_fee_cents
    if no_show_fee_cents is not None:
        changes["no_show_fee_cents"] = no_show_fee_cents
    if changes:
        FeePolicy.update(**changes).where(FeePolicy.id == policy.id).execute()
    create_default_working_hours(provider)
    return actor_for(user)


def add_client(now: datetime, provider: Actor | int, username: str, *, display_name: str | None = None,
               zone: str = ZONE, active: bool = True) -> Actor:
    """A client of ``provider`` (an Actor or a Provider id)."""
    provider_id = provider.provider_id if isinstance(provider, Actor) else provider
    user = _user(username, Role.CLIENT, display_name=display_name, zone=zone, now=now, active=active)
    Client.create(user=user, provider=provider_id)
    return actor_for(user)


def add_support(now: datetime, username: str = "support", *, display_name: str | None = None,
                zone: str = ZONE) -> Actor:
    return actor_for(_user(username, Role.SUPPORT, display_name=display_name, zone=zone, now=now))


def add_front_desk(now: datetime, username: str = "front.desk", *, display_name: str | None = None,
                   zone: str = ZONE) -> Actor:
    return actor_for(_user(username, Role.FRONT_DESK, display_name=display_name or "Frankie Desk", zone=zone,
                           now=now))


@dataclass(frozen=True)
class Team:
    owner: Actor  # provider, practice owner
    client: Actor  # the owner's client
    other_provider: Actor
    other_client: Actor  # the other provider's client
    support: Actor


def make_team(now: datetime) -> Team:
    """A practice with two providers, one client each, and Support."""
    owner = make_practice(now)
    other_provider = add_provider(now, "dr.other", display_name="Dr. Other")
    return Team(
        owner=owner,
        client=add_client(now, owner, "casey.client", display_name="Casey Client"),
        other_provider=other_provider,
        other_client=add_client(now, other_provider, "robin.other", display_name="Robin Other"),
        support=add_support(now),
    )


def provider_of(client: Actor) -> int:
    return Client.get_by_id(client.client_id).provider_id


def book(by: Actor, client: Actor, start: datetime, *, now: datetime, duration: timedelta = SESSION,
         **fields) -> int:
    """Book through the service (``by`` is the client or their provider); returns the appointment id."""
    result = book_appointment(by, BookingRequest(
        provider_id=provider_of(client), client_id=client.client_id, start=start, duration=duration, **fields,
    ), now=now)
    return result.value


def weekly_series(provider: Actor, client: Actor, first_local: datetime, *, now: datetime, count: int = 10,
                  frequency: series_rules.Frequency = series_rules.Frequency.WEEKLY,
                  zone: str = ZONE, duration: timedelta = SESSION) -> int:
    """A repeating appointment through the service; returns the series id."""
    result = create_series(provider, SeriesRequest(
        client_id=client.client_id, first_local=first_local, time_zone=zone, duration=duration,
        frequency=frequency, count=count,
    ), now=now)
    return result.value


def add_appointment(client: Actor, start: datetime, *, duration: timedelta = SESSION,
                    status: str = AppointmentStatus.SCHEDULED, series_id: int | None = None,
                    created_at: datetime | None = None) -> Appointment:
    """An appointment row written directly, for states the services cannot reach
    at a given ``now`` (a past appointment, one already no-show …). Uses the
    provider's current policy."""
    provider_id = provider_of(client)
    policy = (FeePolicy.select().where(FeePolicy.provider == provider_id)
              .order_by(FeePolicy.version.desc()).first())
    start = start.astimezone(UTC)
    return Appointment.create(
        provider=provider_id, client=client.client_id, series=series_id, policy=policy,
        starts_at=start, ends_at=start + duration, status=status,
        created_at=created_at or start - timedelta(days=7), updated_at=created_at or start - timedelta(days=7),
    )


def audit_count(action: str | None = None) -> int:
    q = AuditEvent.select()
    if action is not None:
        q = q.where(AuditEvent.action == action)
    return q.count()


def status_of(appointment_id: int) -> str:
    return Appointment.get_by_id(appointment_id).status


# ---- time zones -----------------------------------------------------------

DST_ZONES = ("America/New_York", "Europe/London", "Australia/Sydney")


@dataclass(frozen=True)
class Transition:
    zone: str
    at: datetime  # the UTC instant the offset changes
    before: timedelta  # UTC offset just before
    after: timedelta  # UTC offset from ``at`` on

    @property
    def spring_forward(self) -> bool:
        return self.after > self.before

    def __str__(self) -> str:  # readable pytest ids
        return f"{self.zone}@{self.at:%Y-%m-%dT%H:%M}Z"


def dst_transitions(zone_name: str, first_year: int, last_year: int) -> list[Transition]:
    """Every UTC-offset change of ``zone_name`` in [first_year, last_year], to the second.

    Scans day by day, then bisects inside the day where the offset differs.
    """
    from zoneinfo import ZoneInfo

    zone = ZoneInfo(zone_name)

    def offset(instant: datetime) -> timedelta:
        return instant.astimezone(zone).utcoffset()

    out: list[Transition] = []
    day = datetime(first_year, 1, 1, tzinfo=UTC)
    end = datetime(last_year + 1, 1, 1, tzinfo=UTC)
    while day < end:
        nxt = day + timedelta(days=1)
        if offset(day) != offset(nxt):
            lo, hi = day, nxt  # offset(lo) is the old one, offset(hi) the new one
            while hi - lo > timedelta(seconds=1):
                mid = lo + (hi - lo) / 2
                mid = mid.replace(microsecond=0)
                if mid == lo:
                    mid = lo + timedelta(seconds=1)
                if offset(mid) == offset(lo):
                    lo = mid
                else:
                    hi = mid
            out.append(Transition(zone_name, hi, offset(lo), offset(hi)))
        day = nxt
    return out


def all_dst_transitions(first_year: int = 2020, last_year: int = 2035) -> list[Transition]:
    return [t for z in DST_ZONES for t in dst_transitions(z, first_year, last_year)]
