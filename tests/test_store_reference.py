"""The reference practice and the store's bulk path, on SQLite and on PostgreSQL."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from desktop.services import calendar
from desktop.services.auth import actor_for
from desktop.store.bulk import BulkInsert, insert_dicts
from desktop.store.models import (
    Appointment,
    AppointmentStatus,
    Cancellation,
    Charge,
    Dispute,
    LateCancellationRequest,
    Message,
    Practice,
    User,
    WorkingHours,
    database,
)
from desktop.store.reference import build_reference
from tests import factories


@pytest.fixture(params=["sqlite", "postgresql"])
def opened(request):
    return request.getfixturevalue("db" if request.param == "sqlite" else "pg_db")


def test_the_reference_practice_is_what_it_says_and_keeps_the_calendar_rules(opened, now):
    summary = build_reference(now, providers=2, clients=60, years=1)
    assert Appointment.select().count() == summary.appointments > 60 * 20
    assert Cancellation.select().count() == summary.cancellations > 0
    assert Charge.select().count() == summary.charges > 0
    assert Dispute.select().count() == summary.disputes
    assert LateCancellationRequest.select().count() == summary.late_requests
    assert Message.select().count() == summary.messages
    # No provider's and no client's scheduled appointments overlap (the services' rule, and
    # PostgreSQL's exclusion constraints accepted every row).
    for column in ("provider_id", "client_id"):
        overlaps = database.execute_sql(
            f"SELECT COUNT(*) FROM appointment a JOIN appointment b ON a.{column} = b.{column} AND a.id < b.id "
            "AND a.starts_at < b.ends_at AND b.starts_at < a.ends_at "
            "WHERE a.status = 'scheduled' AND b.status = 'scheduled'").fetchone()[0]
        assert overlaps == 0, column
    # Every fee belongs to a late cancellation or a no-show.
    statuses = {s for (s,) in Appointment.select(Appointment.status).join(Charge, on=(Charge.appointment == Appointment.id))
                .tuples()}
    assert statuses <= {AppointmentStatus.LATE_CANCELLED, AppointmentStatus.NO_SHOW}
    # The screens read it through the services, and the services go on writing after it.
    provider = actor_for(User.get(User.username == "provider01"))
    week = calendar.provider_range(provider, now, now + timedelta(days=7))
    assert week and all(row.start.tzinfo is not None for row in week)
    client = User.get(User.username == "client0000")
    free = now + timedelta(days=3, hours=5)
    new = factories.add_appointment(actor_for(client), free.replace(minute=0))
    assert new.id > summary.appointments  # the id sequences moved past the explicit ids


def test_a_bulk_row_reads_back_as_the_model_would_have_written_it(opened, now):
    factories.make_practice(now)
    provider = factories.add_provider(now, "dr.bulk")
    BulkInsert(WorkingHours, ["provider", "weekday", "start_minute", "end_minute"]).run(
        [(provider.provider_id, 0, 481, 719), (provider.provider_id, 1, 541, 599)])
    assert list(WorkingHours.select(WorkingHours.weekday, WorkingHours.start_minute)
                .where(WorkingHours.end_minute.in_([719, 599]))
                .order_by(WorkingHours.weekday).tuples()) == [(0, 481), (1, 541)]
    other = datetime(2027, 3, 14, 6, 30, tzinfo=UTC).astimezone()  # an aware instant in another zone
    insert_dicts(Practice, [{"name": "Second", "time_zone": "UTC", "created_at": other}])
    stored = Practice.get(Practice.name == "Second")
    assert stored.created_at == other and stored.created_at.tzinfo == UTC and stored.currency == "USD"
    with pytest.raises(ValueError):
        insert_dicts(Practice, [{"name": "Naive", "time_zone": "UTC", "created_at": datetime(2027, 1, 1)}])
