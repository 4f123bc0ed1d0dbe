"""The provider's appointment dialogs: new (single or repeating), cancel for the client,
no-show, move one / change the series from here.

Each is a Designer form (ui/newappointment.ui, cancelforclient.ui, noshow.ui,
moveappointment.ui); the code fills in what depends on the appointment (clients,
services, reasons, the series preview, the fee decision) and collects plain values.
A dialog emits ``submitted``; the page runs the service and closes the dialog when it
succeeds (it stays open on a refusal, showing it in ``ui.dialogError``).
Opened with ``open()``, never ``exec()``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from PySide6.QtCore import QDate, QTime, Signal
from PySide6.QtWidgets import QDialog, QWidget

from ...rules.series import Frequency
from ...rules.timefmt import format_instant, format_range
from ...rules.wording import PROVIDER_CANCELLATION_RULE
from ...services.provider import (
    AppointmentDetail,
    ClientChoice,
    SeriesCancelPreview,
    ServiceChoice,
    provider_reasons,
)
from ..forms.ui_cancelforclient import Ui_CancelForClientDialog
from ..forms.ui_moveappointment import Ui_MoveDialog
from ..forms.ui_newappointment import Ui_NewAppointmentDialog
from ..forms.ui_noshow import Ui_NoShowDialog
from .repeat_fields import pydate, qdate


def _local(day: QDate, start: QTime) -> datetime:
    """A naive wall-clock start in the provider's zone (the service fixes it as an instant)."""
    return datetime.combine(pydate(day), time(start.hour(), start.minute()))


class _AppointmentDialog(QDialog):
    """A form with ``dialogError`` and a reject button; subclasses set ``self.ui`` first."""

    def _connect_buttons(self, accept, reject, on_accept) -> None:
        accept.clicked.connect(on_accept)
        reject.clicked.connect(self.reject)

    def show_error(self, text: str) -> None:
        self.ui.dialogError.setText(text)


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
        self.ui = ui = Ui_NewAppointmentDialog()
        ui.setupUi(self)
        self.zone = zone
        for c in clients:
            ui.clientCombo.addItem(c.name, c.id)
        for s in services:
            ui.serviceCombo.addItem(s.name, s)
        ui.dateEdit.setDate(qdate(day))
        ui.startLabel.setText(f"S&tart ({zone}):")
        ui.repeat.configure(day, allow_none=True)
        self._connect_buttons(ui.createAppointmentButton, ui.cancelButton, self._submit)
        ui.serviceCombo.currentIndexChanged.connect(self._service_changed)
        self._service_changed()

    def _service_changed(self) -> None:
        s = self.ui.serviceCombo.currentData()
        if s is not None:
            self.ui.durationSpin.setValue(s.duration_minutes)

    def _submit(self) -> None:
        ui = self.ui
        client_id = ui.clientCombo.currentData()
        if client_id is None:
            self.show_error("You have no clients yet.")
            return
        freq, until, count = ui.repeat.value()
        s = ui.serviceCombo.currentData()
        self.show_error("")
        self.submitted.emit(NewAppointment(client_id, _local(ui.dateEdit.date(), ui.timeEdit.time()),
                                           timedelta(minutes=ui.durationSpin.value()),
                                           s.id if s else None, bool(s and s.telehealth), freq, until, count))


class CancelForClientDialog(_AppointmentDialog):
    """Cancel one appointment, or (for an occurrence of a series, given ``series_preview``) this
    and all later appointments in the series; the preview says how many that cancels."""

    submitted = Signal(str, str, bool)  # reason code, note, whole series from this occurrence on

    def __init__(self, detail: AppointmentDetail, zone: str, parent: QWidget | None = None,
                 series_preview: SeriesCancelPreview | None = None) -> None:
        super().__init__(parent)
        self.ui = ui = Ui_CancelForClientDialog()
        ui.setupUi(self)
        self.preview = series_preview if series_preview is not None and series_preview.count else None
        ui.cancelSummary.setText(f"<b>{detail.client_name}</b><br>{format_range(detail.start, detail.end, zone)}"
                                 + (f"<br>↻ {detail.series_summary}" if detail.series_summary else ""))
        for w in (ui.cancelOnlyThisRadio, ui.cancelSeriesFromHereRadio, ui.seriesCancelCount):
            w.setVisible(self.preview is not None)
        if self.preview is not None:
            p = self.preview
            span = format_instant(p.first, zone, with_year=True)
            if p.count > 1:
                span += f" to {format_instant(p.last, zone, with_year=True)}"
            noun = "appointment" if p.count == 1 else "appointments"
            ui.seriesCancelCount.setText(f"The series choice cancels {p.count} scheduled {noun}, {span}. "
                                         "Earlier appointments stay as they are; the series ends and adds no more.")
            ui.seriesCancelCount.setAccessibleName("Appointments the series choice cancels")
        ui.noFeeNote.setText(f"{PROVIDER_CANCELLATION_RULE} The client is told by a message.")
        for reason in provider_reasons():
            ui.reasonCombo.addItem(reason.label, reason.id)
        self._connect_buttons(ui.confirmCancelButton, ui.keepButton, self._submit)
        ui.cancelSeriesFromHereRadio.toggled.connect(self._sync_confirm)

    def cancels_series(self) -> bool:
        return self.preview is not None and self.ui.cancelSeriesFromHereRadio.isChecked()

    def _submit(self) -> None:
        self.submitted.emit(self.ui.reasonCombo.currentData(), self.ui.noteEdit.toPlainText(), self.cancels_series())

    def _sync_confirm(self) -> None:
        if self.cancels_series():
            n = self.preview.count
            text = f"Cancel {n} appointment{'s' if n != 1 else ''}"
        else:
            text = "Cancel appointment"
        self.ui.confirmCancelButton.setText(text)
        self.ui.confirmCancelButton.setAccessibleName(text)


class NoShowDialog(_AppointmentDialog):
    submitted = Signal(bool)  # waive

    def __init__(self, detail: AppointmentDetail, zone: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = ui = Ui_NoShowDialog()
        ui.setupUi(self)
        ui.noShowSummary.setText(f"<b>{detail.client_name}</b><br>{format_range(detail.start, detail.end, zone)}")
        # The fee rule's own decision for this appointment's booked policy (rule 4).
        ui.noShowFeeText.setText(f"Policy booked with this appointment: version {detail.policy.version}. "
                                 f"{detail.no_show_fee.note}")
        self._connect_buttons(ui.confirmNoShowButton, ui.cancelButton,
                              lambda: self.submitted.emit(ui.waiveCheck.isChecked()))


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
        self.ui = ui = Ui_MoveDialog()
        ui.setupUi(self)
        local = detail.start.astimezone(ZoneInfo(zone))
        ui.moveSummary.setText(f"<b>{detail.client_name}</b><br>Now: {format_instant(detail.start, zone)}"
                               + (f"<br>{detail.series_summary}" if detail.series_summary else ""))
        ui.moveDate.setDate(qdate(local.date()))
        ui.moveTime.setTime(QTime(local.hour, local.minute))
        ui.moveTimeLabel.setText(f"New s&tart ({zone}):")
        ui.repeat.configure(local.date(), allow_none=False)
        self.duration = detail.end - detail.start
        # Only an occurrence of a series offers "the series from here", with its repeat fields.
        is_series = detail.series_id is not None
        ui.seriesFromHereRadio.setVisible(is_series)
        ui.repeat.setVisible(is_series)
        ui.seriesFromHereRadio.toggled.connect(ui.repeat.setEnabled)
        if detail.series_frequency is not None:
            ui.repeat.set_frequency(detail.series_frequency)
        self._connect_buttons(ui.saveMoveButton, ui.cancelButton, self._submit)

    def _submit(self) -> None:
        ui = self.ui
        whole = ui.seriesFromHereRadio.isChecked()
        freq, until, count = ui.repeat.value() if whole else (None, None, None)
        self.submitted.emit(MoveRequest(_local(ui.moveDate.date(), ui.moveTime.time()), whole, self.duration,
                                        freq, until, count))
