"""Requests: late-cancellation requests from clients, decided here."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
)

from ...rules.timefmt import format_instant, format_range
from ...rules.vocabulary import LateRequestStatus
from ...rules.wording import INSURANCE_SENTENCE_FOR_PROVIDER
from ...services import provider
from ...services.result import Change
from ..dialogs import show_error
from ..widgets.page import Page, muted, page_layout
from ..widgets.rows_model import RowsModel
from ..widgets.tables import row_table

REQUESTS_EMPTY = ("No requests are waiting for you. When a client asks to cancel inside the notice window, "
                  "the request is listed here for your decision; tick “Show decided requests too” for earlier ones.")

# The provider's own words for each state of a request (the client's are LateRequestStatus.label).
STATUS_TEXT = {LateRequestStatus.PENDING: "Pending", LateRequestStatus.APPROVED_WITH_FEE: "Approved with fee",
               LateRequestStatus.APPROVED_WAIVED: "Approved, fee waived", LateRequestStatus.DECLINED: "Declined",
               LateRequestStatus.CLOSED_CANCELLED: "Closed: you cancelled the appointment"}


def late_request_model(zone: str, parent=None) -> RowsModel:
    return RowsModel([
        ("Appointment", lambda r: format_range(r.appointment_start, r.appointment_end, zone)),
        ("Client", lambda r: r.client_name),
        ("Client's message", lambda r: r.message or "(no message)"),
        ("Fee it would carry", lambda r: f"{r.fee.format()} (policy v{r.policy_version})"),
        ("Status", lambda r: STATUS_TEXT.get(r.status, r.status)),
    ], parent)


class RequestsPage(Page):
    title = "Requests"
    interests = Change.LATE_REQUESTS | Change.APPOINTMENTS

    def __init__(self, ctx, parent=None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("requestsPage")
        layout = page_layout(self, "Late-cancellation requests")
        layout.addWidget(muted("Clients ask here when they want to cancel inside the notice window. Approve with "
                               "the fee of the policy they booked under, approve and waive it, or decline (the "
                               "appointment stands). " + INSURANCE_SENTENCE_FOR_PROVIDER, self))
        self.show_all = QCheckBox("Show decided requests too", self)
        self.show_all.setObjectName("showDecidedCheck")
        self.show_all.toggled.connect(lambda _: self.refresh())
        layout.addWidget(self.show_all)
        self.model = late_request_model(ctx.actor.time_zone, self)
        self.table = row_table(self.model, "requestsTable", "Late-cancellation requests", self, empty=REQUESTS_EMPTY)
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table, 1)

        card = QFrame(self)
        card.setProperty("card", True)
        v = QVBoxLayout(card)
        self.selected_label = QLabel("Select a request.", card)
        self.selected_label.setObjectName("selectedRequest")
        self.selected_label.setWordWrap(True)
        v.addWidget(self.selected_label)
        self.reply = QPlainTextEdit(card)
        self.reply.setTabChangesFocus(True)  # Tab moves on, never types a tab
        self.reply.setObjectName("replyEdit")
        self.reply.setAccessibleName("Reply to the client")
        self.reply.setPlaceholderText("Optional reply to the client, posted in the request's conversation")
        self.reply.setFixedHeight(70)
        v.addWidget(self.reply)
        row = QHBoxLayout()
        self.buttons: dict[provider.LateDecision, QPushButton] = {}
        for decision, name, text in ((provider.LateDecision.APPROVE_WITH_FEE, "approveFeeButton", "Approve with &fee"),
                                     (provider.LateDecision.APPROVE_WAIVE, "approveWaiveButton",
                                      "Approve and &waive fee"),
                                     (provider.LateDecision.DECLINE, "declineButton", "&Decline")):
            b = QPushButton(text, card)
            b.setObjectName(name)
            b.setAccessibleName(decision.label)
            b.clicked.connect(lambda _=False, d=decision: self.decide(d))
            self.buttons[decision] = b
            row.addWidget(b)
        self.buttons[provider.LateDecision.APPROVE_WITH_FEE].setProperty("primary", True)
        row.addStretch(1)
        v.addLayout(row)
        layout.addWidget(card)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._selection_changed())
        self._selection_changed()

    def loader(self):
        actor, pending_only = self.ctx.actor, not self.show_all.isChecked()
        return lambda: provider.late_requests(actor, pending_only=pending_only)

    def show_loaded(self, rows) -> None:
        keep = self.current()
        self.model.set_rows(rows)
        # The request that was selected, or (decided and gone from the list) the next one waiting.
        index = next((i for i, r in enumerate(self.model.rows) if keep is not None and r.id == keep.id), 0)
        if self.model.rows:
            self.table.selectRow(index)
        self._selection_changed()

    def current(self) -> provider.LateRequestRow | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        return self.model.rows[rows[0].row()] if rows else None

    def _selection_changed(self) -> None:
        r = self.current()
        decisions = r.decisions if r is not None else ()
        for decision, b in self.buttons.items():
            b.setEnabled(decision in decisions)
        self.reply.setEnabled(bool(decisions))
        if r is None:
            self.selected_label.setText("Select a request.")
            return
        text = (f"<b>{r.client_name}</b> asks to cancel {format_instant(r.appointment_start, self.ctx.actor.time_zone)}"
                f" (asked {format_instant(r.created_at, self.ctx.actor.time_zone)}).<br>"
                f"“{r.message or 'No message'}”<br>Approving with the fee charges {r.fee.format()}, the "
                f"late-cancellation fee of the policy booked with the appointment (version {r.policy_version}).")
        if r.status != LateRequestStatus.PENDING:
            text += f"<br><b>{STATUS_TEXT.get(r.status, r.status)}</b>" + (f": {r.reply}" if r.reply else "")
        elif r.approval_refusal:
            text += f"<br><b>{r.approval_refusal}</b>"
        self.selected_label.setText(text)

    def decide(self, decision: provider.LateDecision) -> None:
        r = self.current()
        if r is None:
            return
        if decision is provider.LateDecision.APPROVE_WITH_FEE:
            self._confirm_fee(r)
            return
        self._send(r, decision)

    def _confirm_fee(self, r) -> None:
        """Charging a fee is confirmed with its amount first (never on a stray click or key)."""
        zone = self.ctx.actor.time_zone
        box = QMessageBox(QMessageBox.Icon.Question, "Approve with fee",
                          f"Approve {r.client_name}'s late cancellation of "
                          f"{format_instant(r.appointment_start, zone)} and charge the late-cancellation fee of "
                          f"{r.fee.format()}?", QMessageBox.StandardButton.Cancel, self)
        box.setObjectName("confirmFeeBox")
        box.setInformativeText(INSURANCE_SENTENCE_FOR_PROVIDER)
        charge = box.addButton(f"Approve and charge {r.fee.format()}", QMessageBox.ButtonRole.AcceptRole)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.confirm_box = box
        box.buttonClicked.connect(lambda b: self._send(r, provider.LateDecision.APPROVE_WITH_FEE)
                                  if b is charge else None)
        box.open()

    def _send(self, r, decision: provider.LateDecision) -> None:
        actor, reply = self.ctx.actor, self.reply.toPlainText()
        for b in self.buttons.values():
            b.setEnabled(False)
        self.ctx.ops.run(
            lambda: provider.decide_late_request(actor, r.id, decision, reply, expected_version=r.version,
                                                 now=self.ctx.service_now()),
            parent=self, on_done=lambda _r: self.reply.clear(), on_error=self._failed)

    def _failed(self, error) -> None:
        show_error(self, error)
        self.refresh()
