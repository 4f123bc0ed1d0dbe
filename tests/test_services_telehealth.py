"""Telehealth links (issue #14, item 4) at the service level, on SQLite and PostgreSQL: the
provider sets an appointment's link (own appointments only, audited, version-checked), a default
room that new telehealth bookings and series take, and the link comes back only to the
appointment's client and its provider — never in what another client, another provider or the
front desk reads."""

from __future__ import annotations

from datetime import timedelta
from zoneinfo import ZoneInfo

import pytest

from desktop.rules import telehealth as rules
from desktop.rules.series import Frequency
from desktop.services import booking, calendar, client_portal, practice_calendar, search, telehealth
from desktop.services import provider as provider_services
from desktop.services.errors import Conflict, InvalidInput, NotAllowed
from desktop.store.models import Appointment, AppointmentStatus, AuditEvent
from tests import factories

LINK = "https://meet.example.com/casey-secret-room-7f3a"
ROOM = "https://video.example.org/dr-owner"


@pytest.fixture
def team(db, now):
    return factories.make_team(now)


def _link(appointment_id: int) -> str | None:
    return Appointment.get_by_id(appointment_id).video_link


def test_the_provider_sets_the_link_of_their_own_appointment_audited_without_the_address(team, now):
    appt = factories.book(team.owner, team.client, now + timedelta(days=2), now=now)
    version = Appointment.get_by_id(appt).version
    result = telehealth.set_video_link(team.owner, appt, f"  {LINK} ", expected_version=version, now=now)
    assert result.summary == "Video link saved."
    row = Appointment.get_by_id(appt)
    assert row.video_link == LINK and row.telehealth and row.version == version + 1
    event = AuditEvent.select().where(AuditEvent.action == "set_video_link").get()
    assert event.entity_id == appt and event.detail["host"] == "meet.example.com"
    assert LINK not in str(event.detail)  # the trail keeps the host, not the room
    # A stale version is refused; removing it keeps the appointment telehealth.
    with pytest.raises(Conflict):
        telehealth.set_video_link(team.owner, appt, ROOM, expected_version=version, now=now)
    telehealth.set_video_link(team.owner, appt, "", now=now)
    assert _link(appt) is None and Appointment.get_by_id(appt).telehealth


@pytest.mark.parametrize("bad", ["http://meet.example.com/x", "https://", "meet.example.com/room",
                                 "https://meet example.com/x", "https://localhost/x", "javascript:alert(1)"])
def test_only_an_https_address_with_a_host_is_a_link(team, now, bad):
    appt = factories.book(team.owner, team.client, now + timedelta(days=2), now=now)
    with pytest.raises(InvalidInput) as refused:
        telehealth.set_video_link(team.owner, appt, bad, now=now)
    assert refused.value.field == "video_link" and _link(appt) is None


def test_too_long_a_link_is_refused_by_the_declared_limit(team, now):
    appt = factories.book(team.owner, team.client, now + timedelta(days=2), now=now)
    with pytest.raises(InvalidInput):
        telehealth.set_video_link(team.owner, appt, "https://meet.example.com/" + "x" * rules.MAX_LINK, now=now)


def test_nobody_else_sets_a_link_and_not_on_what_is_over_or_cancelled(team, now):
    appt = factories.book(team.owner, team.client, now + timedelta(days=2), now=now)
    for other in (team.other_provider, team.client, team.other_client, team.support):
        with pytest.raises(NotAllowed):
            telehealth.set_video_link(other, appt, LINK, now=now)
    past = factories.add_appointment(team.client, now - timedelta(hours=3)).id
    with pytest.raises(Conflict, match="over"):
        telehealth.set_video_link(team.owner, past, LINK, now=now)
    gone = factories.add_appointment(team.client, now + timedelta(days=3),
                                     status=AppointmentStatus.CANCELLED_BY_CLIENT).id
    with pytest.raises(Conflict, match="no longer scheduled"):
        telehealth.set_video_link(team.owner, gone, LINK, now=now)
    assert _link(appt) is _link(past) is _link(gone) is None


def test_new_telehealth_appointments_take_the_providers_default_room(team, now):
    telehealth.set_default_video_link(team.owner, ROOM, now=now)
    assert telehealth.default_video_link(team.owner) == ROOM
    assert telehealth.default_video_link(team.other_provider) is None
    video = factories.book(team.owner, team.client, now + timedelta(days=2), now=now, telehealth=True)
    given = factories.book(team.owner, team.client, now + timedelta(days=3), now=now, telehealth=True,
                           video_link=LINK)
    in_person = factories.book(team.owner, team.client, now + timedelta(days=4), now=now)
    assert (_link(video), _link(given), _link(in_person)) == (ROOM, LINK, None)
    # A client booking a telehealth appointment gets the room too, and cannot give a link of their own.
    start = now + timedelta(days=6)
    with pytest.raises(NotAllowed):
        booking.book_appointment(team.client, booking.BookingRequest(
            factories.provider_of(team.client), team.client.client_id, start, factories.SESSION, telehealth=True,
            video_link=LINK), now=now)
    # A repeating telehealth appointment: every occurrence has the room.
    first = (now + timedelta(days=8)).astimezone(ZoneInfo(factories.ZONE)).replace(
        hour=15, minute=0, second=0, microsecond=0, tzinfo=None)
    series = booking.create_series(team.owner, booking.SeriesRequest(
        team.client.client_id, first, factories.ZONE, factories.SESSION, Frequency.WEEKLY,
        count=3, telehealth=True), now=now).value
    links = {a.video_link for a in Appointment.select().where(Appointment.series == series)}
    assert links == {ROOM}
    # Setting one appointment's link may make it the default in the same step.
    telehealth.set_video_link(team.owner, in_person, LINK, make_default=True, now=now)
    assert telehealth.default_video_link(team.owner) == LINK and Appointment.get_by_id(in_person).telehealth


def test_the_link_is_read_only_by_its_client_and_its_provider(team, now):
    appt = factories.book(team.owner, team.client, now + timedelta(days=2), now=now, telehealth=True)
    telehealth.set_video_link(team.owner, appt, LINK, now=now)
    # Its client: the dashboard, Upcoming and the appointment itself carry it.
    dashboard = client_portal.dashboard(team.client, now=now)
    assert dashboard.next.id == appt and dashboard.next.video_link == LINK
    assert [r.video_link for r in client_portal.upcoming(team.client, now=now)] == [LINK]
    assert client_portal.appointment(team.client, appt, now=now).video_link == LINK
    # Its provider: the detail panel.
    detail = provider_services.appointment_detail(team.owner, appt, now=now)
    assert detail.video_link == LINK and detail.telehealth and detail.link_refusal == ""
    # Another client: not in their rows, and their reads of it are refused.
    other = team.other_client
    factories.book(team.other_provider, other, now + timedelta(days=2), now=now, telehealth=True)
    seen = [client_portal.dashboard(other, now=now), client_portal.upcoming(other, now=now),
            client_portal.past(other, now=now), calendar.client_range(other, now, now + timedelta(days=7))]
    with pytest.raises(NotAllowed):
        client_portal.appointment(other, appt, now=now)
    # Another provider: their calendar and search, and the detail is refused.
    seen += [calendar.provider_range(team.other_provider, now, now + timedelta(days=7)),
             search.find_appointments(team.other_provider, "Casey", now=now)]
    with pytest.raises(NotAllowed):
        provider_services.appointment_detail(team.other_provider, appt, now=now)
    # The front desk (and the owner on the practice calendar): every provider's rows, never the link.
    desk = factories.add_front_desk(now)
    week = practice_calendar.practice_range(desk, now, now + timedelta(days=7))
    assert appt in [r.id for r in week]
    seen += [week, search.find_in_practice(desk, "Casey", now=now),
             practice_calendar.practice_range(team.owner, now, now + timedelta(days=7)),
             search.find_in_practice(team.owner, "Casey", now=now)]
    assert all(LINK not in repr(result) and "secret-room" not in repr(result) for result in seen)
    # And the provider's own calendar rows (what they and the owner paint) never carry it either.
    assert LINK not in repr(calendar.provider_range(team.owner, now, now + timedelta(days=7)))
