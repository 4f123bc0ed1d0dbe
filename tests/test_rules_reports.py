"""rules/reports.py: the period's months in the practice's zone, buckets, rates, the CSV rows."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from desktop.rules import reports as r


def test_a_period_is_whole_months_in_the_practices_zone():
    period = r.Period(date(2026, 10, 1), 3)
    assert period.month_days() == [date(2026, 10, 1), date(2026, 11, 1), date(2026, 12, 1), date(2027, 1, 1)]
    bounds = period.bounds_utc("America/New_York")
    assert bounds[0] == datetime(2026, 10, 1, 4, tzinfo=UTC) and bounds[2] == datetime(2026, 12, 1, 5, tzinfo=UTC)
    assert period.labels() == ["Oct 2026", "Nov 2026", "Dec 2026"]
    assert period.short_labels() == ["Oct\n2026", "Nov", "Dec"]
    assert r.month_of(datetime(2026, 11, 1, 3, 59, tzinfo=UTC), bounds) == 0  # still October in New York
    assert r.month_of(datetime(2027, 1, 1, 5, tzinfo=UTC), bounds) is None
    for bad in ((date(2026, 10, 2), 3), (date(2026, 10, 1), 0), (date(2026, 10, 1), 25)):
        with pytest.raises(ValueError):
            r.Period(*bad)


def test_rates_and_buckets():
    assert r.rate(1, 4) == 0.25 and r.rate(0, 0) is None
    assert r.percent(0.0441) == "4.4 %" and r.percent(None) == "–"
    assert [r.lead_bucket(h * 3600) for h in (0, 2, 6, 12, 24, 48, 72, 168)] == [1, 2, 3, 4, 5, 6, 7, 8]
    assert len(r.LEAD_LABELS) == len(r.LEAD_SHORT) == len(r.LEAD_EDGES_HOURS) + 1


def test_the_csv_has_every_figure():
    period = r.Period(date(2026, 10, 1), 2)
    report = r.Report(period, "America/New_York", tuple(period.labels()), ((1, "Dr. A"),),
                      (r.Attendance(1, 0, 10, 1, 2),), (r.LeadCount(5, False, 3),),
                      (r.FeeFigures(1, 1, "USD", 2, 5000, 1, 2500, 0, 0),),
                      (r.RequestCount(1, r.LATE_REQUEST, "declined", 1),), (24.0,))
    rows = r.csv_rows(report)
    assert rows[0] == r.CSV_HEADER
    assert ("attendance", "Dr. A", "Oct 2026", "no_show", "2") in rows
    assert ("lead_time", "", "", "1–2 days, outside notice", "3") in rows
    assert ("fees", "Dr. A", "Nov 2026", "charged_amount (USD)", "50.00") in rows
    assert ("requests", "Dr. A", "", "late:declined", "1") in rows
    assert report.attendance_by_provider()[0][1].booked == 10 and report.fee_totals()["USD"].waived == 1


def test_fees_add_up_by_provider_and_in_all():
    period = r.Period(date(2026, 10, 1), 2)
    fees = (r.FeeFigures(1, 0, "USD", 1, 1000), r.FeeFigures(1, 1, "USD", 2, 3000, 1, 1500),
            r.FeeFigures(2, 1, "USD", 1, 2000, 0, 0, 1, 500))
    report = r.Report(period, "UTC", tuple(period.labels()), ((1, "A"), (2, "B")), (), (), fees, (), ())
    by = dict(report.fees_by_provider())
    assert by["A"].charged == 3 and by["A"].charged_cents == 4000 and by["A"].waived_cents == 1500
    assert by["B"].adjusted_off_cents == 500
    total = report.fee_totals()["USD"]
    assert (total.charged, total.charged_cents, total.waived, total.adjusted) == (4, 6000, 1, 1)
