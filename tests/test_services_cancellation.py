"""A client's cancellations: one, all upcoming of a series, or a late-cancellation request."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from desktop.rules.notice import NoticeDecision, NoticeStatus
from desktop.services.cancellation import (
    cancel_preview,
    client_cancel_one,
    client_cancel_upcoming,
    request_late_cancellation,
)
from desktop.services.errors import Conflict, InvalidInput, NotAllowed, RuleRefused
from desktop.store.models import (
    Appointment,
    AppointmentStatus,
    AuditEvent,
    Cancellation,
    LateCancellationRequest,
    Message,
    Thread,
)
from tests import factories
from tests.factories import add_appointment, audit_count, book, status_of

NY = ZoneInfo("America/New_York")
DAY = timedelta(hours=24)
REASON = "schedule_conflict"


@pytest.fixture
def team(db, now):
    return factories.make_team(now)


def snapshot_rows():
    """Everything a cancellation may write, to prove a refusal wrote nothing."""
    return (
        list(Appointment.select(Appointment.id, Appointment.status, Appointment.version).tuples()),
        Cancellation.select().count(), LateCancellationRequest.select().count(), Thread.select().count(),
        Message.select().count(), audit_count(),
    )


# ---- one appointment ---------------------------------------------------------------

def test_client_cancels_one_with_notice(team, now):
    appt_id = book(team.client, team.client, now + timedelta(days=3), now=now)
    before = audit_count()
    result = client_cancel_one(team.client, appt_id, REASON, now=now + timedelta(hours=1))
    assert result.value == [appt_id]
    appt = Appointment.get_by_id(appt_id)
    assert appt.status == AppointmentStatus.CANCELLED_BY_CLIENT
    assert appt.version == 2
    assert appt.updated_at == now + timedelta(hours=1)
    cancellation = Cancellation.get(Cancellation.appointment == appt_id)
    assert (cancellation.kind, cancellation.reason_code, cancellation.cancelled_by_id) == (
        "client", REASON, team.client.user_id)
    assert audit_count() == before + 1
    event = AuditEvent.select().order_by(AuditEvent.id.desc()).get()
    assert (event.action, event.entity_id, event.actor_id) == ("client_cancel", appt_id, team.client.user_id)


def test_answers_and_other_text_are_stored(team, now):
    a = book(team.client, team.client, now + timedelta(days=3), now=now)
    b = book(team.owner, team.client, now + timedelta(days=4), now=now)
    client_cancel_one(team.client, a, "unwell", {"telehealth_instead": "no"}, now=now)
    client_cancel_one(team.client, b, "other", other_text="  Moving away  ", now=now)
    assert Cancellation.get(Cancellation.appointment == a).answers == {"telehealth_instead": "no"}
    assert Cancellation.get(Cancellation.appointment == b).other_text == "Moving away"


def test_exactly_the_notice_before_is_allowed(team, now):
    start = now + timedelta(days=3)
    appt_id = book(team.client, team.client, start, now=now)
    client_cancel_one(team.client, appt_id, REASON, now=start - DAY)
    assert status_of(appt_id) == AppointmentStatus.CANCELLED_BY_CLIENT


def test_inside_the_window_is_refused_with_the_decision(team, now):
    start = now + timedelta(days=3)
    appt_id = book(team.client, team.client, start, now=now)
    before = snapshot_rows()
    with pytest.raises(RuleRefused) as info:
        client_cancel_one(team.client, appt_id, REASON, now=start - DAY + timedelta(seconds=1))
    decision = info.value.decision
    assert isinstance(decision, NoticeDecision)
    assert decision.status is NoticeStatus.BLOCKED_WINDOW
    assert decision.deadline == start - DAY
    assert decision.can_request_late_cancellation
    message = str(info.value)
    assert "late-cancellation request" in message
    assert "EST" in message  # the deadline in the client's zone, zone named
    assert snapshot_rows() == before


def test_a_past_appointment_is_refused(team, now):
    appt = add_appointment(team.client, now - timedelta(hours=2))
    before = snapshot_rows()
    with pytest.raises(RuleRefused) as info:
        client_cancel_one(team.client, appt.id, REASON, now=now)
    assert info.value.decision.status is NoticeStatus.ALREADY_STARTED
    assert snapshot_rows() == before


def test_an_already_cancelled_appointment_is_a_conflict(team, now):
    appt_id = book(team.client, team.client, now + timedelta(days=3), now=now)
    client_cancel_one(team.client, appt_id, REASON, now=now)
    before = snapshot_rows()
    with pytest.raises(Conflict, match="already"):
        client_cancel_one(team.client, appt_id, REASON, now=now)
    assert snapshot_rows() == before


def test_a_stale_version_is_a_conflict(team, now):
    appt_id = book(team.client, team.client, now + timedelta(days=3), now=now)
    seen = cancel_preview(team.client, appt_id, now=now).version
    Appointment.update(version=Appointment.version + 1, location="Moved to room 4").where(
        Appointment.id == appt_id).execute()  # another workstation edited it
    with pytest.raises(Conflict):
        client_cancel_one(team.client, appt_id, REASON, expected_version=seen, now=now)
    assert status_of(appt_id) == AppointmentStatus.SCHEDULED


@pytest.mark.parametrize("reason, answers, other", [
    ("not_a_reason", {}, ""),
    ("unwell", {}, ""),  # the question is required
    ("unwell", {"telehealth_instead": "perhaps"}, ""),
    ("other", {}, "   "),  # "Other" needs words
])
def test_the_reason_is_checked_against_the_catalogue(team, now, reason, answers, other):
    appt_id = book(team.client, team.client, now + timedelta(days=3), now=now)
    before = snapshot_rows()
    with pytest.raises(InvalidInput):
        client_cancel_one(team.client, appt_id, reason, answers, other, now=now)
    assert snapshot_rows() == before


@pytest.mark.parametrize("who", ["other_client", "owner", "other_provider", "support"])
def test_only_the_client_themselves_cancels(team, now, who):
    appt_id = book(team.client, team.client, now + timedelta(days=3), now=now)
    before = snapshot_rows()
    with pytest.raises(NotAllowed):
        client_cancel_one(getattr(team, who), appt_id, REASON, now=now)
    assert snapshot_rows() == before


@pytest.mark.parametrize("who", ["other_client", "other_provider", "support"])
def test_the_preview_is_refused_to_others(team, now, who):
    appt_id = book(team.client, team.client, now + timedelta(days=3), now=now)
    with pytest.raises(NotAllowed):
        cancel_preview(getattr(team, who), appt_id, now=now)


def test_the_preview_and_the_service_agree(team, now):
    start = now + timedelta(hours=30)
    appt_id = book(team.client, team.client, start, now=now)
    assert cancel_preview(team.client, appt_id, now=now).decision.allowed
    assert cancel_preview(team.owner, appt_id, now=now).decision.allowed  # the provider may look
    later = start - timedelta(hours=23)
    preview = cancel_preview(team.client, appt_id, now=later)
    assert not preview.decision.allowed
    with pytest.raises(RuleRefused) as info:
        client_cancel_one(team.client, appt_id, REASON, now=later)
    assert info.value.decision == preview.decision


# ---- all upcoming of a series ---------------------------------------------------------

@pytest.fixture
def series(team, now):
    """A weekly series created two weeks ago whose next occurrence is inside the window:
    two in the past, one in 20 hours, then seven more."""
    created = now - timedelta(days=14, hours=1)
    first = (now + timedelta(hours=20) - timedelta(weeks=2)).astimezone(NY).replace(tzinfo=None)
    series_id = factories.weekly_series(team.owner, team.client, first, now=created, count=10)
    rows = list(Appointment.select().where(Appointment.series == series_id).order_by(Appointment.starts_at))
    assert len(rows) == 10
    return [r.id for r in rows]


def test_cancel_upcoming_cancels_exactly_the_plan(team, now, series):
    past, inside, later = series[:2], series[2], series[3:]
    preview = cancel_preview(team.client, later[0], now=now)
    planned = [p.id for p in preview.series_plan.cancel]
    assert planned == later
    assert [p.id for p in preview.series_plan.stay] == [inside]
    before = audit_count()
    result = client_cancel_upcoming(team.client, later[0], REASON, expected_ids=planned, now=now)
    assert sorted(result.value) == later
    assert "stays booked" in result.summary
    assert all(status_of(i) == AppointmentStatus.CANCELLED_BY_CLIENT for i in later)
    assert status_of(inside) == AppointmentStatus.SCHEDULED  # inside the window: stays
    assert all(status_of(i) == AppointmentStatus.SCHEDULED for i in past)  # past: never touched
    assert Cancellation.select().count() == len(later)
    assert audit_count() == before + 1
    event = AuditEvent.select().order_by(AuditEvent.id.desc()).get()
    assert event.action == "client_cancel_upcoming"
    assert sorted(event.detail["cancelled"]) == later and event.detail["stayed"] == [inside]


def test_cancel_upcoming_from_the_occurrence_inside_the_window(team, now, series):
    # Asked from the blocked occurrence itself: the others go, it stays.
    client_cancel_upcoming(team.client, series[2], REASON, now=now)
    assert status_of(series[2]) == AppointmentStatus.SCHEDULED
    assert all(status_of(i) == AppointmentStatus.CANCELLED_BY_CLIENT for i in series[3:])


def test_cancel_upcoming_leaves_already_cancelled_ones_alone(team, now, series):
    client_cancel_one(team.client, series[5], REASON, now=now)
    client_cancel_upcoming(team.client, series[3], REASON, now=now)
    assert Cancellation.select().where(Cancellation.appointment == series[5]).count() == 1
    assert all(status_of(i) == AppointmentStatus.CANCELLED_BY_CLIENT for i in series[3:])


def test_cancel_upcoming_refuses_when_the_plan_changed(team, now, series):
    preview = cancel_preview(team.client, series[3], now=now)
    planned = [p.id for p in preview.series_plan.cancel]
    # A week later the next planned occurrence has slipped inside the window.
    later = now + timedelta(days=7)
    before = snapshot_rows()
    with pytest.raises(Conflict, match="Nothing was cancelled"):
        client_cancel_upcoming(team.client, series[3], REASON, expected_ids=planned, now=later)
    assert snapshot_rows() == before
    with pytest.raises(Conflict):
        client_cancel_upcoming(team.client, series[3], REASON, expected_ids=planned[:-1], now=now)
    assert snapshot_rows() == before


def test_cancel_upcoming_is_atomic(team, now, series):
    # A stray cancellation row (left by a crashed workstation) makes the last insert fail:
    # everything before it in the same call must be rolled back, and the person is told, in words.
    Cancellation.create(appointment=series[-1], cancelled_by=team.client.user_id, kind="client",
                        reason_code=REASON, created_at=now)
    before = snapshot_rows()
    with pytest.raises(Conflict, match="Nothing was saved"):
        client_cancel_upcoming(team.client, series[3], REASON, now=now)
    assert snapshot_rows() == before
    assert all(status_of(i) == AppointmentStatus.SCHEDULED for i in series)


def test_cancel_upcoming_with_everything_inside_the_window(team, now, series):
    for i in series[3:]:
        client_cancel_one(team.client, i, REASON, now=now)
    before = snapshot_rows()
    with pytest.raises(RuleRefused, match="late-cancellation request"):
        client_cancel_upcoming(team.client, series[2], REASON, now=now)
    assert snapshot_rows() == before


def test_cancel_upcoming_needs_a_series(team, now):
    appt_id = book(team.client, team.client, now + timedelta(days=3), now=now)
    with pytest.raises(InvalidInput):
        client_cancel_upcoming(team.client, appt_id, REASON, now=now)


@pytest.mark.parametrize("who", ["other_client", "owner", "other_provider", "support"])
def test_only_the_client_cancels_their_series(team, now, series, who):
    before = snapshot_rows()
    with pytest.raises(NotAllowed):
        client_cancel_upcoming(getattr(team, who), series[3], REASON, now=now)
    assert snapshot_rows() == before


def test_cancel_upcoming_checks_the_reason(team, now, series):
    before = snapshot_rows()
    with pytest.raises(InvalidInput):
        client_cancel_upcoming(team.client, series[3], "unwell", now=now)
    assert snapshot_rows() == before


# ---- late-cancellation request -----------------------------------------------------------

def test_request_late_cancellation(team, now):
    start = now + timedelta(hours=5)
    appt_id = book(team.client, team.client, start, now=now - timedelta(days=3))
    before = audit_count()
    result = request_late_cancellation(team.client, appt_id, "  My child is sick.  ", reason_code="unwell",
                                       answers={"telehealth_instead": "no"}, now=now)
    request = LateCancellationRequest.get_by_id(result.value)
    assert request.status == "pending"
    assert request.appointment_id == appt_id and request.client_id == team.client.client_id
    assert request.message == "My child is sick."
    assert (request.reason_code, request.answers) == ("unwell", {"telehealth_instead": "no"})
    thread = request.thread
    assert thread.kind == "late_cancellation"
    assert thread.appointment_id == appt_id
    assert (thread.client_id, thread.provider_id) == (team.client.client_id, team.owner.provider_id)
    messages = list(Message.select().where(Message.thread == thread))
    assert len(messages) == 1
    assert messages[0].sender_id == team.client.user_id
    assert "My child is sick." in messages[0].body
    assert status_of(appt_id) == AppointmentStatus.SCHEDULED  # the provider decides
    assert audit_count() == before + 1
    assert AuditEvent.select().order_by(AuditEvent.id.desc()).get().action == "request_late_cancellation"
    assert cancel_preview(team.client, appt_id, now=now).pending_late_request


def test_a_second_request_is_a_conflict(team, now):
    appt_id = book(team.client, team.client, now + timedelta(hours=5), now=now)
    request_late_cancellation(team.client, appt_id, now=now)
    before = snapshot_rows()
    with pytest.raises(Conflict, match="already asked"):
        request_late_cancellation(team.client, appt_id, "Please?", now=now + timedelta(minutes=5))
    assert snapshot_rows() == before


def test_no_request_while_free_cancellation_is_open(team, now):
    appt_id = book(team.client, team.client, now + DAY, now=now)
    before = snapshot_rows()
    with pytest.raises(RuleRefused) as info:
        request_late_cancellation(team.client, appt_id, now=now)
    assert info.value.decision.allowed
    assert snapshot_rows() == before


def test_no_request_once_started(team, now):
    appt = add_appointment(team.client, now - timedelta(minutes=5))
    before = snapshot_rows()
    with pytest.raises(RuleRefused) as info:
        request_late_cancellation(team.client, appt.id, now=now)
    assert info.value.decision.status is NoticeStatus.ALREADY_STARTED
    assert snapshot_rows() == before


def test_no_request_for_a_cancelled_appointment(team, now):
    appt = add_appointment(team.client, now + timedelta(hours=3), status=AppointmentStatus.CANCELLED_BY_PROVIDER)
    with pytest.raises(Conflict):
        request_late_cancellation(team.client, appt.id, now=now)


@pytest.mark.parametrize("who", ["other_client", "owner", "other_provider", "support"])
def test_only_the_client_requests(team, now, who):
    appt_id = book(team.client, team.client, now + timedelta(hours=5), now=now)
    before = snapshot_rows()
    with pytest.raises(NotAllowed):
        request_late_cancellation(getattr(team, who), appt_id, now=now)
    assert snapshot_rows() == before


def test_request_uses_the_booking_snapshot_notice(team, now):
    # A 48-hour policy at booking time still applies after the provider relaxes it.
    provider = factories.add_provider(now, "dr.strict", notice_minutes=48 * 60)
    client = factories.add_client(now, provider, "kim.strict")
    appt_id = book(client, client, now + timedelta(hours=30), now=now)
    from desktop.store.models import FeePolicy

    FeePolicy.create(provider=provider.provider_id, version=2, notice_minutes=60, late_cancellation_fee_cents=0,
                     no_show_fee_cents=0, policy_text="relaxed", created_at=now)
    with pytest.raises(RuleRefused):
        client_cancel_one(client, appt_id, REASON, now=now)
    assert request_late_cancellation(client, appt_id, now=now).value


def test_times_in_messages_use_the_clients_zone(team, now):
    london = factories.add_client(now, team.owner, "lee.london", zone="Europe/London")
    start = datetime(2026, 11, 24, 19, 0, tzinfo=NY)  # 00:00 GMT on the 25th
    appt_id = book(team.owner, london, start, now=now)
    request_late_cancellation(london, appt_id, now=now)
    body = Message.select().order_by(Message.id.desc()).get().body
    assert "00:00 GMT" in body


def test_cancel_upcoming_ends_the_series_so_the_horizon_job_adds_nothing_back(team, now):
    from desktop.services.booking import extend_horizons
    from desktop.store.models import Series

    first = (now + timedelta(days=3)).astimezone(NY).replace(tzinfo=None, minute=0, second=0, microsecond=0)
    series_id = factories.weekly_series(team.owner, team.client, first, now=now, count=104)
    assert not Series.get_by_id(series_id).ended  # two years: only the horizon is materialised
    rows = Appointment.select().where(Appointment.series == series_id)
    before = rows.count()
    some = rows.order_by(Appointment.starts_at).first().id
    client_cancel_upcoming(team.client, some, REASON, now=now)
    assert Series.get_by_id(series_id).ended
    extend_horizons(now=now + timedelta(days=400))
    assert Appointment.select().where(Appointment.series == series_id).count() == before
    assert not Appointment.select().where(Appointment.series == series_id,
                                          Appointment.status == AppointmentStatus.SCHEDULED).exists()


# ---- set-based: the statements do not grow with the series ---------------------------------

def _statements_to_cancel(team, now, count: int, cancel) -> tuple[int, int]:
    """How many SQL statements cancelling a weekly series of ``count`` occurrences (as many as the
    booking horizon holds) issues, and how many it cancelled."""
    from playhouse.test_utils import count_queries

    first = (now + timedelta(days=3)).astimezone(NY).replace(tzinfo=None)
    series_id = factories.weekly_series(team.owner, team.client, first, now=now, count=count)
    ids = [i for (i,) in Appointment.select(Appointment.id).where(Appointment.series == series_id)
           .order_by(Appointment.starts_at).tuples()]
    with count_queries() as counter:
        result = cancel(ids[0])
    assert sorted(result.value) == sorted(ids)
    assert Cancellation.select().where(Cancellation.appointment.in_(ids)).count() == len(ids)
    return counter.count, len(ids)


@pytest.mark.parametrize("who", ["client", "provider"])
def test_cancelling_a_whole_series_takes_as_many_statements_for_many_occurrences_as_for_5(team, now, who):
    from desktop.services.provider import cancel_series_from_for_client

    def cancel(first_id):
        if who == "client":
            return client_cancel_upcoming(team.client, first_id, REASON, now=now)
        return cancel_series_from_for_client(team.owner, first_id, "provider_unavailable", now=now)

    few, five = _statements_to_cancel(team, now, 5, cancel)
    many, cancelled = _statements_to_cancel(team, now + timedelta(days=1), 100, cancel)
    assert five == 5 and cancelled > 20  # the horizon holds about half a year of a weekly series
    assert many == few <= 30
