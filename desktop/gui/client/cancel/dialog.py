"""The client's cancel dialog: steps through the reason form, the series preview (for "all
upcoming") or the confirm step (for one: "Then, confirm your cancellation") and the confirmation, and runs each service call through the write runner.

What may be cancelled comes from the services (``cancel_preview``, the cancellations
themselves); the reasons, follow-ups and resources come from the catalogue; the steps
only render them. Opened with ``open()``.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDialog, QSizePolicy, QStackedWidget, QVBoxLayout, QWidget

from ....rules.fees import CancellationBy, fee_decision
from ....rules.reasons import ResourceAction
from ....rules.timefmt import format_instant
from ....services import cancellation
from ....services.catalogue import reasons_catalogue
from ....services.client_portal import AppointmentRow
from ....services.errors import ServiceError
from ...context import AppContext
from ...dialogs import show_error
from .confirm_one import ConfirmOne
from .confirmation import Confirmation
from .reason_form import ReasonForm
from .series_preview import SeriesPreview


class CancelDialog(QDialog):
    reschedule_requested = Signal(int)  # provider id: book a new time after cancelling
    move_requested = Signal(int)  # appointment id: reschedule instead of cancelling
    message_requested = Signal(int)  # appointment id
    return_requested = Signal()

    def __init__(self, ctx: AppContext, row: AppointmentRow, parent: QWidget | None = None, *,
                 all_upcoming: bool = False) -> None:
        super().__init__(parent)
        self.ctx, self.row = ctx, row
        self.plan = None  # the series plan the person was shown (all upcoming), sent back to be checked
        self.result_ids: list[int] = []
        self.setObjectName("cancelDialog")
        self.setWindowTitle("Cancel appointment")
        self.setAccessibleName("Cancel appointment")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.resize(620, 640)
        zone = ctx.actor.time_zone
        self.form = ReasonForm(row, zone, reasons_catalogue(), self)
        self.preview = SeriesPreview(self)
        self.confirm_one = ConfirmOne(row, zone, self)
        self.confirmation = Confirmation(self)
        self.stack = QStackedWidget(self)
        for step in (self.form, self.preview, self.confirm_one, self.confirmation):
            self.stack.addWidget(step)
        QVBoxLayout(self).addWidget(self.stack)

        self.form.keep_requested.connect(self.reject)
        self.form.confirmed.connect(self._confirm)
        self.form.action_requested.connect(self._resource_action)
        self.preview.back_requested.connect(lambda: self.stack.setCurrentWidget(self.form))
        self.preview.confirmed.connect(self._run_cancel_all)
        self.preview.late_request_asked.connect(self._request_late)
        self.confirm_one.back_requested.connect(self._back_to_form)
        self.confirm_one.confirmed.connect(self._run_cancel_one)
        self.confirmation.reschedule_requested.connect(lambda: self.reschedule_requested.emit(row.provider_id))
        self.confirmation.return_requested.connect(self.return_requested)
        if all_upcoming and self.form.all_radio is not None:
            self.form.all_radio.setChecked(True)

    def _resource_action(self, action: ResourceAction) -> None:
        if action is ResourceAction.RESCHEDULE:
            self.move_requested.emit(self.row.id)
        elif action in (ResourceAction.MESSAGE_PROVIDER, ResourceAction.TELEHEALTH):
            self.message_requested.emit(self.row.id)

    def _confirm(self) -> None:
        if self.form.cancelling_all():
            self._show_preview()
        else:
            self._show_confirm_one()

    def _back_to_form(self) -> None:
        self.stack.setCurrentWidget(self.form)
        self.form.confirm_button.setFocus()

    def _show_confirm_one(self) -> None:
        """Then, confirm your cancellation: what will be cancelled, before anything is written."""
        reason = self.form.reason()
        contacts = self.form.catalogue.contact_requests(reason.id, self.form.answers)
        self.confirm_one.show_choice(reason.label, self.row.provider_name if contacts else None)
        self.stack.setCurrentWidget(self.confirm_one)
        self.confirm_one.confirm_button.setFocus()

    def _choice(self) -> tuple[str, dict[str, str], str]:
        """The reason, answers and free text, copied so the worker never reads a widget."""
        return self.form.reason().id, dict(self.form.answers), self.form.other()

    def _run_cancel_one(self) -> None:
        ctx, row = self.ctx, self.row
        reason, answers, other = self._choice()
        self.confirm_one.set_busy(True)
        ctx.ops.run(lambda: cancellation.client_cancel_one(ctx.actor, row.id, reason, answers, other,
                                                           expected_version=row.version, now=ctx.service_now()),
                    parent=self, on_done=self._cancelled, on_error=self._failed)

    def _show_preview(self) -> None:
        """Read what "all upcoming" would cancel on the reader; step 2 shows it when it comes."""
        actor, appointment_id, now = self.ctx.actor, self.row.id, self.ctx.service_now()
        self.ctx.reads.run(lambda: cancellation.cancel_preview(actor, appointment_id, now=now), owner=self,
                           slot="preview", on_done=self._preview_loaded)

    def _preview_loaded(self, preview) -> None:
        self.plan = preview.series_plan
        self.preview.show_plan(self.plan, self.ctx.actor.time_zone)
        self.stack.setCurrentWidget(self.preview)
        self.preview.scroll.setFocus()  # the top of the step: what will be cancelled

    def _request_late(self, appointment_id: int) -> None:
        ctx = self.ctx

        def failed(exc: ServiceError) -> None:
            self.preview.late_request_done(appointment_id, sent=False)
            show_error(self, exc)

        ctx.ops.run(lambda: cancellation.request_late_cancellation(ctx.actor, appointment_id, now=ctx.service_now()),
                    parent=self, on_done=lambda _r: self.preview.late_request_done(appointment_id, sent=True),
                    on_error=failed)

    def _run_cancel_all(self) -> None:
        ctx, row = self.ctx, self.row
        reason, answers, other = self._choice()
        expected = [p.id for p in self.plan.cancel]
        self.preview.set_busy(True)
        ctx.ops.run(lambda: cancellation.client_cancel_upcoming(ctx.actor, row.id, reason, answers, other,
                                                                expected_ids=expected, now=ctx.service_now()),
                    parent=self, on_done=self._cancelled, on_error=self._failed)

    def _failed(self, exc: ServiceError) -> None:
        self.form.show_refusal(exc.message)
        if self.stack.currentWidget() is self.preview:
            self.preview.set_busy(False)
        elif self.stack.currentWidget() is self.confirm_one:
            # Back to the form, which says why (e.g. the notice window began meanwhile).
            self.confirm_one.set_busy(False)
            self.stack.setCurrentWidget(self.form)
        show_error(self, exc)

    def _cancelled(self, result) -> None:
        self.result_ids = list(result.value or [])
        n = len(self.result_ids)
        # The service cancelled only what the notice rule allowed: the fee rule says what that costs.
        fee = fee_decision(CancellationBy.CLIENT_WITH_NOTICE, self.row.policy).note
        if n == 1 and self.result_ids[0] == self.row.id:
            text = (f"Your appointment on {format_instant(self.row.start, self.ctx.actor.time_zone)} with "
                    f"{self.row.provider_name} is cancelled. {fee}")
        else:
            text = f"{result.summary} {fee}"
        if result.notice:  # e.g. the provider was asked to contact them (rule 6)
            text += f"\n\n{result.notice}"
        self.confirmation.show_result(f"{n} appointments cancelled" if n > 1 else "Appointment cancelled", text)
        self.stack.setCurrentWidget(self.confirmation)
        # The confirmation is short: let the dialog shrink to it rather than keep the form's height.
        for step in (self.form, self.preview, self.confirm_one):
            step.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.setMinimumSize(0, 0)
        self.adjustSize()
