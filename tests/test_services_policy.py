"""Versioned fee policy and working hours."""

from __future__ import annotations

from datetime import time, timedelta

import pytest

from desktop.rules.money import Money
from desktop.rules.slots import WorkingBlock
from desktop.rules.working_hours import check_blocks
from desktop.services import policy as svc
from desktop.services.booking import BookingRequest, book_appointment
from desktop.services.errors import Conflict, InvalidInput, NotAllowed
from desktop.store.models import Appointment, AuditEvent, Client, FeePolicy, User, WorkingHours
from tests.factories import actor


def change(late=6000, noshow=9000, notice=48, grace=10, text="New policy"):
    return svc.PolicyChange(notice, Money(late), Money(noshow), grace, text)


def test_a_change_adds_a_version_and_existing_bookings_keep_theirs(demo_db, now):
    rivera = actor("dr.rivera")
    before = svc.current(rivera)
    booked = {a.id: a.policy_id for a in Appointment.select().where(Appointment.provider == rivera.provider_id)}
    rows_before = {(p.id, p.version, p.late_cancellation_fee_cents) for p in FeePolicy.select()}
    result = svc.save_policy(rivera, change(), expected_version=before.version, now=now)
    assert result.value == before.version + 1
    after = svc.current(rivera)
    assert after.snapshot.late_cancellation_fee == Money(6000) and after.snapshot.notice == timedelta(hours=48)
    assert after.snapshot.grace == timedelta(minutes=10) and after.booked_under == 0
    assert rows_before <= {(p.id, p.version, p.late_cancellation_fee_cents) for p in FeePolicy.select()}
    assert {a.id: a.policy_id for a in Appointment.select().where(
        Appointment.provider == rivera.provider_id)} == booked
    alex = Client.select().join(User).where(User.username == "alex.morgan").get()
    new_id = book_appointment(rivera, BookingRequest(rivera.provider_id, alex.id, now + timedelta(days=60, hours=2),
                                                     timedelta(minutes=50)), now=now).value
    assert FeePolicy.get_by_id(Appointment.get_by_id(new_id).policy_id).version == after.version
    assert [v.version for v in svc.history(rivera)][:2] == [after.version, before.version]


def test_policy_refusals(demo_db, now):
    rivera = actor("dr.rivera")
    for who in ("alex.morgan", "support"):
        with pytest.raises(NotAllowed):
            svc.save_policy(actor(who), change(), now=now)
    with pytest.raises(Conflict):
        svc.save_policy(rivera, change(), expected_version=1, now=now)
    with pytest.raises(InvalidInput):
        svc.save_policy(rivera, change(notice=-1), now=now)
    with pytest.raises(InvalidInput):
        svc.save_policy(rivera, change(grace=500), now=now)
    with pytest.raises(InvalidInput):
        svc.save_policy(rivera, change(text="  "), now=now)
    with pytest.raises(InvalidInput):
        svc.save_policy(rivera, svc.PolicyChange(24, Money(100), Money(100, "EUR"), 15, "x"), now=now)
    current = svc.current(rivera)
    same = svc.PolicyChange(24, current.snapshot.late_cancellation_fee, current.snapshot.no_show_fee, 15,
                            current.text)
    with pytest.raises(InvalidInput):
        svc.save_policy(rivera, same, now=now)
    # Another provider's policy is untouched by dr.rivera's changes.
    chen = actor("dr.chen")
    assert svc.current(chen).version == 2


def test_working_hours_replace(demo_db, now):
    chen = actor("dr.chen")
    blocks = [WorkingBlock(0, time(9), time(12)), WorkingBlock(2, time(14), time(18, 30))]
    svc.save_working_hours(chen, blocks, now=now)
    assert svc.working_hours(chen) == blocks
    assert WorkingHours.select().where(WorkingHours.provider == actor("dr.rivera").provider_id).count() == 10
    with pytest.raises(InvalidInput):
        svc.save_working_hours(chen, [WorkingBlock(0, time(9), time(12)), WorkingBlock(0, time(11), time(13))],
                               now=now)
    with pytest.raises(InvalidInput):
        svc.save_working_hours(chen, [WorkingBlock(0, time(12), time(9))], now=now)
    with pytest.raises(NotAllowed):
        svc.save_working_hours(actor("jordan.lee"), blocks, now=now)
    assert svc.working_hours(chen) == blocks


@pytest.mark.parametrize("bad", [
    [WorkingBlock(0, time(9), time(12)), WorkingBlock(0, time(11), time(13))],  # overlap
    [WorkingBlock(4, time(22), time(0))],  # past midnight
    [WorkingBlock(7, time(9), time(10))],  # no such weekday: the rule words it, not a generic limit
])
def test_the_service_refuses_what_the_page_refuses_in_the_same_words(demo_db, now, bad):
    """Going around the booking page does not save what its rule refuses (rules.working_hours)."""
    chen = actor("dr.chen")
    shown, audits = svc.working_hours(chen), AuditEvent.select().count()
    problem = check_blocks(bad)
    assert problem is not None
    with pytest.raises(InvalidInput) as refused:
        svc.save_working_hours(chen, bad, now=now)
    assert refused.value.message == problem.message
    assert svc.working_hours(chen) == shown and AuditEvent.select().count() == audits


def test_working_hours_changed_elsewhere_are_not_overwritten(demo_db, now):
    chen = actor("dr.chen")
    shown = svc.working_hours(chen)
    elsewhere = [WorkingBlock(1, time(8), time(11))]
    svc.save_working_hours(chen, elsewhere, expected=shown, now=now)
    audits = AuditEvent.select().count()
    with pytest.raises(Conflict, match="changed on another workstation"):
        svc.save_working_hours(chen, [WorkingBlock(0, time(9), time(17))], expected=shown, now=now)
    assert svc.working_hours(chen) == elsewhere and AuditEvent.select().count() == audits
    svc.save_working_hours(chen, [WorkingBlock(0, time(9), time(17))], expected=elsewhere, now=now)
    assert svc.working_hours(chen) == [WorkingBlock(0, time(9), time(17))]


def test_policy_reads_take_few_queries(demo_db, now):
    # Every read first checks the account against the database (services/actor.current_actor): one query.
    from playhouse.test_utils import count_queries

    rivera = actor("dr.rivera")
    svc.save_policy(rivera, change(), now=now)
    with count_queries() as counter:
        versions = svc.history(rivera)
    assert len(versions) >= 2 and counter.count == 2
    with count_queries() as counter:
        svc.working_hours(rivera)
    assert counter.count == 2
