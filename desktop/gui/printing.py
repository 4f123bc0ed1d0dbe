"""Printing through Qt's print dialog (QtPrintSupport): the document the person would otherwise
save as PDF, laid out by QTextDocument on the printer they choose.

The print dialog is the seam tests replace (``QPrintDialog.exec``): it is modal, as print dialogs
are on every platform, and it offers "Print to file (PDF)" where no printer is installed.
"""

from __future__ import annotations

from PySide6.QtCore import QMarginsF
from PySide6.QtGui import QPageLayout, QPageSize, QTextDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QWidget

MARGINS_MM = 15


def document_for(html: str, title: str) -> QTextDocument:
    """The document both printing and a PDF lay out: ``html`` with its title as metadata."""
    document = QTextDocument()
    document.setMetaInformation(QTextDocument.MetaInformation.DocumentTitle, title)
    document.setHtml(html)
    return document


def ask_printer(parent: QWidget, printer: QPrinter, title: str) -> bool:
    """Qt's print dialog for ``printer``; True when the person chose to print."""
    dialog = QPrintDialog(printer, parent)
    dialog.setObjectName("printDialog")
    dialog.setWindowTitle(title)
    return dialog.exec() == QDialog.DialogCode.Accepted


def print_html(parent: QWidget, html: str, title: str) -> str | None:
    """Ask where to print ``html`` and print it; returns what the status bar says, or None when
    the person cancelled."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(title)
    printer.setCreator("Practice Desk")
    printer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.Letter), QPageLayout.Orientation.Portrait,
                                      QMarginsF(MARGINS_MM, MARGINS_MM, MARGINS_MM, MARGINS_MM),
                                      QPageLayout.Unit.Millimeter))
    if not ask_printer(parent, printer, f"Print {title}"):
        return None
    document_for(html, title).print_(printer)
    if printer.outputFormat() is QPrinter.OutputFormat.PdfFormat and printer.outputFileName():
        return f"{title} printed to {printer.outputFileName()}."
    return f"{title} sent to {printer.printerName() or 'the printer'}."
