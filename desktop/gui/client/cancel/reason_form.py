"""Step 1 of cancelling: what to cancel (this one / all upcoming of a series) and why: the
reason drop-down, the reason's follow-up questions, and the resources its answers show
(crisis resources first, before anything else).

Built in code: which questions and resources appear is the catalogue's data
(``resources/reasons.json``), changing with every choice. The step validates through the
catalogue and emits ``confirmed``; the controller runs the service.
"""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ....rules.reasons import Catalogue, Reason, Resource, ResourceAction
from ....services.client_portal import AppointmentRow
from ...widgets.page import heading, muted
from ..controls import button as _button
from ..controls import label as _label
from ..rows import when
from .series_preview import clear_layout

ACTION_LABELS = {
    ResourceAction.RESCHEDULE: "Pick another time instead",
    ResourceAction.MESSAGE_PROVIDER: "Message my provider",
    ResourceAction.CANCEL_ALL_UPCOMING: "Cancel all upcoming repeating appointments",
    ResourceAction.TELEHEALTH: "Ask for a video session",
}


class ReasonForm(QWidget):
    keep_requested = Signal()
    confirmed = Signal()  # the reason and answers are complete and the person confirmed
    action_requested = Signal(object)  # a ResourceAction the form does not handle itself

    def __init__(self, row: AppointmentRow, zone: str, catalogue: Catalogue,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.row, self.catalogue = row, catalogue
        self.answers: dict[str, str] = {}
        self.answer_buttons: dict[tuple[str, str], QRadioButton] = {}
        self.shown_resources: list[Resource] = []
        self.setObjectName("cancelForm")
        layout = QVBoxLayout(self)
        layout.addWidget(heading("Cancel appointment", self))
        layout.addWidget(_label(when(row, zone), "cancelWhen", self))
        layout.addWidget(muted(f"{row.service_name} with {row.provider_name} · {row.place}", self))
        layout.addWidget(_label(row.notice_line(zone), "cancelNotice", self))
        self.this_radio = self.all_radio = None
        if row.repeats:
            layout.addWidget(self._scope())
        layout.addWidget(_label("Why are you cancelling? (required)", "reasonLabel", self))
        self.reason_combo = QComboBox(self)
        self.reason_combo.setObjectName("reasonCombo")
        self.reason_combo.setAccessibleName("Cancellation reason")
        self.reason_combo.addItem("Choose a reason…", None)
        for reason in catalogue.reasons:
            self.reason_combo.addItem(reason.label, reason.id)
        self.reason_combo.currentIndexChanged.connect(self._reason_changed)
        layout.addWidget(self.reason_combo)
        layout.addWidget(self._body(), 1)
        self.hint = _label("", "cancelHint", self)
        self.hint.setProperty("muted", True)
        layout.addWidget(self.hint)
        bottom = QHBoxLayout()
        self.keep_button = _button("&Keep appointment", "keepButton", self)
        self.keep_button.clicked.connect(self.keep_requested)
        self.confirm_button = _button("&Cancel appointment", "confirmCancelButton", self, danger=True)
        self.confirm_button.clicked.connect(self.confirmed)
        bottom.addWidget(self.keep_button)
        bottom.addStretch(1)
        bottom.addWidget(self.confirm_button)
        layout.addLayout(bottom)
        self._reason_changed()

    def _scope(self) -> QGroupBox:
        scope = QGroupBox("What would you like to cancel?", self)
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
        return scope

    def _body(self) -> QScrollArea:
        """The part that changes with the reason: crisis resources, questions, free text, resources."""
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        # Not a stop of its own: Tab goes to the controls inside, and the area scrolls to each.
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
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
        self.other_text.setTabChangesFocus(True)
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
        return scroll

    # ---- what the person chose -------------------------------------------------------------
    def reason(self) -> Reason | None:
        rid = self.reason_combo.currentData()
        return self.catalogue.reason(rid) if rid else None

    def select_reason(self, reason_id: str) -> None:
        self.reason_combo.setCurrentIndex(self.reason_combo.findData(reason_id))

    def answer(self, question_id: str, answer_id: str) -> QRadioButton:
        return self.answer_buttons[(question_id, answer_id)]

    def cancelling_all(self) -> bool:
        return self.all_radio is not None and self.all_radio.isChecked()

    def other(self) -> str:
        return self.other_text.toPlainText()

    def problems(self) -> list[str]:
        reason = self.reason()
        if reason is None:
            return ["Choose a reason to continue."]
        return self.catalogue.validate_answers(reason.id, self.answers, self.other())

    # ---- the service's answer --------------------------------------------------------------
    def set_busy(self, busy: bool) -> None:
        self.confirm_button.setEnabled(not busy and not self.problems())

    def show_refusal(self, text: str) -> None:
        self.hint.setText(text)
        self.hint.setProperty("error", True)
        self.hint.style().polish(self.hint)
        self.set_busy(False)

    # ---- the questions and resources of the chosen reason ----------------------------------
    def _reason_changed(self) -> None:
        self.answers = {}
        clear_layout(self.questions_layout)
        self.answer_buttons = {}
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

    def _toggled(self, question_id: str, answer_id: str, checked: bool) -> None:
        if checked:
            self.answers[question_id] = answer_id
            self._show_resources()
            self._update_state()

    def _add(self, layout, widget: QWidget) -> None:
        layout.addWidget(widget)
        widget.show()

    def _show_resources(self) -> None:
        clear_layout(self.urgent_layout)
        clear_layout(self.resources_layout)
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
        if hasattr(self, "confirm_button"):
            self._order_tabs()

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
        if resource.action is not None:
            action = resource.action
            button = _button(ACTION_LABELS[action], f"action_{action.value}", w)
            button.clicked.connect(lambda _=False, a=action: self._resource_action(a))
            if action is ResourceAction.CANCEL_ALL_UPCOMING and self.all_radio is None:
                button.setEnabled(False)
                button.setToolTip("This appointment does not repeat.")
            if action is ResourceAction.RESCHEDULE and not self.row.can_reschedule:
                button.setEnabled(False)
            line = QHBoxLayout()
            line.addWidget(button)
            line.addStretch(1)
            box.addLayout(line)
        return w

    def _resource_action(self, action: ResourceAction) -> None:
        if action is ResourceAction.CANCEL_ALL_UPCOMING:
            if self.all_radio is not None:
                self.all_radio.setChecked(True)
        else:
            self.action_requested.emit(action)

    def _order_tabs(self) -> None:
        """Tab in reading order: the questions and resources are made after the buttons below
        them (they change with every choice), so the chain is set again each time."""
        chain: list[QWidget] = [w for w in (self.this_radio, self.all_radio) if w is not None]
        chain.append(self.reason_combo)
        def shown(box: QWidget) -> list[QWidget]:  # not those of resources cleared away (deleted later)
            return [b for b in box.findChildren(QPushButton) if not b.parentWidget().isHidden()]
        chain += shown(self.urgent_box)
        chain += list(self.answer_buttons.values())
        chain.append(self.other_text)
        chain += shown(self.resources_box)
        chain += [self.keep_button, self.confirm_button]
        for first, second in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(first, second)

    def _update_state(self) -> None:
        if not hasattr(self, "confirm_button"):
            return  # still being built
        problems = self.problems()
        self.hint.setText(" ".join(problems))
        self.confirm_button.setEnabled(not problems)
        # "Cancel" at the bottom; what it will cancel is confirmed on the next step (one or the series).
        self.confirm_button.setText("&Review cancellations…" if self.cancelling_all() else "&Cancel")
        self.confirm_button.setAccessibleName(self.confirm_button.text().replace("&", ""))
