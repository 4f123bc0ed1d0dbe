"""The client's cancel screen: what to cancel, why (with follow-up questions and
resources), the series preview, and the confirmation with Reschedule / Return.

Steps live on one stacked dialog opened with ``open()``. What may be cancelled
comes from the services (``cancel_preview``); the reasons, follow-ups and
resources come from the catalogue; the dialog only renders them.
"""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ...rules.fees import CancellationBy, fee_decision
from ...rules.reasons import Reason, Resource
from ...rules.timefmt import format_instant
from ...services import cancellation
from ...services.catalogue import reasons_catalogue
from ...services.client_portal import AppointmentRow
from ...services.errors import ServiceError
from ..context import AppContext
from ..dialogs import show_error
from ..widgets.page import heading, muted
from .controls import button as _button
from .controls import label as _label
from .rows import when

ACTION_LABELS = {
    "reschedule": "Pick another time instead",
    "message_provider": "Message my provider",
    "cancel_all_upcoming": "Cancel all upcoming repeating appointments",
    "telehealth": "Ask for a video session",
}


def _clear(layout) -> None:
    while layout.count():
        item = layout.takeAt(0)
        if item.widget() is not None:
            item.widget().deleteLater()


class CancelDialog(QDialog):
    reschedule_requested = Signal(int)  # provider id: book a new time after cancelling
    move_requested = Signal(int)  # appointment id: reschedule instead of cancelling
    message_requested = Signal(int)  # appointment id
    return_requested = Signal()

    def __init__(self, ctx: AppContext, row: AppointmentRow, parent: QWidget | None = None, *,
                 all_upcoming: bool = False) -> None:
        super().__init__(parent)
        self.ctx, self.row = ctx, row
        self.catalogue = reasons_catalogue()
        self.answers: dict[str, str] = {}
        self.plan = None
        self.result_ids: list[int] = []
        self.setObjectName("cancelDialog")
        self.setWindowTitle("Cancel appointment")
        self.setAccessibleName("Cancel appointment")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.resize(620, 640)
        outer = QVBoxLayout(self)
        self.stack = QStackedWidget(self)
        outer.addWidget(self.stack)
        self.form_page = self._build_form()
        self.preview_page = QWidget(self)
        self.preview_page.setObjectName("seriesPreview")
        self.preview_layout = QVBoxLayout(self.preview_page)
        self.done_page = self._build_done()
        for page in (self.form_page, self.preview_page, self.done_page):
            self.stack.addWidget(page)
        if all_upcoming and self.all_radio is not None:
            self.all_radio.setChecked(True)
        self._update_state()

    # ---- step 1: what and why --------------------------------------------------------------
    def _build_form(self) -> QWidget:
        row, zone = self.row, self.ctx.actor.time_zone
        page = QWidget(self)
        page.setObjectName("cancelForm")
        layout = QVBoxLayout(page)
        layout.addWidget(heading("Cancel appointment", page))
        layout.addWidget(_label(when(row, zone), "cancelWhen", page))
        layout.addWidget(muted(f"{row.service_name} with {row.provider_name} · {row.place}", page))
        layout.addWidget(_label(row.notice_line(zone), "cancelNotice", page))

        self.this_radio = self.all_radio = None
        if row.repeats:
            scope = QGroupBox("What would you like to cancel?", page)
            scope.setObjectName("cancelScope")
            box = QVBoxLayout(scope)
            self.this_radio = QRadioButton("Cancel this appointment", scope)
            self.this_radio.setObjectName("cancelThisRadio")
            self.all_radio = QRadioButton("Cancel all upcoming repeating appointments", scope)
            self.all_radio.setObjectName("cancelAllRadio")
            self.this_radio.setChecked(True)
            for radio in (self.this_radio, self.all_radio):
                radio.setAccessibleName(radio.text())
                radio.toggled.connect(self._update_state)
                box.addWidget(radio, 0, Qt.AlignmentFlag.AlignLeft)
            layout.addWidget(scope)

        layout.addWidget(_label("Why are you cancelling? (required)", "reasonLabel", page))
        self.reason_combo = QComboBox(page)
        self.reason_combo.setObjectName("reasonCombo")
        self.reason_combo.setAccessibleName("Cancellation reason")
        self.reason_combo.addItem("Choose a reason…", None)
        for reason in self.catalogue.reasons:
            self.reason_combo.addItem(reason.label, reason.id)
        self.reason_combo.currentIndexChanged.connect(self._reason_changed)
        layout.addWidget(self.reason_combo)

        scroll = QScrollArea(page)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        body = QWidget(scroll)
        self.body_layout = QVBoxLayout(body)
        self.body_layout.setContentsMargins(0, 0, 0, 0)
        # Crisis resources come first, before any question or anything else.
        self.urgent_box = QFrame(body)
        self.urgent_box.setObjectName("urgentResources")
        self.urgent_box.setProperty("notice", "crisis")
        self.urgent_layout = QVBoxLayout(self.urgent_box)
        self.questions_box = QWidget(body)
        self.questions_box.setObjectName("followUpQuestions")
        self.questions_layout = QVBoxLayout(self.questions_box)
        self.questions_layout.setContentsMargins(0, 0, 0, 0)
        self.other_text = QPlainTextEdit(body)
        self.other_text.setObjectName("otherText")
        self.other_text.setAccessibleName("Tell us briefly why")
        self.other_text.setPlaceholderText("Tell us briefly why you are cancelling")
        self.other_text.setFixedHeight(70)
        self.other_text.textChanged.connect(self._update_state)
        self.resources_box = QFrame(body)
        self.resources_box.setObjectName("resources")
        self.resources_box.setProperty("notice", "info")
        self.resources_layout = QVBoxLayout(self.resources_box)
        for w in (self.urgent_box, self.questions_box, self.other_text, self.resources_box):
            self.body_layout.addWidget(w)
        self.body_layout.addStretch(1)
        scroll.setWidget(body)
        layout.addWidget(scroll, 1)

        self.form_hint = _label("", "cancelHint", page)
        self.form_hint.setProperty("muted", True)
        layout.addWidget(self.form_hint)
        bottom = QHBoxLayout()
        self.keep_button = _button("&Keep appointment", "keepButton", page)
        self.keep_button.clicked.connect(self.reject)
        self.confirm_button = _button("&Cancel appointment", "confirmCancelButton", page, danger=True)
        self.confirm_button.clicked.connect(self._confirm)
        bottom.addWidget(self.keep_button)
        bottom.addStretch(1)
        bottom.addWidget(self.confirm_button)
        layout.addLayout(bottom)
        self._reason_changed()
        return page

    def reason(self) -> Reason | None:
        rid = self.reason_combo.currentData()
        return self.catalogue.reason(rid) if rid else None

    def select_reason(self, reason_id: str) -> None:
        self.reason_combo.setCurrentIndex(self.reason_combo.findData(reason_id))

    def cancelling_all(self) -> bool:
        return self.all_radio is not None and self.all_radio.isChecked()

    def _reason_changed(self) -> None:
        self.answers = {}
        _clear(self.questions_layout)
        self.answer_buttons: dict[tuple[str, str], QRadioButton] = {}
        reason = self.reason()
        self.other_text.setVisible(bool(reason and reason.free_text))
        for question in (reason.questions if reason else ()):
            group_box = QGroupBox(question.text + ("" if question.required else " (optional)"), self.questions_box)
            group_box.setObjectName(f"question_{question.id}")
            box = QVBoxLayout(group_box)
            group = QButtonGroup(group_box)
            for answer in question.answers:
                radio = QRadioButton(answer.label, group_box)
                radio.setObjectName(f"answer_{question.id}_{answer.id}")
                radio.setAccessibleName(answer.label)
                group.addButton(radio)
                box.addWidget(radio, 0, Qt.AlignmentFlag.AlignLeft)  # clickable over its text only
                radio.toggled.connect(partial(self._toggled, question.id, answer.id))
                self.answer_buttons[(question.id, answer.id)] = radio
            self.questions_layout.addWidget(group_box)
            group_box.show()  # added to a visible dialog: Qt would show it only on the next event loop turn
        self._show_resources()
        self._update_state()
        self._lay_out()

    def _lay_out(self) -> None:
        """Place the new widgets now, not on the next event loop turn, so they are where they show."""
        for layout in (self.questions_layout, self.urgent_layout, self.resources_layout, self.body_layout):
            layout.activate()
        for box in self.questions_box.findChildren(QGroupBox):
            box.layout().activate()

    def answer(self, question_id: str, answer_id: str) -> QRadioButton:
        return self.answer_buttons[(question_id, answer_id)]

    def _toggled(self, question_id: str, answer_id: str, checked: bool) -> None:
        if checked:
            self._answer(question_id, answer_id)

    def _answer(self, question_id: str, answer_id: str) -> None:
        self.answers[question_id] = answer_id
        self._show_resources()
        self._update_state()

    def _add(self, layout, widget: QWidget) -> None:
        layout.addWidget(widget)
        widget.show()

    def _show_resources(self) -> None:
        _clear(self.urgent_layout)
        _clear(self.resources_layout)
        reason = self.reason()
        resources = self.catalogue.resources_for(reason.id, self.answers) if reason else []
        self.shown_resources = resources
        urgent = [r for r in resources if r.urgent]
        other = [r for r in resources if not r.urgent]
        if urgent:
            title = _label("If you are in danger or thinking about harming yourself, get help now:",
                           "urgentTitle", self.urgent_box)
            title.setProperty("role", "subheading")
            self._add(self.urgent_layout, title)
        for r in urgent:
            self._add(self.urgent_layout, self._resource_widget(r, self.urgent_box))
        if other:
            self._add(self.resources_layout, _label("This might help:", "resourcesTitle", self.resources_box))
        for r in other:
            self._add(self.resources_layout, self._resource_widget(r, self.resources_box))
        self.urgent_box.setVisible(bool(urgent))
        self.resources_box.setVisible(bool(other))

    def _resource_widget(self, resource: Resource, parent: QWidget) -> QWidget:
        w = QWidget(parent)
        w.setObjectName(f"resource_{resource.id}")
        box = QVBoxLayout(w)
        box.setContentsMargins(0, 4, 0, 4)
        title = resource.title + (f" — {resource.phone}" if resource.phone else "")
        head = _label(f"<b>{title}</b>", f"resourceTitle_{resource.id}", w)
        head.setAccessibleName(title)
        box.addWidget(head)
        box.addWidget(_label(resource.body, f"resourceBody_{resource.id}", w))
        if resource.action:
            button = _button(ACTION_LABELS.get(resource.action, resource.action), f"action_{resource.action}", w)
            button.clicked.connect(lambda _=False, a=resource.action: self._resource_action(a))
            if resource.action == "cancel_all_upcoming" and self.all_radio is None:
                button.setEnabled(False)
                button.setToolTip("This appointment does not repeat.")
            if resource.action == "reschedule" and not self.row.can_reschedule:
                button.setEnabled(False)
            line = QHBoxLayout()
            line.addWidget(button)
            line.addStretch(1)
            box.addLayout(line)
        return w

    def _resource_action(self, action: str) -> None:
        if action == "cancel_all_upcoming" and self.all_radio is not None:
            self.all_radio.setChecked(True)
        elif action == "reschedule":
            self.move_requested.emit(self.row.id)
        elif action in ("message_provider", "telehealth"):
            self.message_requested.emit(self.row.id)

    def problems(self) -> list[str]:
        reason = self.reason()
        if reason is None:
            return ["Choose a reason to continue."]
        return self.catalogue.validate_answers(reason.id, self.answers, self.other_text.toPlainText())

    def _update_state(self) -> None:
        if not hasattr(self, "confirm_button"):
            return
        problems = self.problems()
        self.form_hint.setText(" ".join(problems))
        self.confirm_button.setEnabled(not problems)
        self.confirm_button.setText("&Review cancellations…" if self.cancelling_all() else "&Cancel appointment")
        self.confirm_button.setAccessibleName(self.confirm_button.text().replace("&", ""))

    def _confirm(self) -> None:
        if self.cancelling_all():
            self._show_preview()
        else:
            self._run_cancel_one()

    def _run_cancel_one(self) -> None:
        ctx, row = self.ctx, self.row
        reason, answers, other = self.reason().id, dict(self.answers), self.other_text.toPlainText()
        self.confirm_button.setEnabled(False)
        ctx.ops.run(lambda: cancellation.client_cancel_one(ctx.actor, row.id, reason, answers, other,
                                                           expected_version=row.version, now=ctx.now()),
                    parent=self, on_done=self._cancelled, on_error=self._failed)

    def _failed(self, exc: ServiceError) -> None:
        self.form_hint.setText(exc.message)
        self.form_hint.setProperty("error", True)
        self.confirm_button.setEnabled(True)
        if self.stack.currentWidget() is self.preview_page:
            self.confirm_all_button.setEnabled(True)
        show_error(self, exc)

    # ---- step 2 (all upcoming): the series preview ---------------------------------------
    def _show_preview(self) -> None:
        try:
            preview = cancellation.cancel_preview(self.ctx.actor, self.row.id, now=self.ctx.now())
        except ServiceError as exc:
            show_error(self, exc)
            return
        self.plan = preview.series_plan
        zone = self.ctx.actor.time_zone
        _clear(self.preview_layout)
        page, layout = self.preview_page, self.preview_layout
        layout.addWidget(heading("Cancel all upcoming repeating appointments", page))
        layout.addWidget(muted("Check the list before you confirm. Cancelling is all or nothing: either every "
                               "appointment listed under “Will be cancelled” is cancelled, or none is.", page))
        n = len(self.plan.cancel)
        layout.addWidget(_label(f"<b>Will be cancelled ({n})</b>", "willCancelTitle", page))
        self.cancel_list = QLabel("<br>".join(format_instant(p.start, zone) for p in self.plan.cancel)
                                  or "None: every upcoming appointment is inside the notice window.", page)
        self.cancel_list.setObjectName("willCancelList")
        self.cancel_list.setWordWrap(True)
        scroll = QScrollArea(page)
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.cancel_list)
        layout.addWidget(scroll, 1)
        self.stay_rows: dict[int, QPushButton] = {}
        if self.plan.stay:
            stay = QFrame(page)
            stay.setObjectName("staysPanel")
            stay.setProperty("notice", "blocked")
            box = QVBoxLayout(stay)
            box.addWidget(_label(f"<b>Stay booked ({len(self.plan.stay)})</b>", "staysTitle", stay))
            for p in self.plan.stay:
                line = QHBoxLayout()
                why = (f"{format_instant(p.start, zone)} — inside the notice window: free cancellation ended "
                       f"{format_instant(p.decision.deadline, zone)}.")
                line.addWidget(_label(why, f"stay_{p.id}", stay), 1)
                if p.decision.can_request_late_cancellation:
                    button = _button("Request late cancellation", f"stayRequest_{p.id}", stay)
                    button.clicked.connect(lambda _=False, i=p.id, b=button: self._request_late(i, b))
                    self.stay_rows[p.id] = button
                    line.addWidget(button)
                box.addLayout(line)
            layout.addWidget(stay)
        bottom = QHBoxLayout()
        back = _button("&Back", "previewBackButton", page)
        back.clicked.connect(lambda: self.stack.setCurrentWidget(self.form_page))
        label = f"Cancel {n} appointment{'s' if n != 1 else ''}"
        self.confirm_all_button = _button(label, "confirmAllButton", page, danger=True)
        self.confirm_all_button.setEnabled(self.plan.anything_to_cancel)
        self.confirm_all_button.clicked.connect(self._run_cancel_all)
        bottom.addWidget(back)
        bottom.addStretch(1)
        bottom.addWidget(self.confirm_all_button)
        layout.addLayout(bottom)
        self.stack.setCurrentWidget(self.preview_page)

    def _request_late(self, appointment_id: int, button: QPushButton) -> None:
        ctx = self.ctx
        button.setEnabled(False)

        def done(result) -> None:
            button.setText("Request sent")

        def failed(exc: ServiceError) -> None:
            button.setEnabled(True)
            show_error(self, exc)

        ctx.ops.run(lambda: cancellation.request_late_cancellation(ctx.actor, appointment_id, now=ctx.now()),
                    parent=self, on_done=done, on_error=failed)

    def _run_cancel_all(self) -> None:
        ctx, row = self.ctx, self.row
        reason, answers, other = self.reason().id, dict(self.answers), self.other_text.toPlainText()
        expected = [p.id for p in self.plan.cancel]
        self.confirm_all_button.setEnabled(False)
        ctx.ops.run(lambda: cancellation.client_cancel_upcoming(ctx.actor, row.id, reason, answers, other,
                                                                expected_ids=expected, now=ctx.now()),
                    parent=self, on_done=self._cancelled, on_error=self._failed)

    # ---- step 3: the confirmation -----------------------------------------------------------
    def _build_done(self) -> QWidget:
        page = QWidget(self)
        page.setObjectName("cancelConfirmation")
        layout = QVBoxLayout(page)
        self.done_title = heading("Appointment cancelled", page)
        self.done_title.setObjectName("confirmationTitle")
        layout.addWidget(self.done_title)
        self.done_text = _label("", "confirmationText", page)
        layout.addWidget(self.done_text)
        layout.addWidget(muted("Would you like to book another time?", page))
        line = QHBoxLayout()
        self.reschedule_button = _button("&Reschedule", "confirmationRescheduleButton", page, primary=True)
        self.reschedule_button.clicked.connect(lambda: self.reschedule_requested.emit(self.row.provider_id))
        self.return_button = _button("Return to &dashboard", "returnToDashboardButton", page)
        self.return_button.clicked.connect(self.return_requested)
        line.addWidget(self.reschedule_button)
        line.addWidget(self.return_button)
        line.addStretch(1)
        layout.addLayout(line)
        layout.addStretch(1)
        return page

    def _cancelled(self, result) -> None:
        self.result_ids = list(result.value or [])
        zone = self.ctx.actor.time_zone
        if len(self.result_ids) > 1:
            self.done_title.setText(f"{len(self.result_ids)} appointments cancelled")
        # The service cancelled only what the notice rule allowed: the fee rule says what that costs.
        fee = fee_decision(CancellationBy.CLIENT_WITH_NOTICE, self.row.policy).note
        text = (f"Your appointment on {format_instant(self.row.start, zone)} with {self.row.provider_name} "
                f"is cancelled. {fee}")
        if len(self.result_ids) != 1 or self.result_ids[0] != self.row.id:
            text = f"{result.summary} {fee}"
        self.done_text.setText(text)
        self.stack.setCurrentWidget(self.done_page)
        # The confirmation is short: let the dialog shrink to it rather than keep the form's height.
        for page in (self.form_page, self.preview_page):
            page.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.setMinimumSize(0, 0)
        self.adjustSize()
