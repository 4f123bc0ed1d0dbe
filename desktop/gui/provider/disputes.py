"""Disputes: fees the provider's clients dispute; reply, and ask Support to adjust."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ...rules.timefmt import format_instant
from ...services import fees, messaging
from ...services.result import Change
from ..billing.dialogs import AskSupportDialog
from ..billing.views import history_html, thread_html
from ..widgets.keys import extra_shortcut
from ..widgets.page import Page, muted, page_layout
from ..widgets.rows_model import RowsModel
from ..widgets.tables import row_table, selected_row


class DisputesPage(Page):
    title = "Disputes"
    interests = Change.CHARGES | Change.ADJUSTMENTS | Change.MESSAGES

    def __init__(self, ctx, parent=None) -> None:
        super().__init__(ctx, parent)
        zone = ctx.actor.time_zone
        layout = page_layout(self, self.title)
        layout.addWidget(muted("Fees your clients dispute. Only Support changes a fee: if there is flexibility, "
                               "ask Support to adjust it.", self))
        self.model = RowsModel([
            ("Client", lambda r: r.client_name),
            ("Fee", lambda r: r.kind_label),
            ("Appointment", lambda r: format_instant(r.appointment_start, zone, with_year=True)),
            ("Amount", lambda r: r.amount.format()),
            ("Original", lambda r: r.original.format()),
            ("Dispute", lambda r: r.status.label),
            ("Support request", lambda r: r.request_status.label if r.request_status else "—"),
        ], self)
        self.table = row_table(self.model, "disputesTable", "Disputed fees", self,
                               empty="No disputed fees. When a client disputes a fee from their Billing page, it is "
                                     "listed here, and you can reply or ask Support to adjust it.")
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)

        detail = QWidget(self)
        dl = QVBoxLayout(detail)
        dl.setContentsMargins(0, 0, 0, 0)
        self.summary = QLabel(detail)
        self.summary.setObjectName("disputeSummary")
        self.summary.setWordWrap(True)
        dl.addWidget(self.summary)
        self.tabs = QTabWidget(detail)
        self.thread = QTextBrowser(detail)
        self.thread.setObjectName("disputeThread")
        self.thread.setAccessibleName("Dispute conversation")
        self.history = QTextBrowser(detail)
        self.history.setObjectName("historyView")
        self.history.setAccessibleName("History of the fee")
        self.tabs.addTab(self.thread, "Conversation")
        self.tabs.addTab(self.history, "History")
        dl.addWidget(self.tabs, 1)
        self.reply_text = QPlainTextEdit(detail)
        self.reply_text.setTabChangesFocus(True)  # Tab moves on, never types a tab
        self.reply_text.setObjectName("replyText")
        self.reply_text.setAccessibleName("Reply to the client")
        self.reply_text.setPlaceholderText("Reply to your client…")
        self.reply_text.setMaximumHeight(80)
        dl.addWidget(self.reply_text)
        buttons = QHBoxLayout()
        self.reply_button = QPushButton("&Send reply", detail)
        self.reply_button.setObjectName("replyButton")
        extra_shortcut(self.reply_button, "Ctrl+Return")
        self.reply_button.clicked.connect(self.send_reply)
        self.ask_button = QPushButton("Ask Support to ad&just…", detail)
        self.ask_button.setObjectName("askSupportButton")
        self.ask_button.setAccessibleName("Ask Support to adjust")
        self.ask_button.clicked.connect(self.open_ask_support)
        buttons.addWidget(self.reply_button)
        buttons.addStretch(1)
        buttons.addWidget(self.ask_button)
        dl.addLayout(buttons)

        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(self.table)
        split.addWidget(detail)
        split.setSizes([220, 380])
        layout.addWidget(split, 1)
        self.dialog: AskSupportDialog | None = None
        self._selection_changed()

    def loader(self):
        actor = self.ctx.actor
        return lambda: fees.provider_disputes(actor)

    def show_loaded(self, rows) -> None:
        current = selected_row(self.table)
        self.model.set_rows(rows)
        if current is not None:
            self.select_dispute(current.id)
        elif self.model.rowCount():
            self.table.selectRow(0)
        self._selection_changed()

    def select_dispute(self, dispute_id: int) -> bool:
        for i, row in enumerate(self.model.rows):
            if row.id == dispute_id:
                self.table.selectRow(i)
                return True
        return False

    def _selection_changed(self, *args) -> None:
        row = selected_row(self.table)
        zone = self.ctx.actor.time_zone
        if row is None:
            self.ctx.reads.cancel(self, "detail")
            self.summary.setText("Select a dispute.")
            self.thread.clear()
            self.history.clear()
        else:
            self.summary.setText(
                f"<b>{escape(row.client_name)}</b> disputes the {row.kind_label.lower()} fee for "
                f"{format_instant(row.appointment_start, zone)}: now <b>{row.amount.format()}</b> "
                f"(original {row.original.format()}). Reason: {escape(row.reason)}")
            actor, thread_id, charge_id = self.ctx.actor, row.thread_id, row.charge_id
            self.read(lambda: (messaging.thread_messages(actor, thread_id), fees.charge_history(actor, charge_id)),
                      lambda data: (self.thread.setHtml(thread_html(data[0], zone)),
                                    self.history.setHtml(history_html(data[1], zone))), slot="detail")
        self.reply_button.setEnabled(row is not None)
        self.reply_text.setEnabled(row is not None)
        # The same decision the service enforces, in its words.
        self.ask_button.setEnabled(row is not None and row.can_ask_support)
        self.ask_button.setToolTip("" if row is None else row.ask_support.why)

    def send_reply(self) -> None:
        row = selected_row(self.table)
        body = self.reply_text.toPlainText()
        if row is None:
            return
        ctx = self.ctx
        ctx.ops.run(lambda: messaging.reply(ctx.actor, row.thread_id, body, now=ctx.service_now()), parent=self,
                    on_done=lambda _r: self.reply_text.clear())

    def open_ask_support(self) -> None:
        row = selected_row(self.table)
        if row is None:
            return
        self.dialog = AskSupportDialog(row, self)
        self.dialog.submitted.connect(lambda proposed, waive, reason, did=row.id: self._send(did, proposed, waive,
                                                                                             reason))
        self.dialog.open()

    def _send(self, dispute_id: int, proposed, waive: bool, reason: str) -> None:
        dialog, ctx = self.dialog, self.ctx
        ctx.ops.run(lambda: fees.ask_support_to_adjust(ctx.actor, dispute_id, reason, proposed=proposed, waive=waive,
                                                       now=ctx.service_now()),
                    parent=self, on_done=lambda _r: self._dialog_done(dialog),
                    on_error=lambda exc: dialog.show_problem(exc.message))

    def _dialog_done(self, dialog) -> None:
        if self.dialog is dialog:
            self.dialog = None
        dialog.accept()  # deletes itself on close
