"""The Support desk's fee screens, exports and the client's statement, driven through real windows."""

from __future__ import annotations

import csv
import threading

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QFileDialog, QProgressBar, QPushButton

from desktop.gui.billing.statement import statement_html
from desktop.rules.money import Money
from desktop.services import exports, fees
from desktop.store.models import AuditEvent, Charge, ChargeStatus, FeeAdjustment, FeeAdjustmentRequest
from tests.factories import actor
from tests.guikit import click, make_controller, show_page, sign_in, wait_ops, wait_reads


def _pending() -> FeeAdjustmentRequest:
    return FeeAdjustmentRequest.get(FeeAdjustmentRequest.status == "pending")


def _support_queue(qtbot, demo_db, now, tmp_path):
    controller = make_controller(qtbot, demo_db, now, tmp_path)
    window = sign_in(qtbot, controller, "support")
    return controller, window, show_page(window, "queue")


def _choose_file(qtbot, page, name: str, path) -> None:
    dialog = page.findChild(QFileDialog, name)
    assert dialog is not None and dialog.isVisible()
    dialog.selectFile(str(path))
    dialog.accept()


def test_queue_filters_by_status_and_searches(qtbot, demo_db, now, tmp_path):
    _, _, queue = _support_queue(qtbot, demo_db, now, tmp_path)
    assert [r.client_name for r in queue.model.rows] == ["Alex Morgan"]
    qtbot.keyClicks(queue.search, "okafor")
    wait_reads(qtbot, queue)
    assert queue.model.rowCount() == 0
    queue.search.clear()
    qtbot.keyClicks(queue.search, "Rivera")
    wait_reads(qtbot, queue)
    assert queue.model.rowCount() == 1
    queue.status_filter.setCurrentIndex(queue.status_filter.findText("Declined"))
    wait_reads(qtbot, queue)
    assert queue.model.rowCount() == 0 and queue.detail is None
    assert not queue.ui.adjustButton.isEnabled()


def test_the_providers_reason_reads_as_typed(qtbot, demo_db, now, tmp_path):
    FeeAdjustmentRequest.update(reason="Car & bus <both> late.\nCalled at 9:50.").where(
        FeeAdjustmentRequest.id == _pending().id).execute()
    _, _, queue = _support_queue(qtbot, demo_db, now, tmp_path)
    queue.table.selectRow(0)
    wait_reads(qtbot, queue)
    label = queue.ui.detail_request_reason
    assert label.textFormat() == Qt.TextFormat.RichText
    shown = QTextDocument()
    shown.setHtml(label.text())
    assert shown.toPlainText() == "Car & bus <both> late.\nCalled at 9:50."


def test_amounts_are_parsed_strictly_in_the_desk(qtbot, demo_db, now, tmp_path):
    controller, _, queue = _support_queue(qtbot, demo_db, now, tmp_path)
    queue.table.selectRow(0)
    wait_reads(qtbot, queue)
    qtbot.keyClicks(queue.ui.decisionReason, "Because.")
    for typed, message in (("-1", "negative"), ("1.999", "two decimals"), ("abc", "not an amount"),
                           ("75.01", "more than the original")):
        queue.ui.newAmount.clear()
        qtbot.keyClicks(queue.ui.newAmount, typed)
        click(qtbot, queue.ui.adjustButton)
        wait_ops(qtbot, controller)
        assert queue.ui.errorLabel.isVisible() and message in queue.ui.errorLabel.text()
    assert FeeAdjustment.select().count() == 0


def test_waive_and_tell_both(qtbot, demo_db, now, tmp_path):
    controller, _, queue = _support_queue(qtbot, demo_db, now, tmp_path)
    request = _pending()
    queue.table.selectRow(0)
    wait_reads(qtbot, queue)
    click(qtbot, queue.ui.waiveButton)  # a reason is required
    wait_ops(qtbot, controller)
    assert "reason" in queue.ui.errorLabel.text() and FeeAdjustment.select().count() == 0
    qtbot.keyClicks(queue.ui.decisionReason, "First missed session in two years.")
    click(qtbot, queue.ui.waiveButton)
    wait_ops(qtbot, controller)
    charge = Charge.get_by_id(request.charge_id)
    assert (charge.amount_cents, charge.status) == (0, ChargeStatus.WAIVED)
    assert AuditEvent.select().where(AuditEvent.action == "waive_fee").count() == 1
    assert "waived" in fees.charge_history(actor("alex.morgan"), charge.id)[-1].text.lower()


def test_decline_with_a_note_keeps_the_fee(qtbot, demo_db, now, tmp_path):
    controller, _, queue = _support_queue(qtbot, demo_db, now, tmp_path)
    request = _pending()
    queue.table.selectRow(0)
    wait_reads(qtbot, queue)
    qtbot.keyClicks(queue.ui.decisionReason, "The policy was shown at booking.")
    click(qtbot, queue.ui.declineButton)
    wait_ops(qtbot, controller)
    charge = Charge.get_by_id(request.charge_id)
    assert charge.amount_cents == charge.original_cents
    assert FeeAdjustmentRequest.get_by_id(request.id).status == "declined"
    queue.status_filter.setCurrentIndex(queue.status_filter.findText("Declined"))
    wait_reads(qtbot, queue)
    queue.table.selectRow(0)
    wait_reads(qtbot, queue)
    assert "The policy was shown" in queue.ui.detail_decision.text()
    assert not queue.ui.adjustButton.isEnabled()


def test_second_workstation_is_told_who_adjusted_first(qtbot, demo_db, now, tmp_path):
    controller, _, queue = _support_queue(qtbot, demo_db, now, tmp_path)
    request = _pending()
    queue.table.selectRow(0)
    wait_reads(qtbot, queue)
    # Another workstation decides while this one has the request open.
    fees.adjust_fee(actor("support"), request.id, Money(5000, "USD"), "Done elsewhere.", now=now)
    qtbot.keyClicks(queue.ui.decisionReason, "Also adjusting.")
    click(qtbot, queue.ui.adjustButton)
    wait_ops(qtbot, controller)
    assert "already adjusted by Sam Patel" in queue.ui.errorLabel.text()
    assert Charge.get_by_id(request.charge_id).amount_cents == 5000
    assert FeeAdjustment.select().count() == 1


def test_history_button_opens_the_charges_trail(qtbot, demo_db, now, tmp_path):
    _, window, queue = _support_queue(qtbot, demo_db, now, tmp_path)
    queue.table.selectRow(0)
    wait_reads(qtbot, queue)
    click(qtbot, queue.ui.historyButton)
    assert window.current_page() is window.pages["history"]
    text = window.pages["history"].history.toPlainText()
    assert text.index("Charged") < text.index("Disputed") < text.index("Asked Support")


def test_export_writes_csv_with_progress(qtbot, demo_db, now, tmp_path):
    controller = make_controller(qtbot, demo_db, now, tmp_path)
    window = sign_in(qtbot, controller, "support")
    page = show_page(window, "exports")
    page.start.setDate(page.start.date().addYears(-2))
    click(qtbot, page.export_button)
    target = tmp_path / "fees.csv"
    _choose_file(qtbot, page, "exportFileDialog", target)
    assert page.progress is not None and page.progress.isVisible()  # shown while the worker writes
    values: list[int] = []
    page.progress.findChild(QProgressBar).valueChanged.connect(values.append)
    wait_ops(qtbot, controller)
    assert page.progress is None and page.export_button.isEnabled()
    with target.open(newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    assert tuple(rows[0]) == exports.HEADER
    assert len(rows) - 1 == Charge.select().count()
    assert {r[13] for r in rows[1:]} == {"no"}
    assert f"Exported {len(rows) - 1} rows" in page.status.text()
    assert values and values[-1] == len(rows) - 1  # the bar reached the total as rows were written


def test_export_cancelled_leaves_no_file(qtbot, demo_db, now, tmp_path):
    controller = make_controller(qtbot, demo_db, now, tmp_path)
    window = sign_in(qtbot, controller, "support")
    page = show_page(window, "exports")
    page.start.setDate(page.start.date().addYears(-2))
    click(qtbot, page.export_button)
    target = tmp_path / "cancelled.csv"
    gate = threading.Event()
    controller.ops.run(gate.wait)  # the one worker is busy, so the export is still queued when we cancel
    _choose_file(qtbot, page, "exportFileDialog", target)
    click(qtbot, page.progress.findChild(QPushButton))  # Cancel
    gate.set()
    wait_ops(qtbot, controller)
    assert not target.exists()
    assert "cancelled" in page.status.text()


def test_client_statement_pdf_is_self_pay(qtbot, demo_db, now, tmp_path):
    controller = make_controller(qtbot, demo_db, now, tmp_path)
    window = sign_in(qtbot, controller, "alex.morgan")
    page = show_page(window, "billing")
    click(qtbot, page.statement_button)
    target = tmp_path / "statement.pdf"
    _choose_file(qtbot, page, "statementFileDialog", target)
    qtbot.waitUntil(window.ctx.reads.is_idle)  # the statement is read off the GUI thread, then drawn
    assert target.read_bytes().startswith(b"%PDF")
    html = statement_html(exports.client_statement(actor("alex.morgan")), "today")
    assert "Not covered by insurance" in html and "Self-pay" in html
    assert "billable" not in html.lower()
