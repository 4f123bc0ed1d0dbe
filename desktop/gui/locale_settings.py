"""The owner's "Date and money format" (form): the practice's locale after set-up (issue #11, item 10)."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWidget

from ..rules.display_locale import SUPPORTED_LOCALES, locale_label, use_locale
from ..rules.timefmt import format_instant
from ..services import practice
from ..services.errors import ServiceError
from ..services.result import OpResult
from .context import AppContext
from .forms.ui_localesettings import Ui_LocaleSettingsDialog


class LocaleSettingsDialog(QDialog):
    def __init__(self, ctx: AppContext, current: str, parent: QWidget | None = None) -> None:
        """``current`` is the practice's locale as read (off the GUI thread) just before it opens."""
        super().__init__(parent)
        self.ui = Ui_LocaleSettingsDialog()
        self.ui.setupUi(self)
        self._ctx = ctx
        now, zone = ctx.now(), ctx.actor.time_zone
        for name in SUPPORTED_LOCALES:  # each with what it makes of now, in the viewer's zone
            self.ui.locale.addItem(f"{locale_label(name)} — {format_instant(now, zone, locale=name)}", name)
        self.ui.locale.setCurrentIndex(max(0, self.ui.locale.findData(current)))
        self.ui.buttons.accepted.connect(self.save)
        self.ui.buttons.rejected.connect(self.reject)

    def _save_button(self):
        return self.ui.buttons.button(QDialogButtonBox.StandardButton.Save)

    def save(self) -> None:
        if not self._save_button().isEnabled():
            return
        actor, now, chosen = self._ctx.actor, self._ctx.service_now(), self.ui.locale.currentData()
        self._save_button().setEnabled(False)
        self.ui.message.setText("")
        self._ctx.ops.run(lambda: practice.set_practice_locale(actor, chosen, now=now), parent=self,
                          on_done=self._saved, on_error=self._refused)

    def _saved(self, result: OpResult) -> None:
        self._save_button().setEnabled(True)
        use_locale(result.value)  # this workstation at once; the others at their next sign-in
        self.accept()

    def _refused(self, exc: ServiceError) -> None:
        self._save_button().setEnabled(True)
        self.ui.message.setText(exc.message)
