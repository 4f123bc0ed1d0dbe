"""A person's own "Reminders" (form): how long before an appointment starts, and (clients) before
its free cancellation ends, or not at all."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtWidgets import QWidget

from ..rules.limits import MAX_REMINDER_BEFORE_DEADLINE_HOURS, MAX_REMINDER_BEFORE_START_MINUTES
from ..rules.reminders import ReminderSettings, defaults_for
from ..services import reminders
from .context import AppContext
from .forms.ui_remindersettings import Ui_ReminderSettingsDialog
from .save_dialog import SaveFormDialog


class ReminderSettingsDialog(SaveFormDialog):
    def __init__(self, ctx: AppContext, current: ReminderSettings, parent: QWidget | None = None) -> None:
        """``current`` is the person's settings as read (off the GUI thread) just before it opens."""
        super().__init__(parent)
        self.ui = Ui_ReminderSettingsDialog()
        self.ui.setupUi(self)
        self._ctx = ctx
        defaults = defaults_for(ctx.actor.is_client)
        self.ui.startMinutes.setRange(1, MAX_REMINDER_BEFORE_START_MINUTES)  # the declared bounds, one source
        self.ui.deadlineHours.setRange(1, MAX_REMINDER_BEFORE_DEADLINE_HOURS)
        start = current.before_start or defaults.before_start or timedelta(minutes=15)
        deadline = current.before_deadline or defaults.before_deadline or timedelta(hours=24)
        self.ui.startOn.setChecked(current.before_start is not None)
        self.ui.startMinutes.setValue(int(start.total_seconds() // 60))
        self.ui.deadlineOn.setChecked(current.before_deadline is not None)
        self.ui.deadlineHours.setValue(int(deadline.total_seconds() // 3600))
        for box, spin in ((self.ui.startOn, self.ui.startMinutes), (self.ui.deadlineOn, self.ui.deadlineHours)):
            spin.setEnabled(box.isChecked())
            box.toggled.connect(spin.setEnabled)
        if not ctx.actor.is_client:  # the free cancellation is the client's
            self.ui.deadlineOn.hide()
            self.ui.deadlineHours.hide()
        self.connect_buttons()

    def call(self):
        actor, now = self._ctx.actor, self._ctx.service_now()
        minutes = self.ui.startMinutes.value() if self.ui.startOn.isChecked() else None
        hours = self.ui.deadlineHours.value() if self.ui.deadlineOn.isChecked() and actor.is_client else None
        return lambda: reminders.set_reminder_settings(actor, before_start_minutes=minutes,
                                                       before_deadline_hours=hours, now=now)

    def saved(self, result) -> None:
        self._ctx.bus.status.emit(result.summary)
