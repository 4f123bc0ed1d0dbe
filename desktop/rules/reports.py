"""The owner's reports: what each figure counts, its buckets and months, its words. Pure.

- **Attendance** (by provider and by month): every appointment booked to start in the month, up to
  now, whatever became of it, is the denominator; late cancellations (an approved late request)
  and no-shows are the numerators. Months are the practice's calendar months.
- **Lead times**: how long before the start a client asked to cancel: a cancellation with notice
  (when it was made) and a late-cancellation request (when it was sent, whatever its outcome),
  for appointments in the period; each bucketed by whole seconds before the start and counted
  inside or outside the notice window the appointment was booked under.
- **Fees** (by provider and by month charged): charged (every fee, at its original amount),
  waived (the original amounts given up), adjusted (how much adjustments took off).
- **Requests decided**: late-cancellation requests (for appointments in the period) and Support's
  fee-adjustment requests (for fees charged in the period), by outcome.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

from .limits import MAX_REPORT_MONTHS
from .money import Money
from .vocabulary import AdjustmentRequestStatus, LateRequestStatus

# Lead-time buckets: edges in hours before the start ("after the start" below the first).
LEAD_EDGES_HOURS = (0, 2, 6, 12, 24, 48, 72, 168)
LEAD_LABELS = ("After the start", "0–2 h", "2–6 h", "6–12 h", "12–24 h", "1–2 days", "2–3 days", "3–7 days",
               "7 days or more")

LEAD_SHORT = ("after", "0–2h", "2–6h", "6–12h", "12–24h", "1–2d", "2–3d", "3–7d", "7d +")  # a chart's axis


def lead_bucket(seconds: int) -> int:
    """The bucket of a lead time in whole seconds before the start (negative: after it)."""
    bucket = 0
    for i, hours in enumerate(LEAD_EDGES_HOURS):
        if seconds >= hours * 3600:
            bucket = i + 1
    return bucket


def inside_notice(seconds: int, notice_minutes: int) -> bool:
    """Asked inside the notice window: less notice than the booked policy asked for."""
    return seconds < notice_minutes * 60


@dataclass(frozen=True)
class Period:
    first_month: date  # the first day of the first month
    months: int

    def __post_init__(self) -> None:
        if self.first_month.day != 1:
            raise ValueError("a report period starts on the first day of a month")
        if not 1 <= self.months <= MAX_REPORT_MONTHS:
            raise ValueError(f"a report covers 1 to {MAX_REPORT_MONTHS} months")

    def month_days(self) -> list[date]:
        """The first day of each month, and of the month after the last."""
        out, y, m = [], self.first_month.year, self.first_month.month
        for _ in range(self.months + 1):
            out.append(date(y, m, 1))
            y, m = (y + 1, 1) if m == 12 else (y, m + 1)
        return out

    def bounds_utc(self, zone_name: str) -> list[datetime]:
        """The UTC instants the practice's months start at (months + 1 of them)."""
        zone = ZoneInfo(zone_name)
        return [datetime(d.year, d.month, 1, tzinfo=zone).astimezone(UTC) for d in self.month_days()]

    def labels(self) -> list[str]:
        return [f"{d:%b %Y}" for d in self.month_days()[:-1]]

    def short_labels(self) -> list[str]:
        """For a chart's axis: the month, and under it the year at the first month and each January."""
        days = self.month_days()[:-1]
        return [f"{d:%b}\n{d:%Y}" if i == 0 or d.month == 1 else f"{d:%b}" for i, d in enumerate(days)]


def month_of(instant: datetime, bounds: list[datetime]) -> int | None:
    """Which month of ``bounds`` an instant falls in (None outside the period)."""
    for i in range(len(bounds) - 1):
        if bounds[i] <= instant < bounds[i + 1]:
            return i
    return None


def rate(part: int, whole: int) -> float | None:
    return None if whole == 0 else part / whole


def percent(value: float | None) -> str:
    return "–" if value is None else f"{value * 100:.1f} %"


# -- the report's figures -------------------------------------------------------------------------

@dataclass(frozen=True)
class Attendance:
    provider_id: int
    month: int
    booked: int = 0
    late_cancelled: int = 0
    no_show: int = 0


@dataclass(frozen=True)
class LeadCount:
    bucket: int
    inside_notice: bool
    count: int


@dataclass(frozen=True)
class FeeFigures:
    provider_id: int
    month: int
    currency: str
    charged: int = 0
    charged_cents: int = 0
    waived: int = 0
    waived_cents: int = 0
    adjusted: int = 0
    adjusted_off_cents: int = 0  # original minus the adjusted amount


LATE_REQUEST = "late"
FEE_REQUEST = "fee"
REQUEST_KINDS = {LATE_REQUEST: "Late-cancellation requests", FEE_REQUEST: "Fee-adjustment requests (Support)"}


def request_outcome_label(kind: str, status: str) -> str:
    return (LateRequestStatus(status) if kind == LATE_REQUEST else AdjustmentRequestStatus(status)).label


@dataclass(frozen=True)
class RequestCount:
    provider_id: int
    kind: str  # LATE_REQUEST or FEE_REQUEST
    status: str
    count: int


@dataclass(frozen=True)
class Report:
    period: Period
    zone: str
    months: tuple[str, ...]
    providers: tuple[tuple[int, str], ...]  # (id, name) of the providers the report covers
    attendance: tuple[Attendance, ...]
    lead: tuple[LeadCount, ...]
    fees: tuple[FeeFigures, ...]
    requests: tuple[RequestCount, ...]
    notice_hours: tuple[float, ...]  # the notice windows of the covered providers' current policies

    def attendance_by_month(self) -> list[Attendance]:
        return [_sum_attendance([a for a in self.attendance if a.month == m], 0, m) for m in range(len(self.months))]

    def attendance_by_provider(self) -> list[tuple[str, Attendance]]:
        return [(name, _sum_attendance([a for a in self.attendance if a.provider_id == pid], pid, -1))
                for pid, name in self.providers]

    def lead_histogram(self) -> list[tuple[int, int]]:
        """Per bucket: (inside the notice window, outside it)."""
        out = [[0, 0] for _ in LEAD_LABELS]
        for c in self.lead:
            out[c.bucket][0 if c.inside_notice else 1] += c.count
        return [(a, b) for a, b in out]

    def fee_totals(self) -> dict[str, FeeFigures]:
        """Per currency, every provider and month together."""
        return {cur: f for (_pid, cur), f in _sum_fees(self.fees, by_provider=False).items()}

    def fees_by_provider(self) -> list[tuple[str, FeeFigures]]:
        """Per provider (in the report's order) and currency, the months together."""
        sums = _sum_fees(self.fees, by_provider=True)
        return [(name, sums[(pid, cur)]) for pid, name in self.providers
                for cur in sorted(c for p, c in sums if p == pid)]

    def request_totals(self) -> dict[tuple[str, str], int]:
        out: dict[tuple[str, str], int] = {}
        for r in self.requests:
            out[(r.kind, r.status)] = out.get((r.kind, r.status), 0) + r.count
        return out


def _sum_fees(fees: tuple[FeeFigures, ...], *, by_provider: bool) -> dict[tuple[int, str], FeeFigures]:
    totals: dict[tuple[int, str], list[int]] = {}
    for f in fees:
        t = totals.setdefault((f.provider_id if by_provider else 0, f.currency), [0] * 6)
        for i, v in enumerate((f.charged, f.charged_cents, f.waived, f.waived_cents, f.adjusted, f.adjusted_off_cents)):
            t[i] += v
    return {(pid, cur): FeeFigures(pid, -1, cur, *t) for (pid, cur), t in totals.items()}


def _sum_attendance(cells: list[Attendance], provider_id: int, month: int) -> Attendance:
    return Attendance(provider_id, month, sum(c.booked for c in cells), sum(c.late_cancelled for c in cells),
                      sum(c.no_show for c in cells))


def money(cents: int, currency: str) -> str:
    return Money(cents, currency).format()


CSV_HEADER = ("section", "provider", "month", "measure", "value")


def csv_rows(report: Report) -> list[tuple[str, ...]]:
    """The report as rows: every figure the screen shows, one per row (plain numbers)."""
    names = dict(report.providers)
    rows: list[tuple[str, ...]] = [CSV_HEADER]
    for a in sorted(report.attendance, key=lambda a: (a.provider_id, a.month)):
        who, month = names.get(a.provider_id, str(a.provider_id)), report.months[a.month]
        rows += [("attendance", who, month, "booked", str(a.booked)),
                 ("attendance", who, month, "late_cancelled", str(a.late_cancelled)),
                 ("attendance", who, month, "no_show", str(a.no_show))]
    for i, (inside, outside) in enumerate(report.lead_histogram()):
        rows += [("lead_time", "", "", f"{LEAD_LABELS[i]}, inside notice", str(inside)),
                 ("lead_time", "", "", f"{LEAD_LABELS[i]}, outside notice", str(outside))]
    for f in sorted(report.fees, key=lambda f: (f.provider_id, f.month, f.currency)):
        who, month = names.get(f.provider_id, str(f.provider_id)), report.months[f.month]
        for measure, value in (("charged", f.charged), ("charged_amount", Money(f.charged_cents, f.currency).plain()),
                               ("waived", f.waived), ("waived_amount", Money(f.waived_cents, f.currency).plain()),
                               ("adjusted", f.adjusted),
                               ("adjusted_off_amount", Money(f.adjusted_off_cents, f.currency).plain())):
            rows.append(("fees", who, month, f"{measure} ({f.currency})" if "amount" in measure else measure,
                         str(value)))
    for r in sorted(report.requests, key=lambda r: (r.provider_id, r.kind, r.status)):
        rows.append(("requests", names.get(r.provider_id, str(r.provider_id)), "", f"{r.kind}:{r.status}",
                     str(r.count)))
    return rows
