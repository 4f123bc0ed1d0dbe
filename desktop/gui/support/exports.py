"""Exports: fees and adjustments for a date range as CSV, written off the GUI thread."""

from __future__ import annotations

import csv
import io
import threading
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from PySide6.QtCore import QDate, QObject, QSaveFile, Signal
from PySide6.QtWidgets import (
    QDateEdit,
    QFormLayout,
    QLabel,
    QProgressDialog,
    QPushButton,
)

from ...rules.wording import FEES_ARE_SELF_PAY
from ...services import exports
from ...services.errors import ServiceError
from ...services.result import Change
from ..billing.views import open_save_dialog
from ..dialogs import show_error
from ..widgets.page import Page, muted, page_layout


class ExportFailed(ServiceError):
    title = "Export failed"


class _Progress(QObject):
    """Created on the GUI thread; the worker emits, Qt queues the update across."""

    changed = Signal(int, int)


def write_csv(actor, start: datetime, end: datetime, path: str, progress: _Progress,
              stop: threading.Event) -> int | None:
    """Runs on the worker thread: rows as they come into a QSaveFile (all or nothing).
    Returns the number of data rows, or None when cancelled (no file is left behind)."""
    out = QSaveFile(path)
    if not out.open(QSaveFile.OpenModeFlag.WriteOnly):
        raise ExportFailed(f"Cannot write to {path}: {out.errorString()}. Choose another folder.")
    count = -1
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    for row in exports.export_fee_rows(actor, start, end, progress=progress.changed.emit, should_stop=stop.is_set):
        writer.writerow(row)
        count += 1
        if buffer.tell() > 64_000:
            out.write(buffer.getvalue().encode("utf-8"))
            buffer.seek(0)
            buffer.truncate()
    if stop.is_set():
        out.cancelWriting()
        return None
    out.write(buffer.getvalue().encode("utf-8"))
    if not out.commit():
        raise ExportFailed(f"Could not finish writing {path}: {out.errorString()}.")
    return count


class ExportsPage(Page):
    title = "Exports"
    interests = Change.NONE

    def __init__(self, ctx, parent=None) -> None:
        super().__init__(ctx, parent)
        layout = page_layout(self, self.title)
        zone = ctx.practice_zone or "UTC"
        layout.addWidget(muted(f"Fees charged and adjustments made in a date range (dates in {zone}), as CSV. "
                               f"{FEES_ARE_SELF_PAY} The export marks none as insurance-billable.", self))
        form = QFormLayout()
        today = ctx.now().astimezone(ZoneInfo(zone)).date()
        self.start = QDateEdit(QDate(today.year, today.month, 1), self)
        self.start.setObjectName("startDate")
        self.start.setAccessibleName("From date")
        self.end = QDateEdit(QDate(today.year, today.month, today.day), self)
        self.end.setObjectName("endDate")
        self.end.setAccessibleName("To date (included)")
        for edit in (self.start, self.end):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        form.addRow("&From:", self.start)
        form.addRow("&To (included):", self.end)
        layout.addLayout(form)
        self.export_button = QPushButton("&Export fees to CSV…", self)
        self.export_button.setObjectName("exportButton")
        self.export_button.setAccessibleName("Export fees to CSV")
        self.export_button.clicked.connect(self.ask_path)
        layout.addWidget(self.export_button)
        self.status = QLabel(self)
        self.status.setObjectName("exportStatus")
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        layout.addStretch(1)
        self.progress: QProgressDialog | None = None
        self._stop = threading.Event()

    def _range(self) -> tuple[datetime, datetime]:
        zone = ZoneInfo(self.ctx.practice_zone or "UTC")
        start = datetime.combine(self.start.date().toPython(), time(0), zone)
        end = datetime.combine(self.end.date().toPython() + timedelta(days=1), time(0), zone)
        return start, end

    def ask_path(self) -> None:
        start, end = self.start.date().toString("yyyy-MM-dd"), self.end.date().toString("yyyy-MM-dd")
        open_save_dialog(self, "Export fees to CSV", "exportFileDialog", "CSV files (*.csv)", "csv",
                         f"fees-{start}-to-{end}.csv", self.export_to)

    def export_to(self, path: str) -> None:
        start, end = self._range()
        self._stop = threading.Event()
        stop = self._stop
        progress = _Progress(self)
        self.progress = QProgressDialog("Exporting fees and adjustments…", "Cancel", 0, 0, self)
        self.progress.setObjectName("exportProgress")
        self.progress.setWindowTitle("Export")
        self.progress.setMinimumDuration(0)
        self.progress.setAutoClose(False)
        self.progress.setAutoReset(False)
        self.progress.canceled.connect(stop.set)
        progress.changed.connect(self._on_progress)
        self.progress.show()
        self.export_button.setEnabled(False)
        self.status.setText("Exporting…")
        actor = self.ctx.actor
        self.ctx.ops.run(lambda: write_csv(actor, start, end, path, progress, stop), parent=self,
                         on_done=lambda count: self._finished(path, count, progress),
                         on_error=lambda exc: self._failed(exc, progress))

    def _on_progress(self, done: int, total: int) -> None:
        if self.progress is not None:
            self.progress.setMaximum(max(total, 1))
            self.progress.setValue(min(done, max(total, 1)))
            self.progress.setLabelText(f"Exporting fees and adjustments… {done} of {total} rows")

    def _close_progress(self, progress: _Progress) -> None:
        if self.progress is not None:
            self.progress.close()
            self.progress.deleteLater()
            self.progress = None
        progress.deleteLater()
        self.export_button.setEnabled(True)

    def _finished(self, path: str, count: int | None, progress: _Progress) -> None:
        self._close_progress(progress)
        if count is None:
            self.status.setText("Export cancelled; no file was written.")
        else:
            self.status.setText(f"Exported {count} rows to {path}.")
            self.ctx.bus.status.emit(f"Exported {count} rows.")

    def _failed(self, exc: ServiceError, progress: _Progress) -> None:
        self._close_progress(progress)
        self.status.setText(exc.message)
        show_error(self, exc)
