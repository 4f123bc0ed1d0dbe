"""What the client portal reads: the dashboard, upcoming and past appointments
(each with its notice decision), and a provider's booking page.

Read functions return frozen dataclasses built from a few ``.tuples()`` queries;
no live model object leaves this module.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

from peewee import JOIN

from ..rules.late_requests import LateRequestOutcome
from ..rules.money import Money
from ..rules.notice import NoticeDecision, NoticeStatus, blocked_explanation, hours_phrase, notice_decider
from ..rules.policy import FeePolicySnapshot, full_policy_text
from ..rules.slots import BOOKING_DAYS, DEFAULT_SESSION, Slot, open_slots, slot_step
from ..rules.telehealth import PLACE as TELEHEALTH_PLACE
from ..rules.timefmt import free_cancellation_text
from ..rules.vocabulary import LateRequestStatus, status_label_at
from ..rules.wording import INSURANCE_SENTENCE
from ..store.compiled import CompiledSelect, Param, instances
from ..store.models import (
    Appointment,
    AppointmentStatus,
    Client,
    FeePolicy,
    Provider,
    Service,
    User,
)
from .access import snapshot
from .actor import Actor, current_actor, require_role
from .calendar import MAX_LENGTH
from .errors import NotAllowed, NotFound
from .late_outcomes import client_late_request_outcomes
from .messaging import unread_total_checked
from .policy import provider_zone, working_blocks
from .tx import utc_now
from .validation import entry_point

PAST_LIMIT = 200


@dataclass(frozen=True)
class AppointmentRow:
    id: int
    version: int
    start: datetime  # UTC
    end: datetime
    provider_id: int
    provider_name: str
    service_name: str
    location: str
    telehealth: bool
    status: str
    series_id: int | None
    policy: FeePolicySnapshot  # the version booked, never today's
    decision: NoticeDecision
    pending_late_request: bool
    as_of: datetime  # the instant the row was read at (the status label depends on it)
    late_request: LateRequestOutcome | None = None  # the latest late-cancellation request, if any
    video_link: str | None = None  # telehealth: where this client joins (their own rows only)

    def late_request_line(self, zone: str) -> str:
        """What became of the client's late-cancellation request ("" when there was none)."""
        return self.late_request.sentence(zone) if self.late_request is not None else ""

    @property
    def status_label(self) -> str:
        return status_label_at(self.status, self.start, self.end, self.as_of)

    @property
    def is_scheduled(self) -> bool:
        return self.status == AppointmentStatus.SCHEDULED

    @property
    def place(self) -> str:
        if self.telehealth:
            return TELEHEALTH_PLACE
        return self.location or "At the practice"

    @property
    def repeats(self) -> bool:
        return self.series_id is not None

    @property
    def can_reschedule(self) -> bool:
        """Moving frees the time just as cancelling does, so it needs the same notice
        (what :func:`desktop.services.reschedule.reschedule_appointment` enforces)."""
        return self.decision.allowed

    def notice_line(self, zone: str) -> str:
        """'Free cancellation until …' or 'Within 24 hours: cancellation needs your provider'."""
        if self.decision.allowed:
            return free_cancellation_text(self.decision.deadline, zone)
        if self.decision.status is NoticeStatus.BLOCKED_WINDOW:
            return f"Within {hours_phrase(self.decision.notice)}: cancellation needs your provider"
        return "This appointment has started."

    def blocked_explanation(self, zone: str) -> str:
        """Why the cancel option is blocked and when the free period ended."""
        return blocked_explanation(self.decision, zone)

    def late_fee_note(self) -> str:
        fee = self.policy.late_cancellation_fee
        return (f"If your provider approves, a late-cancellation fee of {fee.format()} may apply "
                "(the policy you booked under).")


INSURANCE_NOTE = INSURANCE_SENTENCE


def _require_client(actor: Actor) -> int:
    current_actor(actor)
    require_role(actor, "client")
    if actor.client_id is None:
        raise NotAllowed("This account has no client record.")
    return actor.client_id


def _select():
    """The columns of an appointment row as the client's lists show it (a query shape)."""
    provider_user = User.alias()
    return (Appointment.select(
        Appointment.id, Appointment.version, Appointment.starts_at.alias("start"), Appointment.ends_at.alias("end"),
        Appointment.provider.alias("provider_id"), provider_user.display_name.alias("provider_name"),
        Service.name.alias("service_name"), Appointment.location, Appointment.telehealth,
        Appointment.status, Appointment.series.alias("series_id"), FeePolicy.version.alias("policy_version"),
        FeePolicy.notice_minutes, FeePolicy.late_cancellation_fee_cents, FeePolicy.no_show_fee_cents,
        FeePolicy.currency, FeePolicy.grace_minutes, Appointment.client.alias("client_id"), Appointment.video_link)
        .join(Provider, on=(Appointment.provider == Provider.id))
        .join(provider_user, on=(Provider.user == provider_user.id))
        .switch(Appointment).join(Service, JOIN.LEFT_OUTER, on=(Appointment.service == Service.id))
        .switch(Appointment).join(FeePolicy, on=(Appointment.policy == FeePolicy.id)))


# Each list is one query shape, compiled once (store/compiled.py): the SQL is built once, and
# the rows come back converted only where they need it.
_CLIENT, _NOW = Param("client"), Param("now")
# Not ended: starts_at is bounded below too (no appointment is longer than MAX_LENGTH), so the
# (client, starts_at) index is read from now on, not from the client's first appointment.
_SINCE = Param("since")
_NOT_ENDED = CompiledSelect(lambda: _select().where(Appointment.client == _CLIENT, Appointment.starts_at >= _SINCE,
                                                    Appointment.ends_at > _NOW)
                            .order_by(Appointment.starts_at, Appointment.id))
_SCHEDULED_NOT_ENDED = CompiledSelect(lambda: _select().where(
    Appointment.client == _CLIENT, Appointment.starts_at >= _SINCE, Appointment.ends_at > _NOW,
    Appointment.status == AppointmentStatus.SCHEDULED)
    .order_by(Appointment.starts_at, Appointment.id))
_ENDED = CompiledSelect(lambda: _select().where(Appointment.client == _CLIENT, Appointment.ends_at <= _NOW)
                        .order_by(Appointment.starts_at.desc(), Appointment.id.desc()).limit(Param("limit")))
_ONE = CompiledSelect(lambda: _select().where(Appointment.id == Param("id")))
_CLIENT_COLUMN = 17  # the client's column of _select's (the video link follows it)


_ROW_FIELDS = ["id", "version", "start", "end", "provider_id", "provider_name", "service_name", "location",
               "telehealth", "status", "series_id", "policy", "decision", "pending_late_request", "as_of",
               "late_request", "video_link"]


def _rows(compiled: CompiledSelect, as_of: datetime, client_id: int, **params) -> list[AppointmentRow]:
    """The client's rows of one list: the booked policies, their fees and the notice rule's
    wording made once per distinct policy, the late requests in one query on the client."""
    return _built(compiled.rows(**params), as_of, client_id)


def _built(raw: list[tuple], as_of: datetime, client_id: int) -> list[AppointmentRow]:
    now = as_of
    fees: dict[int, Money] = {}
    policies: dict[tuple, tuple[FeePolicySnapshot, object]] = {}  # most rows share one booked policy version
    keyed = []
    for r in raw:
        key = r[11:17]  # the policy's version, notice, fees, currency, grace
        found = policies.get(key)
        if found is None:
            version, notice_minutes, late_cents, no_show_cents, currency, grace_minutes = key
            policy = FeePolicySnapshot(
                version=version, notice=timedelta(minutes=notice_minutes),
                late_cancellation_fee=Money(late_cents, currency),
                no_show_fee=Money(no_show_cents, currency), grace=timedelta(minutes=grace_minutes))
            found = policies[key] = (policy, notice_decider(now, policy.notice))
        fees[r[0]] = found[0].late_cancellation_fee
        keyed.append(found)
    outcomes = client_late_request_outcomes(client_id, fees)
    out = []
    pending_status = LateRequestStatus.PENDING
    for r, (policy, decide) in zip(raw, keyed, strict=True):
        (aid, version, start, end, provider_id, provider_name, service_name, location, telehealth, status,
         series_id) = r[:11]
        outcome = outcomes.get(aid)
        out.append((aid, version, start, end, provider_id, provider_name, service_name or "Session", location,
                    telehealth, status, series_id, policy, decide(start),
                    outcome is not None and outcome.status is pending_status, now, outcome, r[18]))
    return instances(AppointmentRow, _ROW_FIELDS, out)


@entry_point
def upcoming(actor: Actor, *, now: datetime | None = None, include_cancelled: bool = False) -> list[AppointmentRow]:
    """The client's appointments that have not ended, soonest first: the scheduled ones, and with
    ``include_cancelled`` the cancelled ones too (the Upcoming list shows them, marked cancelled)."""
    now = utc_now(now)
    client_id = _require_client(actor)
    return _rows(_NOT_ENDED if include_cancelled else _SCHEDULED_NOT_ENDED, now, client_id, client=client_id, now=now,
                 since=now - MAX_LENGTH)


@entry_point
def past(actor: Actor, *, now: datetime | None = None, limit: int = PAST_LIMIT) -> list[AppointmentRow]:
    """Appointments that are over (attended, no-show, cancelled), newest first; a cancelled one
    whose time is still ahead is listed under Upcoming (``upcoming(include_cancelled=True)``)."""
    now = utc_now(now)
    client_id = _require_client(actor)
    return _rows(_ENDED, now, client_id, client=client_id, now=now, limit=limit)


@entry_point
def appointment(actor: Actor, appointment_id: int, *, now: datetime | None = None) -> AppointmentRow:
    """One of the client's own appointments, as the Edit screen shows it."""
    now = utc_now(now)
    client_id = _require_client(actor)
    found = _ONE.rows(id=appointment_id)  # with its client: the ownership check is on the row read
    if not found:
        raise NotFound("That appointment no longer exists.")
    if found[0][_CLIENT_COLUMN] != client_id:
        raise NotAllowed("You can only act on your own appointments.")
    return _built(found, now, client_id)[0]


@entry_point
def booked_policy_text(actor: Actor, appointment_id: int) -> str:
    """The full text of the fee policy the client booked this appointment under."""
    client_id = _require_client(actor)
    row = (FeePolicy.select(FeePolicy, Appointment.client.alias("client_id")).join(Appointment, on=(
        Appointment.policy == FeePolicy.id)).where(Appointment.id == appointment_id).objects().first())
    if row is None:
        raise NotFound("That appointment no longer exists.")
    if row.client_id != client_id:
        raise NotAllowed("You can only read the policy of your own appointments.")
    return full_policy_text(snapshot(row), row.policy_text)


@dataclass(frozen=True)
class DashboardData:
    next: AppointmentRow | None
    upcoming_count: int
    unread_messages: int
    pending_requests: int


@entry_point
def dashboard(actor: Actor, *, now: datetime | None = None) -> DashboardData:
    now = utc_now(now)
    rows = upcoming(actor, now=now)
    # upcoming checked the account: the unread count does not again (four statements, pinned by
    # tests/test_services_client_portal.py).
    return DashboardData(rows[0] if rows else None, len(rows), unread_total_checked(actor),
                         sum(1 for r in rows if r.pending_late_request))


@dataclass(frozen=True)
class ServiceRow:
    id: int | None  # None: the provider lists no services yet; a plain session is offered
    name: str
    duration: timedelta
    telehealth: bool


@dataclass(frozen=True)
class PolicyView:
    version: int
    snapshot: FeePolicySnapshot
    text: str  # the provider's own words

    @property
    def full_text(self) -> str:
        return full_policy_text(self.snapshot, self.text)


@dataclass(frozen=True)
class BookingPageData:
    provider_id: int
    provider_name: str
    title: str
    intro: str
    location: str
    zone: str  # the provider's zone: working hours are wall-clock there
    services: tuple[ServiceRow, ...]
    policy: PolicyView  # the current version: what a new booking stores


_OWN_PROVIDER = CompiledSelect(lambda: Client.select(Client.provider).where(Client.id == Param("client")))
_PAGE = CompiledSelect(lambda: (
    Provider.select(Provider.id.alias("provider_id"), User.display_name.alias("provider_name"), Provider.title,
                    Provider.booking_intro.alias("intro"), Provider.location, User.time_zone.alias("zone"))
    .join(User, on=(Provider.user == User.id)).where(Provider.id == Param("provider"))))
_SERVICES = CompiledSelect(lambda: (
    Service.select(Service.id, Service.name, Service.duration_minutes, Service.telehealth)
    .where(Service.provider == Param("provider"), Service.active == True)  # noqa: E712
    .order_by(Service.id)))
# The current (newest) policy version: access.current_policy's read, as columns.
_POLICY = CompiledSelect(lambda: (
    FeePolicy.select(FeePolicy.version, FeePolicy.notice_minutes, FeePolicy.late_cancellation_fee_cents,
                     FeePolicy.no_show_fee_cents, FeePolicy.currency, FeePolicy.grace_minutes, FeePolicy.policy_text)
    .where(FeePolicy.provider == Param("provider")).order_by(FeePolicy.version.desc()).limit(1)))


def _bookable_provider(actor: Actor, provider_id: int | None) -> int:
    client_id = _require_client(actor)
    found = _OWN_PROVIDER.rows(client=client_id)
    own = found[0][0] if found else None
    if provider_id is None:
        return own
    if provider_id != own:
        raise NotAllowed("You can book only with your own provider.")
    return provider_id


@entry_point
def booking_page(actor: Actor, provider_id: int | None = None) -> BookingPageData:
    """The booking page of the client's provider: services and the current Worry-free booking policy."""
    pid = _bookable_provider(actor, provider_id)
    page = _PAGE.dicts(provider=pid)
    if not page:
        raise NotFound("That provider no longer exists.")
    services = tuple(ServiceRow(id=sid, name=name, duration=timedelta(minutes=minutes), telehealth=telehealth)
                     for sid, name, minutes, telehealth in _SERVICES.rows(provider=pid))
    default = ServiceRow(None, f"Session ({DEFAULT_SESSION.seconds // 60} min)", DEFAULT_SESSION, False)
    services = services or (default,)
    policy = _POLICY.rows(provider=pid)
    if not policy:
        raise NotFound("This provider has no booking policy yet.")
    version, notice_minutes, late_cents, no_show_cents, currency, grace_minutes, text = policy[0]
    snap = FeePolicySnapshot(version=version, notice=timedelta(minutes=notice_minutes),
                             late_cancellation_fee=Money(late_cents, currency),
                             no_show_fee=Money(no_show_cents, currency), grace=timedelta(minutes=grace_minutes))
    return BookingPageData(**page[0], services=services, policy=PolicyView(version, snap, text))


def _busy_select(excluding: bool):
    """The provider's and the client's scheduled time from now to the horizon (a query shape):
    starts_at bounded below as well, so both (…, starts_at) indexes are read from now on."""
    q = (Appointment.select(Appointment.starts_at, Appointment.ends_at)
         .where((Appointment.provider == Param("provider")) | (Appointment.client == Param("client")),
                Appointment.status == AppointmentStatus.SCHEDULED, Appointment.starts_at >= Param("since"),
                Appointment.ends_at > Param("now"), Appointment.starts_at < Param("horizon")))
    return q.where(Appointment.id != Param("exclude")) if excluding else q


_BUSY = {excluding: CompiledSelect(lambda e=excluding: _busy_select(e)) for excluding in (True, False)}
_OWN_APPOINTMENT = CompiledSelect(lambda: Appointment.select(Appointment.id).where(
    Appointment.id == Param("id"), Appointment.client == Param("client")))


@entry_point
def slots(actor: Actor, provider_id: int, duration: timedelta, *, now: datetime | None = None,
          days: int = BOOKING_DAYS, exclude_appointment_id: int | None = None) -> list[Slot]:
    """Open slots of ``duration`` for the coming ``days``: the provider's working hours minus
    the provider's and the client's booked time (minus the appointment being moved, if any)."""
    now = utc_now(now)
    pid = _bookable_provider(actor, provider_id)
    zone = provider_zone(pid)
    blocks = working_blocks(pid)
    first_day = now.astimezone(ZoneInfo(zone)).date()
    horizon = datetime.combine(first_day + timedelta(days=days + 1), time(0), tzinfo=UTC)
    if exclude_appointment_id is not None:
        # Only the client's own appointment being moved: another one's time would show as open.
        if not _OWN_APPOINTMENT.rows(id=exclude_appointment_id, client=actor.client_id):
            raise NotAllowed("You can only move your own appointments.")
    busy = _BUSY[exclude_appointment_id is not None].rows(
        provider=pid, client=actor.client_id, since=now - MAX_LENGTH, now=now, horizon=horizon,
        exclude=exclude_appointment_id)
    return open_slots(blocks, busy, zone, first_day, days, duration, now, step=slot_step(duration))
