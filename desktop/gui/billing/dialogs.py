"""Dialogs for a fee: dispute it (client), ask Support to adjust it (provider).

They only collect and parse what a person types (amounts strictly, with
``parse_amount``); the page runs the service and closes them when it succeeds.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from ...rules.fees import NOT_COVERED_BY_INSURANCE
from ...rules.money import AmountError, Money, parse_amount
from ...rules.timefmt import format_instant


def _error_label(parent: QWidget) -> QLabel:
    label = QLabel(parent)
    label.setObjectName("errorLabel")
    label.setAccessibleName("Problem")
    label.setStyleSheet("color: #b00020;")
    label.setWordWrap(True)
    label.hide()
    return label


class _FeeDialog(QDialog):
    def __init__(self, title: str, ok_text: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.layout_ = QVBoxLayout(self)
        self.form = QFormLayout()
        self.layout_.addLayout(self.form)
        self.error = _error_label(self)
        self.layout_.addWidget(self.error)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.ok = self.buttons.addButton(ok_text, QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok.setObjectName("submitButton")
        self.ok.setDefault(True)
        self.buttons.accepted.connect(self._submit)
        self.buttons.rejected.connect(self.reject)
        self.layout_.addWidget(self.buttons)

    def show_problem(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()
        self.ok.setEnabled(True)

    def busy(self) -> None:
        self.error.hide()
        self.ok.setEnabled(False)

    def _submit(self) -> None:  # pragma: no cover - overridden
        raise NotImplementedError


class DisputeDialog(_FeeDialog):
    submitted = Signal(str)  # the reason

    def __init__(self, charge, zone: str, parent: QWidget | None = None) -> None:
        super().__init__("Dispute this fee", "Send dispute", parent)
        self.setObjectName("disputeDialog")
        when = format_instant(charge.appointment_start, zone)
        about = QLabel(f"{charge.kind_label} fee of {charge.amount.format()} for {when} "
                       f"with {charge.provider_name}.\n{NOT_COVERED_BY_INSURANCE}.", self)
        about.setWordWrap(True)
        self.form.addRow(about)
        self.reason = QPlainTextEdit(self)
        self.reason.setObjectName("disputeReason")
        self.reason.setAccessibleName("Why you dispute this fee")
        self.reason.setPlaceholderText("Tell your provider what happened.")
        self.form.addRow("Why do you dispute it?", self.reason)
        self.reason.setFocus()

    def _submit(self) -> None:
        text = self.reason.toPlainText().strip()
        if not text:
            self.show_problem("Please write why you dispute this fee.")
            return
        self.busy()
        self.submitted.emit(text)


class AskSupportDialog(_FeeDialog):
    submitted = Signal(object, bool, str)  # proposed Money | None, waive, reason

    def __init__(self, dispute, parent: QWidget | None = None) -> None:
        super().__init__("Ask Support to adjust", "Send to Support", parent)
        self.setObjectName("askSupportDialog")
        self._original: Money = dispute.original
        about = QLabel(f"{dispute.client_name}: {dispute.kind_label} fee, now {dispute.amount.format()} "
                       f"(original {dispute.original.format()}). Support decides; you propose.", self)
        about.setWordWrap(True)
        self.form.addRow(about)
        self.amount = QLineEdit(self)
        self.amount.setObjectName("proposedAmount")
        self.amount.setAccessibleName("Proposed amount")
        self.amount.setPlaceholderText(f"e.g. {Money(self._original.cents // 2, self._original.currency).format()}")
        self.form.addRow(f"Proposed amount ({self._original.currency}):", self.amount)
        self.waive = QCheckBox("Waive the fee entirely", self)
        self.waive.setObjectName("waiveCheck")
        self.waive.toggled.connect(lambda on: self.amount.setEnabled(not on))
        self.form.addRow(self.waive)
        self.reason = QPlainTextEdit(self)
        self.reason.setObjectName("adjustReason")
        self.reason.setAccessibleName("Reason for Support")
        self.reason.setPlaceholderText("Why there is flexibility here.")
        self.form.addRow("Reason:", self.reason)

    def _submit(self) -> None:
        proposed = None
        if not self.waive.isChecked():
            try:
                proposed = parse_amount(self.amount.text(), self._original.currency, maximum=self._original)
            except AmountError as exc:
                self.show_problem(str(exc))
                self.amount.setFocus()
                return
        reason = self.reason.toPlainText().strip()
        if not reason:
            self.show_problem("Please write a reason for Support.")
            return
        self.busy()
        self.submitted.emit(proposed, self.waive.isChecked(), reason)
