"""Every read a screen issues, on a reference practice, checked two ways (issue #13):

- its query plans (SQLite's ``EXPLAIN QUERY PLAN``): no statement scans a table that grows with
  the practice's history (appointments, cancellations, charges, threads, messages, the audit
  trail…) from end to end, nor runs a correlated subquery that does;
- its statement count: each screen load issues at most its budget, so a read that starts to run
  one query per row (7–9 small queries behind a detail panel) fails here, not in a practice.
"""

from __future__ import annotations

import pytest
from playhouse.test_utils import count_queries

from benchmarks.screens import screen_reads
from desktop.store.db import close_database, open_database
from desktop.store.models import (
    Appointment,
    LateCancellationRequest,
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
    for screen, (budget, read) in screen_reads(NOW).items():
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
