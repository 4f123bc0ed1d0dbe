"""Every read a screen issues, on a reference practice, checked two ways (issue #13):

- its query plans (SQLite's ``EXPLAIN QUERY PLAN``): no statement scans a table that grows with
  the practice's history (appointments, cancellations, charges, threads, messages, the audit
  trail…) from end to end, nor runs a correlated subquery that does;
- its statement count: each screen load issues at most its budget, so a read that starts to run
  one query per row (7–9 small queries behind a detail panel) fails here, not in a practice.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from playhouse.test_utils import count_queries

from desktop.services import calendar, client_portal, fees, messaging, people, urgent
from desktop.services import provider as provider_services
from desktop.services.auth import actor_for
from desktop.store.db import close_database, open_database
from desktop.store.models import (
    Appointment,
    Charge,
    Client,
    LateCancellationRequest,
    Provider,
    Thread,
    User,
    database,
)
from desktop.store.reference import build_reference
from tests.conftest import NOW

# Tables whose rows grow with every week of the practice: never read end to end by a screen.
GROWING = {"appointment", "cancellation", "charge", "thread", "message", "thread_read", "audit_event",
           "late_cancellation_request", "dispute", "fee_adjustment_request", "fee_adjustment", "urgent_item",
           "series"}


@pytest.fixture(scope="module")
def practice(tmp_path_factory):
    """A reference practice (4 providers, 200 clients, 2 years: about 19,000 appointments)
    with the planner's statistics taken."""
    path = tmp_path_factory.mktemp("plans") / "reference.db"
    open_database(path)
    build_reference(NOW, providers=4, clients=200, years=2)  # ends with ANALYZE
    yield path
    close_database()


def _screens():
    """(screen, the reads it issues) for each role's screens."""
    owner = actor_for(User.get(User.username == "provider01"))
    client_user = User.select().join(Client, on=(Client.user == User.id)).order_by(User.id).first()
    client = actor_for(client_user)
    support = actor_for(User.get(User.username == "support"))
    week = (NOW, NOW + timedelta(days=7))
    month = (NOW - timedelta(days=3), NOW + timedelta(days=39))
    appt_id = (Appointment.select(Appointment.id)
               .where(Appointment.provider == owner.provider_id, Appointment.starts_at > NOW)
               .order_by(Appointment.starts_at).scalar())
    client_appt = (Appointment.select(Appointment.id)
                   .where(Appointment.client == client.client_id, Appointment.starts_at > NOW)
                   .order_by(Appointment.starts_at).scalar())
    charge_id = Charge.select(Charge.id).where(Charge.provider == owner.provider_id).order_by(Charge.id).scalar()
    thread_id = Thread.select(Thread.id).where(Thread.client == client.client_id).order_by(Thread.id).scalar()
    provider_id = Provider.select(Provider.id).order_by(Provider.id).scalar()
    return {
        # client
        "client dashboard": (5, lambda: client_portal.dashboard(client, now=NOW)),
        "client upcoming": (3, lambda: client_portal.upcoming(client, now=NOW, include_cancelled=True)),
        "client past": (3, lambda: client_portal.past(client, now=NOW)),
        "client appointment": (4, lambda: client_portal.appointment(client, client_appt, now=NOW)),
        "client calendar month": (2, lambda: calendar.client_range(client, *month)),
        "client booking page": (5, lambda: client_portal.booking_page(client)),
        "client slots": (5, lambda: client_portal.slots(client, provider_id, timedelta(minutes=50), now=NOW)),
        "client billing": (3, lambda: fees.client_billing(client)),
        "client messages": (2, lambda: messaging.list_threads(client)),
        "client thread": (3, lambda: messaging.thread_messages(client, thread_id)),
        # provider (the owner)
        "provider week": (2, lambda: calendar.provider_range(owner, *week)),
        "provider month": (2, lambda: calendar.provider_range(owner, *month)),
        "provider appointment detail": (3, lambda: provider_services.appointment_detail(owner, appt_id, now=NOW)),
        "provider requests": (2, lambda: provider_services.late_requests(owner, pending_only=False)),
        "provider disputes": (2, lambda: fees.provider_disputes(owner)),
        "provider messages": (2, lambda: messaging.list_threads(owner)),
        "provider urgent": (2, lambda: urgent.urgent_items(owner, include_handled=True)),
        "provider clients": (2, lambda: provider_services.my_clients(owner)),
        "owner people": (2, lambda: people.list_people(owner)),
        # support
        "support queue": (2, lambda: fees.adjustment_queue(support, status=None)),
        "support search": (2, lambda: fees.search_charges(support, "Client 0001")),
        "support history": (7, lambda: fees.charge_history(support, charge_id)),
    }


def _plan(sql: str, params) -> list[str]:
    return [row[3] for row in database.execute_sql("EXPLAIN QUERY PLAN " + sql, params).fetchall()]


def _full_scans(plan: list[str]) -> list[str]:
    """Plan lines reading a growing table from end to end ("SCAN t", with or without an index:
    a SEARCH is a seek, a SCAN reads every row)."""
    found = []
    for line in plan:
        words = line.split()
        if len(words) >= 2 and words[0] == "SCAN" and words[1] in GROWING and "COVERING" not in line:
            found.append(line)
    return found


def test_no_screen_read_scans_a_growing_table_and_each_stays_within_its_statement_budget(practice):
    pending = LateCancellationRequest.select().count()
    assert pending > 0 and Appointment.select().count() > 15_000
    problems = []
    for screen, (budget, read) in _screens().items():
        with count_queries() as counter:
            read()
        statements = [record.msg for record in counter.get_queries()]
        if len(statements) > budget:
            problems.append(f"{screen}: {len(statements)} statements, budget {budget}")
        for sql, params in statements:
            if not sql.lstrip().upper().startswith("SELECT"):
                continue
            scans = _full_scans(_plan(sql, params))
            if scans:
                problems.append(f"{screen}: {'; '.join(scans)} in {sql[:160]}")
    assert problems == [], "\n".join(problems)


def test_the_plan_check_sees_a_full_scan_and_a_seek_for_what_they_are(practice):
    scan = _plan('SELECT id FROM appointment WHERE notes = ?', ("x",))
    seek = _plan('SELECT id FROM appointment WHERE provider_id = ? AND starts_at >= ?', (1, "2026-01-01"))
    assert _full_scans(scan) and not _full_scans(seek)
