"""The client portal's read side and the client's refusals, without Qt."""

from __future__ import annotations

from datetime import timedelta

import pytest

from desktop.rules.notice import NoticeStatus
from desktop.rules.policy import worry_free_lines
from desktop.services import cancellation, client_portal
from desktop.services.booking import BookingRequest, book_appointment
from desktop.services.errors import Conflict, NotAllowed, NotFound, RuleRefused
from desktop.store.models import Appointment, AppointmentStatus, Cancellation, FeePolicy, Service
from tests import factories as f


@pytest.fixture
def team(db, now):
    return f.make_team(now)


def test_upcoming_rows_carry_the_notice_decision_and_deadline(team, now):
    soon = f.book(team.owner, team.client, now + timedelta(hours=20), now=now - timedelta(days=2))
    later = f.book(team.client, team.client, now + timedelta(days=3), now=now)
    rows = client_portal.upcoming(team.client, now=now)
    assert [r.id for r in rows] == [soon, later]
    assert rows[0].decision.status is NoticeStatus.BLOCKED_WINDOW
    assert rows[0].notice_line("America/New_York") == "Within 24 hours: cancellation needs your provider"
    assert rows[0].blocked_explanation("America/New_York") == (
        "Cancelling needs at least 24 hours' notice. Free cancellation ended Tue 24 Nov, 06:00 EST.")
    assert rows[1].decision.allowed
    assert rows[1].notice_line("America/New_York") == "Free cancellation until Thu 26 Nov, 10:00 EST"


def test_past_holds_what_is_over_and_upcoming_lists_a_future_cancelled_one_as_cancelled(team, now):
    old = f.add_appointment(team.client, now - timedelta(days=7)).id
    old_gone = f.add_appointment(team.client, now - timedelta(days=9), status=AppointmentStatus.CANCELLED_BY_CLIENT).id
    gone = f.add_appointment(team.client, now + timedelta(days=5), status=AppointmentStatus.CANCELLED_BY_CLIENT).id
    assert {r.id for r in client_portal.past(team.client, now=now)} == {old, old_gone}
    assert client_portal.upcoming(team.client, now=now) == []  # what is still to happen (the dashboard, .ics)
    listed = client_portal.upcoming(team.client, now=now, include_cancelled=True)
    assert [(r.id, r.status_label, r.is_scheduled) for r in listed] == [(gone, "Cancelled by client", False)]


def test_rows_use_the_booked_policy_not_todays(team, now):
    appt = f.book(team.client, team.client, now + timedelta(days=3), now=now)
    FeePolicy.update(late_cancellation_fee_cents=9900).execute()  # only to prove the snapshot is read
    row = client_portal.appointment(team.client, appt, now=now)
    assert row.policy.late_cancellation_fee.cents == 9900  # same row: the snapshot is the policy row booked
    assert "$99.00" in row.late_fee_note()


def test_dashboard_next_appointment_and_counts(team, now):
    assert client_portal.dashboard(team.client, now=now).next is None
    first = f.book(team.client, team.client, now + timedelta(days=2), now=now)
    f.book(team.owner, team.client, now + timedelta(days=4), now=now)
    data = client_portal.dashboard(team.client, now=now)
    assert data.next.id == first and data.upcoming_count == 2 and data.pending_requests == 0


def test_pending_late_request_shows_on_the_row(team, now):
    appt = f.book(team.owner, team.client, now + timedelta(hours=20), now=now - timedelta(days=2))
    cancellation.request_late_cancellation(team.client, appt, "Sick", now=now)
    assert client_portal.appointment(team.client, appt, now=now).pending_late_request
    assert client_portal.dashboard(team.client, now=now).pending_requests == 1


def test_reads_refuse_other_clients_and_other_roles(team, now):
    theirs = f.book(team.other_client, team.other_client, now + timedelta(days=3), now=now)
    with pytest.raises(NotAllowed):
        client_portal.appointment(team.client, theirs, now=now)
    with pytest.raises(NotAllowed):
        client_portal.booked_policy_text(team.client, theirs)
    with pytest.raises(NotFound):
        client_portal.appointment(team.client, 999_999, now=now)
    for other in (team.owner, team.support):
        with pytest.raises(NotAllowed):
            client_portal.upcoming(other, now=now)
        with pytest.raises(NotAllowed):
            client_portal.booking_page(other)


def test_booking_page_shows_services_policy_and_open_slots(team, now):
    page = client_portal.booking_page(team.client)
    assert [s.name for s in page.services] == ["Session (50 min)"]  # a provider with no services yet
    Service.create(provider=f.provider_of(team.client), name="Couples session", duration_minutes=80)
    page = client_portal.booking_page(team.client)
    assert page.provider_id == f.provider_of(team.client)
    assert [s.name for s in page.services] == ["Couples session"] and page.policy.version == 1
    assert "$50.00" in page.policy.full_text and "Worry-free booking" in page.policy.full_text
    assert "24 hours" in worry_free_lines(page.policy.snapshot).notice
    with pytest.raises(NotAllowed):
        client_portal.booking_page(team.client, f.provider_of(team.other_client))
    slots = client_portal.slots(team.client, page.provider_id, timedelta(minutes=50), now=now)
    assert slots and all(s.start > now for s in slots)
    assert slots[-1].start - now < timedelta(days=client_portal.BOOKING_DAYS + 1)


def test_booked_time_is_not_an_open_slot(team, now):
    pid = f.provider_of(team.client)
    first = client_portal.slots(team.client, pid, timedelta(minutes=50), now=now)[3]
    appt = f.book(team.client, team.client, first.start, now=now)
    after = client_portal.slots(team.client, pid, timedelta(minutes=50), now=now)
    assert first not in after
    # The appointment being moved does not block its own time.
    assert first in client_portal.slots(team.client, pid, timedelta(minutes=50), now=now,
                                        exclude_appointment_id=appt)


# ---- the refusals the portal shows ------------------------------------------------------------

def test_cancelling_inside_the_window_is_refused(team, now):
    appt = f.book(team.owner, team.client, now + timedelta(hours=20), now=now - timedelta(days=2))
    with pytest.raises(RuleRefused, match="Free cancellation ended"):
        cancellation.client_cancel_one(team.client, appt, "schedule_conflict", now=now)
    assert f.status_of(appt) == AppointmentStatus.SCHEDULED


def test_cancelling_another_clients_appointment_is_refused(team, now):
    theirs = f.book(team.other_client, team.other_client, now + timedelta(days=3), now=now)
    with pytest.raises(NotAllowed):
        cancellation.client_cancel_one(team.client, theirs, "schedule_conflict", now=now)
    with pytest.raises(NotAllowed):
        cancellation.client_cancel_one(team.owner, theirs, "schedule_conflict", now=now)
    assert f.status_of(theirs) == AppointmentStatus.SCHEDULED


def test_cancelling_a_past_appointment_is_refused(team, now):
    old = f.add_appointment(team.client, now - timedelta(days=1)).id
    with pytest.raises(RuleRefused, match="already started"):
        cancellation.client_cancel_one(team.client, old, "schedule_conflict", now=now)


def test_cancelling_an_already_cancelled_appointment_is_refused(team, now):
    appt = f.book(team.client, team.client, now + timedelta(days=3), now=now)
    cancellation.client_cancel_one(team.client, appt, "schedule_conflict", now=now)
    with pytest.raises(Conflict, match="already cancelled by client"):
        cancellation.client_cancel_one(team.client, appt, "schedule_conflict", now=now)
    assert Cancellation.select().where(Cancellation.appointment == appt).count() == 1


def test_cancel_stores_reason_and_answers(team, now):
    appt = f.book(team.client, team.client, now + timedelta(days=3), now=now)
    cancellation.client_cancel_one(team.client, appt, "unwell", {"telehealth_instead": "no"}, now=now)
    row = Cancellation.get(Cancellation.appointment == appt)
    assert (row.reason_code, row.answers) == ("unwell", {"telehealth_instead": "no"})


def test_booking_a_taken_slot_is_refused(team, now):
    pid = f.provider_of(team.client)
    slot = client_portal.slots(team.client, pid, timedelta(minutes=50), now=now)[0]
    f.book(team.owner, team.client, slot.start, now=now)
    with pytest.raises(Conflict, match="no longer free"):
        book_appointment(team.client, BookingRequest(pid, team.client.client_id, slot.start,
                                                     timedelta(minutes=50)), now=now)
    assert Appointment.select().where(Appointment.starts_at == slot.start).count() == 1


def test_ics_is_for_clients_only(demo_db, now):
    import pytest as _pytest

    from desktop.services import ical
    from desktop.services.auth import sign_in as _sign_in
    from desktop.services.errors import NotAllowed as _NotAllowed

    for username in ("dr.rivera", "support"):
        with _pytest.raises(_NotAllowed):
            ical.client_calendar_file(_sign_in(username, "demo-password", now=now), now=now)


def test_upcoming_and_dashboard_read_a_fixed_number_of_queries(demo_db, now):
    """No query per row: the upcoming list is two queries (rows, pending requests) for any length."""
    # Every read first checks the account against the database (services/actor.current_actor): one query.
    from playhouse.test_utils import count_queries

    alex = f.actor("alex.morgan")
    with count_queries() as counter:
        rows = client_portal.upcoming(alex, now=now)
    assert len(rows) >= 5 and counter.count == 3
    with count_queries() as counter:
        past = client_portal.past(alex, now=now)
    assert len(past) >= 2 and counter.count == 3
    with count_queries() as counter:
        data = client_portal.dashboard(alex, now=now)
    assert data.upcoming_count == len(rows) and counter.count == 4  # three reads, one check


def test_can_reschedule_is_what_the_reschedule_service_allows(demo_db, now):
    from desktop.services.reschedule import reschedule_appointment

    alex = f.actor("alex.morgan")
    rows = client_portal.upcoming(alex, now=now)
    blocked = [r for r in rows if not r.can_reschedule]
    assert blocked and any(r.can_reschedule for r in rows)
    for row in blocked:
        with pytest.raises(RuleRefused):
            reschedule_appointment(alex, row.id, row.start + timedelta(days=1, hours=1), now=now)


def test_past_scheduled_appointments_read_attended_never_scheduled(team, now):
    ended = f.add_appointment(team.client, now - timedelta(days=7)).id
    missed = f.add_appointment(team.client, now - timedelta(days=14), status=AppointmentStatus.NO_SHOW).id
    labels = {r.id: r.status_label for r in client_portal.past(team.client, now=now)}
    assert labels == {ended: "Attended", missed: "No-show"}
    started = f.add_appointment(team.client, now - timedelta(minutes=10)).id
    assert client_portal.appointment(team.client, started, now=now).status_label == "In progress"
    assert client_portal.appointment(team.client, started, now=now - timedelta(hours=1)).status_label == "Scheduled"


def test_a_decided_late_request_is_shown_and_a_second_one_is_refused_with_the_reason(team, now):
    from desktop.rules.late_requests import LateDecision
    from desktop.services.provider import decide_late_request

    soon = f.book(team.owner, team.client, now + timedelta(hours=20), now=now - timedelta(days=2))
    cancellation.request_late_cancellation(team.client, soon, "Car broke down", now=now)
    row = client_portal.appointment(team.client, soon, now=now)
    assert row.pending_late_request and "has not answered yet" in row.late_request_line("America/New_York")
    with pytest.raises(Conflict, match="already asked"):
        cancellation.request_late_cancellation(team.client, soon, "again", now=now)
    from desktop.store.models import LateCancellationRequest

    request = LateCancellationRequest.get(LateCancellationRequest.appointment == soon)
    decide_late_request(team.owner, request.id, LateDecision.DECLINE, "Please come if you can.",
                        expected_version=request.version, now=now + timedelta(minutes=5))
    row = client_portal.appointment(team.client, soon, now=now + timedelta(minutes=10))
    line = row.late_request_line("America/New_York")
    assert not row.pending_late_request and row.is_scheduled
    assert line.startswith("Your provider declined your late-cancellation request on Tue 24 Nov, 10:05 EST")
    assert "Please come if you can." in line
    with pytest.raises(Conflict, match="declined .* You cannot ask again"):
        cancellation.request_late_cancellation(team.client, soon, "please", now=now + timedelta(minutes=10))
    assert [r.id for r in client_portal.upcoming(team.client, now=now + timedelta(minutes=10))][0] == soon
