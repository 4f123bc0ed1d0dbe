"""Fee requests: providers' requests to adjust a disputed fee; Support adjusts, waives or declines.

The filters and the queue table are built in code (a rows model over the read service); the
decision panel beside it is a Designer form (ui/requestdecision.ui), filled per request.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QSplitter, QWidget

from ...rules import limits
from ...rules.money import AmountError, parse_amount
from ...rules.timefmt import format_day, format_instant
from ...rules.vocabulary import AdjustmentRequestStatus
from ...services import fees
from ...services.fees import RequestDetail
from ...services.result import Change
from ..billing.views import thread_html
from ..forms.ui_requestdecision import Ui_RequestDecision
from ..widgets.keys import extra_shortcut
from ..widgets.page import Page, page_layout
from ..widgets.rows_model import RowsModel
from ..widgets.tables import row_table, select_first, selected_row

# The queue opens on the pending requests (the first entry); "All" shows every decision too.
STATUS_FILTERS = (*((status.label, status) for status in AdjustmentRequestStatus), ("All", None))


def _typed_text(text: str) -> str:
    """What a person typed, for the panel's rich-text labels: escaped, its line breaks kept."""
    return escape(text).replace("\n", "<br>")


class QueuePage(Page):
    title = "Fee requests"
    interests = Change.ADJUSTMENTS | Change.CHARGES | Change.MESSAGES
    history_requested = Signal(int)  # a charge id

    def __init__(self, ctx, parent=None) -> None:
        super().__init__(ctx, parent)
        zone = ctx.actor.time_zone
        layout = page_layout(self, self.title)
        filters = QHBoxLayout()
        self.status_filter = QComboBox(self)
        self.status_filter.setObjectName("statusFilter")
        self.status_filter.setAccessibleName("Show requests that are")
        for label, value in STATUS_FILTERS:
            self.status_filter.addItem(label, value)
        self.status_filter.currentIndexChanged.connect(self.refresh_now)
        self.search = QLineEdit(self)
        self.search.setObjectName("searchField")
        self.search.setAccessibleName("Search by client, provider or charge number")
        self.search.setPlaceholderText("Search client, provider or charge #")
        self.search.setMaxLength(limits.SEARCH.max_length)
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.refresh_now)
        filters.addWidget(QLabel("Show:", self))
        filters.addWidget(self.status_filter)
        filters.addWidget(self.search, 1)
        layout.addLayout(filters)

        self.model = RowsModel([
            ("Charge", lambda r: f"#{r.charge_id}"),
            ("Client", lambda r: r.client_name),
            ("Provider", lambda r: r.provider_name),
            ("Fee", lambda r: r.kind_label),
            ("Amount", lambda r: r.amount.format()),
            ("Proposed", lambda r: "Waive" if r.waive else r.proposed.format()),
            ("Status", lambda r: r.status_label),
            ("Asked", lambda r: format_day(r.created_at, zone)),
        ], self)
        self.table = row_table(self.model, "requestsTable", "Fee-adjustment requests", self, stretch=2,
                               empty="No fee-adjustment requests here. A provider's request to adjust or waive a "
                                     "disputed fee appears here; choose All under Show to see decided ones.")
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)

        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.addWidget(self.table)
        split.addWidget(self._detail_panel())
        split.setSizes([640, 420])  # the queue's columns fit without scrolling at 1280 px
        layout.addWidget(split, 1)
        self.detail: RequestDetail | None = None
        self._show_detail(None)

    def _detail_panel(self) -> QWidget:
        """The decision panel is a Designer form (ui/requestdecision.ui); the code fills it per request."""
        panel = QWidget(self)
        self.ui = ui = Ui_RequestDecision()
        ui.setupUi(panel)
        ui.errorLabel.hide()
        extra_shortcut(ui.adjustButton, "Ctrl+Return")
        ui.adjustButton.clicked.connect(self.adjust)
        ui.waiveButton.clicked.connect(self.waive)
        ui.declineButton.clicked.connect(self.decline)
        ui.historyButton.clicked.connect(
            lambda: self.detail is not None and self.history_requested.emit(self.detail.request.charge_id))
        return panel

    # ---- reading --------------------------------------------------------------

    def loader(self):
        actor, status, text = self.ctx.actor, self.status_filter.currentData(), self.search.text()
        return lambda: fees.adjustment_queue(actor, status=status, search=text)

    def show_loaded(self, rows) -> None:
        current = selected_row(self.table)
        self.model.set_rows(rows)
        if current is not None:
            self.select_request(current.id)
        self._selection_changed()

    def select_request(self, request_id: int) -> bool:
        return select_first(self.table, lambda row: row.id == request_id)

    def _selection_changed(self, *args) -> None:
        row = selected_row(self.table)
        if row is None:
            self.ctx.reads.cancel(self, "detail")
            self._show_detail(None)
            return
        actor, request_id = self.ctx.actor, row.id
        self.read(lambda: fees.request_detail(actor, request_id), self._show_detail, slot="detail")

    def _show_detail(self, detail: RequestDetail | None) -> None:
        changed = detail is None or self.detail is None or self.detail.request.id != detail.request.id
        self.detail = detail
        ui, zone = self.ui, self.ctx.actor.time_zone
        ui.errorLabel.hide()
        pending = detail is not None and detail.pending
        for w in (ui.newAmount, ui.decisionReason, ui.adjustButton, ui.waiveButton, ui.declineButton):
            w.setEnabled(pending)
        ui.historyButton.setEnabled(detail is not None)
        if detail is None:
            for label in (ui.detail_charge, ui.detail_appointment, ui.detail_policy, ui.detail_proposal,
                          ui.detail_request_reason, ui.detail_decision):
                label.clear()
            ui.requestThread.setHtml("<p><i>Select a request.</i></p>")
            ui.newAmount.clear()
            return
        r = detail.request
        ui.detail_charge.setText(
            f"#{r.charge_id} · {r.kind_label} fee · now <b>{r.amount.format()}</b> (original {r.original.format()}) "
            f"· {escape(r.client_name)} with {escape(r.provider_name)}")
        ui.detail_appointment.setText(
            f"{format_instant(r.appointment_start, zone, with_year=True)} · "
            f"{detail.appointment_status_label}")
        ui.detail_policy.setText(f"Policy version {detail.policy_version} "
                                 f"({r.kind_label.lower()} fee {detail.policy_fee.format()})")
        ui.detail_proposal.setText("<b>Waive the fee</b>" if r.waive else
                                   f"<b>{r.proposed.format()}</b> (by {escape(r.requested_by)})")
        ui.detail_request_reason.setText(_typed_text(r.reason))
        ui.detail_decision.setText(
            "Waiting for Support" if detail.pending else
            f"{r.status_label} by {escape(detail.decided_by)}"
            + (f", {format_instant(detail.decided_at, zone)}" if detail.decided_at else "")
            + f": {_typed_text(detail.note)}")
        ui.requestThread.setHtml(thread_html(detail.messages, zone))
        if changed:
            proposed = r.proposed if not r.waive else r.amount
            ui.newAmount.setText(proposed.plain())
            ui.decisionReason.clear()

    # ---- decisions -----------------------------------------------------------------

    def _problem(self, text: str) -> None:
        self.ui.errorLabel.setText(text)
        self.ui.errorLabel.show()
        self._set_busy(False)

    def _set_busy(self, busy: bool) -> None:
        for b in (self.ui.adjustButton, self.ui.waiveButton, self.ui.declineButton):
            b.setEnabled(not busy and self.detail is not None and self.detail.pending)

    def _run(self, call) -> None:
        self.ui.errorLabel.hide()
        self._set_busy(True)
        self.ctx.ops.run(call, parent=self, on_done=lambda _r: self._set_busy(False),
                         on_error=lambda exc: self._problem(exc.message))

    def adjust(self) -> None:
        detail = self.detail
        if detail is None:
            return
        try:
            amount = parse_amount(self.ui.newAmount.text(), detail.request.original.currency,
                                  maximum=detail.request.original)
        except AmountError as exc:
            self._problem(str(exc))
            self.ui.newAmount.setFocus()
            return
        reason, ctx, rid, version = self.ui.decisionReason.toPlainText(), self.ctx, detail.request.id, detail.charge_version
        self._run(lambda: fees.adjust_fee(ctx.actor, rid, amount, reason, expected_version=version, now=ctx.service_now()))

    def waive(self) -> None:
        detail = self.detail
        if detail is None:
            return
        reason, ctx, rid, version = self.ui.decisionReason.toPlainText(), self.ctx, detail.request.id, detail.charge_version
        self._run(lambda: fees.waive_fee(ctx.actor, rid, reason, expected_version=version, now=ctx.service_now()))

    def decline(self) -> None:
        detail = self.detail
        if detail is None:
            return
        note, ctx, rid, version = self.ui.decisionReason.toPlainText(), self.ctx, detail.request.id, detail.charge_version
        self._run(lambda: fees.decline_request(ctx.actor, rid, note, expected_version=version, now=ctx.service_now()))
