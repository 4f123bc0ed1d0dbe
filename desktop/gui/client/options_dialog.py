"""Edit → the options for one appointment: reschedule, cancel, message the provider.

Inside the notice window the cancel option is shown disabled with the reason,
and the way on is offered: a late-cancellation request to the provider. The
dialog renders the service's decision; it decides nothing itself.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QFrame,
    QHBoxLayout,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...services import cancellation, client_portal
from ...services.client_portal import INSURANCE_NOTE, AppointmentRow
from ...services.errors import ServiceError
from ..context import AppContext
from ..dialogs import show_error
from ..widgets.page import heading, muted
from .controls import button as _button
from .controls import label as _label
from .policy_dialog import open_policy, policy_link
from .rows import when


class AppointmentOptionsDialog(QDialog):
    cancel_chosen = Signal(int)  # appointment id
    reschedule_chosen = Signal(int)
    message_chosen = Signal(int)

    def __init__(self, ctx: AppContext, row: AppointmentRow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.row = ctx, row
        zone = ctx.actor.time_zone
        self.setObjectName("appointmentOptions")
        self.setWindowTitle("Edit appointment")
        self.setAccessibleName("Edit appointment")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setMinimumWidth(660)
        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        layout.addWidget(heading("Edit appointment", self))
        layout.addWidget(_label(when(row, zone), "optionsWhen", self))
        layout.addWidget(muted(f"{row.service_name} with {row.provider_name} · {row.place}"
                               + (" · repeats" if row.repeats else ""), self))
        self.notice = _label(row.notice_line(zone), "optionsNotice", self)
        layout.addWidget(self.notice)

        buttons = QHBoxLayout()
        self.reschedule_button = _button("&Reschedule", "rescheduleOptionButton", self)
        self.cancel_button = _button("&Cancel appointment", "cancelOptionButton", self, danger=True)
        self.message_button = _button("&Message provider", "messageOptionButton", self)
        self.close_button = _button("Close", "closeOptionsButton", self)
        for b in (self.reschedule_button, self.cancel_button, self.message_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        layout.addLayout(buttons)
        self.reschedule_button.clicked.connect(lambda: self.reschedule_chosen.emit(row.id))
        self.cancel_button.clicked.connect(lambda: self.cancel_chosen.emit(row.id))
        self.message_button.clicked.connect(lambda: self.message_chosen.emit(row.id))
        self.close_button.clicked.connect(self.reject)

        self.blocked: QFrame | None = None
        self.request_button: QPushButton | None = None
        self.late_message: QPlainTextEdit | None = None
        if not row.decision.allowed:
            why = row.blocked_explanation(zone)
            self.cancel_button.setEnabled(False)
            self.cancel_button.setToolTip(why)
            layout.addWidget(self._blocked_panel(why))
        if not row.can_reschedule:
            self.reschedule_button.setEnabled(False)
            self.reschedule_button.setToolTip(row.blocked_explanation(zone))
        layout.addStretch(1)

    def _blocked_panel(self, why: str) -> QFrame:
        row, zone = self.row, self.ctx.actor.time_zone
        panel = QFrame(self)
        panel.setObjectName("blockedPanel")
        panel.setProperty("notice", "blocked")
        box = QVBoxLayout(panel)
        box.setContentsMargins(14, 12, 14, 12)
        box.addWidget(_label(why, "blockedExplanation", panel))
        if row.decision.can_request_late_cancellation:
            self.late_status = _label("", "lateRequestStatus", panel)
            if row.pending_late_request:
                self.late_status.setText("You have asked your provider to cancel this appointment. "
                                         "Their answer will arrive in Messages.")
            elif row.late_request is not None:
                # Decided (declined): the answer stands; one request per appointment.
                self.late_status.setText(row.late_request_line(zone) + " To ask about it again, send your "
                                         "provider a message.")
            else:
                box.addWidget(_label("You can ask your provider to cancel it. Add a message if you like:",
                                     "lateIntro", panel))
                self.late_message = QPlainTextEdit(panel)
                self.late_message.setObjectName("lateMessage")
                self.late_message.setAccessibleName("Message to your provider (optional)")
                self.late_message.setPlaceholderText("Optional message to your provider")
                self.late_message.setFixedHeight(70)
                self.late_message.setTabChangesFocus(True)  # Tab moves on, never types a tab
                box.addWidget(self.late_message)
                self.request_button = _button("Request &late cancellation", "requestLateButton", panel, primary=True)
                self.request_button.clicked.connect(self._request_late)
                line = QHBoxLayout()
                line.addWidget(self.request_button)
                line.addStretch(1)
                box.addLayout(line)
            box.addWidget(self.late_status)
            box.addWidget(_label(row.late_fee_note(), "lateFeeNote", panel))
        box.addWidget(_label(INSURANCE_NOTE, "insuranceNote", panel))
        link = policy_link("Read your provider's fee policy", panel)
        link.linkActivated.connect(self._open_policy)
        box.addWidget(link)
        self.policy_link = link
        self.blocked = panel
        return panel

    def _open_policy(self, _href: str = "") -> None:
        actor, appointment_id = self.ctx.actor, self.row.id
        self.ctx.reads.run(lambda: client_portal.booked_policy_text(actor, appointment_id), owner=self,
                           slot="policy", on_done=lambda text: setattr(self, "policy_dialog", open_policy(
                               self, f"Fee policy — {self.row.provider_name}", text)))

    def _request_late(self) -> None:
        assert self.request_button is not None and self.late_message is not None
        message = self.late_message.toPlainText()
        ctx, appt_id = self.ctx, self.row.id
        self.request_button.setEnabled(False)

        def done(result) -> None:
            self.late_status.setText(f"{result.summary} Their answer will arrive in Messages.")
            self.late_message.setEnabled(False)

        def failed(exc: ServiceError) -> None:
            self.late_status.setText(exc.message)
            self.request_button.setEnabled(True)
            show_error(self, exc)

        ctx.ops.run(lambda: cancellation.request_late_cancellation(ctx.actor, appt_id, message, now=ctx.service_now()),
                    parent=self, on_done=done, on_error=failed)
