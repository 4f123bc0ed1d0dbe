"""The owner's "Date and money format" (form): the practice's locale after set-up (issue #11, item 10)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from ..rules.display_locale import SUPPORTED_LOCALES, locale_label, use_locale
from ..rules.timefmt import format_instant
from ..services import practice
from ..services.result import OpResult
from .context import AppContext
from .forms.ui_localesettings import Ui_LocaleSettingsDialog
from .save_dialog import SaveFormDialog


class LocaleSettingsDialog(SaveFormDialog):
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
        self.connect_buttons()

    def call(self):
        actor, now, chosen = self._ctx.actor, self._ctx.service_now(), self.ui.locale.currentData()
        return lambda: practice.set_practice_locale(actor, chosen, now=now)

    def saved(self, result: OpResult) -> None:
        use_locale(result.value)  # this workstation at once; the others at their next sign-in
