"""Application start: arguments → database → sign-in (or first-run set-up)."""

from __future__ import annotations

import argparse
import logging
import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from ..services.practice import DatabaseOpenError, close_practice_database, open_practice_database
from .clock import Clock, OffsetClock
from .paths import default_database, demo_database
from .quit_signals import QuitOnSignals
from .session import SessionController
from .settings import Settings
from .theme import apply_theme

log = logging.getLogger(__name__)


def make_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    app.setApplicationName("Practice Desk")  # no organisation: data in .../Practice Desk, not nested twice
    app.setApplicationDisplayName("Practice Desk")
    apply_theme(app)
    return app


def open_target(target: str, *, demo: bool, clock: Clock, check_pages: bool = True) -> str:
    """Open the database (building the demo practice into it when asked and it is empty)
    and return its location as the sign-in window names it."""
    return open_practice_database(target, demo=demo, now=clock.now(), check_pages=check_pages)


def run(args: argparse.Namespace) -> int:
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    app = make_application()
    clock: Clock = OffsetClock(args.now) if args.now else Clock()
    target = args.database or (demo_database() if args.demo else default_database())
    try:
        # The header and schema are checked now; the whole file after the first paint.
        location = open_target(target, demo=args.demo, clock=clock, check_pages=False)
    except DatabaseOpenError as exc:
        # Modal is right here: there is no window yet and nothing else to do.
        QMessageBox.critical(None, "Cannot open the database", str(exc))
        return 2
    settings = Settings()
    controller = SessionController(app, location, clock, settings)
    controller.start(prefill=args.user or ("alex.morgan" if args.demo else None))
    # Once the window is on screen: the whole-file check, then the day's backup, queued on the
    # write runner before anything a person can ask for (a sign-in waits behind them).
    QTimer.singleShot(0, lambda: controller.check_file_and_back_up(keep=settings.get("backup/daily_kept")))
    app.aboutToQuit.connect(controller.shutdown)
    QuitOnSignals(app)  # SIGTERM / Ctrl+C quit like the menu does
    try:
        return app.exec()
    finally:
        close_practice_database()
