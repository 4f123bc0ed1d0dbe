"""The provider's Video link dialog (form ui/videolink.ui): set, change or remove one
appointment's link, and optionally make it the room for their new telehealth appointments.

It reads the provider's default room first (on the reader) to offer it when the appointment has
no link yet; Save runs :func:`desktop.services.telehealth.set_video_link` through the write runner
(the page does), and a refusal stays in ``ui.dialogError``.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QWidget

from ...rules.limits import TEXTS
from ...rules.timefmt import format_range
from ...services.provider import AppointmentDetail
from ..forms.ui_videolink import Ui_VideoLinkDialog


class VideoLinkDialog(QDialog):
    submitted = Signal(str, bool)  # the link as typed ("" removes it), make it the default

    def __init__(self, detail: AppointmentDetail, default_link: str | None, zone: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = ui = Ui_VideoLinkDialog()
        ui.setupUi(self)
        ui.videoLinkSummary.setText(f"<b>{detail.client_name}</b><br>{format_range(detail.start, detail.end, zone)}")
        ui.videoLinkEdit.setMaxLength(TEXTS["video_link"].max_length)
        ui.videoLinkEdit.setText(detail.video_link or default_link or "")
        ui.makeDefaultCheck.setChecked(False)
        ui.saveLinkButton.clicked.connect(
            lambda: self.submitted.emit(ui.videoLinkEdit.text(), ui.makeDefaultCheck.isChecked()))
        ui.cancelButton.clicked.connect(self.reject)
        ui.videoLinkEdit.setFocus()

    def show_error(self, text: str) -> None:
        self.ui.dialogError.setText(text)
