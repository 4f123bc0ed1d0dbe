"""Billing: the client's fees, balance, disputes, history and statement."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ...rules.timefmt import format_instant
from ...rules.wording import FEES_ARE_SELF_PAY, NOT_COVERED, NOT_COVERED_BY_INSURANCE
from ...services import exports, fees
from ...services.errors import ServiceError
from ...services.result import Change
from ..billing.dialogs import DisputeDialog
from ..billing.statement import print_statement_document, write_statement_pdf
from ..billing.views import history_html, open_save_dialog
from ..dialogs import show_error, show_info
from ..widgets.keys import extra_shortcut
from ..widgets.page import Page, muted, page_layout
from ..widgets.rows_model import RowsModel
from ..widgets.tables import row_table, select_first, selected_row


class BillingPage(Page):
    title = "Billing"
    interests = Change.CHARGES | Change.ADJUSTMENTS | Change.MESSAGES

    def __init__(self, ctx, parent=None) -> None:
        super().__init__(ctx, parent)
        zone = ctx.actor.time_zone
        layout = page_layout(self, self.title)
        self.coverage = QLabel(f"<b>{NOT_COVERED_BY_INSURANCE}.</b> {FEES_ARE_SELF_PAY}",
                               self)
        self.coverage.setObjectName("coverageLabel")
        self.coverage.setWordWrap(True)
        layout.addWidget(self.coverage)
        self.balance = QLabel(self)
        self.balance.setObjectName("balanceLabel")
        self.balance.setAccessibleName("Balance")
        self.balance.setProperty("role", "heading")
        layout.addWidget(self.balance)

        self.model = RowsModel([
            ("Appointment", lambda r: format_instant(r.appointment_start, zone, with_year=True)),
            ("Fee", lambda r: r.kind_label),
            ("Provider", lambda r: r.provider_name),
            ("Amount", lambda r: r.amount.format()),
            ("Original", lambda r: r.original.format()),
            ("Status", lambda r: r.status_label),
            ("Insurance", lambda r: NOT_COVERED),
        ], self)
        self.table = row_table(self.model, "chargesTable", "Your fees", self,
                               empty="No fees. A late-cancellation or no-show fee would be listed here, with the "
                                     "way to dispute it.")
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)

        buttons = QHBoxLayout()
        self.dispute_button = QPushButton("&Dispute this fee…", self)
        self.dispute_button.setObjectName("disputeButton")
        self.dispute_button.setAccessibleName("Dispute this fee")
        extra_shortcut(self.dispute_button, "Ctrl+D")
        self.dispute_button.clicked.connect(self.open_dispute)
        self.statement_button = QPushButton("Save &statement as PDF…", self)
        self.statement_button.setObjectName("statementButton")
        self.statement_button.setAccessibleName("Save statement as PDF")
        self.statement_button.clicked.connect(self.ask_statement_path)
        buttons.addWidget(self.dispute_button)
        buttons.addStretch(1)
        buttons.addWidget(self.statement_button)
        self.print_button = QPushButton("&Print statement…", self)
        self.print_button.setObjectName("printStatementButton")
        self.print_button.setAccessibleName("Print statement")
        self.print_button.setToolTip("Print your statement (Ctrl+P)")
        self.print_button.clicked.connect(self.print_statement)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Print), self, activated=self.print_statement)
        buttons.addWidget(self.print_button)

        self.history = QTextBrowser(self)
        self.history.setObjectName("historyView")
        self.history.setAccessibleName("History of the selected fee")
        side = QWidget(self)
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.addWidget(muted("History of the selected fee", side))
        side_layout.addWidget(self.history)
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(self.table)
        split.addWidget(side)
        split.setSizes([320, 220])
        layout.addLayout(buttons)
        layout.addWidget(split, 1)
        self.dialog: DisputeDialog | None = None
        self._update_buttons()

    # ---- reading -------------------------------------------------------------

    def loader(self):
        actor = self.ctx.actor
        return lambda: fees.client_billing(actor)

    def show_loaded(self, billing) -> None:
        current = selected_row(self.table)
        self.model.set_rows(billing.charges)
        self.balance.setText(f"Balance: {billing.balance_text()}")
        if current is not None:
            self.select_charge(current.id)
        self._selection_changed()

    def select_charge(self, charge_id: int) -> bool:
        return select_first(self.table, lambda row: row.id == charge_id)

    def _selection_changed(self, *args) -> None:
        row = selected_row(self.table)
        if row is None:
            self.ctx.reads.cancel(self, "history")
            self.history.setHtml("<p><i>Select a fee to see its history.</i></p>")
        else:
            actor, charge_id = self.ctx.actor, row.id
            self.read(lambda: fees.charge_history(actor, charge_id),
                      lambda entries: self.history.setHtml(history_html(entries, actor.time_zone)), slot="history")
        self._update_buttons()

    def _update_buttons(self) -> None:
        row = selected_row(self.table)
        # The same decision the service enforces, in its words.
        self.dispute_button.setEnabled(row is not None and row.can_dispute)
        self.dispute_button.setToolTip("" if row is None else row.dispute.why)

    # ---- dispute -------------------------------------------------------------

    def open_dispute(self) -> None:
        row = selected_row(self.table)
        if row is None:
            return
        self.dialog = DisputeDialog(row, self.ctx.actor.time_zone, self)
        self.dialog.submitted.connect(lambda reason, cid=row.id: self._send_dispute(cid, reason))
        self.dialog.open()

    def _send_dispute(self, charge_id: int, reason: str) -> None:
        dialog, ctx = self.dialog, self.ctx
        ctx.ops.run(lambda: fees.dispute_charge(ctx.actor, charge_id, reason, now=ctx.service_now()), parent=self,
                    on_done=lambda _r: self._dialog_done(dialog),
                    on_error=lambda exc: dialog.show_problem(exc.message))

    # ---- statement -------------------------------------------------------------

    def ask_statement_path(self) -> None:
        open_save_dialog(self, "Save statement as PDF", "statementFileDialog", "PDF files (*.pdf)", "pdf",
                         f"statement-{self.ctx.actor.username}.pdf", self.save_statement)

    def save_statement(self, path: str) -> None:
        """Read on the reader; small (one client's fees), so drawn on the GUI thread, which
        QTextDocument prefers."""
        actor = self.ctx.actor
        self.read(lambda: exports.client_statement(actor), lambda statement: self._write_statement(statement, path),
                  slot="statement")

    def _write_statement(self, statement, path: str) -> None:
        try:
            write_statement_pdf(statement, path, issued_at=self.ctx.now())
        except ServiceError as exc:
            show_error(self, exc)
            return
        show_info(self, "Statement saved", f"Your statement was saved to {path}.")

    def print_statement(self) -> None:
        """Read on the reader, then the print dialog over this page (Ctrl+P)."""
        actor = self.ctx.actor
        self.read(lambda: exports.client_statement(actor), self._print_statement, slot="statement")

    def _print_statement(self, statement) -> None:
        said = print_statement_document(self, statement, issued_at=self.ctx.now())
        if said is not None:
            self.window().statusBar().showMessage(said, 8000)

    def _dialog_done(self, dialog) -> None:
        if self.dialog is dialog:
            self.dialog = None
        dialog.accept()  # deletes itself on close
