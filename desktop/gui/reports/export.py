"""Saving a report: CSV (every figure, one per row: ``rules/reports.csv_rows``) or PDF (the charts
drawn as images above the same tables the page shows), each written all or nothing."""

from __future__ import annotations

import csv
import io
from datetime import datetime

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QSaveFile, QSize, QSizeF, QUrl
from PySide6.QtGui import QPageLayout, QPageSize, QPdfWriter, QTextDocument
from PySide6.QtWidgets import QWidget

from ...rules.reports import Report, csv_rows
from ...rules.timefmt import format_instant
from ..dialogs import show_error
from .chart import BarChart
from .document import report_html

CHART_SIZE = QSize(900, 380)


def _save(parent: QWidget, path: str, data: bytes, what: str) -> bool:
    out = QSaveFile(path)
    if not out.open(QSaveFile.OpenModeFlag.WriteOnly) or out.write(data) != len(data) or not out.commit():
        show_error(parent, f"The {what} could not be saved to {path}: {out.errorString()}", "Not saved")
        return False
    parent.window().statusBar().showMessage(f"Saved the {what} to {path}.", 8000)
    return True


def write_csv(parent: QWidget, report: Report, path: str) -> bool:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerows(csv_rows(report))
    return _save(parent, path, buffer.getvalue().encode("utf-8"), "report")


def write_pdf(parent: QWidget, report: Report, path: str, *, charts: tuple[BarChart, ...],
              issued_at: datetime) -> bool:
    """Drawn into memory (a QPdfWriter on a QBuffer), then written through QSaveFile like the CSV."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setTitle("Practice report")
    writer.setCreator("Practice Desk")
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.Letter), QPageLayout.Orientation.Portrait,
                                     QMarginsF(15, 15, 15, 15), QPageLayout.Unit.Millimeter))
    writer.setResolution(96)
    document = QTextDocument()
    images = ""
    for i, chart in enumerate(charts):
        url = f"chart{i}.png"
        document.addResource(QTextDocument.ResourceType.ImageResource, QUrl(url), chart.image(CHART_SIZE))
        images += f"<p><img src='{url}' width='640'></p>"
    zone = report.zone
    title = f"Practice report, printed {format_instant(issued_at, zone, with_year=True)}"
    html = report_html(report, title=title)
    head, _, rest = html.partition("</h2>")
    document.setHtml(f"{head}</h2>{images}{rest}" if rest else images + html)
    rect = writer.pageLayout().paintRectPixels(writer.resolution())
    document.setPageSize(QSizeF(rect.width(), rect.height()))
    document.print_(writer)  # its painter's end() finishes the PDF into the buffer
    buffer.close()
    return _save(parent, path, bytes(data.data()), "report")
