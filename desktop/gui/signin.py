"""The sign-in window: the first thing every workstation shows."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from ..services import auth
from ..services.actor import Actor
from ..services.errors import ServiceError
from .clock import Clock
from .forms.ui_signin import Ui_SignInWindow


class SignInWindow(QWidget):
    signed_in = Signal(object)  # Actor

    def __init__(self, practice_name: str, location: str, clock: Clock, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_SignInWindow()
        self.ui.setupUi(self)
        self._clock = clock
        self.ui.appTitle.setObjectName("appTitle")
        self.ui.practiceName.setText(practice_name)
        self.ui.databaseLabel.setText(f"Data: {location}")
        self.ui.databaseLabel.setProperty("muted", True)
        self.ui.signInButton.clicked.connect(self.attempt)
        self.ui.password.returnPressed.connect(self.attempt)
        self.ui.username.returnPressed.connect(self.ui.password.setFocus)

    def prefill(self, username: str) -> None:
        self.ui.username.setText(username)
        (self.ui.password if username else self.ui.username).setFocus()

    def show_message(self, text: str, *, error: bool = False) -> None:
        self.ui.message.setText(text)
        self.ui.message.setProperty("error", error)
        self.ui.message.style().polish(self.ui.message)

    def attempt(self) -> None:
        username, password = self.ui.username.text(), self.ui.password.text()
        if not username.strip() or not password:
            self.show_message("Type your user name and password.", error=True)
            return
        try:
            # Argon2 verification is deliberately slow (~50 ms) but short enough for the GUI thread.
            actor: Actor = auth.sign_in(username, password, now=self._clock.now())
        except ServiceError as exc:
            self.ui.password.clear()
            self.show_message(exc.message, error=True)
            return
        self.ui.password.clear()
        self.show_message("")
        self.signed_in.emit(actor)
