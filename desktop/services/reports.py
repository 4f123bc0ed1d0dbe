"""The owner's reports (``rules/reports.py`` says what each figure counts): read only.

Every figure is a GROUP BY in the database over an indexed range: appointments by ``starts_at``
(the practice-range index holds every column the attendance count needs), their cancellations and
late requests joined by the appointment, fees by ``charge.created_at``, Support's requests joined by
the fee. Months are CASE expressions over the practice's month boundaries (bound parameters), so
SQLite and PostgreSQL group alike; lead times are whole seconds between two instants, the one
expression that differs between them. tests/test_query_plans.py runs these reads on the reference
practice and fails on a full scan of a growing table.
"""

from __future__ import annotations

from datetime import date, datetime

from peewee import JOIN, SQL, Case, PostgresqlDatabase, fn

from ..rules import reports as rules
from ..rules.reports import Attendance, FeeFigures, LeadCount, Period, Report, RequestCount
from ..rules.vocabulary import AppointmentStatus, CancellationKind, ChargeStatus, Role
from ..store.compiled import CompiledSelect, Param
from ..store.models import (
    Appointment,
    Cancellation,
    Charge,
    FeeAdjustmentRequest,
    FeePolicy,
    LateCancellationRequest,
    Practice,
    Provider,
    User,
    database,
)
from .actor import Actor, current_actor
from .errors import InvalidInput, NotAllowed, NotFound
from .tx import utc_now
from .validation import entry_point


def _require_report_reader(actor: Actor) -> None:
    """The practice owner only: the reports compare providers and hold every fee."""
    current_actor(actor)
    if not (actor.role == Role.PROVIDER and actor.is_owner):
        raise NotAllowed("Only the practice owner sees the practice's reports.")


@entry_point
def report_providers(actor: Actor) -> list[tuple[int, str]]:
    """Every provider of the practice (id, name), for the report's filter."""
    _require_report_reader(actor)
    return _providers(None)


@entry_point
def practice_report(actor: Actor, first_month: date, months: int, provider_id: int | None = None, *,
                    now: datetime | None = None) -> Report:
    """The figures of ``months`` calendar months (the practice's zone) from ``first_month``, for
    every provider or one."""
    _require_report_reader(actor)
    now = utc_now(now)
    try:
        period = Period(first_month.replace(day=1), months)
    except ValueError as exc:
        raise InvalidInput(f"{str(exc)[:1].upper()}{str(exc)[1:]}.") from exc
    providers = _providers(provider_id)
    if provider_id is not None and not providers:
        raise NotFound("That provider is not one of the practice's.")
    zone = Practice.select(Practice.time_zone).scalar() or actor.time_zone
    bounds = period.bounds_utc(zone)
    return Report(
        period=period, zone=zone, months=tuple(period.labels()), providers=tuple(providers),
        attendance=tuple(_attendance(bounds, min(bounds[-1], max(now, bounds[0])), provider_id)),
        lead=tuple(_lead_times(bounds, provider_id)),
        fees=tuple(_fees(bounds, provider_id)),
        requests=tuple(_requests(bounds, provider_id)),
        notice_hours=tuple(_notice_hours([p for p, _ in providers])),
    )


# -- the reads ----------------------------------------------------------------------------------

def _providers_query():
    return (Provider.select(Provider.id, User.display_name).join(User, on=(Provider.user == User.id))
            .order_by(User.display_name, Provider.id))


# Compiled once per database (store/compiled.py): the filter reads it on every load.
_ALL_PROVIDERS = CompiledSelect(_providers_query)
_ONE_PROVIDER = CompiledSelect(lambda: _providers_query().where(Provider.id == Param("provider")))


def _providers(provider_id: int | None) -> list[tuple[int, str]]:
    rows = _ALL_PROVIDERS.rows() if provider_id is None else _ONE_PROVIDER.rows(provider=provider_id)
    return [(pid, name) for pid, name in rows]


def _month(column, bounds: list[datetime]):
    """The month index of ``column`` (inside the period by the WHERE clause)."""
    if len(bounds) == 2:
        return SQL("0")  # one month: a CASE needs at least one WHEN
    return Case(None, [(column < bound, i) for i, bound in enumerate(bounds[1:-1])], len(bounds) - 2)


def _epoch(column):
    """Whole seconds since 1970 of a stored instant (naive UTC on both databases)."""
    if isinstance(database.obj, PostgresqlDatabase):
        return fn.FLOOR(fn.date_part("epoch", column)).cast("BIGINT")
    return fn.strftime("%s", column).cast("INTEGER")


def _lead_columns(asked_at):
    lead = _epoch(Appointment.starts_at) - _epoch(asked_at)
    edges = [(lead < hours * 3600, i) for i, hours in enumerate(rules.LEAD_EDGES_HOURS)]
    bucket = Case(None, edges, len(rules.LEAD_EDGES_HOURS))
    # The notice of the policy the appointment was booked under, looked up by its primary key.
    notice = FeePolicy.select(FeePolicy.notice_minutes * 60).where(FeePolicy.id == Appointment.policy)
    inside = Case(None, [(lead < notice, 1)], 0)
    return bucket, inside


# A table joined to an indexed range is joined as a CROSS JOIN with its condition in WHERE (the same
# inner join on both databases): SQLite's planner keeps a CROSS JOIN in the written order, so the
# range drives and the joined table is probed by its index; with few rows in that table (a young
# practice's requests) it would otherwise read all of it first.
_GROUP = (SQL("1"), SQL("2"), SQL("3"), SQL("4"))  # GROUP BY the leading output columns, by position


def _attendance(bounds: list[datetime], until: datetime, provider_id: int | None) -> list[Attendance]:
    where = (Appointment.starts_at >= bounds[0]) & (Appointment.starts_at < until)
    if provider_id is not None:
        where &= Appointment.provider == provider_id
    query = (Appointment.select(Appointment.provider, _month(Appointment.starts_at, bounds), Appointment.status,
                                fn.COUNT(SQL("*")))
             .where(where).group_by(*_GROUP[:3]))
    cells: dict[tuple[int, int], list[int]] = {}
    for pid, month, status, count in query.tuples():
        cell = cells.setdefault((pid, int(month)), [0, 0, 0])
        cell[0] += count
        if status == AppointmentStatus.LATE_CANCELLED:
            cell[1] += count
        elif status == AppointmentStatus.NO_SHOW:
            cell[2] += count
    return [Attendance(pid, month, *v) for (pid, month), v in sorted(cells.items())]


def _in_period(bounds: list[datetime], provider_id: int | None):
    where = (Appointment.starts_at >= bounds[0]) & (Appointment.starts_at < bounds[-1])
    if provider_id is not None:
        where &= Appointment.provider == provider_id
    return where


def _lead_times(bounds: list[datetime], provider_id: int | None) -> list[LeadCount]:
    counts: dict[tuple[int, bool], int] = {}
    bucket, inside = _lead_columns(Cancellation.created_at)
    cancelled = (Appointment.select(bucket, inside, fn.COUNT(SQL("*")))
                 .join(Cancellation, JOIN.CROSS)
                 .where(_in_period(bounds, provider_id) & (Cancellation.appointment == Appointment.id)
                        & (Cancellation.kind == CancellationKind.CLIENT))
                 .group_by(*_GROUP[:2]))
    bucket, inside = _lead_columns(LateCancellationRequest.created_at)
    asked = (Appointment.select(bucket, inside, fn.COUNT(SQL("*")))
             .join(LateCancellationRequest, JOIN.CROSS)
             .where(_in_period(bounds, provider_id) & (LateCancellationRequest.appointment == Appointment.id))
             .group_by(*_GROUP[:2]))
    for query in (cancelled, asked):
        for b, i, count in query.tuples():
            key = (int(b), bool(i))
            counts[key] = counts.get(key, 0) + count
    return [LeadCount(b, i, n) for (b, i), n in sorted(counts.items())]


def _fees(bounds: list[datetime], provider_id: int | None) -> list[FeeFigures]:
    where = (Charge.created_at >= bounds[0]) & (Charge.created_at < bounds[-1])
    if provider_id is not None:
        where &= Charge.provider == provider_id
    query = (Charge.select(Charge.provider, _month(Charge.created_at, bounds), Charge.currency, Charge.status,
                           fn.COUNT(SQL("*")), fn.SUM(Charge.original_cents),
                           fn.SUM(Charge.original_cents - Charge.amount_cents))
             .where(where).group_by(*_GROUP))
    cells: dict[tuple[int, int, str], list[int]] = {}
    for pid, month, currency, status, count, original, off in query.tuples():
        cell = cells.setdefault((pid, int(month), currency), [0] * 6)
        cell[0] += count
        cell[1] += int(original or 0)
        if status == ChargeStatus.WAIVED:
            cell[2] += count
            cell[3] += int(original or 0)
        elif status == ChargeStatus.ADJUSTED:
            cell[4] += count
            cell[5] += int(off or 0)
    return [FeeFigures(pid, month, cur, *v) for (pid, month, cur), v in sorted(cells.items())]


def _requests(bounds: list[datetime], provider_id: int | None) -> list[RequestCount]:
    late = (Appointment.select(Appointment.provider, LateCancellationRequest.status, fn.COUNT(SQL("*")))
            .join(LateCancellationRequest, JOIN.CROSS)
            .where(_in_period(bounds, provider_id) & (LateCancellationRequest.appointment == Appointment.id))
            .group_by(*_GROUP[:2]))
    where = (Charge.created_at >= bounds[0]) & (Charge.created_at < bounds[-1])
    if provider_id is not None:
        where &= Charge.provider == provider_id
    fee = (Charge.select(Charge.provider, FeeAdjustmentRequest.status, fn.COUNT(SQL("*")))
           .join(FeeAdjustmentRequest, JOIN.CROSS)
           .where(where & (FeeAdjustmentRequest.charge == Charge.id)).group_by(*_GROUP[:2]))
    out = [RequestCount(pid, rules.LATE_REQUEST, status, n) for pid, status, n in late.tuples()]
    out += [RequestCount(pid, rules.FEE_REQUEST, status, n) for pid, status, n in fee.tuples()]
    return sorted(out, key=lambda r: (r.provider_id, r.kind, r.status))


def _notice_hours(provider_ids: list[int]) -> list[float]:
    """The notice window of each provider's current policy (the histogram's marks)."""
    if not provider_ids:
        return []
    latest: dict[int, int] = {}
    for pid, minutes in (FeePolicy.select(FeePolicy.provider, FeePolicy.notice_minutes)
                         .where(FeePolicy.provider.in_(provider_ids))
                         .order_by(FeePolicy.provider, FeePolicy.version).tuples()):
        latest[pid] = minutes
    return sorted({m / 60 for m in latest.values()})
