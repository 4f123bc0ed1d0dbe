"""Demo data: deterministic for a given ``now`` and showing every state the screens need."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from peewee import fn

from desktop.rules.series import rule_parts
from desktop.services.auth import sign_in
from desktop.store.db import close_database, open_database
from desktop.store.demo import DEMO_PASSWORD, build_demo
from desktop.store.models import (
    Appointment,
    AppointmentStatus,
    AuditEvent,
    Cancellation,
    Charge,
    ChargeStatus,
    Client,
    Dispute,
    FeeAdjustmentRequest,
    FeePolicy,
    LateCancellationRequest,
    Message,
    Practice,
    Provider,
    Role,
    Series,
    Service,
    Thread,
    User,
    WorkingHours,
)

DUMPED = (Practice, User, Provider, Client, Service, WorkingHours, FeePolicy, Series, Appointment, Cancellation,
          Thread, Message, LateCancellationRequest, Charge, Dispute, FeeAdjustmentRequest, AuditEvent)
# Argon2 salts are random by design; everything else must repeat exactly.
SKIP_COLUMNS = {("user", "password_hash")}


def dump(target: Path) -> None:
    """A canonical text dump of the key tables: rows ordered by id, columns by name."""
    with target.open("w", encoding="utf-8") as out:
        for model in DUMPED:
            table = model._meta.table_name
            for row in model.select().order_by(model._meta.primary_key).dicts():
                clean = {k: v for k, v in sorted(row.items()) if (table, k) not in SKIP_COLUMNS}
                out.write(f"{table} {json.dumps(clean, default=str, sort_keys=True)}\n")


def build_and_dump(folder: Path, name: str, now: datetime) -> Path:
    open_database(folder / f"{name}.db")
    try:
        build_demo(now)
        target = folder / f"{name}.txt"
        dump(target)
        return target
    finally:
        close_database()


def test_build_demo_is_deterministic_for_a_given_now(tmp_path, now):
    first = build_and_dump(tmp_path, "first", now)
    second = build_and_dump(tmp_path, "second", now)
    text = first.read_text(encoding="utf-8")
    assert text.count("\nappointment ") > 500  # a real dump, not two empty files
    assert text == second.read_text(encoding="utf-8")


def test_the_same_hour_gives_the_same_practice(tmp_path, now):
    on_the_hour = build_and_dump(tmp_path, "on", now)
    later = build_and_dump(tmp_path, "later", now + timedelta(minutes=37, seconds=12))
    assert on_the_hour.read_text(encoding="utf-8") == later.read_text(encoding="utf-8")


def test_another_now_gives_another_calendar(tmp_path, now):
    a = build_and_dump(tmp_path, "a", now)
    b = build_and_dump(tmp_path, "b", now + timedelta(days=1))
    assert a.read_text(encoding="utf-8") != b.read_text(encoding="utf-8")


def test_people(demo_db):
    assert Provider.select().count() >= 3
    assert Client.select().count() >= 30
    assert User.select().where(User.role == Role.SUPPORT).count() >= 1
    assert User.select().where(User.is_owner == True).count() == 1  # noqa: E712
    assert Practice.select().count() == 1
    # Every provider has a booking policy and working hours.
    for provider in Provider.select():
        assert FeePolicy.select().where(FeePolicy.provider == provider).count() >= 1
        assert WorkingHours.select().where(WorkingHours.provider == provider).count() >= 1


def test_weekly_and_every_two_weeks_series(demo_db):
    intervals = {rule_parts(s.rrule).get("INTERVAL") for s in Series.select()}
    assert {"1", "2"} <= intervals
    assert all(rule_parts(s.rrule)["FREQ"] == "WEEKLY" for s in Series.select())
    # Their occurrences exist as rows.
    for series in Series.select():
        assert Appointment.select().where(Appointment.series == series).count() > 0


def test_primary_client_has_appointments_inside_and_outside_the_window(demo_db, now):
    alex = Client.select().join(User).where(User.username == "alex.morgan").get()
    upcoming = list(Appointment.select().where(
        Appointment.client == alex, Appointment.status == AppointmentStatus.SCHEDULED, Appointment.starts_at > now))
    inside = [a for a in upcoming if a.starts_at - now < timedelta(hours=24)]
    outside = [a for a in upcoming if a.starts_at - now >= timedelta(hours=24)]
    assert inside and outside
    assert any(a.series_id is not None for a in outside)  # a repeating one to "cancel all upcoming"


def test_past_no_shows_carry_their_fee(demo_db, now):
    no_shows = list(Appointment.select().where(Appointment.status == AppointmentStatus.NO_SHOW))
    assert no_shows
    for appt in no_shows:
        assert appt.starts_at < now
        charges = list(Charge.select().where(Charge.appointment == appt))
        assert len(charges) == 1
        charge = charges[0]
        assert charge.kind == "no_show"
        assert charge.original_cents == appt.policy.no_show_fee_cents  # the booking snapshot
        assert charge.client_id == appt.client_id


def test_exactly_one_open_dispute(demo_db):
    unresolved = list(Dispute.select().where(Dispute.status != "resolved"))
    assert len(unresolved) == 1
    dispute = unresolved[0]
    assert dispute.charge.status == ChargeStatus.DISPUTED
    assert Charge.select().where(Charge.status == ChargeStatus.DISPUTED).count() == 1
    assert dispute.thread.kind == "dispute"
    assert dispute.thread.charge_id == dispute.charge_id
    assert FeeAdjustmentRequest.select().where(FeeAdjustmentRequest.charge == dispute.charge,
                                               FeeAdjustmentRequest.status == "pending").count() == 1


def test_a_pending_late_cancellation_request_inside_the_window(demo_db, now):
    pending = list(LateCancellationRequest.select().where(LateCancellationRequest.status == "pending"))
    assert len(pending) == 1
    assert pending[0].appointment.status == AppointmentStatus.SCHEDULED
    assert pending[0].appointment.starts_at > now


def test_no_double_booking_in_the_demo(demo_db):
    rows = (Appointment.select(Appointment.provider, Appointment.client, Appointment.starts_at, Appointment.ends_at)
            .where(Appointment.status == AppointmentStatus.SCHEDULED).order_by(Appointment.starts_at).tuples())
    last_end: dict[tuple[str, int], datetime] = {}
    for provider, client, start, end in rows:
        for key in (("provider", provider), ("client", client)):
            assert key not in last_end or last_end[key] <= start, (key, start)
            last_end[key] = end


def test_cancellations_and_charges_are_consistent(demo_db):
    cancelled = Appointment.select().where(Appointment.status.in_(
        [AppointmentStatus.CANCELLED_BY_CLIENT, AppointmentStatus.LATE_CANCELLED]))
    assert cancelled.count() == Cancellation.select().count()
    assert Charge.select().where(Charge.amount_cents < 0).count() == 0
    assert Charge.select().where(Charge.amount_cents > Charge.original_cents).count() == 0
    assert Appointment.select(fn.COUNT(Appointment.id)).where(Appointment.ends_at <= Appointment.starts_at).scalar() == 0


def test_demo_users_can_sign_in(demo_db, now):
    actor = sign_in("alex.morgan", DEMO_PASSWORD, now=now)
    assert actor.role == Role.CLIENT and actor.client_id is not None
    assert sign_in("support", DEMO_PASSWORD, now=now).role == Role.SUPPORT


def test_building_twice_is_refused(demo_db, now):
    with pytest.raises(RuntimeError):
        build_demo(now)


def test_instants_are_stored_as_utc(demo_db):
    first = Appointment.select().order_by(Appointment.id).first()
    assert first.starts_at.tzinfo is not None and first.starts_at.utcoffset() == timedelta(0)
    assert first.starts_at > datetime(2026, 1, 1, tzinfo=UTC)


def _client(username: str) -> Client:
    return Client.select().join(User).where(User.username == username).get()


def _scheduled_upcoming(client: Client, now: datetime) -> list[Appointment]:
    return list(Appointment.select().where(Appointment.client == client, Appointment.starts_at > now,
                                           Appointment.status == AppointmentStatus.SCHEDULED)
                .order_by(Appointment.starts_at))


@pytest.mark.parametrize("shift", [timedelta(0), timedelta(days=3, hours=7), timedelta(days=4, hours=12),
                                   timedelta(days=-2, hours=9)])
def test_the_demo_walks_the_seed_flows(tmp_path, now, shift):
    """Whatever hour the demo is built at: one client's next appointment is days away (the first
    seed flow), one has a series whose next occurrence is inside the window (the series
    preview), one has a pending late-cancellation request; the README's table names them."""
    from desktop.store.demo import NEXT_OUTSIDE_WINDOW, SERIES_INSIDE_WINDOW

    at = now + shift
    open_database(tmp_path / "walk.db")
    try:
        build_demo(at)
        at = at.replace(minute=0)
        outside = _scheduled_upcoming(_client(NEXT_OUTSIDE_WINDOW), at)
        assert outside and outside[0].starts_at - at > timedelta(hours=24)

        inside = _scheduled_upcoming(_client(SERIES_INSIDE_WINDOW), at)
        assert inside[0].series_id is not None and inside[0].starts_at - at < timedelta(hours=24)
        later = [a for a in inside if a.series_id == inside[0].series_id and a.starts_at - at >= timedelta(hours=24)]
        assert later  # "all upcoming" cancels these and keeps the first

        pending = LateCancellationRequest.get(LateCancellationRequest.status == "pending")
        assert pending.client.user.username == "jordan.lee"
    finally:
        close_database()

    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    table = readme.split("## Demo accounts", 1)[1].split("## ", 1)[0]
    rows = {line.split("|")[1].strip(" `"): line for line in table.splitlines() if line.startswith("| `")}
    assert "more than 24 hours" in rows[NEXT_OUTSIDE_WINDOW]
    assert "series" in rows[SERIES_INSIDE_WINDOW] and "inside 24 h" in rows[SERIES_INSIDE_WINDOW]
    assert "pending late-cancellation request" in rows["jordan.lee"]
    assert "inside 24 h" in rows["alex.morgan"]
