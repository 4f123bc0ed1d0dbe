"""The provider's appointment dialogs: new (single or repeating), cancel for the client,
no-show, move one / change the series from here.

Each dialog collects plain values and emits ``submitted``; the page runs the
service and closes the dialog when it succeeds (it stays open on a refusal).
Opened with ``open()``, never ``exec()``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from PySide6.QtCore import QDate, QTime, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from ...rules.series import Frequency
from ...rules.timefmt import format_instant, format_range
from ...services.provider import (
    AppointmentDetail,
    ClientChoice,
    SeriesCancelPreview,
    ServiceChoice,
    provider_reasons,
)


def _named(widget: QWidget, name: str, accessible: str) -> QWidget:
    widget.setObjectName(name)
    widget.setAccessibleName(accessible)
    return widget


def _qdate(d: date) -> QDate:
    return QDate(d.year, d.month, d.day)


def _date(q: QDate) -> date:
    return date(q.year(), q.month(), q.day())


class _AppointmentDialog(QDialog):
    """Opened with ``open()``; the accept button emits a submission and the dialog stays open,
    showing the service's refusal in ``error``, until the page closes it on success."""

    def _finish(self, layout: QVBoxLayout, text: str, name: str, accessible: str, on_accept,
                reject_text: str | None = None) -> QPushButton:
        """The error line and the button row at the bottom; returns the accept button."""
        self.error = QLabel("", self)
        self.error.setObjectName("dialogError")
        self.error.setProperty("error", True)
        self.error.setWordWrap(True)
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(self)
        accept = _named(buttons.addButton(text, QDialogButtonBox.ButtonRole.AcceptRole), name, accessible)
        if reject_text is None:
            buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        else:
            buttons.addButton(reject_text, QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(on_accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        return accept

    def show_error(self, text: str) -> None:
        self.error.setText(text)

class RepeatFields(QWidget):
    """How often and until when: weekly / every 2 weeks / monthly by weekday; an end date or a count."""

    def __init__(self, first_day: date, *, allow_none: bool = True, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        self.frequency = _named(QComboBox(self), "repeatCombo", "Repeat")
        if allow_none:
            self.frequency.addItem("Does not repeat", None)
        for f in Frequency:
            self.frequency.addItem(f.label, f)
        form.addRow("&Repeat:", self.frequency)
        ends = QWidget(self)
        row = QHBoxLayout(ends)
        row.setContentsMargins(0, 0, 0, 0)
        self.ends_after = _named(QRadioButton("After", ends), "endsAfterRadio", "Ends after a number of times")
        self.count = _named(QSpinBox(ends), "countSpin", "Number of appointments")
        self.count.setRange(1, 200)
        self.count.setValue(10)
        self.ends_on = _named(QRadioButton("On", ends), "endsOnRadio", "Ends on a date")
        self.until = _named(QDateEdit(_qdate(first_day + timedelta(weeks=12)), ends), "untilDate", "Last date")
        self.until.setCalendarPopup(True)
        self.until.setDisplayFormat("ddd d MMM yyyy")
        group = QButtonGroup(self)
        group.addButton(self.ends_after)
        group.addButton(self.ends_on)
        self.ends_after.setChecked(True)
        for w in (self.ends_after, self.count, QLabel("times", ends), self.ends_on, self.until):
            row.addWidget(w)
        row.addStretch(1)
        self.ends_row = ends
        form.addRow("Ends:", ends)
        self.frequency.currentIndexChanged.connect(self._sync)
        self._sync()

    def _sync(self) -> None:
        self.ends_row.setEnabled(self.frequency.currentData() is not None)

    def value(self) -> tuple[Frequency | None, date | None, int | None]:
        freq = self.frequency.currentData()
        if freq is None:
            return None, None, None
        if self.ends_on.isChecked():
            return freq, _date(self.until.date()), None
        return freq, None, self.count.value()

    def set_frequency(self, frequency: Frequency) -> None:
        self.frequency.setCurrentIndex(self.frequency.findData(frequency))


@dataclass(frozen=True)
class NewAppointment:
    client_id: int
    local_start: datetime  # naive wall-clock in the provider's zone
    duration: timedelta
    service_id: int | None
    telehealth: bool
    frequency: Frequency | None
    until: date | None
    count: int | None


class NewAppointmentDialog(_AppointmentDialog):
    submitted = Signal(object)  # NewAppointment

    def __init__(self, clients: list[ClientChoice], services: list[ServiceChoice], day: date, zone: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("newAppointmentDialog")
        self.setWindowTitle("New appointment")
        self.zone = zone
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.client = _named(QComboBox(self), "clientCombo", "Client")
        for c in clients:
            self.client.addItem(c.name, c.id)
        form.addRow("&Client:", self.client)
        self.service = _named(QComboBox(self), "serviceCombo", "Service")
        for s in services:
            self.service.addItem(s.name, s)
        form.addRow("&Service:", self.service)
        self.day = _named(QDateEdit(_qdate(day), self), "dateEdit", "Date")
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("ddd d MMM yyyy")
        form.addRow("&Date:", self.day)
        self.start = _named(QTimeEdit(QTime(10, 0), self), "timeEdit", "Start time")
        self.start.setDisplayFormat("HH:mm")
        form.addRow(f"S&tart ({zone}):", self.start)
        self.duration = _named(QSpinBox(self), "durationSpin", "Length in minutes")
        self.duration.setRange(10, 240)
        self.duration.setSingleStep(5)
        self.duration.setSuffix(" min")
        form.addRow("&Length:", self.duration)
        layout.addLayout(form)
        self.repeat = RepeatFields(day, parent=self)
        layout.addWidget(self.repeat)
        self.create_button = self._finish(layout, "Create", "createAppointmentButton", "Create appointment",
                                          self._submit)
        self.service.currentIndexChanged.connect(self._service_changed)
        self._service_changed()

    def _service_changed(self) -> None:
        s = self.service.currentData()
        if s is not None:
            self.duration.setValue(s.duration_minutes)

    def _submit(self) -> None:
        if self.client.currentData() is None:
            self.show_error("You have no clients yet.")
            return
        freq, until, count = self.repeat.value()
        s = self.service.currentData()
        local = datetime.combine(_date(self.day.date()), time(self.start.time().hour(), self.start.time().minute()))
        self.error.setText("")
        self.submitted.emit(NewAppointment(self.client.currentData(), local, timedelta(minutes=self.duration.value()),
                                           s.id if s else None, bool(s and s.telehealth), freq, until, count))

class CancelForClientDialog(_AppointmentDialog):
    """Cancel one appointment, or (for an occurrence of a series, given ``series_preview``) this
    and all later appointments in the series; the preview says how many that cancels."""

    submitted = Signal(str, str, bool)  # reason code, note, whole series from this occurrence on

    def __init__(self, detail: AppointmentDetail, zone: str, parent: QWidget | None = None,
                 series_preview: SeriesCancelPreview | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("cancelForClientDialog")
        self.setWindowTitle("Cancel for the client")
        self.preview = series_preview if series_preview is not None and series_preview.count else None
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(f"<b>{detail.client_name}</b><br>{format_range(detail.start, detail.end, zone)}"
                                + (f"<br>↻ {detail.series_summary}" if detail.series_summary else ""), self))
        self.only_this = _named(QRadioButton("&This appointment", self), "cancelOnlyThisRadio",
                                "Cancel this appointment only")
        self.whole_series = _named(QRadioButton("This and all &later appointments in the series", self),
                                   "cancelSeriesFromHereRadio", "Cancel this and all later appointments in the series")
        self.series_count = QLabel("", self)
        self.series_count.setObjectName("seriesCancelCount")
        self.series_count.setWordWrap(True)
        self.series_count.setProperty("muted", True)
        group = QButtonGroup(self)
        group.addButton(self.only_this)
        group.addButton(self.whole_series)
        self.only_this.setChecked(True)
        for w in (self.only_this, self.whole_series, self.series_count):
            layout.addWidget(w)
            w.setVisible(self.preview is not None)
        if self.preview is not None:
            p = self.preview
            span = format_instant(p.first, zone, with_year=True)
            if p.count > 1:
                span += f" to {format_instant(p.last, zone, with_year=True)}"
            noun = "appointment" if p.count == 1 else "appointments"
            self.series_count.setText(f"The series choice cancels {p.count} scheduled {noun}, {span}. "
                                      "Earlier appointments stay as they are; the series ends and adds no more.")
            self.series_count.setAccessibleName("Appointments the series choice cancels")
        info = QLabel("A cancellation by the provider never carries a fee. The client is told by a message.", self)
        info.setWordWrap(True)
        info.setProperty("muted", True)
        layout.addWidget(info)
        form = QFormLayout()
        self.reason = _named(QComboBox(self), "reasonCombo", "Reason")
        for reason in provider_reasons():
            self.reason.addItem(reason.label, reason.id)
        form.addRow("&Reason:", self.reason)
        self.note = _named(QPlainTextEdit(self), "noteEdit", "Note to the client")
        self.note.setPlaceholderText("Optional note to the client")
        self.note.setFixedHeight(80)
        form.addRow("&Note:", self.note)
        layout.addLayout(form)
        self.confirm = self._finish(
            layout, "Cancel appointment", "confirmCancelButton", "Cancel appointment",
            lambda: self.submitted.emit(self.reason.currentData(), self.note.toPlainText(), self.cancels_series()),
            reject_text="Keep it")
        self.confirm.setProperty("danger", True)
        self.whole_series.toggled.connect(self._sync_confirm)

    def cancels_series(self) -> bool:
        return self.preview is not None and self.whole_series.isChecked()

    def _sync_confirm(self) -> None:
        if self.cancels_series():
            n = self.preview.count
            text = f"Cancel {n} appointment{'s' if n != 1 else ''}"
        else:
            text = "Cancel appointment"
        self.confirm.setText(text)
        self.confirm.setAccessibleName(text)

class NoShowDialog(_AppointmentDialog):
    submitted = Signal(bool)  # waive

    def __init__(self, detail: AppointmentDetail, zone: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("noShowDialog")
        self.setWindowTitle("Mark as no-show")
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(f"<b>{detail.client_name}</b><br>{format_range(detail.start, detail.end, zone)}", self))
        # The fee rule's own decision for this appointment's booked policy (rule 4).
        text = (f"Policy booked with this appointment: version {detail.policy.version}. "
                f"{detail.no_show_fee.note}")
        self.fee_text = QLabel(text, self)
        self.fee_text.setObjectName("noShowFeeText")
        self.fee_text.setWordWrap(True)
        layout.addWidget(self.fee_text)
        self.waive = _named(QCheckBox("Waive the no-show fee", self), "waiveCheck", "Waive the no-show fee")
        layout.addWidget(self.waive)
        self.confirm = self._finish(layout, "Mark no-show", "confirmNoShowButton", "Mark no-show",
                                    lambda: self.submitted.emit(self.waive.isChecked()))

@dataclass(frozen=True)
class MoveRequest:
    local_start: datetime  # naive wall-clock in the provider's zone
    whole_series: bool
    duration: timedelta
    frequency: Frequency | None
    until: date | None
    count: int | None


class MoveDialog(_AppointmentDialog):
    submitted = Signal(object)  # MoveRequest

    def __init__(self, detail: AppointmentDetail, zone: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("moveDialog")
        self.setWindowTitle("Change appointment")
        local = detail.start.astimezone(ZoneInfo(zone))
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(f"<b>{detail.client_name}</b><br>Now: {format_instant(detail.start, zone)}"
                                + (f"<br>{detail.series_summary}" if detail.series_summary else ""), self))
        form = QFormLayout()
        self.day = _named(QDateEdit(_qdate(local.date()), self), "moveDate", "New date")
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("ddd d MMM yyyy")
        form.addRow("New &date:", self.day)
        self.start = _named(QTimeEdit(QTime(local.hour, local.minute), self), "moveTime", "New start time")
        self.start.setDisplayFormat("HH:mm")
        form.addRow(f"New s&tart ({zone}):", self.start)
        layout.addLayout(form)
        self.only_this = _named(QRadioButton("This appointment only", self), "onlyThisRadio", "This appointment only")
        self.from_here = _named(QRadioButton("This and all following (the series from this date on)", self),
                                "seriesFromHereRadio", "The series from this date on")
        self.only_this.setChecked(True)
        layout.addWidget(self.only_this)
        layout.addWidget(self.from_here)
        self.repeat = RepeatFields(local.date(), allow_none=False, parent=self)
        layout.addWidget(self.repeat)
        self.duration = timedelta(seconds=(detail.end - detail.start).total_seconds())
        is_series = detail.series_id is not None
        self.from_here.setVisible(is_series)
        self.repeat.setVisible(is_series)
        self.repeat.setEnabled(False)
        self.from_here.toggled.connect(self.repeat.setEnabled)
        if detail.series_frequency is not None:
            self.repeat.set_frequency(detail.series_frequency)
        self.save = self._finish(layout, "Save", "saveMoveButton", "Save the change", self._submit)

    def _submit(self) -> None:
        local = datetime.combine(_date(self.day.date()), time(self.start.time().hour(), self.start.time().minute()))
        whole = self.from_here.isChecked()
        freq, until, count = self.repeat.value() if whole else (None, None, None)
        self.submitted.emit(MoveRequest(local, whole, self.duration, freq, until, count))
