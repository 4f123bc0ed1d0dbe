"""rules/calendar_file.py: whose file may be replaced, UNTIL in UTC, pairing rows with the rule."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from desktop.rules import calendar_file as cf
from desktop.rules.series import local_to_utc
from desktop.rules.vocabulary import AppointmentStatus

NY = "America/New_York"


def test_only_an_empty_file_or_one_we_wrote_may_be_replaced():
    ours = f"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:{cf.PRODID}\r\n".encode()
    assert cf.is_ours(b"") and cf.is_ours(b"  \r\n") and cf.is_ours(ours) and cf.is_ours(b"\xef\xbb\xbf" + ours)
    assert not cf.is_ours(b"BEGIN:VCALENDAR\r\nPRODID:-//Google Inc//Google Calendar 70.9054//EN\r\n")
    assert not cf.is_ours(b"my own notes, mentioning " + cf.PRODID.encode())
    assert not cf.is_ours(b"%PDF-1.4")


def test_until_becomes_the_utc_instant_it_names():
    rule = "FREQ=WEEKLY;INTERVAL=1;BYDAY=TU;UNTIL=20270105T235959"
    assert cf.file_rule(rule, ZoneInfo(NY)) == "FREQ=WEEKLY;INTERVAL=1;BYDAY=TU;UNTIL=20270106T045959Z"
    summer = "FREQ=WEEKLY;INTERVAL=1;BYDAY=TU;UNTIL=20270706T235959"
    assert cf.file_rule(summer, ZoneInfo(NY)).endswith("UNTIL=20270707T035959Z")
    assert cf.file_rule("FREQ=WEEKLY;BYDAY=TU;COUNT=3", ZoneInfo(NY)) == "FREQ=WEEKLY;BYDAY=TU;COUNT=3"


def _shape(count: int = 4, horizon_days: int = 400) -> cf.SeriesShape:
    first = datetime(2027, 3, 2, 10, 0)  # Tuesdays, across the March change
    return cf.SeriesShape(f"FREQ=WEEKLY;INTERVAL=1;BYDAY=TU;COUNT={count}", first, NY, timedelta(minutes=50),
                          datetime(2026, 11, 24, tzinfo=UTC) + timedelta(days=horizon_days))


def _row(i: int, start: datetime, status: str = AppointmentStatus.SCHEDULED, version: int = 1,
         minutes: int = 50) -> cf.FileRow:
    return cf.FileRow(i, start, start + timedelta(minutes=minutes), status, version)


def test_rows_on_the_rule_cancelled_moved_skipped_and_left_over():
    shape = _shape(4)
    zone = ZoneInfo(NY)
    starts = [local_to_utc(shape.first_local + timedelta(weeks=k), zone) for k in range(4)]
    rows = [_row(1, starts[0]), _row(2, starts[1], AppointmentStatus.CANCELLED_BY_CLIENT, 2),
            _row(3, starts[2] + timedelta(hours=3), version=2)]  # the 4th was skipped (a clash)
    plan = cf.plan_series(shape, rows)
    week = timedelta(weeks=1)
    assert plan.exdates == (shape.first_local + week, shape.first_local + 3 * week)
    assert [(o.recurrence_local, o.row.id) for o in plan.overrides] == [(shape.first_local + 2 * week, 3)]
    assert plan.strays == () and plan.sequence == 2 and plan.last_local == shape.first_local + 3 * week
    # A row with nowhere to come from (every instant has its row) is an event of its own.
    extra = rows + [_row(4, starts[3]), _row(5, starts[3] + timedelta(days=1))]
    assert [r.id for r in cf.plan_series(shape, extra).strays] == [5]
    # Past the horizon the rule speaks for itself: no EXDATE for an instant not materialised yet.
    assert cf.plan_series(_shape(4, horizon_days=0), []).exdates == ()


def test_a_row_of_another_length_on_its_instant_is_an_override():
    shape = _shape(2)
    start = local_to_utc(shape.first_local, ZoneInfo(NY))
    plan = cf.plan_series(shape, [_row(1, start, minutes=80)])
    assert [o.row.id for o in plan.overrides] == [1] and plan.exdates[-1] == shape.first_local + timedelta(weeks=1)
