"""Booking single appointments and repeating series; materialising occurrences."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from ..rules import series as series_rules
from ..rules.policy import booking_terms
from ..rules.slots import DEFAULT_SESSION, SlotRefusal, offered_slot_refusal
from ..store.bulk import insert_dicts
from ..store.models import (
    Appointment,
    AppointmentStatus,
    AuditEvent,
    Client,
    FeePolicy,
    Provider,
    Role,
    Series,
    Service,
    User,
    database,
)
from .access import client_for_provider, current_policy, snapshot
from .actor import Actor
from .auth import check_zone
from .dberrors import Failure, classify
from .errors import TIME_TAKEN, Conflict, InvalidInput, NotAllowed, NotFound
from .guards import lock_series
from .policy import provider_zone, working_blocks
from .result import Change, OpResult
from .telehealth import link_for_new
from .tx import audit, on_server, utc_now, write_transaction
from .validation import entry_point

# Occurrences exist as rows this far ahead; a background job extends the horizon.
HORIZON = timedelta(days=190)
# The audit action when the horizon job skips a series whose stored rule it cannot expand.
UNREADABLE_SERIES = "skip_unreadable_series"

log = logging.getLogger(__name__)


def busy_overlap(provider_id: int, client_id: int, start: datetime, end: datetime,
                 exclude_id: int | None = None) -> Appointment | None:
    """A scheduled appointment of the provider or of the client overlapping [start, end), if any
    (``exclude_id``: the appointment being moved). Call inside the write transaction."""
    q = Appointment.select().where(
        ((Appointment.provider == provider_id) | (Appointment.client == client_id)),
        Appointment.status == AppointmentStatus.SCHEDULED,
        Appointment.starts_at < end, Appointment.ends_at > start,
    )
    if exclude_id is not None:
        q = q.where(Appointment.id != exclude_id)
    return q.first()


@dataclass(frozen=True)
class BookingRequest:
    provider_id: int
    client_id: int
    start: datetime  # UTC
    duration: timedelta
    service_id: int | None = None
    location: str = ""
    telehealth: bool = False
    notes: str = ""
    video_link: str | None = None  # the provider's only; None: their default room when telehealth


def require_active_client(client_id: int) -> None:
    """A deactivated client cannot be booked, by anyone: their account keeps its history only."""
    row = User.select(User.active, User.display_name).join(Client).where(Client.id == client_id).tuples().first()
    if row is None:
        raise NotFound("That client no longer exists.")
    if not row[0]:
        raise NotAllowed(f"{row[1]}'s account is deactivated: they cannot be booked. The practice owner can "
                         "reactivate it under People.")


def _check_booker(actor: Actor, provider_id: int, client_id: int) -> Client:
    client = Client.get_or_none(Client.id == client_id)
    if client is None:
        raise NotFound("That client no longer exists.")
    require_active_client(client_id)
    if actor.role == Role.CLIENT:
        if client_id != actor.client_id:
            raise NotAllowed("You can only book appointments for yourself.")
        if client.provider_id != provider_id:
            raise NotAllowed("You can book only with your own provider.")
    elif actor.role == Role.PROVIDER:
        if provider_id != actor.provider_id:
            raise NotAllowed("You can only book into your own calendar.")
        client_for_provider(actor, client_id)
    else:
        raise NotAllowed("Only clients and providers book appointments.")
    return client


def _offered_length(provider_id: int, service_id: int | None) -> timedelta:
    """The length a client books: the chosen active service's, or the plain session the booking
    page offers while the provider lists no services."""
    offered = Service.select().where(Service.provider == provider_id, Service.active == True)  # noqa: E712
    if service_id is None:
        if offered.exists():
            raise InvalidInput("Pick one of the services on the booking page.", field="service_id")
        return DEFAULT_SESSION
    service = offered.where(Service.id == service_id).first()
    if service is None:
        raise NotFound("That service is not offered by this provider.")
    return timedelta(minutes=service.duration_minutes)


def require_offered_slot(provider_id: int, start: datetime, length: timedelta, offered: timedelta,
                         now: datetime) -> None:
    """A client books and reschedules only into a slot the booking page offers (rule:
    :func:`desktop.rules.slots.offered_slot_refusal`); the service checks, not only the page."""
    refusal = offered_slot_refusal(working_blocks(provider_id), provider_zone(provider_id), start, length,
                                   offered, now)
    if refusal is not None:
        field = "duration" if refusal is SlotRefusal.WRONG_LENGTH else "start"
        raise InvalidInput(refusal.message(offered), field=field)


@entry_point
def book_appointment(actor: Actor, request: BookingRequest, *, now: datetime | None = None) -> OpResult:
    """A client books an open slot of their provider's; a provider books any free time of a
    declared length (limits: 5 minutes to 12 hours) for one of their clients."""
    with write_transaction(actor):
        now = utc_now(now)  # the server's clock on PostgreSQL, read in the transaction
        appt, policy = book_within(actor, request, now)
    # What cancelling it will mean, in the confirmation: never a free cancellation the rule refuses.
    terms = booking_terms(request.start, now, snapshot(policy))
    return OpResult(Change.APPOINTMENTS, "Appointment booked.", appt.id, notice=terms.sentence(actor.time_zone))


def book_within(actor: Actor, request: BookingRequest, now: datetime) -> tuple[Appointment, FeePolicy]:
    """The booking rules and the new row, inside the caller's write transaction (booking, and
    accepting a waitlist offer): a client books an offered slot of their own provider's; a
    provider any free time of one of their clients'."""
    end = request.start + request.duration
    if request.start <= now:
        raise InvalidInput("That time has already passed; pick a time in the future.", field="start")
    _check_booker(actor, request.provider_id, request.client_id)
    if actor.is_client:
        offered = _offered_length(request.provider_id, request.service_id)
        require_offered_slot(request.provider_id, request.start, request.duration, offered, now)
    elif request.service_id is not None and not Service.select().where(
            Service.id == request.service_id, Service.provider == request.provider_id).exists():
        raise NotFound("That service is not offered by this provider.")
    clash = busy_overlap(request.provider_id, request.client_id, request.start, end)
    if clash is not None:
        raise Conflict(TIME_TAKEN)
    # On PostgreSQL the database refuses an overlap the check above could not yet see (another
    # workstation's booking committing this instant): the guard makes it the same Conflict.
    policy = current_policy(request.provider_id)
    link = link_for_new(request.provider_id, request.telehealth, request.video_link, by_client=actor.is_client)
    appt = Appointment.create(
        provider=request.provider_id, client=request.client_id, service=request.service_id, policy=policy,
        starts_at=request.start, ends_at=end, location=request.location, telehealth=request.telehealth,
        video_link=link, notes=request.notes, created_at=now, updated_at=now,
    )
    audit(actor, "book_appointment", "appointment", appt.id, at=now,
          start=request.start.isoformat(), policy_version=policy.version)
    return appt, policy


@dataclass(frozen=True)
class SeriesRequest:
    client_id: int
    first_local: datetime  # naive wall-clock in time_zone
    time_zone: str
    duration: timedelta
    frequency: series_rules.Frequency
    until: date | None = None
    count: int | None = None
    service_id: int | None = None
    location: str = ""
    telehealth: bool = False


@entry_point
def create_series(actor: Actor, request: SeriesRequest, *, now: datetime | None = None) -> OpResult:
    """A provider creates a repeating appointment; occurrences up to the horizon become rows."""
    if not actor.is_provider:
        raise NotAllowed("Only providers create repeating appointments.")
    try:
        rule = series_rules.build_rrule(request.frequency, request.first_local.date(),
                                        until=request.until, count=request.count)
    except ValueError as exc:
        raise InvalidInput(str(exc)[:1].upper() + str(exc)[1:] + ".") from exc
    first_utc = series_rules.local_to_utc(request.first_local, ZoneInfo(check_zone(request.time_zone)))
    with write_transaction(actor):
        now = utc_now(now)
        if first_utc <= now:
            raise InvalidInput("The first appointment of a series must be in the future.")
        client_for_provider(actor, request.client_id)
        require_active_client(request.client_id)
        if request.service_id is not None and not Service.select().where(
                Service.id == request.service_id, Service.provider == actor.provider_id).exists():
            raise NotFound("That service is not one of yours.")
        policy = current_policy(actor.provider_id)
        series = Series.create(
            provider=actor.provider_id, client=request.client_id, service=request.service_id, policy=policy,
            rrule=rule, time_zone=request.time_zone, first_local=request.first_local.isoformat(),
            duration_minutes=int(request.duration.total_seconds() // 60), location=request.location,
            telehealth=request.telehealth, materialised_until=first_utc, created_at=now,
        )
        created, skipped = materialise(series, until=now + HORIZON, now=now)
        if created == 0:
            raise Conflict("Every occurrence of this series clashes with an existing appointment.")
        audit(actor, "create_series", "series", series.id, at=now, rrule=rule, occurrences=created,
              skipped_for_clash=skipped)
    summary = f"Repeating appointment created: {created} occurrences booked."
    if skipped:
        summary += f" {skipped} skipped because the time was taken."
    return OpResult(Change.APPOINTMENTS, summary, series.id)


def materialise(series: Series, *, until: datetime, now: datetime) -> tuple[int, int]:
    """Insert rows for the series' occurrences in [materialised_until, until), skipping any that
    clash with a scheduled appointment, and move the series' horizon to ``until``.
    Returns (created, skipped). Call inside the write transaction.
    A stored rule that cannot be expanded raises :class:`~desktop.rules.series.UnreadableRule`."""
    lo = series.materialised_until
    if until <= lo or series.ended:
        return 0, 0
    first_local = series_rules.read_stored(series.rrule, series.first_local, series.time_zone)
    occurrences = series_rules.expand(
        series.rrule, first_local, series.time_zone,
        timedelta(minutes=series.duration_minutes), window_start=lo, window_end=until,
    )
    rows, skipped = [], 0
    link = link_for_new(series.provider_id, series.telehealth, None, by_client=False)  # the provider's room
    for occ in occurrences:
        if busy_overlap(series.provider_id, series.client_id, occ.start, occ.end) is not None:
            skipped += 1
            continue
        rows.append({
            "provider": series.provider_id, "client": series.client_id, "series": series.id,
            "service": series.service_id, "policy": series.policy_id, "starts_at": occ.start,
            "ends_at": occ.end, "location": series.location, "telehealth": series.telehealth,
            "video_link": link, "created_at": now, "updated_at": now,
        })
    if rows:
        clashed = _insert_occurrences(rows)
        skipped += clashed
        created = len(rows) - clashed
    else:
        created = 0
    remaining = series_rules.expand(
        series.rrule, first_local, series.time_zone,
        timedelta(minutes=series.duration_minutes), window_start=until, window_end=until + timedelta(days=400),
    )
    Series.update(materialised_until=until, ended=not remaining,
                  next_start=remaining[0].start if remaining else None).where(Series.id == series.id).execute()
    return created, skipped


def _insert_occurrences(rows: list[dict]) -> int:
    """Insert the checked occurrences; returns how many clashed after all. On SQLite the write
    lock held since BEGIN IMMEDIATE means none can. On PostgreSQL another workstation's booking may
    commit between the check and the insert: the exclusion constraint refuses it, and under a
    savepoint (all at once, then one by one after a refusal) only the clashing occurrence is
    skipped and the rest of the use case goes on."""
    if not on_server():
        insert_dicts(Appointment, rows)  # the store's bulk path: compiled once, one executemany
        return 0
    try:
        with Appointment._meta.database.atomic():
            insert_dicts(Appointment, rows)
        return 0
    except Exception as exc:
        if classify(exc) is not Failure.TIME_TAKEN:
            raise
    clashed = 0
    for row in rows:
        try:
            with Appointment._meta.database.atomic():
                Appointment.insert(row).execute()
        except Exception as exc:
            if classify(exc) is not Failure.TIME_TAKEN:
                raise
            clashed += 1
    return clashed


HORIZON_BATCH = 100  # series extended per write transaction


def _next_start(series: Series) -> datetime | None:
    """The first start of the rule at or after ``materialised_until`` (None: none left within the
    400 days any frequency reaches); raises UnreadableRule. Only for an unknown ``next_start``."""
    first_local = series_rules.read_stored(series.rrule, series.first_local, series.time_zone)
    lo = series.materialised_until
    following = series_rules.expand(series.rrule, first_local, series.time_zone,
                                    timedelta(minutes=series.duration_minutes), window_start=lo,
                                    window_end=lo + timedelta(days=400))
    return following[0].start if following else None


@entry_point
def extend_horizons(*, now: datetime | None = None) -> OpResult:
    """Background job: keep every open series materialised up to now + HORIZON. The due series are
    found in SQL (``series.next_start`` inside the horizon, or not known: worked out here, and the
    ones with nothing due get it written in one transaction). Only those are written, HORIZON_BATCH
    per transaction, in id order, each under its own savepoint: one that fails rolls back alone."""
    now = utc_now(now)
    target = now + HORIZON
    # A deactivated client's series stop growing, and so does one whose client moved to another provider.
    candidates = (Series.select().join(Client, on=(Series.client == Client.id))
                  .join(User, on=(Client.user == User.id))
                  .where(Series.ended == False, Series.materialised_until < target,  # noqa: E712
                         Series.next_start.is_null() | (Series.next_start < target),
                         User.active == True, Client.provider == Series.provider)  # noqa: E712
                  .order_by(Series.id))
    todo: list[int] = []
    learnt: list[tuple[int, datetime]] = []
    for series in candidates:
        try:
            if series.next_start is not None:  # known, and inside the horizon: due
                series_rules.read_stored(series.rrule, series.first_local, series.time_zone)  # still readable?
                todo.append(series.id)
                continue
            following = _next_start(series)
        except series_rules.UnreadableRule as exc:
            _skip_unreadable(series, exc, now)
            continue
        if following is None or following < target:
            todo.append(series.id)
        else:
            learnt.append((series.id, following))
    if learnt:
        _remember_next_starts(learnt)
    total = 0
    for start in range(0, len(todo), HORIZON_BATCH):
        total += _extend_batch(todo[start:start + HORIZON_BATCH], target, now)
    summary = f"{total} upcoming occurrences of repeating appointments added." if total else ""
    return OpResult(Change.APPOINTMENTS if total else Change.NONE, summary, total)


def _remember_next_starts(learnt: list[tuple[int, datetime]]) -> None:
    """Write the next starts the job worked out (series with nothing due yet), in one transaction.
    Only where the series is as it was read: one extended or ended meanwhile keeps its own."""
    with write_transaction(None):
        for series_id, following in learnt:
            (Series.update(next_start=following)
             .where(Series.id == series_id, Series.next_start.is_null(), Series.ended == False)  # noqa: E712
             .execute())


def _extend_batch(series_ids: list[int], target: datetime, now: datetime) -> int:
    """One transaction for a batch of series; returns how many occurrences it added. None acts:
    the application's background job."""
    total = 0
    try:
        with write_transaction(None):
            for series_id in series_ids:
                with database.atomic():  # a savepoint: this series alone rolls back if it fails
                    fresh = lock_series(series_id)
                    if fresh is None:  # removed meanwhile
                        continue
                    try:
                        created, skipped = materialise(fresh, until=target, now=now)
                    except series_rules.UnreadableRule as exc:  # changed meanwhile
                        log.warning("Series %s is not extended: %s", series_id, exc)
                        continue
                    if created or skipped:
                        audit(None, "extend_horizon", "series", fresh.id, at=now, created=created,
                              skipped_for_clash=skipped, until=target.isoformat())
                    total += created
    except Exception as exc:
        # Another workstation held a series (a deadlock, a lock wait): this batch waits for the
        # next run, and every other batch still extends.
        if classify(exc) not in (Failure.RETRY, Failure.BUSY):
            raise
        log.warning("Series %s to %s are not extended this time: %s", series_ids[0], series_ids[-1], exc)
        return 0
    return total


def _skip_unreadable(series: Series, problem: series_rules.UnreadableRule, now: datetime) -> None:
    """Log every time; audit once, until something else happens to the series (the hourly job
    would otherwise write the same event every hour)."""
    log.warning("Series %s is not extended: %s", series.id, problem)
    with write_transaction(None):  # the horizon job's own record: no person acts
        last = (AuditEvent.select(AuditEvent.action)
                .where(AuditEvent.entity == "series", AuditEvent.entity_id == series.id)
                .order_by(AuditEvent.id.desc()).scalar())
        if last != UNREADABLE_SERIES:
            audit(None, UNREADABLE_SERIES, "series", series.id, at=now, rrule=series.rrule, problem=str(problem))


def provider_display(provider_id: int) -> str:
    return User.select(User.display_name).join(Provider).where(Provider.id == provider_id).scalar()
