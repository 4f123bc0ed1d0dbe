"""Calendar range reads: only the visible range, only one's own rows, few queries."""

from __future__ import annotations

from datetime import timedelta

import pytest
from peewee import SqliteDatabase

from desktop.services import calendar as cal
from desktop.services.errors import InvalidInput, NotAllowed
from desktop.store.models import Appointment, database
from tests.factories import actor


def test_provider_range_holds_only_their_rows_in_range(demo_db, now):
    rivera = actor("dr.rivera")
    start, end = now - timedelta(days=3), now + timedelta(days=4)
    rows = cal.provider_range(rivera, start, end)
    assert rows and all(r.provider_id == rivera.provider_id for r in rows)
    assert all(r.start < end and r.end > start for r in rows)
    expected = Appointment.select().where(Appointment.provider == rivera.provider_id,
                                          Appointment.starts_at < end, Appointment.ends_at > start).count()
    assert len(rows) == expected
    assert [r.start for r in rows] == sorted(r.start for r in rows)
    assert any(r.in_series for r in rows) and any(not r.in_series for r in rows)


def test_late_request_flag_and_status_label(demo_db, now):
    chen = actor("dr.chen")
    rows = cal.provider_range(chen, now, now + timedelta(days=14))
    flagged = [r for r in rows if r.late_request_pending]
    assert [r.client_name for r in flagged] == ["Jordan Lee"]
    assert flagged[0].status_label == "Scheduled"


def test_client_range_is_only_their_own(demo_db, now):
    alex = actor("alex.morgan")
    rows = cal.client_range(alex, now - timedelta(days=30), now + timedelta(days=30))
    assert rows and {r.client_id for r in rows} == {alex.client_id}
    assert {r.provider_name for r in rows} == {"Dr. Maya Rivera"}


def test_refusals(demo_db, now):
    with pytest.raises(NotAllowed):
        cal.provider_range(actor("alex.morgan"), now, now + timedelta(days=1))
    with pytest.raises(NotAllowed):
        cal.provider_range(actor("support"), now, now + timedelta(days=1))
    with pytest.raises(NotAllowed):
        cal.client_range(actor("dr.rivera"), now, now + timedelta(days=1))
    with pytest.raises(InvalidInput):
        cal.provider_range(actor("dr.rivera"), now, now)
    with pytest.raises(InvalidInput):
        cal.provider_range(actor("dr.rivera"), now, now + timedelta(days=400))
    with pytest.raises(InvalidInput):
        cal.provider_range(actor("dr.rivera"), now.replace(tzinfo=None), now + timedelta(days=1))


def test_a_month_is_one_query_and_uses_the_index(demo_db, now):
    """One SELECT per visible range (after the one that checks the account is still what it
    was), answered from the (provider_id, starts_at) index, on SQLite and on PostgreSQL
    (analysed, with seq scans disabled for the plan: the demo's tables are small enough that
    the planner would rightly prefer them)."""
    from playhouse.test_utils import count_queries

    rivera = actor("dr.rivera")
    lo, hi = now - timedelta(days=14), now + timedelta(days=28)
    with count_queries(only_select=True) as counter:
        rows = cal.provider_range(rivera, lo, hi)
    assert rows and counter.count == 2
    assert 'FROM "user"' in counter.get_queries()[0].msg[0]  # the account check
    sql, params = counter.get_queries()[1].msg
    db = database.obj
    if isinstance(db, SqliteDatabase):
        plan = " ".join(str(r) for r in db.execute_sql("EXPLAIN QUERY PLAN " + sql, params).fetchall())
        assert "USING INDEX" in plan and "appointment_provider_id_starts_at" in plan
    else:
        db.execute_sql("ANALYZE appointment")
        with db.atomic():
            db.execute_sql("SET LOCAL enable_seqscan = off")
            plan = " ".join(r[0] for r in db.execute_sql("EXPLAIN " + sql, params).fetchall())
        assert "appointment_provider_id_starts_at" in plan, plan
