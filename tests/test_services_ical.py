"""Calendar files that update (services/ical.py, rules/calendar_file.py): read back with
recurring-ical-events, the file's occurrences are exactly the database's kept appointments."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import recurring_ical_events
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from icalendar import Calendar

from desktop.rules import calendar_file as plan
from desktop.rules.series import Frequency
from desktop.rules.vocabulary import AppointmentStatus
from desktop.services import ical
from desktop.services.booking import HORIZON
from desktop.services.cancellation import client_cancel_one
from desktop.services.errors import Conflict, NotAllowed
from desktop.services.provider.cancel import cancel_for_client
from desktop.services.provider.edits import SeriesChange, change_series_from, move_occurrence
from desktop.store.models import Appointment, Series
from tests import factories
from tests.factories import ZONE, book, weekly_series

PROVIDER_REASON = "provider_unavailable"
CLIENT_REASON = "schedule_conflict"
NY = ZoneInfo(ZONE)


@pytest.fixture
def team(db, now):
    return factories.make_team(now)


def expanded(data: bytes, lo: datetime, hi: datetime) -> dict[str, list[datetime]]:
    """UID → the UTC starts in [lo, hi) a calendar program shows (cancelled events left out)."""
    out: dict[str, list[datetime]] = {}
    for event in recurring_ical_events.of(Calendar.from_ical(data)).between(lo - timedelta(days=1), hi):
        start = event["DTSTART"].dt.astimezone(UTC)
        if str(event.get("STATUS", "CONFIRMED")) == "CANCELLED" or not lo <= start < hi:
            continue
        out.setdefault(str(event["UID"]), []).append(start)
    return {uid: sorted(starts) for uid, starts in out.items()}


def kept_in_database(condition, lo: datetime, hi: datetime) -> dict[str, list[datetime]]:
    """The same, computed directly from the rows: a series' rows under its UID (or their own when
    the file could not pair them with the rule: none of these tests make such a row)."""
    out: dict[str, list[datetime]] = {}
    rows = Appointment.select().where(condition, Appointment.starts_at >= lo, Appointment.starts_at < hi)
    for row in rows:
        if AppointmentStatus(row.status).is_cancelled:
            continue
        uid = plan.series_uid(row.series_id) if row.series_id else plan.appointment_uid(row.id)
        out.setdefault(uid, []).append(row.starts_at)
    return {uid: sorted(starts) for uid, starts in out.items()}


def events(data: bytes) -> list:
    return [c for c in Calendar.from_ical(data).walk("VEVENT")]


def occurrence_ids(series_id: int) -> list[int]:
    return [a.id for a in Appointment.select().where(Appointment.series == series_id).order_by(Appointment.starts_at)]


def test_a_series_across_dst_is_one_event_with_its_exceptions(team, now):
    """Weekly at 10:00 New York across the March change: a skipped, a cancelled and a moved
    occurrence; singles, one of them cancelled. Both files read back as the database."""
    provider, client = team.owner, team.client
    first = datetime(2027, 2, 22, 10, 0)  # Mondays; 14 March 2027 the clocks go forward
    taken = first.replace(day=8, month=3).replace(tzinfo=NY)  # the third Monday is booked already
    clash = book(provider, client, taken.astimezone(UTC), now=now)
    series_id = weekly_series(provider, client, first, now=now, count=8)
    ids = occurrence_ids(series_id)
    assert len(ids) == 7  # one skipped for the clash
    cancel_for_client(provider, ids[3], PROVIDER_REASON, now=now)
    moved_from = Appointment.get_by_id(ids[5]).starts_at
    move_occurrence(provider, ids[5], moved_from + timedelta(days=1, hours=2), now=now)
    single = book(provider, client, datetime(2027, 1, 5, 15, tzinfo=UTC), now=now)
    gone = book(provider, client, datetime(2027, 1, 6, 15, tzinfo=UTC), now=now)
    before = {str(e["UID"]): int(e["SEQUENCE"]) for e in events(ical.client_calendar_file(client, now=now))}
    client_cancel_one(client, gone, CLIENT_REASON, now=now)

    data = ical.client_calendar_file(client, practice_name="Test Practice", now=now)
    lo, hi = now - plan.HISTORY, now + HORIZON
    assert expanded(data, lo, hi) == kept_in_database(Appointment.client == client.client_id, lo, hi)
    provider_file = ical.provider_calendar_file(provider, now=now)
    assert expanded(provider_file, lo, hi) == kept_in_database(Appointment.provider == provider.provider_id, lo, hi)

    found = {str(e["UID"]): e for e in events(data) if "RECURRENCE-ID" not in e}
    master = found[plan.series_uid(series_id)]
    assert master["DTSTART"].params["TZID"] == ZONE and b"BEGIN:VTIMEZONE" in data and b"TZID:America/New_York" in data
    assert "FREQ=WEEKLY" in master["RRULE"].to_ical().decode()
    exdates = sorted(d.dt for x in ([master["EXDATE"]] if not isinstance(master["EXDATE"], list)
                                    else master["EXDATE"]) for d in x.dts)
    assert [d.astimezone(UTC) for d in exdates] == sorted([taken.astimezone(UTC),
                                                           Appointment.get_by_id(ids[3]).starts_at])
    override = next(e for e in events(data) if "RECURRENCE-ID" in e)
    assert override["RECURRENCE-ID"].dt.astimezone(UTC) == moved_from
    assert str(found[plan.appointment_uid(gone)]["STATUS"]) == "CANCELLED"
    assert int(found[plan.appointment_uid(gone)]["SEQUENCE"]) > before[plan.appointment_uid(gone)]
    assert str(found[plan.appointment_uid(single)]["STATUS"]) == "CONFIRMED"
    assert plan.appointment_uid(clash) in found
    # Stable: the same database gives the same UIDs, so importing again updates, never duplicates.
    assert sorted(found) == sorted(str(e["UID"]) for e in events(ical.client_calendar_file(client, now=now))
                                   if "RECURRENCE-ID" not in e)
    # The client's file speaks to the client; the provider's names the client. Nothing clinical.
    assert "with" in str(master["SUMMARY"]) and "not covered by insurance" in str(master["DESCRIPTION"])
    assert any(str(e["SUMMARY"]).startswith("Casey Client") for e in events(provider_file))


def test_the_provider_file_holds_only_their_own_appointments(team, now):
    mine = book(team.owner, team.client, datetime(2027, 1, 5, 15, tzinfo=UTC), now=now)
    theirs = book(team.other_provider, team.other_client, datetime(2027, 1, 5, 17, tzinfo=UTC), now=now)
    uids = {str(e["UID"]) for e in events(ical.provider_calendar_file(team.owner, now=now))}
    assert plan.appointment_uid(mine) in uids and plan.appointment_uid(theirs) not in uids


def test_each_file_is_for_its_own_role(team, now):
    with pytest.raises(NotAllowed):
        ical.provider_calendar_file(team.client, now=now)
    with pytest.raises(NotAllowed):
        ical.provider_calendar_file(team.support, now=now)
    with pytest.raises(NotAllowed):
        ical.client_calendar_file(team.owner, now=now)


# ---- the edges, drawn: DST in three zones, cancellations at either end, moves, clashes ----------

ZONES = ("America/New_York", "Europe/London", "Australia/Sydney")
# Within the horizon from NOW (24 Nov 2026): the spring gaps in New York (14 Mar 2027, 02:00) and
# London (28 Mar 2027, 01:00) and Sydney's autumn overlap (4 Apr 2027, 02:00–03:00 twice).
CHANGES = {"America/New_York": datetime(2027, 3, 14), "Europe/London": datetime(2027, 3, 28),
           "Australia/Sydney": datetime(2027, 4, 4)}


@st.composite
def series_cases(draw):
    zone = draw(st.sampled_from(ZONES))
    days_before = draw(st.integers(0, 5 * 7))
    minute = draw(st.sampled_from([0, 30, 45]))
    hour = draw(st.sampled_from([0, 1, 2, 3, 9, 23]))
    first = (CHANGES[zone] - timedelta(days=days_before)).replace(hour=hour, minute=minute)
    frequency = draw(st.sampled_from(list(Frequency)))
    count = draw(st.integers(2, 9))
    cancels = draw(st.sets(st.sampled_from(["first", "last", "middle"]), max_size=3))
    moves = draw(st.lists(st.integers(1, 30), max_size=2))  # hours later (a move that clashes is refused)
    return zone, first, frequency, count, cancels, moves


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(case=series_cases())
def test_round_trip_over_dst_and_cancellations(team, now, case):
    """Every example adds one series to the same practice (later ones may clash with earlier ones,
    so some occurrences are skipped); both files always read back as the database."""
    zone, first, frequency, count, cancels, moves = case
    provider, client = team.owner, team.client
    try:
        series_id = weekly_series(provider, client, first, now=now, count=count, frequency=frequency, zone=zone)
    except Conflict:
        return  # every occurrence clashed with an earlier example's
    ids = occurrence_ids(series_id)
    chosen = {"first": ids[0], "last": ids[-1], "middle": ids[len(ids) // 2]}
    for hours, appt in zip(moves, reversed(ids), strict=False):
        try:
            move_occurrence(provider, appt, Appointment.get_by_id(appt).starts_at + timedelta(hours=hours), now=now)
        except Conflict:
            pass
    for which in sorted(cancels):
        appt = Appointment.get_by_id(chosen[which])
        if appt.status == AppointmentStatus.SCHEDULED:
            cancel_for_client(provider, appt.id, PROVIDER_REASON, now=now)
    lo, hi = now - plan.HISTORY, min(s.materialised_until for s in Series.select())
    for data, condition in ((ical.client_calendar_file(client, now=now), Appointment.client == client.client_id),
                            (ical.provider_calendar_file(provider, now=now),
                             Appointment.provider == provider.provider_id)):
        assert expanded(data, lo, hi) == kept_in_database(condition, lo, hi)


def test_a_changed_series_ends_the_old_rule_in_utc_and_both_read_back(team, now):
    """Changing a series from an occurrence on ends the old rule (UNTIL, written as a UTC instant
    as RFC 5545 asks beside a TZID) and starts another: the two events together are the rows."""
    provider, client = team.owner, team.client
    old = weekly_series(provider, client, datetime(2027, 3, 1, 18, 30), now=now, count=10)
    ids = occurrence_ids(old)
    change_series_from(provider, ids[4], SeriesChange(datetime(2027, 4, 1, 8, 0), "Europe/London",
                                                      timedelta(minutes=50), Frequency.EVERY_2_WEEKS,
                                                      until=date(2027, 8, 1)), now=now)
    data = ical.client_calendar_file(client, now=now)
    lo, hi = now - plan.HISTORY, now + HORIZON
    assert expanded(data, lo, hi) == kept_in_database(Appointment.client == client.client_id, lo, hi)
    rules = [e["RRULE"].to_ical().decode() for e in events(data) if "RRULE" in e]
    assert len(rules) == 2 and all("UNTIL=" in r and r.split("UNTIL=")[1][:16].endswith("Z") for r in rules)


def test_a_series_whose_rule_is_not_ours_is_written_as_its_rows(team, now):
    series_id = weekly_series(team.owner, team.client, datetime(2027, 1, 4, 10, 0), now=now, count=3)
    Series.update(rrule="FREQ=SECONDLY").where(Series.id == series_id).execute()
    data = ical.client_calendar_file(team.client, now=now)
    uids = {str(e["UID"]) for e in events(data)}
    assert uids == {plan.appointment_uid(i) for i in occurrence_ids(series_id)}
    assert all("RRULE" not in e for e in events(data))


def test_a_telehealth_appointments_link_is_in_its_client_and_provider_files_only(team, now):
    from desktop.services.telehealth import set_video_link

    link = "https://video.example.org/room-7"
    appt = book(team.owner, team.client, now + timedelta(days=3), now=now)
    set_video_link(team.owner, appt, link, now=now)
    for data in (ical.client_calendar_file(team.client, now=now), ical.provider_calendar_file(team.owner, now=now)):
        (event,) = [e for e in events(data) if str(e["UID"]) == plan.appointment_uid(appt)]
        assert str(event["URL"]) == link
    for data in (ical.client_calendar_file(team.other_client, now=now),
                 ical.provider_calendar_file(team.other_provider, now=now)):
        assert link.encode() not in data


def test_a_series_begun_in_the_spring_gap_repeats_its_own_wall_clock(team, now):
    """Weekly at 02:30 New York from 14 March 2027, a time that day does not have: the first
    occurrence lands at 03:30, the rest at 02:30. The master's DTSTART is the rule's 02:30 (as a
    wall clock with its TZID), so a calendar program repeats 02:30, not the first day's 03:30."""
    series_id = weekly_series(team.owner, team.client, datetime(2027, 3, 14, 2, 30), now=now, count=4)
    data = ical.client_calendar_file(team.client, now=now)
    master = next(e for e in events(data) if str(e["UID"]) == plan.series_uid(series_id) and "RECURRENCE-ID" not in e)
    assert master["DTSTART"].params["TZID"] == ZONE
    assert (master["DTSTART"].dt.hour, master["DTSTART"].dt.minute) == (2, 30)
    lo, hi = now - plan.HISTORY, now + HORIZON
    shown = expanded(data, lo, hi)[plan.series_uid(series_id)]
    assert [s.astimezone(NY).strftime("%H:%M") for s in shown[1:4]] == ["02:30"] * 3
    assert shown == kept_in_database(Appointment.client == team.client.client_id, lo, hi)[plan.series_uid(series_id)]


def test_an_occurrence_moved_into_the_second_of_a_repeated_hour_is_written_as_its_instant(team, now):
    """4 April 2027, Sydney: 02:30 happens twice. An occurrence moved to the second 02:30
    (16:30 UTC the day before) cannot be written as a wall clock with a TZID (read as the first,
    15:30 UTC): its DTSTART is the UTC instant, and the file reads back as the database."""
    sydney = ZoneInfo("Australia/Sydney")
    series_id = weekly_series(team.owner, team.client, datetime(2027, 3, 28, 9, 0), now=now, count=3,
                              zone="Australia/Sydney")
    second = datetime(2027, 4, 3, 16, 30, tzinfo=UTC)
    assert second.astimezone(sydney).fold == 1 and second.astimezone(sydney).hour == 2
    move_occurrence(team.owner, occurrence_ids(series_id)[1], second, now=now)
    data = ical.client_calendar_file(team.client, now=now)
    override = next(e for e in events(data) if "RECURRENCE-ID" in e)
    assert override["DTSTART"].dt == second and "TZID" not in override["DTSTART"].params
    lo, hi = now - plan.HISTORY, datetime(2027, 4, 30, tzinfo=UTC)
    assert expanded(data, lo, hi) == kept_in_database(Appointment.client == team.client.client_id, lo, hi)
