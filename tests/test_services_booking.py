"""Booking single appointments, creating series, extending the horizon."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from desktop.rules.series import Frequency
from desktop.services.booking import (
    HORIZON,
    BookingRequest,
    SeriesRequest,
    book_appointment,
    create_series,
    extend_horizons,
)
from desktop.services.errors import Conflict, InvalidInput, NotAllowed, NotFound
from desktop.store.models import Appointment, AppointmentStatus, AuditEvent, FeePolicy, Series
from tests import factories
from tests.factories import SESSION, audit_count, book

NY = ZoneInfo("America/New_York")


@pytest.fixture
def team(db, now):
    return factories.make_team(now)


def request_for(client, start, **kw) -> BookingRequest:
    return BookingRequest(provider_id=factories.provider_of(client), client_id=client.client_id, start=start,
                          duration=kw.pop("duration", SESSION), **kw)


# ---- single appointments --------------------------------------------------------

def test_the_confirmation_tells_what_cancelling_will_mean(team, now):
    """Never a free cancellation the notice rule will refuse (booked inside the window)."""
    later = book_appointment(team.client, request_for(team.client, now + timedelta(days=3)), now=now)
    assert "free of charge until" in later.notice
    soon = book_appointment(team.owner, request_for(team.client, now + timedelta(hours=5)), now=now)
    assert "free" not in soon.notice
    assert soon.notice.startswith("This appointment starts within 24 hours: you will not be able to cancel")
    assert "$50.00" in soon.notice


def test_client_books_with_their_provider(team, now):
    start = now + timedelta(days=3)
    before = audit_count()
    result = book_appointment(team.client, request_for(team.client, start, location="Room 2"), now=now)
    appt = Appointment.get_by_id(result.value)
    assert appt.client_id == team.client.client_id
    assert appt.provider_id == team.owner.provider_id
    assert (appt.starts_at, appt.ends_at) == (start, start + SESSION)
    assert appt.status == AppointmentStatus.SCHEDULED
    assert appt.series_id is None and appt.location == "Room 2"
    # The policy shown at booking is kept with the appointment.
    assert appt.policy_id == FeePolicy.get(FeePolicy.provider == team.owner.provider_id).id
    assert audit_count() == before + 1
    event = AuditEvent.select().order_by(AuditEvent.id.desc()).get()
    assert (event.action, event.entity, event.entity_id, event.actor_id) == (
        "book_appointment", "appointment", appt.id, team.client.user_id)


def test_booking_keeps_the_policy_version_of_the_moment(team, now):
    first = book(team.client, team.client, now + timedelta(days=2), now=now)
    FeePolicy.create(provider=team.owner.provider_id, version=2, late_cancellation_fee_cents=1,
                     no_show_fee_cents=2, policy_text="v2", created_at=now)
    second = book(team.client, team.client, now + timedelta(days=3), now=now)
    assert Appointment.get_by_id(first).policy.version == 1
    assert Appointment.get_by_id(second).policy.version == 2


def test_provider_books_for_their_client(team, now):
    appt_id = book(team.owner, team.client, now + timedelta(days=1), now=now)
    assert Appointment.get_by_id(appt_id).client_id == team.client.client_id
    assert AuditEvent.select().order_by(AuditEvent.id.desc()).get().actor_id == team.owner.user_id


def test_booking_a_service_of_the_provider(team, now):
    from desktop.store.models import Service

    service = Service.create(provider=team.owner.provider_id, name="Session", duration_minutes=50)
    other = Service.create(provider=team.other_provider.provider_id, name="Theirs", duration_minutes=50)
    start = now + timedelta(days=1)
    appt_id = book_appointment(team.client, request_for(team.client, start, service_id=service.id), now=now).value
    assert Appointment.get_by_id(appt_id).service_id == service.id
    with pytest.raises(NotFound):
        book_appointment(team.client, request_for(team.client, start + timedelta(hours=2), service_id=other.id),
                         now=now)


@pytest.mark.parametrize("who, for_whom, provider, error", [
    ("client", "other_client", "other_client", NotAllowed),  # another client's booking
    ("client", "client", "other_provider", NotAllowed),  # a provider who is not theirs
    ("other_client", "client", "client", NotAllowed),
    ("owner", "other_client", "other_client", NotAllowed),  # provider books someone else's client
    ("owner", "other_client", "owner", NotAllowed),  # ... even into their own calendar
    ("other_provider", "client", "client", NotAllowed),  # into another provider's calendar
    ("support", "client", "client", NotAllowed),  # Support never books
])
def test_booking_refusals_by_role(team, now, who, for_whom, provider, error):
    actor = getattr(team, who)
    client = getattr(team, for_whom)
    provider_actor = getattr(team, provider)
    provider_id = (provider_actor.provider_id if provider_actor.provider_id is not None
                   else factories.provider_of(provider_actor))
    before = (Appointment.select().count(), audit_count())
    with pytest.raises(error):
        book_appointment(actor, BookingRequest(provider_id=provider_id, client_id=client.client_id,
                                               start=now + timedelta(days=2), duration=SESSION), now=now)
    assert (Appointment.select().count(), audit_count()) == before


def test_unknown_client_is_not_found(team, now):
    with pytest.raises(NotFound):
        book_appointment(team.owner, BookingRequest(team.owner.provider_id, 9999, now + timedelta(days=1), SESSION),
                         now=now)


def test_a_taken_slot_is_a_conflict(team, now):
    second = factories.add_client(now, team.owner, "sam.second")
    start = now + timedelta(days=2)
    book(team.client, team.client, start, now=now)
    before = (Appointment.select().count(), audit_count())
    with pytest.raises(Conflict):
        book_appointment(second, request_for(second, start), now=now)
    # The provider books off the slot grid: any overlap at all is a clash too.
    for clash_start in (start + timedelta(minutes=49), start - timedelta(minutes=49)):
        with pytest.raises(Conflict):
            book_appointment(team.owner, request_for(second, clash_start), now=now)
    assert (Appointment.select().count(), audit_count()) == before
    # Back-to-back is fine: intervals are half-open.
    book(team.owner, second, start + SESSION, now=now)
    book(team.owner, second, start - SESSION, now=now)


def test_a_client_cannot_be_in_two_places(team, now):
    # The same client, the same time, two different providers is a clash too.
    start = now + timedelta(days=2)
    book(team.client, team.client, start, now=now)
    with pytest.raises(Conflict):
        book_appointment(team.owner, request_for(team.client, start + timedelta(minutes=10)), now=now)


def test_a_cancelled_slot_can_be_booked_again(team, now):
    start = now + timedelta(days=2)
    appt_id = book(team.client, team.client, start, now=now)
    Appointment.update(status=AppointmentStatus.CANCELLED_BY_PROVIDER).where(Appointment.id == appt_id).execute()
    second = factories.add_client(now, team.owner, "sam.second")
    assert book(second, second, start, now=now)


@pytest.mark.parametrize("start_offset", [timedelta(0), -timedelta(seconds=1), -timedelta(days=1)])
def test_a_past_time_is_refused(team, now, start_offset):
    with pytest.raises(InvalidInput, match="passed"):
        book_appointment(team.client, request_for(team.client, now + start_offset), now=now)
    assert Appointment.select().count() == 0


def test_naive_start_and_empty_length_are_refused(team, now):
    with pytest.raises(InvalidInput):
        book_appointment(team.client, request_for(team.client, (now + timedelta(days=1)).replace(tzinfo=None)),
                         now=now)
    with pytest.raises(InvalidInput):
        book_appointment(team.client, request_for(team.client, now + timedelta(days=1), duration=timedelta(0)),
                         now=now)
    assert Appointment.select().count() == 0 and audit_count() == 1  # only the set-up


# ---- series ---------------------------------------------------------------------------

def series_request(client, first_local, **kw) -> SeriesRequest:
    return SeriesRequest(client_id=client.client_id, first_local=first_local, time_zone=kw.pop("zone",
                         "America/New_York"), duration=kw.pop("duration", SESSION),
                         frequency=kw.pop("frequency", Frequency.WEEKLY), **kw)


def occurrences(series_id: int) -> list[Appointment]:
    return list(Appointment.select().where(Appointment.series == series_id).order_by(Appointment.starts_at))


def test_create_series_materialises_the_occurrences(team, now):
    before = audit_count()
    result = create_series(team.owner, series_request(team.client, datetime(2026, 12, 1, 10), count=10), now=now)
    series = Series.get_by_id(result.value)
    rows = occurrences(series.id)
    assert len(rows) == 10
    assert [r.starts_at.astimezone(NY).replace(tzinfo=None) for r in rows] == [
        datetime(2026, 12, 1, 10) + timedelta(weeks=i) for i in range(10)]
    assert all(r.status == AppointmentStatus.SCHEDULED and r.client_id == team.client.client_id for r in rows)
    assert all(r.policy_id == series.policy_id for r in rows)
    assert series.ended  # a 10-week series fits inside the horizon
    assert audit_count() == before + 1
    assert AuditEvent.select().order_by(AuditEvent.id.desc()).get().action == "create_series"
    assert "10" in result.summary


def test_series_keeps_wall_clock_across_dst(team, now):
    # Every 2 weeks on Tuesday 10:00 New York, from February across the March change.
    result = create_series(team.owner, series_request(team.client, datetime(2027, 2, 2, 10), count=6,
                                                      frequency=Frequency.EVERY_2_WEEKS), now=now)
    rows = occurrences(result.value)
    assert [r.starts_at.astimezone(NY).hour for r in rows] == [10] * 6
    assert sorted({r.starts_at.hour for r in rows}) == [14, 15]
    assert [(b.starts_at - a.starts_at) for a, b in zip(rows, rows[1:], strict=False)].count(
        timedelta(weeks=2) - timedelta(hours=1)) == 1


def test_monthly_series(team, now):
    result = create_series(team.owner, series_request(team.client, datetime(2026, 12, 29, 9), count=3,
                                                      frequency=Frequency.MONTHLY_BY_WEEKDAY), now=now)
    days = [r.starts_at.astimezone(NY).date() for r in occurrences(result.value)]
    assert days == [date(2026, 12, 29), date(2027, 1, 26), date(2027, 2, 23)]  # last Tuesdays


def test_create_series_skips_clashing_occurrences(team, now):
    # Another client already has the third Tuesday.
    second = factories.add_client(now, team.owner, "sam.second")
    taken = datetime(2026, 12, 15, 10, tzinfo=NY)
    book(team.owner, second, taken + timedelta(minutes=20), now=now)
    result = create_series(team.owner, series_request(team.client, datetime(2026, 12, 1, 10), count=5), now=now)
    rows = occurrences(result.value)
    assert len(rows) == 4
    assert taken.astimezone(UTC) not in [r.starts_at for r in rows]
    assert "1 skipped" in result.summary
    event = AuditEvent.select().order_by(AuditEvent.id.desc()).get()
    assert event.detail["skipped_for_clash"] == 1 and event.detail["occurrences"] == 4


def test_a_series_that_clashes_everywhere_is_refused_and_leaves_nothing(team, now):
    start = datetime(2026, 12, 1, 10, tzinfo=NY)
    book(team.client, team.client, start, now=now)
    before = (Series.select().count(), Appointment.select().count(), audit_count())
    with pytest.raises(Conflict):
        create_series(team.owner, series_request(team.client, datetime(2026, 12, 1, 10), count=1), now=now)
    assert (Series.select().count(), Appointment.select().count(), audit_count()) == before


@pytest.mark.parametrize("who", ["client", "other_client", "support"])
def test_only_providers_create_series(team, now, who):
    with pytest.raises(NotAllowed):
        create_series(getattr(team, who), series_request(team.client, datetime(2026, 12, 1, 10), count=3), now=now)
    assert Series.select().count() == 0 and Appointment.select().count() == 0


def test_a_provider_cannot_create_a_series_for_another_providers_client(team, now):
    with pytest.raises(NotAllowed):
        create_series(team.owner, series_request(team.other_client, datetime(2026, 12, 1, 10), count=3), now=now)
    with pytest.raises(NotAllowed):
        create_series(team.other_provider, series_request(team.client, datetime(2026, 12, 1, 10), count=3), now=now)
    assert Series.select().count() == 0 and Appointment.select().count() == 0


@pytest.mark.parametrize("kw", [
    {"first_local": datetime(2026, 11, 24, 9), "count": 3},  # 09:00 New York today is already past
    {"first_local": datetime(2026, 12, 1, 10)},  # no end
    {"first_local": datetime(2026, 12, 1, 10), "count": 3, "until": date(2027, 1, 1)},
    {"first_local": datetime(2026, 12, 1, 10), "until": date(2026, 11, 30)},
])
def test_series_input_is_checked(team, now, kw):
    first = kw.pop("first_local")
    with pytest.raises(InvalidInput):
        create_series(team.owner, series_request(team.client, first, **kw), now=now)
    assert Series.select().count() == 0


def test_long_series_is_materialised_to_the_horizon_then_extended(team, now):
    result = create_series(team.owner, series_request(team.client, datetime(2026, 12, 1, 10), count=52), now=now)
    series = Series.get_by_id(result.value)
    rows = occurrences(series.id)
    assert rows and all(r.starts_at < now + HORIZON for r in rows)
    assert len(rows) < 52
    assert series.materialised_until == now + HORIZON
    assert not series.ended
    # A month later the background job adds the weeks that came into the horizon, once.
    later = now + timedelta(days=30)
    before = audit_count()
    added = extend_horizons(now=later)
    assert added.value == len(occurrences(series.id)) - len(rows) > 0
    assert all(r.starts_at < later + HORIZON for r in occurrences(series.id))
    assert audit_count() == before + 1
    assert extend_horizons(now=later).value == 0
    assert audit_count() == before + 1  # nothing added, nothing audited
    # Far enough ahead every occurrence exists and the series is closed.
    extend_horizons(now=now + timedelta(days=400))
    assert len(occurrences(series.id)) == 52
    assert Series.get_by_id(series.id).ended


def test_extend_horizons_skips_clashes(team, now):
    result = create_series(team.owner, series_request(team.client, datetime(2026, 12, 1, 10), count=40), now=now)
    have = len(occurrences(result.value))
    first_missing = datetime(2026, 12, 1, 10) + timedelta(weeks=have)
    second = factories.add_client(now, team.owner, "sam.second")
    book(team.owner, second, first_missing.replace(tzinfo=NY), now=now)
    extend_horizons(now=now + timedelta(days=14))
    rows = occurrences(result.value)
    assert first_missing.replace(tzinfo=NY).astimezone(UTC) not in [r.starts_at for r in rows]
    assert len(rows) == have + 1  # two weeks came in, one was taken


def test_extend_horizons_audits_each_series_it_grows(team, now):
    first = create_series(team.owner, series_request(team.client, datetime(2026, 12, 1, 10), count=52), now=now)
    second_client = factories.add_client(now, team.owner, "sam.second")
    second = create_series(team.owner, series_request(second_client, datetime(2026, 12, 2, 11), count=52), now=now)
    before = audit_count()
    extend_horizons(now=now + timedelta(days=30))
    events = list(AuditEvent.select().where(AuditEvent.id > 0).order_by(AuditEvent.id.desc()).limit(2))
    assert audit_count() == before + 2
    assert {e.entity_id for e in events} == {first.value, second.value}
    assert all(e.action == "extend_horizon" and e.detail["created"] > 0 for e in events)


def test_create_series_refuses_an_unknown_time_zone(team, now):
    request = series_request(team.client, datetime(2026, 12, 1, 10), count=3)
    request = type(request)(**{**request.__dict__, "time_zone": "Mars/Olympus_Mons"})
    with pytest.raises(InvalidInput, match="not a time zone"):
        create_series(team.owner, request, now=now)
    assert Series.select().count() == 0


def test_the_horizon_job_writes_only_the_series_that_need_it_a_batch_per_transaction(team, now, monkeypatch):
    from desktop.services import booking

    clients = [factories.add_client(now, team.owner, f"weekly.{i}") for i in range(7)]
    series_ids = [create_series(team.owner, series_request(c, datetime(2026, 12, 1 + i, 9 + i), count=40), now=now).value
                  for i, c in enumerate(clients)]
    opened = []
    real = booking.write_transaction

    def counting(actor):
        opened.append(actor)
        return real(actor)

    monkeypatch.setattr(booking, "write_transaction", counting)
    monkeypatch.setattr(booking, "HORIZON_BATCH", 3)
    before = audit_count()
    # An hour later no weekly occurrence has come into the horizon: nothing is written at all.
    assert extend_horizons(now=now + timedelta(hours=1)).value == 0
    assert opened == [] and audit_count() == before
    # Eight days later each of the 7 series has one or two new occurrences: 3 batches of at most 3.
    counts = {s: len(occurrences(s)) for s in series_ids}
    later = now + timedelta(days=8)
    added = extend_horizons(now=later).value
    assert added == sum(len(occurrences(s)) - counts[s] for s in series_ids) >= 7
    assert len(opened) == 3
    assert audit_count() == before + 7
    assert all(Series.get_by_id(s).materialised_until == later + HORIZON for s in series_ids)


def test_the_horizon_job_reads_due_series_from_sql_and_expands_no_rule_when_nothing_is_due(team, now, monkeypatch):
    """``series.next_start`` (migration 0010): the job expands a rule only for a series whose next
    start is not known, writes what it learnt, and afterwards finds the due series in SQL alone;
    trusting it misses nothing (a run that knows nothing afterwards finds nothing more to add)."""
    from desktop.rules import series as series_rules
    from desktop.services import booking

    clients = [factories.add_client(now, team.owner, f"weekly.{i}") for i in range(5)]
    series_ids = [create_series(team.owner, series_request(c, datetime(2026, 12, 1 + i, 9 + i), count=40), now=now).value
                  for i, c in enumerate(clients)]
    assert all(Series.get_by_id(s).next_start is not None for s in series_ids)  # written by materialising
    Series.update(next_start=None).execute()  # as a practice from before migration 0010 has them
    expansions = []
    real_expand = series_rules.expand

    def counting(*args, **kwargs):
        expansions.append(args[0])
        return real_expand(*args, **kwargs)

    monkeypatch.setattr(booking.series_rules, "expand", counting)
    assert extend_horizons(now=now + timedelta(hours=1)).value == 0
    assert len(expansions) == 5  # each unknown one worked out once
    for s in map(Series.get_by_id, series_ids):
        first_local = series_rules.read_stored(s.rrule, s.first_local, s.time_zone)
        following = real_expand(s.rrule, first_local, s.time_zone, timedelta(minutes=s.duration_minutes),
                                window_start=s.materialised_until,
                                window_end=s.materialised_until + timedelta(days=60))
        assert s.next_start == following[0].start >= s.materialised_until
    expansions.clear()
    assert extend_horizons(now=now + timedelta(hours=2)).value == 0
    assert expansions == []  # nothing due, nothing unknown: SQL alone answered
    later = now + timedelta(days=8)
    assert extend_horizons(now=later).value >= 5
    assert all(Series.get_by_id(s).next_start >= later + HORIZON for s in series_ids)
    Series.update(next_start=None).execute()
    assert extend_horizons(now=later).value == 0  # working everything out again finds nothing missed
