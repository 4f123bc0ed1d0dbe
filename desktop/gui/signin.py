"""The sign-in window: the first thing every workstation shows."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from ..services import auth
from ..services.actor import Actor
from ..services.errors import ServiceError
from .clock import Clock
from .forms.ui_signin import Ui_SignInWindow
from .ops import OpRunner


class SignInWindow(QWidget):
    signed_in = Signal(object)  # Actor

    def __init__(self, practice_name: str, location: str, clock: Clock, ops: OpRunner,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_SignInWindow()
        self.ui.setupUi(self)
        self._clock, self._ops = clock, ops
        self.ui.appTitle.setObjectName("appTitle")
        self.set_practice_name(practice_name)
        self.ui.databaseLabel.setText(f"Data: {location}")
        self.ui.databaseLabel.setProperty("muted", True)
        self.ui.signInButton.clicked.connect(self.attempt)
        self.ui.password.returnPressed.connect(self.attempt)
        self.ui.username.returnPressed.connect(self.ui.password.setFocus)

    def set_practice_name(self, name: str) -> None:
        self.ui.practiceName.setText(name)

    def prefill(self, username: str) -> None:
        self.ui.username.setText(username)
        (self.ui.password if username else self.ui.username).setFocus()

    def show_message(self, text: str, *, error: bool = False) -> None:
        self.ui.message.setText(text)
        self.ui.message.setProperty("error", error)
        self.ui.message.style().polish(self.ui.message)

    def attempt(self) -> None:
        if not self.ui.signInButton.isEnabled():
            return  # one attempt at a time (Return pressed again while checking)
        username, password = self.ui.username.text(), self.ui.password.text()
        if not username.strip() or not password:
            self.show_message("Type your user name and password.", error=True)
            return
        now = self._clock.for_service()
        self.ui.signInButton.setEnabled(False)
        self.show_message("Signing in…")
        # Sign-in writes (its audit event, a rehash): it runs on the write runner like every
        # other write, and the Argon2 check (~50 ms) goes with it, off the GUI thread.
        self._ops.run(lambda: auth.sign_in(username, password, now=now), parent=self,
                      on_done=self._accepted, on_error=self._refused)

    def _accepted(self, actor: Actor) -> None:
        self.ui.signInButton.setEnabled(True)
        self.ui.password.clear()
        self.show_message("")
        self.signed_in.emit(actor)

    def _refused(self, exc: ServiceError) -> None:
        self.ui.signInButton.setEnabled(True)
        self.ui.password.clear()
        self.show_message(exc.message, error=True)
