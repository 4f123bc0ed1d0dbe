"""Application start: the sign-in window first, then the database, then the session.

The window a person waits for is painted before anything heavy is imported or opened: only
Qt, the theme and the sign-in form come first. Once it has painted, the database is opened
(header and schema checked; peewee, the store and the services imported then) and the sign-in
window is handed its session; a sign-in typed meanwhile goes ahead as soon as it is ready. A
new file, where set-up and not sign-in comes first, is opened before any window instead.
"""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from .clock import Clock, OffsetClock
from .paths import default_database, demo_database
from .theme import apply_theme, follow_system_scheme

if TYPE_CHECKING:
    from .session import SessionController
    from .settings import Settings
    from .signin import SignInWindow

log = logging.getLogger(__name__)


def make_application(argv: list[str] | None = None, *, follow_scheme: bool = True) -> QApplication:
    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    app.setApplicationName("Practice Desk")  # no organisation: data in .../Practice Desk, not nested twice
    app.setApplicationDisplayName("Practice Desk")
    apply_theme(app, follow=follow_scheme)
    return app


def open_target(target: str, *, demo: bool, clock: Clock, check_pages: bool = True) -> str:
    """Open the database (building the demo practice into it when asked and it is empty)
    and return its location as the sign-in window names it."""
    from ..services.practice import open_practice_database

    return open_practice_database(target, demo=demo, now=clock.now(), check_pages=check_pages)


def is_new_file(target: str) -> bool:
    """A file not made yet (or empty): the first run's set-up comes before any sign-in."""
    if "://" in target:
        return False  # a server: the practice is most likely there already
    path = Path(target)
    return not path.exists() or path.stat().st_size == 0


class Start:
    """One start of the application: the sign-in window shown, then the database opened, then
    the session begun. ``started`` is the session controller once there is one."""

    def __init__(self, app: QApplication, args: argparse.Namespace, settings: Settings | None = None) -> None:
        self.app, self.args = app, args
        self.clock: Clock = OffsetClock(args.now) if args.now else Clock()
        self.target = args.database or (demo_database() if args.demo else default_database())
        self.settings = settings
        self.controller: SessionController | None = None
        self.sign_in: SignInWindow | None = None

    def begin(self) -> None:
        if is_new_file(self.target) and not self.args.demo:
            self.open_database()  # set-up, not sign-in, is what the person sees first
            return
        from .signin import SignInWindow

        self.sign_in = SignInWindow("", "", self.clock, None)
        # After the paint that emitted it, so the first frame is on screen first.
        self.sign_in.first_painted.connect(lambda: QTimer.singleShot(0, self.open_database))
        self.sign_in.show()

    def open_database(self) -> None:
        from ..services.practice import DatabaseOpenError
        from .quit_signals import QuitOnSignals
        from .settings import Settings

        follow_system_scheme(self.app)
        QuitOnSignals(self.app)  # SIGTERM / Ctrl+C quit like the menu does
        if self.settings is None:
            self.settings = Settings()

        try:
            # The header and schema are checked now; the whole file after the first paint.
            location = open_target(self.target, demo=self.args.demo, clock=self.clock, check_pages=False)
        except DatabaseOpenError as exc:
            if self.sign_in is not None:
                self.sign_in.hide()
            QMessageBox.critical(None, "Cannot open the database", str(exc))
            self.app.exit(2)
            return
        from .session import SessionController

        controller = SessionController(self.app, location, self.clock, self.settings, sign_in=self.sign_in)
        self.controller = controller
        self.app.aboutToQuit.connect(controller.shutdown)
        controller.start(prefill=self.args.user or ("alex.morgan" if self.args.demo else None))
        # The whole-file check, then the day's backup, queued on the write runner before anything
        # a person can ask for: a sign-in typed while the practice was opening waits behind them.
        controller.check_file_and_back_up(keep=self.settings.get("backup/daily_kept"))
        if self.sign_in is not None:
            self.sign_in.go_ahead()


def run(args: argparse.Namespace) -> int:
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    app = make_application(follow_scheme=False)  # asked once the sign-in window has painted
    start = Start(app, args)
    start.begin()
    try:
        if start.controller is None and start.sign_in is None:
            return 2  # the new file could not be made: already said
        return app.exec()
    finally:
        if start.controller is not None:
            from ..services.practice import close_practice_database

            close_practice_database()
