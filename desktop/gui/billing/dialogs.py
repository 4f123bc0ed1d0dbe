"""Dialogs for a fee: dispute it (client), ask Support to adjust it (provider).

Both are Designer forms (ui/dispute.ui, ui/asksupport.ui). They only say which fee it is,
collect and parse what a person types (amounts strictly, with ``parse_amount``) and emit
``submitted``; the page runs the service and closes them when it succeeds, or shows the
refusal with ``show_problem``.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDialog, QWidget

from ...rules.money import AmountError, Money, parse_amount
from ...rules.timefmt import format_instant
from ...rules.wording import NOT_COVERED_BY_INSURANCE
from ..forms.ui_asksupport import Ui_AskSupportDialog
from ..forms.ui_dispute import Ui_DisputeDialog


class _FeeDialog(QDialog):
    """A form with ``errorLabel``, ``submitButton`` and ``cancelButton``; ``ui`` is set up first."""

    def _finish_setup(self) -> None:
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.ui.errorLabel.hide()
        self.ui.submitButton.clicked.connect(self._submit)
        self.ui.cancelButton.clicked.connect(self.reject)

    def show_problem(self, text: str) -> None:
        self.ui.errorLabel.setText(text)
        self.ui.errorLabel.show()
        self.ui.submitButton.setEnabled(True)

    def busy(self) -> None:
        """Sent: one submission at a time until the page answers."""
        self.ui.errorLabel.hide()
        self.ui.submitButton.setEnabled(False)

    def _submit(self) -> None:  # pragma: no cover - overridden
        raise NotImplementedError


class DisputeDialog(_FeeDialog):
    submitted = Signal(str)  # the reason

    def __init__(self, charge, zone: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_DisputeDialog()
        self.ui.setupUi(self)
        self._finish_setup()
        when = format_instant(charge.appointment_start, zone)
        self.ui.aboutFee.setText(f"{charge.kind_label} fee of {charge.amount.format()} for {when} "
                                 f"with {charge.provider_name}.\n{NOT_COVERED_BY_INSURANCE}.")
        self.ui.disputeReason.setFocus()

    def _submit(self) -> None:
        text = self.ui.disputeReason.toPlainText().strip()
        if not text:
            self.show_problem("Please write why you dispute this fee.")
            return
        self.busy()
        self.submitted.emit(text)


class AskSupportDialog(_FeeDialog):
    submitted = Signal(object, bool, str)  # proposed Money | None, waive, reason

    def __init__(self, dispute, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = ui = Ui_AskSupportDialog()
        ui.setupUi(self)
        self._finish_setup()
        self._original: Money = dispute.original
        ui.aboutFee.setText(f"{dispute.client_name}: {dispute.kind_label} fee, now {dispute.amount.format()} "
                            f"(original {dispute.original.format()}). Support decides; you propose.")
        currency = self._original.currency
        ui.proposedAmountLabel.setText(f"&Proposed amount ({currency}):")
        ui.proposedAmount.setPlaceholderText(f"e.g. {Money(self._original.cents // 2, currency).format()}")
        ui.waiveCheck.toggled.connect(lambda on: ui.proposedAmount.setEnabled(not on))

    def _submit(self) -> None:
        ui = self.ui
        proposed = None
        if not ui.waiveCheck.isChecked():
            try:
                proposed = parse_amount(ui.proposedAmount.text(), self._original.currency, maximum=self._original)
            except AmountError as exc:
                self.show_problem(str(exc))
                ui.proposedAmount.setFocus()
                return
        reason = ui.adjustReason.toPlainText().strip()
        if not reason:
            self.show_problem("Please write a reason for Support.")
            return
        self.busy()
        self.submitted.emit(proposed, ui.waiveCheck.isChecked(), reason)
