"""First run on an empty database: the practice and its owner's account."""

from __future__ import annotations

from zoneinfo import available_timezones

from PySide6.QtCore import QLocale, QTimeZone, Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWidget

from ..rules.display_locale import DEFAULT_LOCALE, SUPPORTED_LOCALES, locale_label, normalise_locale
from ..rules.timefmt import format_instant
from ..services import auth
from ..services.actor import Actor
from ..services.errors import ServiceError
from .clock import Clock
from .forms.ui_firstrun import Ui_FirstRunDialog
from .ops import OpRunner


class FirstRunDialog(QDialog):
    practice_created = Signal(object)  # Actor of the owner

    def __init__(self, clock: Clock, ops: OpRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_FirstRunDialog()
        self.ui.setupUi(self)
        self._clock, self._ops = clock, ops
        zones = sorted(z for z in available_timezones() if "/" in z and not z.startswith(("Etc/", "SystemV/")))
        self.ui.timeZone.addItems(zones)
        local = bytes(QTimeZone.systemTimeZoneId()).decode() or "America/New_York"
        self.ui.timeZone.setCurrentText(local if local in zones else "America/New_York")
        # How the practice's words are written: the system's locale when we offer it.
        for name in SUPPORTED_LOCALES:
            self.ui.locale.addItem(locale_label(name), name)
        chosen = normalise_locale(QLocale.system().name()) or DEFAULT_LOCALE
        self.ui.locale.setCurrentIndex(SUPPORTED_LOCALES.index(chosen))
        self._show_examples()
        self.ui.timeZone.currentTextChanged.connect(self._show_examples)
        ok = self.ui.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText("Create practice")
        self.ui.buttons.accepted.connect(self.create)
        self.ui.buttons.rejected.connect(self.reject)

    def _show_examples(self, *_args) -> None:
        """Each choice with what it makes of now in the chosen zone: 'English (United States) —
        Wed, Dec 2, 8:00 PM EST'."""
        zone = self.ui.timeZone.currentText().strip()
        if zone not in available_timezones():
            zone = "UTC"
        now = self._clock.now()
        for i, name in enumerate(SUPPORTED_LOCALES):
            self.ui.locale.setItemText(i, f"{locale_label(name)} — {format_instant(now, zone, locale=name)}")

    def create(self) -> None:
        ok = self.ui.buttons.button(QDialogButtonBox.StandardButton.Ok)
        if not ok.isEnabled():
            return
        if self.ui.password.text() != self.ui.confirm.text():
            self.ui.message.setText("The two passwords differ. Type the same password twice.")
            return
        ui, now = self.ui, self._clock.for_service()
        values = (ui.practiceName.text(), ui.timeZone.currentText().strip(), ui.ownerName.text(),
                  ui.username.text(), ui.password.text())
        ok.setEnabled(False)
        self.ui.message.setText("")
        locale = ui.locale.currentData()
        self._ops.run(lambda: auth.set_up_practice(*values, locale=locale, now=now), parent=self,
                      on_done=self._created, on_error=self._refused)

    def _created(self, actor: Actor) -> None:
        self.practice_created.emit(actor)
        self.accept()

    def _refused(self, exc: ServiceError) -> None:
        self.ui.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(True)
        self.ui.message.setText(exc.message)
