"""Step 2 of cancelling one appointment: "Then, confirm your cancellation" — what will be
cancelled (when, with whom, where), the reason given and what it costs, before anything is
written. Like the series preview for "all upcoming", nothing is cancelled until the person
confirms here.

Built in code from the row and the fee rule; the controller runs the service.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QVBoxLayout, QWidget

from ....rules.fees import CancellationBy, fee_decision
from ....services.client_portal import AppointmentRow
from ...widgets.page import heading, muted
from ..controls import button as _button
from ..controls import label as _label
from ..rows import when

CONFIRM_TITLE = "Then, confirm your cancellation"


class ConfirmOne(QWidget):
    back_requested = Signal()
    confirmed = Signal()

    def __init__(self, row: AppointmentRow, zone: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.row, self.zone = row, zone
        self.setObjectName("confirmOne")
        layout = QVBoxLayout(self)
        layout.addWidget(heading(CONFIRM_TITLE, self))
        layout.addWidget(muted("Nothing is cancelled until you confirm. Check that this is the appointment "
                               "you mean:", self))
        card = QFrame(self)
        card.setObjectName("confirmOneCard")
        card.setProperty("card", True)
        box = QVBoxLayout(card)
        box.setContentsMargins(14, 12, 14, 12)
        self.when_label = _label(f"<b>{when(row, zone)}</b>", "confirmOneWhen", card)
        self.when_label.setAccessibleName(when(row, zone))
        self.with_label = _label(f"{row.service_name} with {row.provider_name}", "confirmOneWith", card)
        self.where_label = _label(row.place, "confirmOneWhere", card)
        self.reason_label = _label("", "confirmOneReason", card)
        for w in (self.when_label, self.with_label, self.where_label, self.reason_label):
            box.addWidget(w)
        layout.addWidget(card)
        # The fee rule's own words: the client cancels with notice here (inside the window the
        # form is refused before this step, and the service checks again).
        self.fee_label = _label(f"{row.notice_line(zone)}. "
                                f"{fee_decision(CancellationBy.CLIENT_WITH_NOTICE, row.policy).note}",
                                "confirmOneFee", self)
        layout.addWidget(self.fee_label)
        self.contact_label = _label("", "confirmOneContact", self)
        self.contact_label.hide()
        layout.addWidget(self.contact_label)
        layout.addStretch(1)
        bottom = QHBoxLayout()
        self.back_button = _button("&Back", "confirmOneBackButton", self)
        self.back_button.clicked.connect(self.back_requested)
        self.confirm_button = _button("C&onfirm cancellation", "confirmOneButton", self, danger=True)
        self.confirm_button.clicked.connect(self.confirmed)
        bottom.addWidget(self.back_button)
        bottom.addStretch(1)
        bottom.addWidget(self.confirm_button)
        layout.addLayout(bottom)

    def show_choice(self, reason_label: str, asks_contact_of: str | None) -> None:
        """The reason the person chose, and (rule 6) that their provider will be asked to get in touch."""
        self.reason_label.setText(f"Reason: {reason_label}")
        self.reason_label.setAccessibleName(self.reason_label.text())
        self.contact_label.setVisible(asks_contact_of is not None)
        if asks_contact_of is not None:
            self.contact_label.setText(f"You asked to be contacted: {asks_contact_of} will be told when you confirm.")
            self.contact_label.setAccessibleName(self.contact_label.text())
        self.set_busy(False)

    def set_busy(self, busy: bool) -> None:
        self.confirm_button.setEnabled(not busy)
        self.back_button.setEnabled(not busy)
