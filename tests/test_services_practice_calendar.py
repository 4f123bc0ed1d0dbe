"""The practice calendar: the owner and the front desk read every provider's range (one query
on the practice-range index); a front-desk account is granted on the People page, audited, and sees
no clinical field; everyone else is refused."""

from __future__ import annotations

from datetime import timedelta

import pytest
from peewee import SqliteDatabase
from playhouse.test_utils import count_queries

from desktop.services import calendar as cal
from desktop.services import people
from desktop.services import practice_calendar as pc
from desktop.services.errors import AccountChanged, InvalidInput, NotAllowed
from desktop.store.models import Appointment, AuditEvent, Role, database
from tests.factories import PASSWORD, actor


def _front_desk(now):
    owner = actor("dr.rivera")
    people.add_person(owner, Role.FRONT_DESK, "frankie.desk", PASSWORD, people.PersonForm("Frankie Desk"), now=now)
    return actor("frankie.desk")


def test_the_owner_sees_every_providers_rows_in_range(demo_db, now):
    owner = actor("dr.rivera")
    start, end = now - timedelta(days=3), now + timedelta(days=4)
    rows = pc.practice_range(owner, start, end)
    expected = Appointment.select().where(Appointment.starts_at < end, Appointment.ends_at > start).count()
    assert len(rows) == expected
    providers = pc.practice_providers(owner)
    assert len(providers) == 3 and {r.provider_id for r in rows} == {p.id for p in providers}
    assert [(r.start, r.id) for r in rows] == sorted((r.start, r.id) for r in rows)
    assert all(r.start < end and r.end > start and r.start.tzinfo is not None for r in rows)
    # The same rows the provider's own calendar shows, for each provider.
    chen = actor("dr.chen")
    assert [r.id for r in rows if r.provider_id == chen.provider_id] == \
        [r.id for r in cal.provider_range(chen, start, end)]
    by_id = {r.id: r for r in cal.provider_range(chen, start, end)}
    for row in (r for r in rows if r.provider_id == chen.provider_id):
        mine = by_id[row.id]
        assert (row.start, row.end, row.status, row.client_name, row.in_series, row.telehealth) == \
            (mine.start, mine.end, mine.status, mine.client_name, mine.in_series, mine.telehealth)


def test_filtered_to_chosen_providers(demo_db, now):
    owner, chen = actor("dr.rivera"), actor("dr.chen")
    start, end = now - timedelta(days=3), now + timedelta(days=4)
    rows = pc.practice_range(owner, start, end, [chen.provider_id])
    assert rows and {r.provider_id for r in rows} == {chen.provider_id}
    assert pc.practice_range(owner, start, end, []) == []


def test_the_front_desk_is_granted_audited_and_sees_no_clinical_field(demo_db, now):
    desk = _front_desk(now)
    assert desk.role == Role.FRONT_DESK and desk.is_front_desk and not desk.is_owner
    event = AuditEvent.select().where(AuditEvent.action == "add_person").order_by(AuditEvent.id.desc()).get()
    assert event.detail["role"] == Role.FRONT_DESK
    rows = pc.practice_range(desk, now - timedelta(days=1), now + timedelta(days=6))
    assert rows
    assert set(pc.PracticeRow._fields) == {"id", "start", "end", "status", "provider_id", "client_name",
                                          "in_series", "telehealth"}
    # Nothing clinical or provider-only is open to the front desk.
    with pytest.raises(NotAllowed):
        cal.provider_range(desk, now, now + timedelta(days=1))
    with pytest.raises(NotAllowed):
        people.list_people(desk)
    # Taking it away is deactivating the account (audited); its session is then refused.
    people.set_active(actor("dr.rivera"), desk.user_id, False, now=now)
    with pytest.raises(AccountChanged):
        pc.practice_range(desk, now, now + timedelta(days=1))


def test_refusals(demo_db, now):
    for username in ("dr.chen", "alex.morgan", "support"):
        with pytest.raises(NotAllowed):
            pc.practice_range(actor(username), now, now + timedelta(days=1))
        with pytest.raises(NotAllowed):
            pc.practice_providers(actor(username))
    owner = actor("dr.rivera")
    with pytest.raises(InvalidInput):
        pc.practice_range(owner, now, now)
    with pytest.raises(InvalidInput):
        pc.practice_range(owner, now, now + timedelta(days=400))
    with pytest.raises(InvalidInput):
        pc.practice_range(owner, now, now + timedelta(days=1), [0])


def test_a_month_is_one_query_on_the_practice_range_index(demo_db, now):
    """One SELECT after the account check, answered from the appointment_practice_range index (migration 0009)
    on SQLite and PostgreSQL (analysed, seq scans off for the plan: the demo is small)."""
    owner = actor("dr.rivera")
    lo, hi = now - timedelta(days=14), now + timedelta(days=28)
    with count_queries(only_select=True) as counter:
        rows = pc.practice_range(owner, lo, hi)
    assert rows and counter.count == 2
    sql, params = counter.get_queries()[1].msg
    db = database.obj
    if isinstance(db, SqliteDatabase):
        plan = " ".join(str(r) for r in db.execute_sql("EXPLAIN QUERY PLAN " + sql, params).fetchall())
        assert "USING COVERING INDEX appointment_practice_range" in plan and "SCAN t1" not in plan, plan
    else:
        db.execute_sql("ANALYZE appointment")
        with db.atomic():
            db.execute_sql("SET LOCAL enable_seqscan = off")
            plan = " ".join(r[0] for r in db.execute_sql("EXPLAIN " + sql, params).fetchall())
        assert "appointment_practice_range" in plan, plan
