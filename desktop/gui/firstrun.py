"""First run on an empty database: the practice and its owner's account."""

from __future__ import annotations

from zoneinfo import available_timezones

from PySide6.QtCore import QTimeZone, Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWidget

from ..services import auth
from ..services.errors import ServiceError
from .clock import Clock
from .forms.ui_firstrun import Ui_FirstRunDialog


class FirstRunDialog(QDialog):
    practice_created = Signal(object)  # Actor of the owner

    def __init__(self, clock: Clock, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_FirstRunDialog()
        self.ui.setupUi(self)
        self._clock = clock
        zones = sorted(z for z in available_timezones() if "/" in z and not z.startswith(("Etc/", "SystemV/")))
        self.ui.timeZone.addItems(zones)
        local = bytes(QTimeZone.systemTimeZoneId()).decode() or "America/New_York"
        self.ui.timeZone.setCurrentText(local if local in zones else "America/New_York")
        ok = self.ui.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText("Create practice")
        self.ui.buttons.accepted.connect(self.create)
        self.ui.buttons.rejected.connect(self.reject)

    def create(self) -> None:
        if self.ui.password.text() != self.ui.confirm.text():
            self.ui.message.setText("The two passwords differ. Type the same password twice.")
            return
        try:
            actor = auth.set_up_practice(
                self.ui.practiceName.text(), self.ui.timeZone.currentText().strip(), self.ui.ownerName.text(),
                self.ui.username.text(), self.ui.password.text(), now=self._clock.now(),
            )
        except ServiceError as exc:
            self.ui.message.setText(exc.message)
            return
        self.practice_created.emit(actor)
        self.accept()
