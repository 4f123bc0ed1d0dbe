"""Changing one's password (required at first sign-in for accounts the owner made)."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QWidget

from ..services import auth
from ..services.actor import Actor
from ..services.errors import ServiceError
from .clock import Clock
from .forms.ui_changepassword import Ui_ChangePasswordDialog


class ChangePasswordDialog(QDialog):
    def __init__(self, actor: Actor, clock: Clock, *, required: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_ChangePasswordDialog()
        self.ui.setupUi(self)
        self._actor, self._clock = actor, clock
        if required:
            self.ui.intro.setText("Welcome! Before you go on, replace the first password you were given "
                                  "with one of your own (at least 8 characters).")
        self.ui.buttons.accepted.connect(self.change)
        self.ui.buttons.rejected.connect(self.reject)

    def change(self) -> None:
        if self.ui.newPassword.text() != self.ui.confirm.text():
            self.ui.message.setText("The new password and its confirmation differ.")
            return
        try:
            auth.change_password(self._actor, self.ui.current.text(), self.ui.newPassword.text(),
                                 now=self._clock.now())
        except ServiceError as exc:
            self.ui.message.setText(exc.message)
            return
        self.accept()
