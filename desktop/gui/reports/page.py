"""Reports (the practice owner): late cancellations and no-shows by month and provider, when
clients ask to cancel against the notice window, fees, requests; filtered by provider and period,
saved as CSV or PDF. One read per filter (``services/reports.practice_report``, on the reader)."""

from __future__ import annotations

from datetime import date
from zoneinfo import ZoneInfo

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ...rules import reports as rules
from ...rules.limits import MAX_REPORT_MONTHS
from ...rules.reports import Report
from ...services import reports
from ...services.result import Change
from ..paths import exports_dir
from ..widgets.page import Page, muted, page_layout
from .chart import BarChart, Series
from .document import period_text, report_html
from .export import write_csv, write_pdf

ALL = 0  # the provider filter's "All providers"
DEFAULT_MONTHS = 12


class ReportsPage(Page):
    title = "Reports"
    interests = Change.APPOINTMENTS | Change.CHARGES | Change.LATE_REQUESTS | Change.PEOPLE

    def __init__(self, ctx, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("reportsPage")
        self.report: Report | None = None
        outer = page_layout(self, self.title)
        bar = QHBoxLayout()
        today = ctx.now().astimezone(ZoneInfo(ctx.actor.time_zone)).date()
        first = _months_before(today.replace(day=1), DEFAULT_MONTHS - 1)
        self.from_edit = QDateEdit(QDate(first.year, first.month, 1), self)
        self.from_edit.setObjectName("reportFrom")
        self.from_edit.setDisplayFormat("MMMM yyyy")
        self.from_edit.setCalendarPopup(True)
        self.from_edit.setAccessibleName("First month")
        self.months_spin = QSpinBox(self)
        self.months_spin.setObjectName("reportMonths")
        self.months_spin.setRange(1, MAX_REPORT_MONTHS)
        self.months_spin.setValue(DEFAULT_MONTHS)
        self.months_spin.setSuffix(" months")
        self.months_spin.setAccessibleName("Number of months")
        self.provider_combo = QComboBox(self)
        self.provider_combo.setObjectName("reportProvider")
        self.provider_combo.setAccessibleName("Provider")
        self.provider_combo.addItem("All providers", ALL)
        for label, widget in (("&From", self.from_edit), ("&Months", self.months_spin),
                              ("&Provider", self.provider_combo)):
            caption = QLabel(label, self)
            caption.setBuddy(widget)
            bar.addWidget(caption)
            bar.addWidget(widget)
        bar.addStretch(1)
        self.csv_button = QPushButton("Save as &CSV…", self)
        self.csv_button.setObjectName("reportCsvButton")
        self.csv_button.setAccessibleName("Save report as CSV")
        self.pdf_button = QPushButton("Save as P&DF…", self)
        self.pdf_button.setObjectName("reportPdfButton")
        self.pdf_button.setAccessibleName("Save report as PDF")
        bar.addWidget(self.csv_button)
        bar.addWidget(self.pdf_button)
        outer.addLayout(bar)
        self.period_label = muted("", self)
        self.period_label.setObjectName("reportPeriod")
        outer.addWidget(self.period_label)

        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(0, 0, 0, 0)
        charts = QHBoxLayout()
        self.rates_chart = BarChart("Late cancellations and no-shows, % of appointments", body,
                                    value_text=lambda v: f"{v:.3g} %")
        self.rates_chart.setObjectName("ratesChart")
        self.lead_chart = BarChart("How long before the start clients asked to cancel", body,
                                   value_text=lambda v: f"{v:.3g}")
        self.lead_chart.setObjectName("leadChart")
        charts.addWidget(self.rates_chart)
        charts.addWidget(self.lead_chart)
        layout.addLayout(charts)
        self.tables = QTextBrowser(body)
        self.tables.setObjectName("reportTables")
        self.tables.setAccessibleName("Report figures")
        self.tables.setMinimumHeight(360)
        layout.addWidget(self.tables, 1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(body)
        outer.addWidget(scroll, 1)

        self.from_edit.dateChanged.connect(lambda _d: self.refresh_now())
        self.months_spin.valueChanged.connect(lambda _v: self.refresh_now())
        self.provider_combo.currentIndexChanged.connect(lambda _i: self.refresh_now())
        self.csv_button.clicked.connect(lambda: self._choose("CSV files (*.csv)", "csv", self.save_csv))
        self.pdf_button.clicked.connect(lambda: self._choose("PDF files (*.pdf)", "pdf", self.save_pdf))
        self._buttons()

    # ---- reading -------------------------------------------------------------

    def choices(self) -> tuple[date, int, int | None]:
        d = self.from_edit.date()
        provider = self.provider_combo.currentData()
        return date(d.year(), d.month(), 1), self.months_spin.value(), None if provider in (None, ALL) else provider

    def loader(self):
        actor, now = self.ctx.actor, self.ctx.service_now()
        first, months, provider_id = self.choices()
        return lambda: (reports.report_providers(actor),
                        reports.practice_report(actor, first, months, provider_id, now=now))

    def show_loaded(self, data) -> None:
        providers, report = data
        self._fill_providers(providers)
        self.report = report
        self.period_label.setText(period_text(report))
        by_month = report.attendance_by_month()
        self.rates_chart.set_data(report.period.short_labels(), [
            Series("Late-cancelled", "late_mark", tuple(100 * (rules.rate(a.late_cancelled, a.booked) or 0)
                                                        for a in by_month)),
            Series("No-shows", "urgent", tuple(100 * (rules.rate(a.no_show, a.booked) or 0) for a in by_month)),
        ])
        histogram = report.lead_histogram()
        self.lead_chart.set_data(list(rules.LEAD_SHORT), [
            Series("Inside the notice window", "late_mark", tuple(float(a) for a, _ in histogram)),
            Series("With notice", "primary", tuple(float(b) for _, b in histogram)),
        ], mark=_notice_mark(report))
        self.tables.setHtml(report_html(report))
        self._buttons()

    def _fill_providers(self, providers: list[tuple[int, str]]) -> None:
        current = self.provider_combo.currentData()
        self.provider_combo.blockSignals(True)
        self.provider_combo.clear()
        self.provider_combo.addItem("All providers", ALL)
        for pid, name in providers:
            self.provider_combo.addItem(name, pid)
        index = self.provider_combo.findData(current)
        self.provider_combo.setCurrentIndex(max(index, 0))
        self.provider_combo.blockSignals(False)

    def _buttons(self) -> None:
        for b in (self.csv_button, self.pdf_button):
            b.setEnabled(self.report is not None)

    # ---- saving --------------------------------------------------------------

    def _file_name(self, suffix: str) -> str:
        first, months, _ = self.choices()
        return f"report-{first:%Y-%m}-{months}-months.{suffix}"

    def _choose(self, name_filter: str, suffix: str, save) -> None:
        default = str(exports_dir() / self._file_name(suffix))
        path, _ = QFileDialog.getSaveFileName(self, f"Save report as {suffix.upper()}", default, name_filter)
        if path:
            save(path)

    def save_csv(self, path: str) -> bool:
        return self.report is not None and write_csv(self, self.report, path)

    def save_pdf(self, path: str) -> bool:
        if self.report is None:
            return False
        issued = self.ctx.now()
        return write_pdf(self, self.report, path, charts=(self.rates_chart, self.lead_chart), issued_at=issued)


def _months_before(first: date, n: int) -> date:
    y, m = first.year, first.month - n
    while m < 1:
        y, m = y - 1, m + 12
    return date(y, m, 1)


def _notice_mark(report: Report) -> tuple[float, str] | None:
    """Where the notice window falls among the lead-time buckets (the first provider's, when
    their windows differ)."""
    if not report.notice_hours:
        return None
    hours = report.notice_hours[0]
    edges = rules.LEAD_EDGES_HOURS
    bucket = rules.lead_bucket(int(hours * 3600))
    low = edges[bucket - 1] if bucket >= 1 else 0
    high = edges[bucket] if bucket < len(edges) else low
    within = 0.0 if high == low else (hours - low) / (high - low)
    return bucket + within, f"notice: {hours:g} h"
