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
    with pytest.raises(InvalidInput, match="from their fields") as refused:
        svc.save_policy(rivera, change(text="A late cancellation costs $60.00."), now=now)
    assert refused.value.field == "text"
    with pytest.raises(InvalidInput, match="48 hours"):
        svc.save_policy(rivera, change(text="Cancel 48 hours ahead, please."), now=now)
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


def test_own_text_may_be_empty_and_the_full_text_is_built_from_the_fields(demo_db, now):
    rivera = actor("dr.rivera")
    svc.save_policy(rivera, change(late=6500, noshow=8000, notice=48, grace=10, text=""), now=now)
    view = svc.current(rivera)
    assert view.text == ""
    assert "$65.00" in view.full_text and "$80.00" in view.full_text
    assert "48 hours" in view.full_text and "10 minutes" in view.full_text
    assert "From your provider" not in view.full_text


def test_summary_and_full_text_agree_for_every_version(demo_db, now):
    """What the booking page's summary says and what the full policy says come from the same fields,
    for every stored version, including the client's own appointment's booked version."""
    from desktop.rules.notice import hours_phrase
    from desktop.rules.policy import worry_free_lines
    from desktop.services import client_portal

    rivera = actor("dr.rivera")
    svc.save_policy(rivera, change(late=1234, noshow=5678, notice=36, grace=20, text="Arrive early."), now=now)
    for view in svc.history(rivera) + svc.history(actor("dr.chen")):
        snap, full = view.snapshot, view.full_text
        lines = worry_free_lines(snap)
        assert lines.notice in full and lines.insurance in full
        assert snap.late_cancellation_fee.format() in lines.late_cancellation_fee
        assert snap.late_cancellation_fee.format() in full and snap.no_show_fee.format() in full
        assert f"{hours_phrase(snap.notice)} before" in full
        assert f"{int(snap.grace.total_seconds() // 60)} minutes after the start" in full
        # No other amount anywhere in it: the provider's words carry none.
        import re
        amounts = set(re.findall(r"\$[\d,]+\.\d\d", full))
        assert amounts == {snap.late_cancellation_fee.format(), snap.no_show_fee.format()}
    alex = actor("alex.morgan")
    booked = Appointment.select().where(Appointment.client == alex.client_id).first()
    text = client_portal.booked_policy_text(alex, booked.id)
    row = FeePolicy.get_by_id(booked.policy_id)
    assert f"${row.late_cancellation_fee_cents / 100:.2f}" in text and f"${row.no_show_fee_cents / 100:.2f}" in text
