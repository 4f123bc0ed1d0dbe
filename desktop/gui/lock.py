"""The locked session: the work stays, covered, until the signed-in person's password opens it.

Locking closes nothing and changes nothing: every visible window (the role window and any dialog
left open, with whatever was typed in it) gets an opaque cover, and an application-modal lock
screen takes all input. A window that opens while locked (an answer arriving from the write
runner, say) is covered as it shows. Unlocking runs ``auth.unlock`` on the write runner (checked and throttled
like sign-in); a right password takes the covers away and gives focus back where it was.
"Sign out" stays on the lock screen for the next person at a shared workstation.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from ..rules.session import locked_words
from ..services import auth
from ..services.errors import ServiceError
from .context import AppContext
from .forms.ui_lock import Ui_LockScreen


class _Cover(QWidget):
    """An opaque sheet over one window, kept to its size."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.setObjectName("lockCover")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setAccessibleName("Locked")
        self.setGeometry(window.rect())
        window.installEventFilter(self)
        self.show()
        self.raise_()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.Resize:
            self.setGeometry(watched.rect())
        elif event.type() == QEvent.Type.ChildAdded:
            self.raise_()  # a page or card added under a lock stays under the cover
        return False


class LockScreen(QDialog):
    unlocked = Signal()
    sign_out_requested = Signal()

    def __init__(self, ctx: AppContext, minutes: int, parent: QWidget) -> None:
        super().__init__(parent)
        self.ui = Ui_LockScreen()
        self.ui.setupUi(self)
        self._ctx = ctx
        self.ui.heading.setProperty("role", "heading")
        self.ui.why.setText(locked_words(minutes))
        actor = ctx.actor
        self.ui.who.setText(f"Signed in: {actor.display_name} ({actor.username}). "
                            "Type your password to continue, or sign out so someone else can sign in.")
        self.setWindowModality(Qt.WindowModality.ApplicationModal)
        self.setWindowFlag(Qt.WindowType.WindowCloseButtonHint, False)
        self.ui.unlockButton.clicked.connect(self.attempt)
        self.ui.password.returnPressed.connect(self.attempt)
        self.ui.signOutButton.clicked.connect(self.sign_out_requested)

    # Escape and the window's close button do not unlock: only the password or "Sign out".
    def reject(self) -> None:
        pass

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        event.ignore()

    def show_message(self, text: str, *, error: bool = False) -> None:
        self.ui.message.setText(text)
        self.ui.message.setProperty("error", error)
        self.ui.message.style().polish(self.ui.message)

    def attempt(self) -> None:
        if not self.ui.unlockButton.isEnabled():
            return  # one check at a time
        password = self.ui.password.text()
        if not password:
            self.show_message("Type your password.", error=True)
            return
        actor, now = self._ctx.actor, self._ctx.service_now()
        self.ui.unlockButton.setEnabled(False)
        self.show_message("Checking…")
        self._ctx.ops.run(lambda: auth.unlock(actor, password, now=now), parent=self,
                          on_done=lambda _result: self._accepted(), on_error=self._refused)

    def _accepted(self) -> None:
        self.ui.unlockButton.setEnabled(True)
        self.ui.password.clear()
        self.show_message("")
        self.unlocked.emit()

    def _refused(self, exc: ServiceError) -> None:
        self.ui.unlockButton.setEnabled(True)
        self.ui.password.clear()
        self.show_message(exc.message, error=True)


class SessionLock(QObject):
    """Covers and the lock screen for one role window; ``locked`` while they are up."""

    unlocked = Signal()
    sign_out_requested = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.screen: LockScreen | None = None
        self._covers: list[_Cover] = []
        self._focus: QWidget | None = None

    @property
    def locked(self) -> bool:
        return self.screen is not None

    def lock(self, ctx: AppContext, window: QWidget, minutes: int) -> LockScreen:
        if self.screen is not None:
            return self.screen
        self._focus = QApplication.focusWidget()
        self._covers = [_Cover(w) for w in QApplication.topLevelWidgets() if w.isVisible() and w.isWindow()]
        QApplication.instance().installEventFilter(self)
        self.screen = LockScreen(ctx, minutes, window)
        self.screen.setObjectName("lockScreen")
        self.screen.unlocked.connect(self._unlocked)
        self.screen.sign_out_requested.connect(self.sign_out_requested)
        self.screen.show()
        self.screen.raise_()
        self.screen.activateWindow()
        self.screen.ui.password.setFocus()
        return self.screen

    def release(self) -> None:
        """Take the lock screen and the covers away (unlocked, or the session is ending)."""
        QApplication.instance().removeEventFilter(self)
        for cover in self._covers:
            if shiboken6.isValid(cover):
                cover.parentWidget().removeEventFilter(cover)
                cover.deleteLater()
                cover.hide()
        self._covers = []
        if self.screen is not None and shiboken6.isValid(self.screen):
            self.screen.hide()
            self.screen.deleteLater()
        self.screen = None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if (event.type() == QEvent.Type.Show and isinstance(watched, QWidget) and watched.isWindow()
                and self.screen is not None and watched is not self.screen
                and not any(c.parentWidget() is watched for c in self._covers if shiboken6.isValid(c))):
            self._covers.append(_Cover(watched))
            self.screen.raise_()
            self.screen.activateWindow()
        return False

    def _unlocked(self) -> None:
        focus = self._focus
        self.release()
        if focus is not None and shiboken6.isValid(focus) and focus.isVisible():
            focus.window().activateWindow()
            focus.setFocus()
        self._focus = None
        self.unlocked.emit()
