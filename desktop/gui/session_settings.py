"""The owner's "Sign-in and locking" (form): how every workstation locks and what sign-in offers."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from ..rules.session import MAX_LOCK_MINUTES, MIN_LOCK_MINUTES, SessionPolicy
from ..services import session_policy
from .context import AppContext
from .forms.ui_sessionsettings import Ui_SessionSettingsDialog
from .save_dialog import SaveFormDialog


class SessionSettingsDialog(SaveFormDialog):
    def __init__(self, ctx: AppContext, current: SessionPolicy, parent: QWidget | None = None) -> None:
        """``current`` is the policy as read (off the GUI thread) just before the dialog opens."""
        super().__init__(parent)
        self.ui = Ui_SessionSettingsDialog()
        self.ui.setupUi(self)
        self._ctx = ctx
        self.ui.lockAfter.setRange(MIN_LOCK_MINUTES, MAX_LOCK_MINUTES)  # the rule's bounds, one source
        self.ui.lockAfter.setValue(current.lock_after_minutes)
        self.ui.offerLastUsername.setChecked(current.offer_last_username)
        self.connect_buttons()

    def call(self):
        actor, now = self._ctx.actor, self._ctx.service_now()
        minutes, offer = self.ui.lockAfter.value(), self.ui.offerLastUsername.isChecked()
        return lambda: session_policy.set_session_policy(actor, lock_after_minutes=minutes,
                                                         offer_last_username=offer, now=now)
