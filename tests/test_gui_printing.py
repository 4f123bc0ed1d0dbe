"""Printing through Qt's print dialog: the provider's day sheet (Ctrl+P on Calendar) and the
client's statement (Billing). The dialog is replaced by one that chooses "print to PDF" into a
temporary file and accepts; the test reads the PDF's existence and the text of the document that
was printed."""

from __future__ import annotations

from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog

from desktop.gui import printing
from desktop.rules.series import day_bounds_utc
from desktop.store.models import Appointment, AppointmentStatus, Charge, Client, Provider, User
from tests.guikit import (
    assert_main_actions_have_their_own_keys,
    click,
    make_controller,
    show_page,
    sign_in,
    wait_reads,
)


@pytest.fixture
def printed(monkeypatch, tmp_path):
    """What was printed: the PDF path and the printed document's plain text, per print."""
    record: dict = {"pdf": tmp_path / "printed.pdf", "texts": [], "answer": QDialog.DialogCode.Accepted}

    def exec_(dialog: QPrintDialog) -> int:
        printer: QPrinter = dialog.printer()
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(record["pdf"]))
        return record["answer"]

    real = printing.document_for

    def spy(html, title):
        document = real(html, title)
        record["texts"].append(document.toPlainText())
        return document

    monkeypatch.setattr(QPrintDialog, "exec", exec_)
    monkeypatch.setattr(printing, "document_for", spy)
    return record


def test_ctrl_p_prints_the_providers_day_sheet(qtbot, demo_db, now, tmp_path, printed):
    controller = make_controller(qtbot, demo_db, now, tmp_path)
    window = sign_in(qtbot, controller, "dr.rivera")
    page = show_page(window, "calendar")
    qtbot.waitUntil(page.isVisible)
    page.calendar.setFocus()
    qtbot.keyClick(page.calendar, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: printed["pdf"].exists() and printed["pdf"].stat().st_size > 0)
    assert printed["pdf"].read_bytes().startswith(b"%PDF")
    text = printed["texts"][-1]
    zone = ZoneInfo("America/New_York")
    day = now.astimezone(zone).date()
    provider_id = Provider.select(Provider.id).join(User).where(User.username == "dr.rivera").scalar()
    start, end = day_bounds_utc(day, "America/New_York")
    todays = list(Appointment.select().where(Appointment.provider == provider_id, Appointment.starts_at >= start,
                                             Appointment.starts_at < end))
    assert todays, "the demo practice has appointments today"
    assert "Dr. Maya Rivera" in text and "Time\tClient\tService\tPlace\tStatus" in text.replace("\n", "\t")
    for appt in todays:
        name = User.select(User.display_name).join(Client, on=(Client.user == User.id)).where(
            Client.id == appt.client_id).scalar()
        assert name in text
    scheduled = sum(1 for a in todays if a.status == AppointmentStatus.SCHEDULED)
    assert f"{scheduled} scheduled appointment" in text
    assert "printed to" in window.statusBar().currentMessage()


def test_cancelling_the_print_dialog_prints_nothing(qtbot, demo_db, now, tmp_path, printed):
    printed["answer"] = QDialog.DialogCode.Rejected
    controller = make_controller(qtbot, demo_db, now, tmp_path)
    window = sign_in(qtbot, controller, "dr.rivera")
    page = show_page(window, "calendar")
    click(qtbot, page.print_button)
    wait_reads(qtbot, window)
    assert not printed["pdf"].exists() and printed["texts"] == []


def test_the_clients_statement_prints_with_its_insurance_sentence(qtbot, demo_db, now, tmp_path, printed):
    controller = make_controller(qtbot, demo_db, now, tmp_path)
    window = sign_in(qtbot, controller, "alex.morgan")
    billing = show_page(window, "billing")
    assert_main_actions_have_their_own_keys(window, [billing.statement_button, billing.print_button])
    click(qtbot, billing.print_button)
    qtbot.waitUntil(lambda: printed["pdf"].exists() and printed["pdf"].stat().st_size > 0)
    text = printed["texts"][-1]
    assert "Statement for Alex Morgan" in text
    assert "Not covered by insurance" in text and "never billed to an insurer" in text
    client_id = Client.select(Client.id).join(User).where(User.username == "alex.morgan").scalar()
    assert Charge.select().where(Charge.client == client_id).count() == text.count("Self-pay")
    # Ctrl+P on the page prints it too.
    printed["pdf"].unlink()
    billing.table.setFocus()
    qtbot.keyClick(billing.table, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: printed["pdf"].exists())
