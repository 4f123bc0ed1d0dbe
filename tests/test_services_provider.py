"""Provider use cases on the demo practice: every refusal, including other roles and other providers."""

from __future__ import annotations

import json
from datetime import datetime, timedelta

import pytest

from desktop.paths import resource
from desktop.rules import series as series_rules
from desktop.services import provider as svc
from desktop.services.booking import SeriesRequest, create_series, extend_horizons
from desktop.services.errors import Conflict, InvalidInput, NotAllowed, RuleRefused
from desktop.services.messaging import list_threads, thread_messages
from desktop.services.result import Change
from desktop.store.models import (
    Appointment,
    AppointmentStatus,
    AuditEvent,
    Cancellation,
    Charge,
    Client,
    FeePolicy,
    LateCancellationRequest,
    LateRequestStatus,
    Message,
    Series,
    Thread,
    User,
)
from tests.factories import actor


def client_of(username: str) -> Client:
    return Client.select().join(User).where(User.username == username).get()


def next_scheduled(client: Client, now: datetime, *, after: timedelta = timedelta(days=2)) -> Appointment:
    return (Appointment.select().where(Appointment.client == client, Appointment.starts_at > now + after,
                                       Appointment.status == AppointmentStatus.SCHEDULED)
            .order_by(Appointment.starts_at).first())


def test_provider_cancels_for_client_without_fee_and_tells_the_client(demo_db, now):
    rivera = actor("dr.rivera")
    appt = next_scheduled(client_of("alex.morgan"), now)
    audits = AuditEvent.select().count()
    result = svc.cancel_for_client(rivera, appt.id, "provider_unwell", "Sorry for the short notice.",
                                   expected_version=appt.version, now=now)
    assert result.changes & Change.APPOINTMENTS
    fresh = Appointment.get_by_id(appt.id)
    assert fresh.status == AppointmentStatus.CANCELLED_BY_PROVIDER
    cancel = Cancellation.get(Cancellation.appointment == appt.id)
    assert (cancel.kind, cancel.reason_code, cancel.other_text) == ("provider", "provider_unwell",
                                                                    "Sorry for the short notice.")
    assert not Charge.select().where(Charge.appointment == appt.id).exists()
    thread = Thread.get(Thread.appointment == appt.id)
    body = Message.get(Message.thread == thread).body
    assert "no fee" in body and "EST" in body
    assert AuditEvent.select().count() == audits + 1
    with pytest.raises(Conflict):
        svc.cancel_for_client(rivera, appt.id, "provider_unwell", now=now)


def test_provider_reasons_come_from_the_catalogue_data_file(demo_db, now):
    shipped = json.loads(resource("reasons.json").read_text(encoding="utf-8"))["provider_reasons"]
    assert [(r.id, r.label) for r in svc.provider_reasons()] == [(e["id"], e["label"]) for e in shipped]


def test_cancel_for_client_refusals(demo_db, now):
    rivera, chen = actor("dr.rivera"), actor("dr.chen")
    appt = next_scheduled(client_of("alex.morgan"), now)
    with pytest.raises(NotAllowed):
        svc.cancel_for_client(chen, appt.id, "provider_unwell", now=now)  # dr.chen on dr.rivera's client
    with pytest.raises(NotAllowed):
        svc.cancel_for_client(actor("alex.morgan"), appt.id, "provider_unwell", now=now)
    with pytest.raises(NotAllowed):
        svc.cancel_for_client(actor("support"), appt.id, "provider_unwell", now=now)
    with pytest.raises(InvalidInput, match="“no_such_reason” is not a reason a provider can give"):
        svc.cancel_for_client(rivera, appt.id, "no_such_reason", now=now)
    with pytest.raises(InvalidInput, match="“schedule_conflict” is not a reason a provider"):
        svc.cancel_for_client(rivera, appt.id, "schedule_conflict", now=now)  # a client's reason
    with pytest.raises(InvalidInput, match="Pick a reason"):
        svc.cancel_for_client(rivera, appt.id, "", now=now)
    with pytest.raises(InvalidInput):
        svc.cancel_for_client(rivera, appt.id, "provider_other", "  ", now=now)
    with pytest.raises(Conflict):
        svc.cancel_for_client(rivera, appt.id, "provider_unwell", expected_version=appt.version + 1, now=now)
    assert Appointment.get_by_id(appt.id).status == AppointmentStatus.SCHEDULED


def _jordan_request():
    return LateCancellationRequest.select().join(Client).join(User).where(User.username == "jordan.lee").get()


def test_jordans_pending_request_is_in_dr_chens_inbox_only(demo_db, now):
    rows = svc.late_requests(actor("dr.chen"))
    assert [r.client_name for r in rows] == ["Jordan Lee"]
    assert rows[0].fee.cents == FeePolicy.get_by_id(Appointment.get_by_id(rows[0].appointment_id).policy_id) \
        .late_cancellation_fee_cents
    assert svc.late_requests(actor("dr.rivera")) == []
    with pytest.raises(NotAllowed):
        svc.late_requests(actor("jordan.lee"))
    with pytest.raises(NotAllowed):
        svc.late_requests(actor("support"))


def test_approve_with_fee_charges_the_booked_policy_and_replies(demo_db, now):
    chen = actor("dr.chen")
    request = _jordan_request()
    appt = Appointment.get_by_id(request.appointment_id)
    booked = FeePolicy.get_by_id(appt.policy_id)
    # A newer policy with a different fee must not be used for this appointment.
    FeePolicy.create(provider=appt.provider_id, version=99, late_cancellation_fee_cents=99900,
                     no_show_fee_cents=99900, policy_text="new")
    result = svc.decide_late_request(chen, request.id, svc.LateDecision.APPROVE_WITH_FEE, "Feel better soon.",
                                     expected_version=request.version, now=now)
    assert result.changes & Change.CHARGES
    assert Appointment.get_by_id(appt.id).status == AppointmentStatus.LATE_CANCELLED
    charge = Charge.get(Charge.appointment == appt.id)
    assert (charge.kind, charge.amount_cents, charge.original_cents, charge.policy_id) == (
        "late_cancellation", booked.late_cancellation_fee_cents, booked.late_cancellation_fee_cents, booked.id)
    assert Cancellation.get(Cancellation.appointment == appt.id).kind == "late"
    assert LateCancellationRequest.get_by_id(request.id).status == "approved_with_fee"
    bodies = [m.body for m in thread_messages(actor("jordan.lee"), request.thread_id)]
    assert bodies[-1] == "Feel better soon." and "not covered by insurance" in bodies[-2]
    with pytest.raises(Conflict):  # already decided
        svc.decide_late_request(chen, request.id, svc.LateDecision.DECLINE, now=now)


def test_approve_and_waive_makes_no_charge(demo_db, now):
    request = _jordan_request()
    svc.decide_late_request(actor("dr.chen"), request.id, svc.LateDecision.APPROVE_WAIVE, now=now)
    assert Appointment.get_by_id(request.appointment_id).status == AppointmentStatus.LATE_CANCELLED
    assert not Charge.select().where(Charge.appointment == request.appointment_id).exists()
    assert LateCancellationRequest.get_by_id(request.id).status == "approved_waived"


def test_decline_keeps_the_appointment(demo_db, now):
    request = _jordan_request()
    svc.decide_late_request(actor("dr.chen"), request.id, svc.LateDecision.DECLINE, "", now=now)
    assert Appointment.get_by_id(request.appointment_id).status == AppointmentStatus.SCHEDULED
    assert LateCancellationRequest.get_by_id(request.id).status == "declined"
    assert not Charge.select().where(Charge.appointment == request.appointment_id).exists()
    assert "declined" in Message.select().where(Message.thread == request.thread_id).order_by(
        Message.id.desc()).first().body


def test_decide_request_refusals(demo_db, now):
    request = _jordan_request()
    for who in ("dr.rivera", "jordan.lee", "support"):
        with pytest.raises(NotAllowed):
            svc.decide_late_request(actor(who), request.id, svc.LateDecision.APPROVE_WITH_FEE, now=now)
    with pytest.raises(Conflict):
        svc.decide_late_request(actor("dr.chen"), request.id, svc.LateDecision.DECLINE,
                                expected_version=request.version + 1, now=now)
    assert LateCancellationRequest.get_by_id(request.id).status == "pending"


def _today_appointment(provider_username: str, now: datetime) -> Appointment:
    """A scheduled appointment of this provider that started a little before ``now``."""
    return (Appointment.select().join(Client).join(User).switch(Appointment)
            .where(Appointment.status == AppointmentStatus.SCHEDULED, Appointment.starts_at < now,
                   Appointment.provider == actor(provider_username).provider_id)
            .order_by(Appointment.starts_at.desc()).first())


def test_no_show_after_grace_charges_the_booked_fee(demo_db, now):
    rivera = actor("dr.rivera")
    appt = _today_appointment("dr.rivera", now)
    policy = FeePolicy.get_by_id(appt.policy_id)
    early = appt.starts_at + timedelta(minutes=policy.grace_minutes - 1)
    with pytest.raises(RuleRefused):
        svc.mark_no_show(rivera, appt.id, now=early)
    with pytest.raises(NotAllowed):
        svc.mark_no_show(actor("dr.chen"), appt.id, now=now)
    with pytest.raises(NotAllowed):
        svc.mark_no_show(actor("support"), appt.id, now=now)
    at = appt.starts_at + timedelta(minutes=policy.grace_minutes)  # exactly at the end of grace: allowed
    result = svc.mark_no_show(rivera, appt.id, now=at)
    charge = Charge.get_by_id(result.value)
    assert (charge.kind, charge.amount_cents, charge.policy_id) == ("no_show", policy.no_show_fee_cents, policy.id)
    assert Appointment.get_by_id(appt.id).status == AppointmentStatus.NO_SHOW
    with pytest.raises(Conflict):
        svc.mark_no_show(rivera, appt.id, now=at)


def test_no_show_waived_makes_no_charge(demo_db, now):
    appt = _today_appointment("dr.rivera", now)
    result = svc.mark_no_show(actor("dr.rivera"), appt.id, waive=True, now=appt.ends_at + timedelta(hours=1))
    assert result.value is None
    assert not Charge.select().where(Charge.appointment == appt.id).exists()
    assert Appointment.get_by_id(appt.id).status == AppointmentStatus.NO_SHOW


def test_book_for_client_and_move(demo_db, now):
    rivera, chen = actor("dr.rivera"), actor("dr.chen")
    alex = client_of("alex.morgan")
    start = now + timedelta(days=40, hours=3)
    with pytest.raises(NotAllowed):
        svc.book_for_client(chen, alex.id, start, timedelta(minutes=50), now=now)
    with pytest.raises(NotAllowed):
        svc.book_for_client(actor("alex.morgan"), alex.id, start, timedelta(minutes=50), now=now)
    appt_id = svc.book_for_client(rivera, alex.id, start, timedelta(minutes=50), now=now).value
    with pytest.raises(NotAllowed):
        svc.move_occurrence(chen, appt_id, start + timedelta(hours=1), now=now)
    with pytest.raises(InvalidInput):
        svc.move_occurrence(rivera, appt_id, now - timedelta(hours=1), now=now)
    svc.move_occurrence(rivera, appt_id, start + timedelta(hours=1), now=now)
    moved = Appointment.get_by_id(appt_id)
    assert moved.starts_at == start + timedelta(hours=1) and moved.ends_at - moved.starts_at == timedelta(minutes=50)
    other = next_scheduled(client_of("alex.morgan"), now)
    with pytest.raises(Conflict):  # onto another appointment
        svc.move_occurrence(rivera, appt_id, other.starts_at, now=now)


def test_change_series_from_a_date_keeps_the_past(demo_db, now):
    rivera = actor("dr.rivera")
    alex = client_of("alex.morgan")
    series = Series.get(Series.client == alex)
    past_before = list(Appointment.select(Appointment.id, Appointment.starts_at, Appointment.status)
                       .where(Appointment.series == series, Appointment.starts_at < now).tuples())
    pivot = (Appointment.select().where(Appointment.series == series, Appointment.starts_at > now + timedelta(days=10))
             .order_by(Appointment.starts_at).first())
    local = pivot.starts_at.astimezone(series_rules.ZoneInfo(series.time_zone)).replace(tzinfo=None)
    change = svc.SeriesChange(local.replace(hour=16), series.time_zone, timedelta(minutes=50),
                              series_rules.Frequency.EVERY_2_WEEKS, count=6)
    with pytest.raises(NotAllowed):
        svc.change_series_from(actor("dr.chen"), pivot.id, change, now=now)
    result = svc.change_series_from(rivera, pivot.id, change, now=now)
    new = Series.get_by_id(result.value)
    assert new.policy_id == series.policy_id  # an edit keeps the booked policy version
    assert Appointment.select().where(Appointment.series == new).count() == 6
    assert all(a.starts_at.astimezone(series_rules.ZoneInfo(series.time_zone)).hour == 16
               for a in Appointment.select().where(Appointment.series == new))
    assert not Appointment.select().where(Appointment.series == series, Appointment.starts_at >= pivot.starts_at,
                                          Appointment.status == AppointmentStatus.SCHEDULED).exists()
    assert list(Appointment.select(Appointment.id, Appointment.starts_at, Appointment.status)
                .where(Appointment.series == series, Appointment.starts_at < now).tuples()) == past_before
    old = Series.get_by_id(series.id)
    assert old.ended and "COUNT" not in old.rrule and "UNTIL=" in old.rrule
    single = svc.book_for_client(rivera, alex.id, now + timedelta(days=50), timedelta(minutes=30), now=now).value
    with pytest.raises(InvalidInput):
        svc.change_series_from(rivera, single, change, now=now)


def test_reads_refuse_other_roles(demo_db, now):
    for who in ("alex.morgan", "support"):
        with pytest.raises(NotAllowed):
            svc.my_clients(actor(who))
    names = [c.name for c in svc.my_clients(actor("dr.chen"))]
    assert "Jordan Lee" in names and "Alex Morgan" not in names
    appt = next_scheduled(client_of("alex.morgan"), now)
    with pytest.raises(NotAllowed):
        svc.appointment_detail(actor("dr.chen"), appt.id, now=now)
    detail = svc.appointment_detail(actor("dr.rivera"), appt.id, now=now)
    assert detail.client_name == "Alex Morgan" and detail.series_summary.startswith("Every week")
    assert not detail.no_show.allowed


def _series_pivot(now: datetime) -> tuple[Series, Appointment]:
    series = Series.get(Series.client == client_of("alex.morgan"))
    pivot = (Appointment.select().where(Appointment.series == series, Appointment.starts_at > now + timedelta(days=10),
                                        Appointment.status == AppointmentStatus.SCHEDULED)
             .order_by(Appointment.starts_at).first())
    return series, pivot


def _rows(series: Series, *where):
    return list(Appointment.select(Appointment.id, Appointment.starts_at, Appointment.status, Appointment.version)
                .where(Appointment.series == series, *where).order_by(Appointment.starts_at).tuples())


def test_cancel_series_from_an_occurrence_cancels_it_and_all_later_ones_at_once(demo_db, now):
    rivera = actor("dr.rivera")
    series, pivot = _series_pivot(now)
    earlier_before = _rows(series, Appointment.starts_at < pivot.starts_at)
    assert any(start < now for _i, start, _s, _v in earlier_before)  # the series has a past
    doomed = [i for i, _s, status, _v in _rows(series, Appointment.starts_at >= pivot.starts_at)
              if status == AppointmentStatus.SCHEDULED]
    assert len(doomed) > 5
    preview = svc.series_cancel_preview(rivera, pivot.id, now=now)
    assert (preview.series_id, preview.count) == (series.id, len(doomed))
    assert preview.first == pivot.starts_at and preview.last == Appointment.get_by_id(doomed[-1]).starts_at
    audits, messages, charges = AuditEvent.select().count(), Message.select().count(), Charge.select().count()

    result = svc.cancel_series_from_for_client(rivera, pivot.id, "practice_closed", "We are moving offices.",
                                               expected_version=pivot.version, expected_count=preview.count,
                                               now=now)

    assert result.changes & Change.APPOINTMENTS and result.changes & Change.MESSAGES
    assert sorted(result.value) == sorted(doomed)
    assert f"{len(doomed)} appointments cancelled" in result.summary
    after = {i: status for i, _s, status, _v in _rows(series, Appointment.starts_at >= pivot.starts_at)}
    assert all(after[i] == AppointmentStatus.CANCELLED_BY_PROVIDER for i in doomed)
    cancels = list(Cancellation.select().where(Cancellation.appointment.in_(doomed)))
    assert len(cancels) == len(doomed)
    assert {(c.kind, c.reason_code, c.other_text, c.cancelled_by_id) for c in cancels} == {
        ("provider", "practice_closed", "We are moving offices.", rivera.user_id)}
    assert _rows(series, Appointment.starts_at < pivot.starts_at) == earlier_before  # the past is untouched
    assert Charge.select().count() == charges  # no fee, ever
    events = list(AuditEvent.select().order_by(AuditEvent.id.desc()).limit(1))
    assert AuditEvent.select().count() == audits + 1
    assert (events[0].action, events[0].entity_id) == ("provider_cancel_series_from", series.id)
    assert sorted(events[0].detail["cancelled"]) == sorted(doomed)
    assert Message.select().count() == messages + 1  # the client is told once
    body = Message.select().order_by(Message.id.desc()).first().body
    alex = actor("alex.morgan")
    first_text = pivot.starts_at.astimezone(series_rules.ZoneInfo(alex.time_zone)).strftime("%a %-d %b %Y")
    assert f"cancelled {len(doomed)} appointments" in body and first_text in body
    assert "no fee" in body and "We are moving offices." in body
    assert any(m.body == body for t in list_threads(alex) for m in thread_messages(alex, t.id))

    ended = Series.get_by_id(series.id)
    assert ended.ended and "COUNT=" not in ended.rrule
    last_day = pivot.starts_at.astimezone(series_rules.ZoneInfo(series.time_zone)).date() - timedelta(days=1)
    assert f"UNTIL={last_day:%Y%m%d}T235959" in ended.rrule
    total = Appointment.select().where(Appointment.series == series).count()
    extend_horizons(now=now + timedelta(days=120))  # the horizon job, months later, adds nothing back
    assert Appointment.select().where(Appointment.series == series).count() == total
    assert not Appointment.select().where(Appointment.series == series, Appointment.starts_at >= pivot.starts_at,
                                          Appointment.status == AppointmentStatus.SCHEDULED).exists()
    with pytest.raises(Conflict):  # already cancelled
        svc.cancel_series_from_for_client(rivera, pivot.id, "practice_closed", now=now)


def test_cancel_series_from_the_first_occurrence_ends_the_series_and_keeps_its_rule(demo_db, now):
    rivera = actor("dr.rivera")
    alex = client_of("alex.morgan")
    local = (now + timedelta(days=30)).astimezone(series_rules.ZoneInfo(rivera.time_zone)).replace(
        hour=7, minute=0, second=0, microsecond=0, tzinfo=None)
    series_id = create_series(rivera, SeriesRequest(alex.id, local, rivera.time_zone, timedelta(minutes=30),
                                                    series_rules.Frequency.WEEKLY,
                                                    until=local.date() + timedelta(days=500)), now=now).value
    rule = Series.get_by_id(series_id).rrule
    first = Appointment.select().where(Appointment.series == series_id).order_by(Appointment.starts_at).first()
    count = Appointment.select().where(Appointment.series == series_id).count()
    result = svc.cancel_series_from_for_client(rivera, first.id, "provider_unavailable", now=now)
    assert len(result.value) == count
    s = Series.get_by_id(series_id)
    assert s.ended and s.rrule == rule
    extend_horizons(now=now + timedelta(days=200))
    assert Appointment.select().where(Appointment.series == series_id).count() == count
    assert not Appointment.select().where(Appointment.series == series_id,
                                          Appointment.status == AppointmentStatus.SCHEDULED).exists()


def test_cancel_series_from_refusals_change_nothing(demo_db, now):
    rivera = actor("dr.rivera")
    series, pivot = _series_pivot(now)
    before = _rows(series)
    audits, messages = AuditEvent.select().count(), Message.select().count()
    for who in ("dr.chen", "alex.morgan", "support"):  # another provider, the client, support
        with pytest.raises(NotAllowed):
            svc.cancel_series_from_for_client(actor(who), pivot.id, "provider_unwell", now=now)
        if who != "dr.chen":
            with pytest.raises(NotAllowed):
                svc.series_cancel_preview(actor(who), pivot.id, now=now)
    with pytest.raises(NotAllowed):
        svc.series_cancel_preview(actor("dr.chen"), pivot.id, now=now)
    with pytest.raises(Conflict):  # a stale view of the chosen occurrence
        svc.cancel_series_from_for_client(rivera, pivot.id, "provider_unwell",
                                          expected_version=pivot.version + 1, now=now)
    preview = svc.series_cancel_preview(rivera, pivot.id, now=now)
    with pytest.raises(Conflict):  # the preview showed another number of appointments
        svc.cancel_series_from_for_client(rivera, pivot.id, "provider_unwell", expected_count=preview.count + 1,
                                          now=now)
    for code, note in (("no_such_reason", ""), ("schedule_conflict", ""), ("", ""), ("provider_other", "  ")):
        with pytest.raises(InvalidInput):
            svc.cancel_series_from_for_client(rivera, pivot.id, code, note, now=now)
    past = (Appointment.select().where(Appointment.series == series, Appointment.ends_at < now,
                                       Appointment.status == AppointmentStatus.SCHEDULED)
            .order_by(Appointment.starts_at.desc()).first())
    with pytest.raises(RuleRefused):  # a past occurrence (still marked scheduled) is never the start
        svc.cancel_series_from_for_client(rivera, past.id, "provider_unwell", now=now)
    with pytest.raises(RuleRefused):
        svc.series_cancel_preview(rivera, past.id, now=now)
    single = svc.book_for_client(rivera, series.client_id, now + timedelta(days=60), timedelta(minutes=30),
                                 now=now).value
    with pytest.raises(InvalidInput):
        svc.cancel_series_from_for_client(rivera, single, "provider_unwell", now=now)
    with pytest.raises(InvalidInput):
        svc.series_cancel_preview(rivera, single, now=now)
    assert _rows(series) == before
    assert Message.select().count() == messages
    assert AuditEvent.select().count() == audits + 1  # only the booking of the single appointment
    assert not Series.get_by_id(series.id).ended


def test_cancelling_for_the_client_closes_their_pending_late_request(demo_db, now):
    chen = actor("dr.chen")
    request = _jordan_request()
    assert [r.id for r in svc.late_requests(chen)] == [request.id]
    reason = svc.provider_reasons()[0].id
    svc.cancel_for_client(chen, request.appointment_id, reason, now=now)
    closed = LateCancellationRequest.get_by_id(request.id)
    assert closed.status == LateRequestStatus.CLOSED_CANCELLED and closed.decided_by_id == chen.user_id
    assert svc.late_requests(chen) == []  # the inbox no longer asks for a decision
    assert not Charge.select().where(Charge.appointment == request.appointment_id).exists()
    with pytest.raises(Conflict):
        svc.decide_late_request(chen, request.id, svc.LateDecision.APPROVE_WITH_FEE, now=now)


def test_the_detail_carries_the_refusals_the_writes_raise(demo_db, now):
    """The calendar panel enables an action only when the detail has no refusal for it, and the
    refusal is the very one the write raises."""
    rivera = actor("dr.rivera")
    upcoming = svc.appointment_detail(rivera, next_scheduled(client_of("alex.morgan"), now).id, now=now)
    assert (upcoming.cancel_refusal, upcoming.move_refusal) == ("", "")
    assert upcoming.no_show_refusal.startswith("A no-show can be marked once") and " EST." in upcoming.no_show_refusal
    assert upcoming.series_frequency is series_rules.Frequency.WEEKLY
    policy = FeePolicy.get_by_id(Appointment.get_by_id(upcoming.id).policy_id)
    assert upcoming.no_show_fee.amount.cents == policy.no_show_fee_cents and upcoming.no_show_fee.charges
    assert "Not covered by insurance" in upcoming.no_show_fee.note

    started = _today_appointment("dr.rivera", now)
    detail = svc.appointment_detail(rivera, started.id, now=now)
    assert detail.no_show_refusal == ""
    with pytest.raises(RuleRefused) as moved:
        svc.move_occurrence(rivera, started.id, now + timedelta(days=3), now=now)
    assert detail.move_refusal == moved.value.message
    svc.mark_no_show(rivera, started.id, now=now)
    after = svc.appointment_detail(rivera, started.id, now=now)
    with pytest.raises(Conflict) as cancelled:
        svc.cancel_for_client(rivera, started.id, "provider_unwell", now=now)
    assert after.cancel_refusal == cancelled.value.message != ""
    assert after.move_refusal and after.no_show_refusal


def test_a_request_whose_appointment_is_no_longer_scheduled_can_only_be_declined(demo_db, now):
    chen = actor("dr.chen")
    request = _jordan_request()
    assert svc.late_requests(chen)[0].decisions == tuple(svc.LateDecision)
    appt = Appointment.get_by_id(request.appointment_id)
    # The services now refuse a no-show over a pending request; a database written before
    # that rule can still hold one, and the inbox must still close it.
    Appointment.update(status=AppointmentStatus.NO_SHOW).where(Appointment.id == appt.id).execute()
    row = svc.late_requests(chen)[0]
    assert row.decisions == (svc.LateDecision.DECLINE,)
    assert "decline the request to close it" in row.approval_refusal
    for decision in (svc.LateDecision.APPROVE_WITH_FEE, svc.LateDecision.APPROVE_WAIVE):
        with pytest.raises(Conflict) as refused:
            svc.decide_late_request(chen, request.id, decision, now=now)
        assert refused.value.message == row.approval_refusal
    svc.decide_late_request(chen, request.id, svc.LateDecision.DECLINE, now=now)
    assert svc.late_requests(chen, pending_only=False)[0].decisions == ()


def _audits_by(write) -> list[str]:
    before = AuditEvent.select().count()
    write()
    return [e.action for e in AuditEvent.select().order_by(AuditEvent.id).offset(before)]


def test_every_provider_write_records_exactly_one_audit_event(demo_db, now):
    rivera = actor("dr.rivera")
    request = _jordan_request()
    assert _audits_by(lambda: svc.decide_late_request(actor("dr.chen"), request.id, svc.LateDecision.DECLINE,
                                                      now=now)) == ["decide_late_request"]
    assert _audits_by(lambda: svc.mark_no_show(rivera, _today_appointment("dr.rivera", now).id, now=now)) == [
        "mark_no_show"]
    single = next_scheduled(client_of("alex.morgan"), now)
    assert _audits_by(lambda: svc.move_occurrence(rivera, single.id, single.starts_at + timedelta(hours=3),
                                                  now=now)) == ["move_occurrence"]
    _, pivot = _series_pivot(now)
    change = svc.SeriesChange(pivot.starts_at.replace(tzinfo=None) + timedelta(days=1), "UTC", timedelta(minutes=50),
                              series_rules.Frequency.EVERY_2_WEEKS, count=4)
    assert _audits_by(lambda: svc.change_series_from(rivera, pivot.id, change, now=now)) == ["change_series_from"]


def test_provider_list_reads_take_one_query(demo_db, now):
    from playhouse.test_utils import count_queries

    chen = actor("dr.chen")
    for provider in (chen, actor("dr.rivera")):
        with count_queries() as counter:
            rows = list_threads(provider)
        assert rows and counter.count == 1, provider.username
    svc.decide_late_request(chen, _jordan_request().id, svc.LateDecision.DECLINE, now=now)
    with count_queries() as counter:
        rows = svc.late_requests(chen, pending_only=False)
    assert rows and counter.count == 1
    with count_queries() as counter:
        clients = svc.my_clients(chen)
    assert clients and counter.count == 1


def test_approving_under_a_policy_without_a_late_fee_does_not_say_it_was_waived(demo_db, now):
    request = _jordan_request()
    appt = Appointment.get_by_id(request.appointment_id)
    FeePolicy.update(late_cancellation_fee_cents=0).where(FeePolicy.id == appt.policy_id).execute()
    result = svc.decide_late_request(actor("dr.chen"), request.id, svc.LateDecision.APPROVE_WITH_FEE, now=now)
    assert result.value is None and "no late-cancellation fee" in result.summary
    posted = thread_messages(actor("jordan.lee"), request.thread_id)[-1].body
    assert "waived" not in posted and "no late-cancellation fee" in posted


def test_a_series_changed_from_an_occurrence_that_changed_since_is_refused(demo_db, now):
    rivera = actor("dr.rivera")
    series, pivot = _series_pivot(now)
    change = svc.SeriesChange(pivot.starts_at.replace(tzinfo=None) + timedelta(days=1), "UTC", timedelta(minutes=50),
                              series_rules.Frequency.EVERY_2_WEEKS, count=4)
    series_count = Series.select().count()
    with pytest.raises(Conflict, match="changed since you opened it"):
        svc.change_series_from(rivera, pivot.id, change, expected_version=pivot.version + 1, now=now)
    svc.cancel_for_client(rivera, pivot.id, "provider_unwell", now=now)  # another workstation
    with pytest.raises(Conflict, match="already cancelled"):
        svc.change_series_from(rivera, pivot.id, change, now=now)
    assert Series.select().count() == series_count and not Series.get_by_id(series.id).ended


def test_a_pending_late_request_is_decided_before_a_no_show(demo_db, now):
    chen = actor("dr.chen")
    request = _jordan_request()
    appt = Appointment.get_by_id(request.appointment_id)
    after_grace = appt.starts_at + timedelta(minutes=20)
    detail = svc.appointment_detail(chen, appt.id, now=after_grace)
    assert detail.no_show_refusal and "late-cancellation request" in detail.no_show_refusal
    with pytest.raises(RuleRefused, match="Decide their late-cancellation request"):
        svc.mark_no_show(chen, appt.id, now=after_grace)
    assert Appointment.get_by_id(appt.id).status == AppointmentStatus.SCHEDULED
    svc.decide_late_request(chen, request.id, svc.LateDecision.DECLINE, "Please come if you can.", now=now)
    svc.mark_no_show(chen, appt.id, now=after_grace)
    assert Appointment.get_by_id(appt.id).status == AppointmentStatus.NO_SHOW


def test_a_provider_cancellation_that_would_carry_a_fee_is_refused_and_writes_nothing(demo_db, now, monkeypatch):
    """Rule 4 is enforced by the service, not asserted: should the fee rule ever give a provider's
    cancellation a fee, the cancellation is refused whole."""
    from desktop.rules.fees import FeeDecision, FeeKind
    from desktop.rules.money import Money
    from desktop.services.provider import cancel as cancel_module

    rivera = actor("dr.rivera")
    series, pivot = _series_pivot(now)
    single = next_scheduled(client_of("alex.morgan"), now)
    before = (_rows(series), Cancellation.select().count(), Message.select().count(), AuditEvent.select().count())
    monkeypatch.setattr(cancel_module, "fee_decision",
                        lambda by, policy, waive=False: FeeDecision(FeeKind.LATE_CANCELLATION, Money(100, "USD"), False))
    with pytest.raises(RuleRefused, match="never carries a fee"):
        svc.cancel_for_client(rivera, single.id, "provider_unwell", now=now)
    with pytest.raises(RuleRefused, match="never carries a fee"):
        svc.cancel_series_from_for_client(rivera, pivot.id, "provider_unwell", now=now)
    assert Appointment.get_by_id(single.id).status == AppointmentStatus.SCHEDULED
    assert (_rows(series), Cancellation.select().count(), Message.select().count(),
            AuditEvent.select().count()) == before


def test_client_and_provider_are_refused_in_the_same_words_once_an_appointment_was_acted_on(demo_db, now):
    from desktop.services.cancellation import client_cancel_one
    from desktop.services.reschedule import reschedule_appointment

    rivera, alex = actor("dr.rivera"), actor("alex.morgan")
    appt = next_scheduled(client_of("alex.morgan"), now, after=timedelta(days=3))
    svc.cancel_for_client(rivera, appt.id, "provider_unwell", now=now)
    said = svc.appointment_detail(rivera, appt.id, now=now).cancel_refusal
    assert said == "This appointment is already cancelled by provider; nothing was changed."
    for write in (lambda: svc.cancel_for_client(rivera, appt.id, "provider_unwell", now=now),
                  lambda: svc.move_occurrence(rivera, appt.id, appt.starts_at + timedelta(hours=2), now=now),
                  lambda: client_cancel_one(alex, appt.id, "schedule_conflict", now=now),
                  lambda: reschedule_appointment(alex, appt.id, appt.starts_at + timedelta(hours=2), now=now)):
        with pytest.raises(Conflict) as refused:
            write()
        assert refused.value.message == said
