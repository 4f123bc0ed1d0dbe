"""Changing one's password (required at first sign-in for accounts the owner made)."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWidget

from ..services import auth
from ..services.actor import Actor
from ..services.errors import ServiceError
from .clock import Clock
from .forms.ui_changepassword import Ui_ChangePasswordDialog
from .ops import OpRunner


class ChangePasswordDialog(QDialog):
    def __init__(self, actor: Actor, clock: Clock, ops: OpRunner, *, required: bool = False,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_ChangePasswordDialog()
        self.ui.setupUi(self)
        self._actor, self._clock, self._ops = actor, clock, ops
        if required:
            self.ui.intro.setText("Welcome! Before you go on, replace the first password you were given "
                                  "with one of your own (at least 8 characters).")
        self.ui.buttons.accepted.connect(self.change)
        self.ui.buttons.rejected.connect(self.reject)

    def _ok(self):
        return self.ui.buttons.button(QDialogButtonBox.StandardButton.Ok)

    def change(self) -> None:
        if not self._ok().isEnabled():
            return
        if self.ui.newPassword.text() != self.ui.confirm.text():
            self.ui.message.setText("The new password and its confirmation differ.")
            return
        actor, current, new, now = self._actor, self.ui.current.text(), self.ui.newPassword.text(), self._clock.for_service()
        self._ok().setEnabled(False)
        self.ui.message.setText("")
        self._ops.run(lambda: auth.change_password(actor, current, new, now=now), parent=self,
                      on_done=lambda _result: self.accept(), on_error=self._refused)

    def _refused(self, exc: ServiceError) -> None:
        self._ok().setEnabled(True)
        self.ui.message.setText(exc.message)
