"""One signed-in session at a time: sign-in → role window (locked when idle) → sign-out → sign-in."""

from __future__ import annotations

import logging
import uuid
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from ..rules.display_locale import use_locale
from ..rules.session import SessionPolicy
from ..services import maintenance
from ..services.actor import Actor, current_actor
from ..services.errors import AccountChanged
from ..services.practice import practice_details
from ..services.result import Change
from ..services.session_policy import session_policy
from .bus import ChangeBus
from .clock import Clock
from .context import AppContext
from .idle import MINUTE_MS, IdleWarning, IdleWatcher
from .lock import SessionLock
from .ops import OpRunner
from .reads import ReadRunner
from .settings import Settings
from .signin import SignInWindow

if TYPE_CHECKING:  # what sign-in does not need is imported when it is first used (start-up time)
    from .firstrun import FirstRunDialog
    from .live import LiveUpdates
    from .widgets.navwindow import NavigationWindow

log = logging.getLogger(__name__)

HORIZON_CHECK_MS = 60 * 60 * 1000


def window_for(ctx: AppContext) -> NavigationWindow:
    if ctx.actor.is_client:
        from .client.portal import ClientPortal

        return ClientPortal(ctx)
    if ctx.actor.is_provider:
        from .provider.workspace import ProviderWorkspace

        return ProviderWorkspace(ctx)
    if ctx.actor.is_front_desk:
        from .practice.front_desk import FrontDeskWindow

        return FrontDeskWindow(ctx)
    from .support.desk import SupportDesk

    return SupportDesk(ctx)


class SessionController(QObject):
    """``location`` is where the (already opened) database is, as the sign-in window shows it."""

    def __init__(self, app: QApplication, location: str, clock: Clock, settings: Settings,
                 parent: QObject | None = None, *, sign_in: SignInWindow | None = None) -> None:
        super().__init__(parent)
        self.app, self.clock, self.settings = app, clock, settings
        self.bus = ChangeBus(self)
        # The origin marks this session's own writes, which its live updates then skip.
        self.ops = OpRunner(self.bus, self, origin=uuid.uuid4().hex)
        self.reads = ReadRunner(self.bus, self)  # the pages' reads, off the GUI thread
        self.live: LiveUpdates | None = None
        self.bus.changed.connect(self._recheck_account_on_people)
        # Queued: the refusal may come from inside a page's refresh; the window closes after it.
        self.bus.account_changed.connect(self.sign_out_account_changed, Qt.ConnectionType.QueuedConnection)
        self.window: NavigationWindow | None = None
        self.context: AppContext | None = None
        self.first_run: FirstRunDialog | None = None
        self.file_problem = ""  # what the start-up check found wrong with the file, if anything
        # How long a minute lasts for the idle watcher: tests shorten it, nothing else does.
        self.minute_ms = MINUTE_MS
        self.policy = SessionPolicy()  # the owner's, read at each sign-in
        self.idle = IdleWatcher(app, self)
        self.idle.idle.connect(self.lock_idle)
        self.idle_warning: IdleWarning | None = None
        self.lock = SessionLock(self)
        self.lock.sign_out_requested.connect(self.sign_out_from_lock)
        self.lock.unlocked.connect(self.idle.start)
        if sign_in is None:
            self.sign_in = SignInWindow(self._practice_name(), location, clock, self.ops)
        else:  # shown before the database was opened (gui/app.py): now it can sign in
            self.sign_in = sign_in
            sign_in.set_practice_name(self._practice_name())
            sign_in.attach(location, self.ops)
        self.sign_in.signed_in.connect(self.begin)
        self._horizon_timer = QTimer(self)
        self._horizon_timer.setInterval(HORIZON_CHECK_MS)
        self._horizon_timer.timeout.connect(self.extend_horizons)

    @staticmethod
    def _practice_name() -> str:
        """The practice's name for the sign-in window; its locale is used from now on."""
        details = practice_details()
        use_locale(details.locale if details else None)
        return details.name if details else "Practice Desk"

    def start(self, prefill: str | None = None) -> None:
        if practice_details() is None:
            from .firstrun import FirstRunDialog

            self.first_run = FirstRunDialog(self.clock, self.ops)
            self.first_run.practice_created.connect(self._after_first_run)
            self.first_run.rejected.connect(self.app.quit)
            self.first_run.show()
            self.sign_in.hide()
            return
        self.sign_in.prefill(prefill or self.offered_username(), keep_typed=True)
        self.sign_in.show()

    def check_file_and_back_up(self, *, keep: int) -> None:
        """Start-up's slow part, after the first paint and off the GUI thread: the whole-file
        check of the database, then (when it is sound) the day's backup. Both run on the write
        runner, so a sign-in asked for meanwhile waits behind them and nothing is written to a
        damaged file; a damaged one is named and the application quits."""
        now = self.clock.now()

        def checks() -> str:
            problem = maintenance.check_database_file()
            if problem:
                self.ops.halt(problem)  # a sign-in queued behind the check is refused, not written
            else:
                maintenance.automatic_daily_backup(now=now, keep=keep)
            return problem

        self.ops.run(checks, on_done=self._file_checked)

    def _file_checked(self, problem: str) -> None:
        if problem:
            self.file_problem = problem
            QMessageBox.critical(None, "Cannot open the database", problem)
            self.app.exit(2)

    def offered_username(self) -> str:
        """The last user name, only where the owner lets sign-in offer it (off by default: the
        next person at a front desk should not see who was there before them)."""
        self.policy = session_policy()
        return self.settings.get("session/last_username") if self.policy.offer_last_username else ""

    def _after_first_run(self, actor: Actor) -> None:
        self.sign_in.set_practice_name(self._practice_name())
        self.begin(actor)

    def begin(self, actor: Actor) -> None:
        if actor.must_change_password:
            from .changepassword import ChangePasswordDialog

            dialog = ChangePasswordDialog(actor, self.clock, self.ops, required=True, parent=self.sign_in)
            dialog.setObjectName("requiredPasswordChange")
            dialog.accepted.connect(lambda: self._open_window(self._refreshed(actor)))
            dialog.open()
            return
        self._open_window(actor)

    @staticmethod
    def _refreshed(actor: Actor) -> Actor:
        from dataclasses import replace

        return replace(actor, must_change_password=False)

    def _open_window(self, actor: Actor) -> None:
        """Read the practice and its sign-in policy (on the reader, the sign-in window still shown),
        then open the role window."""
        self.reads.run(lambda: (practice_details(), session_policy()), owner=self.sign_in, slot="open-window",
                       on_done=lambda read: self._show_window(actor, *read))

    def _show_window(self, actor: Actor, practice, policy) -> None:
        use_locale(practice.locale if practice else None)  # the words of every page and service
        self.policy = policy
        # Remembered only while the owner lets sign-in offer it; turning that off forgets it.
        self.settings.set("session/last_username", actor.username if self.policy.offer_last_username else "")
        self.context = AppContext(actor, self.clock, self.bus, self.ops, self.reads, self.settings,
                                  practice.name if practice else "", practice.time_zone if practice else "UTC")
        self.window = window_for(self.context)
        self.window.sign_out_requested.connect(self.sign_out)
        self.window.quit_requested.connect(self.app.quit)
        self.window.change_password_requested.connect(self._change_password)
        self.window.restore_requested.connect(self.restore_from)
        self.window.show()
        self.sign_in.hide()
        self.idle_warning = IdleWarning(self.idle, self.window)
        from .live import LiveUpdates

        self.live = LiveUpdates(self.bus, self.clock, self.ops, self)
        self.live.start()
        self.idle.configure(self.policy.lock_after_minutes, self.minute_ms)
        self.idle.start()
        self.extend_horizons()
        self._horizon_timer.start()

    def _change_password(self) -> None:
        if self.window is not None and self.context is not None:
            from .changepassword import ChangePasswordDialog

            dialog = ChangePasswordDialog(self.context.actor, self.clock, self.ops, parent=self.window)
            dialog.accepted.connect(lambda: self.bus.status.emit("Password changed."))
            dialog.open()

    def extend_horizons(self) -> None:
        """Keep repeating appointments materialised ahead, in the background; on the same tick,
        ask whether the signed-in account is still what it was (a refusal signs out)."""
        from ..services import booking

        self.ops.run(lambda: booking.extend_horizons(now=self.clock.for_service()))
        if self.context is not None:
            actor = self.context.actor
            self.ops.run(lambda: current_actor(actor))

    def _recheck_account_on_people(self, changes: Change) -> None:
        """People changed (here or on another workstation): is this session's account still what
        it was? A deactivated one signs out within the live update's second."""
        if Change.PEOPLE in changes and self.context is not None:
            actor = self.context.actor
            self.ops.run(lambda: current_actor(actor))

    def _stop_live(self) -> None:
        if self.live is not None:
            self.live.stop()
            self.live.deleteLater()
            self.live = None

    def sign_out(self, why: str = "") -> None:
        self._stop_live()
        self.idle.stop()
        self.lock.release()
        self._horizon_timer.stop()
        self.ops.wait()
        self.reads.stop()  # what the window asked is dropped; each reader closes its connection
        maintenance.flush_to_file()  # the .db file alone holds the session from here on
        if self.window is not None:
            self.bus.changed.disconnect(self.window.on_changed)
            self.window.close()
            self.window.deleteLater()
            self.window = None
        self.context = None
        self.sign_in.show_message(why or "You have signed out.", error=bool(why))
        self.sign_in.prefill(self.offered_username())
        self.sign_in.show()

    def lock_idle(self) -> None:
        """No input for the owner's timeout: lock, keeping every window and dialog as it is."""
        if self.window is None or self.context is None:
            return
        self.lock.lock(self.context, self.window, self.idle.minutes)

    def sign_out_from_lock(self) -> None:
        """"Sign out" on the lock screen: what was left open goes, nothing of it stays on screen."""
        self.lock.release()
        self._close_dialogs()
        self.sign_out()

    def sign_out_account_changed(self, refusal: AccountChanged) -> None:
        """A service refused the account (deactivated, another role or provider): sign out, saying why."""
        if self.window is None:
            return  # several refusals of one session: the first signed out
        self.lock.release()
        self._close_dialogs()
        self.sign_out(refusal.message)

    @staticmethod
    def _close_dialogs() -> None:
        """Close any dialog that was left open, so nothing of the session stays on screen."""
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QDialog) and widget.isVisible():
                widget.reject()

    def restore_from(self, backup: Path) -> None:
        """The owner confirmed a backup: end the session, put it back, sign in on it."""
        from .restore import put_back

        actor = self.context.actor if self.context is not None else None
        if actor is None:
            return
        self.sign_out()
        message, failed = put_back(self.ops, actor, backup, self.clock.for_service())
        self.sign_in.set_practice_name(self._practice_name())
        self.sign_in.prefill(self.offered_username())  # the restored practice's policy decides
        self.sign_in.show_message(message, error=failed)

    def shutdown(self) -> None:
        """Quit (menu, last window, SIGTERM/SIGINT): pending writes finish, the log goes into the file."""
        self._stop_live()
        self.idle.stop()
        self.lock.release()
        if not self.ops.wait():
            log.warning("writes still running at quit after 30 s")
        self.reads.stop()
        if self.window is not None:
            self.window.close()  # quitting remembers the window's geometry as signing out does
        maintenance.flush_to_file()
