"""The calendar's words: a client's events name their provider; a full month day shows scheduled first."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from desktop.gui.widgets.calendar.grid import CalendarGrid
from desktop.gui.widgets.calendar.layout import CalendarMode
from desktop.services import calendar
from desktop.services.calendar import CalendarRow
from desktop.store.models import AppointmentStatus
from tests.factories import actor

ZONE = "America/New_York"


def test_a_clients_calendar_names_the_provider_and_a_providers_the_client(demo_db, now):
    alex = actor("alex.morgan")
    rows = calendar.client_range(alex, now - timedelta(days=20), now + timedelta(days=20))
    assert rows and {r.who for r in rows} == {r.provider_name for r in rows}
    assert alex.display_name not in {r.who for r in rows}
    provider = actor("dr.rivera")
    theirs = calendar.provider_range(provider, now, now + timedelta(days=7))
    assert theirs and all(r.who == r.client_name for r in theirs)


def _row(i: int, start: datetime, status: AppointmentStatus) -> CalendarRow:
    return CalendarRow(id=i, start=start, end=start + timedelta(minutes=50), status=status, client_id=1,
                       client_name="Alex Morgan", provider_id=1, provider_name="Dr. Rivera", series_id=None,
                       telehealth=False, location="", version=1, late_request_pending=False, who="Dr. Rivera")


def test_a_full_month_day_shows_scheduled_before_cancelled(qtbot, now):
    grid = CalendarGrid()
    qtbot.addWidget(grid)
    grid.resize(700, 420)  # a month cell of this size holds three lines
    day = date(2026, 11, 25)
    first = datetime(2026, 11, 25, 13, 0, tzinfo=now.tzinfo)
    rows = [_row(i, first + timedelta(hours=i), status) for i, status in enumerate(
        [AppointmentStatus.CANCELLED_BY_CLIENT, AppointmentStatus.CANCELLED_BY_PROVIDER,
         AppointmentStatus.LATE_CANCELLED, AppointmentStatus.SCHEDULED, AppointmentStatus.SCHEDULED,
         AppointmentStatus.CANCELLED_BY_CLIENT, AppointmentStatus.SCHEDULED])]
    start = date(2026, 10, 26)  # the Monday the month grid starts on
    grid.set_content(CalendarMode.MONTH, [start + timedelta(days=d) for d in range(42)], day, ZONE, rows, now)
    shown = [b.row for b in grid.boxes() if b.row.start.date() == day]
    assert 0 < len(shown) < len(rows), "the day is full: some are behind +N more"
    scheduled = [r.id for r in rows if r.status == AppointmentStatus.SCHEDULED]
    assert [r.id for r in shown] == scheduled[:len(shown)]
    assert all("Dr. Rivera" in b.lines[0] for b in grid.boxes())
