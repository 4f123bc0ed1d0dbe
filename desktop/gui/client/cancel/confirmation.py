"""Step 3 of cancelling: what was cancelled, and the way on (Reschedule / Return to dashboard).

A Designer form (ui/cancelconfirmation.ui): the only step of the flow that is the same for
every appointment."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from ...forms.ui_cancelconfirmation import Ui_CancelConfirmation


class Confirmation(QWidget):
    reschedule_requested = Signal()
    return_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_CancelConfirmation()
        self.ui.setupUi(self)
        self.ui.confirmationRescheduleButton.clicked.connect(self.reschedule_requested)
        self.ui.returnToDashboardButton.clicked.connect(self.return_requested)

    def show_result(self, title: str, text: str) -> None:
        self.ui.confirmationTitle.setText(title)
        self.ui.confirmationTitle.setAccessibleName(title)
        self.ui.confirmationText.setText(text)
        self.ui.confirmationText.setAccessibleName(text)
