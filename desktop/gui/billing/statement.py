"""A client's statement, drawn by Qt: as PDF (QTextDocument on a QPdfWriter) or printed through the
print dialog (``gui/printing.py``), the same document either way.

Every line is self-pay: the statement carries the "Not covered by insurance"
wording and has no insurance-billable column or total.
"""

from __future__ import annotations

from html import escape
from pathlib import Path

from PySide6.QtCore import QMarginsF, QSizeF
from PySide6.QtGui import QPageLayout, QPageSize, QPdfWriter

from ...rules.timefmt import format_instant
from ...rules.wording import FEES_ARE_SELF_PAY
from ...services.exports import Statement
from ..printing import document_for, print_html


def statement_html(statement: Statement, issued: str) -> str:
    zone = statement.time_zone
    rows = "".join(
        f"<tr><td>{escape(format_instant(line.appointment_start, zone, with_year=True))}</td>"
        f"<td>{escape(line.kind_label)}</td><td>{escape(line.provider_name)}</td>"
        f"<td align='right'>{escape(line.original.format())}</td><td align='right'>{escape(line.amount.format())}</td>"
        f"<td>{escape(line.status_label)}</td><td>{escape(line.payer)}</td></tr>"
        for line in statement.lines)
    if not rows:
        rows = "<tr><td colspan='7'><i>No fees.</i></td></tr>"
    return (
        f"<h2>{escape(statement.practice_name)}</h2>"
        f"<h3>Statement for {escape(statement.client_name)}</h3>"
        f"<p>Issued {escape(issued)}. Times in {escape(zone)}.</p>"
        f"<p><b>{escape(statement.coverage)}.</b> {escape(FEES_ARE_SELF_PAY)}</p>"
        "<table border='1' cellspacing='0' cellpadding='4' width='100%'>"
        "<tr><th>Appointment</th><th>Fee</th><th>Provider</th><th>Original</th><th>Amount</th><th>Status</th>"
        f"<th>Payer</th></tr>{rows}</table>"
        f"<p><b>Balance (self-pay): {escape(statement.balance)}</b></p>"
    )


def statement_title(statement: Statement) -> str:
    return f"Statement — {statement.client_name}"


def print_statement_document(parent, statement: Statement, *, issued_at) -> str | None:
    """The statement through the print dialog; what the status bar says, or None if cancelled."""
    html = statement_html(statement, format_instant(issued_at, statement.time_zone, with_year=True))
    return print_html(parent, html, statement_title(statement))


def write_statement_pdf(statement: Statement, path: str | Path, *, issued_at) -> None:
    writer = QPdfWriter(str(path))
    writer.setTitle(statement_title(statement))
    writer.setCreator("Practice Desk")
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.Letter), QPageLayout.Orientation.Portrait,
                                     QMarginsF(15, 15, 15, 15), QPageLayout.Unit.Millimeter))
    writer.setResolution(96)
    document = document_for(statement_html(statement, format_instant(issued_at, statement.time_zone, with_year=True)),
                            statement_title(statement))
    rect = writer.pageLayout().paintRectPixels(writer.resolution())
    document.setPageSize(QSizeF(rect.width(), rect.height()))
    document.print_(writer)
