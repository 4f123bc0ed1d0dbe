"""The owner's reports (services/reports.py, rules/reports.py): every figure equals the count
computed directly from the rows, on the demo practice and on a small reference practice."""

from __future__ import annotations

import math
from datetime import UTC, date, datetime, timedelta

import pytest

from desktop.rules import reports as rules
from desktop.rules.reports import Period, lead_bucket
from desktop.rules.vocabulary import AppointmentStatus, CancellationKind, ChargeStatus
from desktop.services import reports
from desktop.services.auth import actor_for
from desktop.services.cancellation import client_cancel_one
from desktop.services.errors import InvalidInput, NotAllowed, NotFound
from desktop.store.models import (
    Appointment,
    Cancellation,
    Charge,
    FeeAdjustmentRequest,
    FeePolicy,
    LateCancellationRequest,
    Practice,
    Provider,
    User,
)
from desktop.store.reference import build_reference
from tests import factories
from tests.factories import book


def _seconds(instant: datetime) -> int:
    return math.floor(instant.timestamp())


def expected(period: Period, now: datetime, provider_id: int | None) -> dict:
    """The report's figures counted row by row in Python."""
    bounds = period.bounds_utc(Practice.get().time_zone)
    mine = (lambda pid: True) if provider_id is None else (lambda pid: pid == provider_id)
    until = min(bounds[-1], max(now, bounds[0]))
    attendance: dict[tuple[int, int], list[int]] = {}
    appointments = {a.id: a for a in Appointment.select()}
    for a in appointments.values():
        if mine(a.provider_id) and bounds[0] <= a.starts_at < until:
            cell = attendance.setdefault((a.provider_id, rules.month_of(a.starts_at, bounds)), [0, 0, 0])
            cell[0] += 1
            cell[1] += a.status == AppointmentStatus.LATE_CANCELLED
            cell[2] += a.status == AppointmentStatus.NO_SHOW
    notice = {p.id: p.notice_minutes for p in FeePolicy.select()}
    in_period = {i for i, a in appointments.items() if mine(a.provider_id) and bounds[0] <= a.starts_at < bounds[-1]}
    asked = [(c.appointment_id, c.created_at) for c in Cancellation.select()
             if c.kind == CancellationKind.CLIENT and c.appointment_id in in_period]
    asked += [(r.appointment_id, r.created_at) for r in LateCancellationRequest.select()
              if r.appointment_id in in_period]
    lead: dict[tuple[int, bool], int] = {}
    for appt_id, at in asked:
        a = appointments[appt_id]
        seconds = _seconds(a.starts_at) - _seconds(at)
        key = (lead_bucket(seconds), rules.inside_notice(seconds, notice[a.policy_id]))
        lead[key] = lead.get(key, 0) + 1
    fees: dict[tuple[int, int, str], list[int]] = {}
    charges = {c.id: c for c in Charge.select() if mine(c.provider_id) and bounds[0] <= c.created_at < bounds[-1]}
    for c in charges.values():
        cell = fees.setdefault((c.provider_id, rules.month_of(c.created_at, bounds), c.currency), [0] * 6)
        cell[0] += 1
        cell[1] += c.original_cents
        if c.status == ChargeStatus.WAIVED:
            cell[2] += 1
            cell[3] += c.original_cents
        elif c.status == ChargeStatus.ADJUSTED:
            cell[4] += 1
            cell[5] += c.original_cents - c.amount_cents
    requests: dict[tuple[int, str, str], int] = {}
    for r in LateCancellationRequest.select():
        if r.appointment_id in in_period:
            key = (appointments[r.appointment_id].provider_id, rules.LATE_REQUEST, r.status)
            requests[key] = requests.get(key, 0) + 1
    for r in FeeAdjustmentRequest.select():
        if r.charge_id in charges:
            key = (charges[r.charge_id].provider_id, rules.FEE_REQUEST, r.status)
            requests[key] = requests.get(key, 0) + 1
    return {"attendance": {k: tuple(v) for k, v in attendance.items()}, "lead": lead,
            "fees": {k: tuple(v) for k, v in fees.items()}, "requests": requests}


def figures(report) -> dict:
    return {
        "attendance": {(a.provider_id, a.month): (a.booked, a.late_cancelled, a.no_show) for a in report.attendance},
        "lead": {(c.bucket, c.inside_notice): c.count for c in report.lead},
        "fees": {(f.provider_id, f.month, f.currency): (f.charged, f.charged_cents, f.waived, f.waived_cents,
                                                        f.adjusted, f.adjusted_off_cents) for f in report.fees},
        "requests": {(r.provider_id, r.kind, r.status): r.count for r in report.requests},
    }


def owner() -> object:
    return actor_for(User.select().where(User.is_owner == True).get())  # noqa: E712


def test_the_demo_practices_report_equals_its_rows(demo_db, now):
    period = Period(date(now.year - 1, now.month, 1), 13)
    report = reports.practice_report(owner(), period.first_month, period.months, now=now)
    want = expected(period, now, None)
    assert figures(report) == want
    assert sum(v[0] for v in want["attendance"].values()) > 50 and want["lead"] and want["fees"]
    assert len(report.months) == 13 and report.notice_hours
    provider_id = Provider.select(Provider.id).order_by(Provider.id).scalar()
    one = reports.practice_report(owner(), period.first_month, period.months, provider_id, now=now)
    assert figures(one) == expected(period, now, provider_id)
    assert [p for p, _ in one.providers] == [provider_id]


def test_a_reference_practices_report_equals_its_rows(db, now):
    build_reference(now, providers=3, clients=60, years=1)
    period = Period(date(now.year - 1, now.month, 1), 12)
    report = reports.practice_report(owner(), period.first_month, period.months, now=now)
    assert figures(report) == expected(period, now, None)
    by_month = report.attendance_by_month()
    bounds = period.bounds_utc(report.zone)
    assert sum(m.booked for m in by_month) == Appointment.select().where(
        Appointment.starts_at >= bounds[0], Appointment.starts_at < min(bounds[-1], now)).count()
    rows = rules.csv_rows(report)
    assert rows[0] == rules.CSV_HEADER and len(rows) > 3 * len(report.attendance)


def test_lead_times_at_the_edges_of_the_notice_window(db, now):
    team = factories.make_team(now)
    notice = timedelta(minutes=FeePolicy.get(FeePolicy.provider == factories.provider_of(team.client)).notice_minutes)
    start = datetime(2026, 12, 8, 15, 0, tzinfo=UTC)
    at_deadline = book(team.owner, team.client, start, now=now)
    client_cancel_one(team.client, at_deadline, "schedule_conflict", now=start - notice)  # exactly the notice
    earlier = book(team.owner, team.client, start + timedelta(hours=2), now=now)
    client_cancel_one(team.client, earlier, "schedule_conflict", now=now)
    report = reports.practice_report(team.owner, date(2026, 12, 1), 1, now=now)
    assert figures(report)["lead"] == {(lead_bucket(int(notice.total_seconds())), False): 1,
                                       (lead_bucket(int((start + timedelta(hours=2) - now).total_seconds())),
                                        False): 1}
    assert lead_bucket(-1) == 0 and lead_bucket(0) == 1 and lead_bucket(24 * 3600 - 1) == 4
    assert lead_bucket(24 * 3600) == 5 and lead_bucket(10**7) == len(rules.LEAD_LABELS) - 1
    assert rules.inside_notice(24 * 3600 - 1, 24 * 60) and not rules.inside_notice(24 * 3600, 24 * 60)


def test_only_the_owner_reads_reports(db, now):
    team = factories.make_team(now)
    desk = factories.add_front_desk(now)
    for who in (team.other_provider, team.client, team.support, desk):
        with pytest.raises(NotAllowed):
            reports.practice_report(who, date(2026, 1, 1), 3, now=now)
        with pytest.raises(NotAllowed):
            reports.report_providers(who)
    assert [name for _, name in reports.report_providers(team.owner)] == sorted(
        name for _, name in reports.report_providers(team.owner))
    with pytest.raises(InvalidInput):
        reports.practice_report(team.owner, date(2026, 1, 1), 25, now=now)
    with pytest.raises(NotFound):
        reports.practice_report(team.owner, date(2026, 1, 1), 3, 9999, now=now)
