"""The report's tables as HTML: shown under the charts, and the body of the PDF (with the charts
drawn as images above them)."""

from __future__ import annotations

from html import escape

from ...rules import reports as rules
from ...rules.reports import Report, percent, rate
from ...rules.wording import FEES_ARE_SELF_PAY

TABLE = "<table border='1' cellspacing='0' cellpadding='4' width='100%'>"
RATES_NOTE = ("Rates are out of every appointment booked to start in the month (up to now), whatever became of "
              "it. Lead times count client cancellations with notice and late-cancellation requests for "
              "appointments in the period, against the notice window each was booked under.")


def _row(cells: list[str], header: bool = False) -> str:
    tag = "th" if header else "td"
    return "<tr>" + "".join(f"<{tag}>{escape(str(c))}</{tag}>" for c in cells) + "</tr>"


def _attendance_row(label: str, booked: int, late: int, no_show: int) -> str:
    return _row([label, booked, late, percent(rate(late, booked)), no_show, percent(rate(no_show, booked))])


ATTENDANCE_HEADER = ["", "Booked", "Late-cancelled", "Late-cancellation rate", "No-shows", "No-show rate"]


def period_text(report: Report) -> str:
    months = report.months
    span = months[0] if len(months) == 1 else f"{months[0]} – {months[-1]}"
    who = report.providers[0][1] if len(report.providers) == 1 else "every provider"
    return f"{span}, {who}. Months in {report.zone}."


def report_html(report: Report, *, title: str = "") -> str:
    parts = [f"<h2>{escape(title)}</h2>" if title else "", f"<p>{escape(period_text(report))}</p>",
             f"<p>{escape(RATES_NOTE)}</p>"]
    parts.append("<h3>Late cancellations and no-shows by month</h3>" + TABLE
                 + _row(["Month"] + ATTENDANCE_HEADER[1:], True)
                 + "".join(_attendance_row(report.months[a.month], a.booked, a.late_cancelled, a.no_show)
                           for a in report.attendance_by_month()) + "</table>")
    parts.append("<h3>By provider</h3>" + TABLE + _row(["Provider"] + ATTENDANCE_HEADER[1:], True)
                 + "".join(_attendance_row(name, a.booked, a.late_cancelled, a.no_show)
                           for name, a in report.attendance_by_provider()) + "</table>")
    notice = ", ".join(f"{h:g} hours" for h in report.notice_hours) or "none"
    parts.append(f"<h3>How long before the start clients asked to cancel</h3><p>Notice window now: "
                 f"{escape(notice)}.</p>" + TABLE + _row(["Before the start", "Inside the notice window",
                                                           "With notice"], True)
                 + "".join(_row([rules.LEAD_LABELS[i], inside, outside])
                           for i, (inside, outside) in enumerate(report.lead_histogram())) + "</table>")
    fee_rows = [("Every provider", f) for _cur, f in sorted(report.fee_totals().items())]
    if len(report.providers) > 1:
        fee_rows += report.fees_by_provider()
    parts.append("<h3>Fees</h3>" + f"<p>{escape(FEES_ARE_SELF_PAY)}</p>" + TABLE
                 + _row(["", "Charged", "Charged amount", "Waived", "Waived amount", "Adjusted",
                         "Taken off by adjustments"], True)
                 + ("".join(_row([who, f.charged, rules.money(f.charged_cents, f.currency), f.waived,
                                  rules.money(f.waived_cents, f.currency), f.adjusted,
                                  rules.money(f.adjusted_off_cents, f.currency)]) for who, f in fee_rows)
                    or _row(["No fees were charged in this period.", "", "", "", "", "", ""]))
                 + "</table>")
    requests = report.request_totals()
    parts.append("<h3>Requests decided</h3>" + TABLE + _row(["Request", "Outcome", "Count"], True)
                 + ("".join(_row([rules.REQUEST_KINDS[kind], rules.request_outcome_label(kind, status), n])
                            for (kind, status), n in sorted(requests.items()))
                    or _row(["No requests in this period.", "", ""]))
                 + "</table>")
    return "".join(parts)
