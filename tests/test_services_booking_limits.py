"""Only what is offered can be booked, and series input is validated (issue 9, items 3 and 4):
a client books the booking page's slots; a provider books any free time of a declared length;
a series' frequency, count, end, service and zone are checked; one unreadable stored rule is
skipped by the horizon job while every other series still extends."""

from __future__ import annotations

import logging
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from desktop.rules import limits
from desktop.rules.series import Frequency
from desktop.services.booking import (
    UNREADABLE_SERIES,
    BookingRequest,
    SeriesRequest,
    book_appointment,
    create_series,
    extend_horizons,
)
from desktop.services.errors import Conflict, InvalidInput, NotFound
from desktop.services.provider import SeriesChange, change_series_from
from desktop.services.reschedule import reschedule_appointment
from desktop.store.models import Appointment, AuditEvent, Series, Service
from tests import factories
from tests.factories import SESSION, audit_count, book

NY = ZoneInfo("America/New_York")


@pytest.fixture
def team(db, now):
    return factories.make_team(now)


def request_for(client, start, duration=SESSION, **kw) -> BookingRequest:
    return BookingRequest(provider_id=factories.provider_of(client), client_id=client.client_id, start=start,
                          duration=duration, **kw)


def rows() -> int:
    return Appointment.select().count()


# ---- a client books what the booking page offers ----------------------------------------------

# NOW is Tuesday 24 Nov 2026, 10:00 in New York; the default hours are Mon–Fri 09–12 and 13–17.
FRIDAY_10 = datetime(2026, 11, 27, 10, tzinfo=NY)
SUNDAY_03 = datetime(2026, 11, 29, 3, tzinfo=NY)


def test_a_client_books_an_offered_slot(team, now):
    appt = book(team.client, team.client, FRIDAY_10, now=now)
    assert Appointment.get_by_id(appt).ends_at - Appointment.get_by_id(appt).starts_at == SESSION


@pytest.mark.parametrize("start, duration, field", [
    (SUNDAY_03, SESSION, "start"),  # outside working hours
    (FRIDAY_10 + timedelta(minutes=20), SESSION, "start"),  # off the booking page's hourly grid
    (FRIDAY_10.replace(hour=11, minute=30), SESSION, "start"),  # runs into the lunch break
    (FRIDAY_10 + timedelta(days=28), SESSION, "start"),  # beyond the weeks the page offers
    (FRIDAY_10, timedelta(minutes=30), "duration"),  # not the service's length
    (FRIDAY_10, timedelta(days=30), "duration"),  # any length at all: past the declared maximum
])
def test_a_client_cannot_book_what_is_not_offered(team, now, start, duration, field):
    before = (rows(), audit_count())
    with pytest.raises(InvalidInput) as refused:
        book_appointment(team.client, request_for(team.client, start, duration), now=now)
    assert refused.value.field == field
    assert (rows(), audit_count()) == before


def test_a_client_books_the_length_of_the_chosen_service(team, now):
    intake = Service.create(provider=team.owner.provider_id, name="Intake", duration_minutes=90)
    with pytest.raises(InvalidInput, match="90 minutes"):
        book_appointment(team.client, request_for(team.client, FRIDAY_10, service_id=intake.id), now=now)
    with pytest.raises(InvalidInput, match="Pick one of the services"):
        book_appointment(team.client, request_for(team.client, FRIDAY_10), now=now)
    # 90 minutes step on the half hour grid rounded up: 09:00, 10:30 fit the morning block.
    appt = book_appointment(team.client, request_for(team.client, FRIDAY_10.replace(hour=9),
                                                     timedelta(minutes=90), service_id=intake.id), now=now)
    assert Appointment.get_by_id(appt.value).service_id == intake.id


def test_a_client_cannot_book_another_providers_service(team, now):
    theirs = Service.create(provider=team.other_provider.provider_id, name="Theirs", duration_minutes=50)
    with pytest.raises(NotFound):
        book_appointment(team.client, request_for(team.client, FRIDAY_10, service_id=theirs.id), now=now)


def test_a_client_reschedules_only_into_an_offered_slot(team, now):
    appt = book(team.client, team.client, FRIDAY_10, now=now)
    with pytest.raises(InvalidInput, match="not one of the open times") as refused:
        reschedule_appointment(team.client, appt, SUNDAY_03, now=now)
    assert refused.value.field == "start"
    assert Appointment.get_by_id(appt).starts_at == FRIDAY_10
    reschedule_appointment(team.client, appt, FRIDAY_10.replace(hour=14), now=now)
    assert Appointment.get_by_id(appt).starts_at == FRIDAY_10.replace(hour=14)


def test_a_provider_books_outside_working_hours_within_the_declared_lengths(team, now):
    appt = book(team.owner, team.client, SUNDAY_03, now=now, duration=limits.MAX_APPOINTMENT)
    assert Appointment.get_by_id(appt).ends_at - SUNDAY_03 == timedelta(hours=12)
    book(team.owner, team.client, SUNDAY_03 + timedelta(days=1), now=now, duration=limits.MIN_APPOINTMENT)
    for duration in (limits.MIN_APPOINTMENT - timedelta(minutes=1), limits.MAX_APPOINTMENT + timedelta(minutes=1),
                     timedelta(days=30), timedelta(minutes=50, seconds=30)):
        with pytest.raises(InvalidInput) as refused:
            book_appointment(team.owner, request_for(team.client, SUNDAY_03 + timedelta(days=2), duration), now=now)
        assert refused.value.field == "duration" and "length of the appointment" in refused.value.message


def test_a_provider_still_never_double_books(team, now):
    book(team.owner, team.client, SUNDAY_03, now=now)
    second = factories.add_client(now, team.owner, "sam.second")
    with pytest.raises(Conflict):
        book_appointment(team.owner, request_for(second, SUNDAY_03 + timedelta(minutes=10)), now=now)


# ---- series input -------------------------------------------------------------------------------

def series(client, first_local=datetime(2026, 12, 1, 10), **kw) -> SeriesRequest:
    fields = {"client_id": client.client_id, "first_local": first_local, "time_zone": "America/New_York",
              "duration": SESSION, "frequency": Frequency.WEEKLY, "count": 10} | kw
    return SeriesRequest(**fields)


def test_a_frequency_given_as_a_string_is_refused_not_made_monthly(team, now):
    before = (Series.select().count(), rows())
    with pytest.raises(InvalidInput) as refused:
        create_series(team.owner, series(team.client, frequency="weekly"), now=now)
    assert refused.value.field == "frequency"
    assert "repeat frequency" in refused.value.message and "Every week" in refused.value.message
    assert (Series.select().count(), rows()) == before


@pytest.mark.parametrize("bounds, words", [
    ({"count": limits.MAX_OCCURRENCES + 1}, "between 1 and 520"),
    ({"count": 0}, "between 1 and 520"),
    ({"count": None, "until": date(2037, 12, 2)}, "within 10 years"),
    ({"count": None, "until": date(2036, 11, 30)}, "at most 520"),  # 10 years weekly is 522
    ({"count": 5, "until": date(2027, 1, 1)}, "either on a date or after a count"),
])
def test_series_count_and_end_are_bounded(team, now, bounds, words):
    with pytest.raises(InvalidInput, match=words):
        create_series(team.owner, series(team.client, **bounds), now=now)
    assert Series.select().count() == 0


def test_the_longest_series_allowed_is_created(team, now):
    result = create_series(team.owner, series(team.client, count=limits.MAX_OCCURRENCES), now=now)
    assert Series.get_by_id(result.value).rrule.endswith("COUNT=520")


def test_a_series_takes_only_the_providers_own_service(team, now):
    theirs = Service.create(provider=team.other_provider.provider_id, name="Theirs", duration_minutes=50)
    with pytest.raises(NotFound):
        create_series(team.owner, series(team.client, service_id=theirs.id), now=now)
    assert Series.select().count() == 0


@pytest.mark.parametrize("zone", ["Mars/Olympus_Mons", "America", "../../etc/passwd", ""])
def test_a_series_zone_must_exist(team, now, zone):
    with pytest.raises(InvalidInput, match="not a time zone"):
        create_series(team.owner, series(team.client, time_zone=zone), now=now)


def test_changing_a_series_checks_its_zone_and_frequency(team, now):
    sid = create_series(team.owner, series(team.client), now=now).value
    first = Appointment.select().where(Appointment.series == sid).order_by(Appointment.starts_at).first()
    change = SeriesChange(first_local=datetime(2026, 12, 2, 11), time_zone="Nowhere/Land", duration=SESSION,
                          frequency=Frequency.WEEKLY, count=4)
    with pytest.raises(InvalidInput, match="not a time zone"):
        change_series_from(team.owner, first.id, change, now=now)
    with pytest.raises(InvalidInput) as refused:
        change_series_from(team.owner, first.id, SeriesChange(
            first_local=datetime(2026, 12, 2, 11), time_zone="America/New_York", duration=SESSION,
            frequency="every_2_weeks", count=4), now=now)
    assert refused.value.field == "frequency"
    assert Series.select().count() == 1


# ---- the horizon job and a stored rule it cannot read -------------------------------------------

@pytest.mark.parametrize("broken", [
    {"rrule": "FREQ=WEEKLY;BYDAY=XX;COUNT=40"},
    {"rrule": "this is not a rule"},
    {"rrule": "FREQ=SECONDLY;COUNT=500"},  # parses, but would flood the calendar
    {"rrule": "FREQ=WEEKLY;INTERVAL=0;BYDAY=TU"},
    {"time_zone": "Mars/Olympus_Mons"},
    {"first_local": "next Tuesday"},
])
def test_one_unreadable_stored_rule_does_not_stop_the_others(team, now, caplog, broken):
    bad = create_series(team.owner, series(team.client, count=40), now=now).value
    good = create_series(team.owner, series(team.client, first_local=datetime(2026, 12, 2, 10), count=40),
                         now=now).value
    Series.update(**broken).where(Series.id == bad).execute()  # written directly, as a damaged row would be
    before_bad = Appointment.select().where(Appointment.series == bad).count()
    before_good = Appointment.select().where(Appointment.series == good).count()
    with caplog.at_level(logging.WARNING, logger="desktop.services.booking"):
        extend_horizons(now=now + timedelta(days=21))
    assert Appointment.select().where(Appointment.series == good).count() == before_good + 3
    assert Appointment.select().where(Appointment.series == bad).count() == before_bad
    assert f"Series {bad} is not extended" in caplog.text
    event = AuditEvent.get(AuditEvent.action == UNREADABLE_SERIES)
    assert event.entity_id == bad and event.detail["problem"]
    # The next run logs again but audits the same skipped series only once.
    extend_horizons(now=now + timedelta(days=22))
    assert AuditEvent.select().where(AuditEvent.action == UNREADABLE_SERIES).count() == 1
