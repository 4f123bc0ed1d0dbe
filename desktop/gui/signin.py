"""The sign-in window: the first thing every workstation shows.

It is shown before the database is opened (gui/app.py), so it imports nothing of the
services until a sign-in is asked for; the session controller hands it the write runner and
the data's location once the practice is open (:meth:`attach`). A sign-in asked for before
then waits and goes ahead at that moment."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import QWidget

from .clock import Clock
from .forms.ui_signin import Ui_SignInWindow

if TYPE_CHECKING:
    from ..services.actor import Actor
    from ..services.errors import ServiceError
    from .ops import OpRunner

OPENING = "Opening the practice…"


class SignInWindow(QWidget):
    signed_in = Signal(object)  # Actor
    first_painted = Signal()  # once, when the window is first on screen

    def __init__(self, practice_name: str, location: str, clock: Clock, ops: OpRunner | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_SignInWindow()
        self.ui.setupUi(self)
        self._clock, self._ops = clock, ops
        self._painted = False
        self._waiting = False  # a sign-in asked for before the practice was open
        self._prefilled = ""  # the user name put in for the person, not typed by them
        self.ui.appTitle.setObjectName("appTitle")
        self.ui.databaseLabel.setProperty("muted", True)
        self.set_practice_name(practice_name)
        self.ui.databaseLabel.setText(f"Data: {location}" if location else OPENING)
        self.ui.signInButton.clicked.connect(self.attempt)
        self.ui.password.returnPressed.connect(self.attempt)
        self.ui.username.returnPressed.connect(self.ui.password.setFocus)

    @property
    def ready(self) -> bool:
        return self._ops is not None

    def attach(self, location: str, ops: OpRunner) -> None:
        """The practice is open: sign-ins go through ``ops`` from now on."""
        self._ops = ops
        self.ui.databaseLabel.setText(f"Data: {location}")

    def go_ahead(self) -> None:
        """The sign-in asked for while the practice was opening, if any, now (after whatever
        start-up queued on the write runner before it)."""
        if self._waiting and self._ops is not None:
            self._waiting = False
            self.attempt()

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            self.first_painted.emit()

    def set_practice_name(self, name: str) -> None:
        self.ui.practiceName.setText(name)

    def prefill(self, username: str, *, keep_typed: bool = False) -> None:
        """Put ``username`` in (or clear it); with ``keep_typed``, what a person has typed stays
        (typed while the practice was opening: anything but the name put in before)."""
        typed = self.ui.password.text() or self.ui.username.text() not in ("", self._prefilled)
        if not (keep_typed and typed):
            self.ui.username.setText(username)
            self._prefilled = username
        (self.ui.password if self.ui.username.text() else self.ui.username).setFocus()

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
        if self._ops is None:
            self._waiting = True
            self.show_message(OPENING)
            return
        from ..services import auth

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
