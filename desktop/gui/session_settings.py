"""The owner's "Sign-in and locking" (form): how every workstation locks and what sign-in offers."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWidget

from ..rules.session import MAX_LOCK_MINUTES, MIN_LOCK_MINUTES, SessionPolicy
from ..services import session_policy
from ..services.errors import ServiceError
from ..services.result import OpResult
from .context import AppContext
from .forms.ui_sessionsettings import Ui_SessionSettingsDialog


class SessionSettingsDialog(QDialog):
    def __init__(self, ctx: AppContext, current: SessionPolicy, parent: QWidget | None = None) -> None:
        """``current`` is the policy as read (off the GUI thread) just before the dialog opens."""
        super().__init__(parent)
        self.ui = Ui_SessionSettingsDialog()
        self.ui.setupUi(self)
        self._ctx = ctx
        self.ui.lockAfter.setRange(MIN_LOCK_MINUTES, MAX_LOCK_MINUTES)  # the rule's bounds, one source
        self.ui.lockAfter.setValue(current.lock_after_minutes)
        self.ui.offerLastUsername.setChecked(current.offer_last_username)
        self.ui.buttons.accepted.connect(self.save)
        self.ui.buttons.rejected.connect(self.reject)

    def _save_button(self):
        return self.ui.buttons.button(QDialogButtonBox.StandardButton.Save)

    def save(self) -> None:
        if not self._save_button().isEnabled():
            return
        actor, now = self._ctx.actor, self._ctx.service_now()
        minutes, offer = self.ui.lockAfter.value(), self.ui.offerLastUsername.isChecked()
        self._save_button().setEnabled(False)
        self.ui.message.setText("")
        self._ctx.ops.run(
            lambda: session_policy.set_session_policy(actor, lock_after_minutes=minutes, offer_last_username=offer,
                                                      now=now),
            parent=self, on_done=self._saved, on_error=self._refused)

    def _saved(self, _result: OpResult) -> None:
        self._save_button().setEnabled(True)
        self.accept()

    def _refused(self, exc: ServiceError) -> None:
        self._save_button().setEnabled(True)
        self.ui.message.setText(exc.message)
