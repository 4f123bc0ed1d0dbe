"""Step 2 of "Cancel all upcoming repeating appointments": before confirming, what will be
cancelled and what stays booked and why (inside the notice window), with a late-cancellation
request offered for each that stays.

Built in code: it is the service's plan (``cancel_preview``) drawn as lists. The step only
renders the plan and says what the person asked for; the controller runs the services.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QScrollArea, QVBoxLayout, QWidget

from ....rules.timefmt import format_instant
from ...widgets.page import heading, muted
from ..controls import button as _button
from ..controls import label as _label


def clear_layout(layout) -> None:
    """Remove (and delete) every widget and sub-layout of ``layout``."""
    while layout.count():
        item = layout.takeAt(0)
        if item.widget() is not None:
            item.widget().hide()  # gone at once (out of sight and out of the Tab chain), deleted later
            item.widget().deleteLater()
        elif item.layout() is not None:
            clear_layout(item.layout())


class SeriesPreview(QWidget):
    back_requested = Signal()
    confirmed = Signal()
    late_request_asked = Signal(int)  # appointment id of an occurrence that stays

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("seriesPreview")
        self.box = QVBoxLayout(self)
        self.cancel_list: QLabel | None = None
        self.confirm_button: QPushButton | None = None
        self.scroll: QScrollArea | None = None  # the list of what will be cancelled (arrow keys scroll it)
        self.stay_rows: dict[int, QPushButton] = {}  # the request button of each occurrence that stays

    def show_plan(self, plan, zone: str) -> None:
        """Draw ``plan`` (a series plan: ``cancel`` and ``stay`` occurrences) in the viewer's zone."""
        clear_layout(self.box)
        layout = self.box
        layout.addWidget(heading("Cancel all upcoming repeating appointments", self))
        layout.addWidget(muted("Check the list before you confirm. Cancelling is all or nothing: either every "
                               "appointment listed under “Will be cancelled” is cancelled, or none is.", self))
        n = len(plan.cancel)
        layout.addWidget(_label(f"<b>Will be cancelled ({n})</b>", "willCancelTitle", self))
        self.cancel_list = QLabel("<br>".join(format_instant(p.start, zone) for p in plan.cancel)
                                  or "None: every upcoming appointment is inside the notice window.", self)
        self.cancel_list.setObjectName("willCancelList")
        self.cancel_list.setWordWrap(True)
        self.scroll = scroll = QScrollArea(self)
        scroll.setObjectName("willCancelScroll")
        scroll.setAccessibleName("Will be cancelled")
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.cancel_list)
        layout.addWidget(scroll, 1)
        self.stay_rows = {}
        if plan.stay:
            layout.addWidget(self._stays(plan, zone))
        bottom = QHBoxLayout()
        back = _button("&Back", "previewBackButton", self)
        back.clicked.connect(self.back_requested)
        self.confirm_button = _button(f"Cancel {n} appointment{'s' if n != 1 else ''}", "confirmAllButton", self,
                                      danger=True)
        self.confirm_button.setEnabled(plan.anything_to_cancel)
        self.confirm_button.clicked.connect(self.confirmed)
        bottom.addWidget(back)
        bottom.addStretch(1)
        bottom.addWidget(self.confirm_button)
        layout.addLayout(bottom)

    def _stays(self, plan, zone: str) -> QFrame:
        stay = QFrame(self)
        stay.setObjectName("staysPanel")
        stay.setProperty("notice", "blocked")
        box = QVBoxLayout(stay)
        box.addWidget(_label(f"<b>Stay booked ({len(plan.stay)})</b>", "staysTitle", stay))
        for p in plan.stay:
            line = QHBoxLayout()
            why = (f"{format_instant(p.start, zone)} — inside the notice window: free cancellation ended "
                   f"{format_instant(p.decision.deadline, zone)}.")
            line.addWidget(_label(why, f"stay_{p.id}", stay), 1)
            if p.decision.can_request_late_cancellation:
                button = _button("Request late cancellation", f"stayRequest_{p.id}", stay)
                button.clicked.connect(lambda _=False, i=p.id: self._ask_late(i))
                self.stay_rows[p.id] = button
                line.addWidget(button)
            box.addLayout(line)
        return stay

    def _ask_late(self, appointment_id: int) -> None:
        self.stay_rows[appointment_id].setEnabled(False)
        self.late_request_asked.emit(appointment_id)

    def late_request_done(self, appointment_id: int, sent: bool) -> None:
        """The service's answer to a request: sent (the button says so) or refused (ask again)."""
        button = self.stay_rows.get(appointment_id)
        if button is None:
            return
        if sent:
            button.setText("Request sent")
        else:
            button.setEnabled(True)

    def set_busy(self, busy: bool) -> None:
        if self.confirm_button is not None:
            self.confirm_button.setEnabled(not busy)
