"""Command-line arguments (no Qt import, so --help is instant)."""

from __future__ import annotations

import argparse
import sys
from datetime import UTC, datetime

from . import __version__


def _instant(text: str) -> datetime:
    value = datetime.fromisoformat(text)
    if value.tzinfo is None:
        raise argparse.ArgumentTypeError("give a time zone, e.g. 2026-11-24T15:00+00:00")
    return value.astimezone(UTC)


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="practice-desk",
        description="Practice Desk: appointments, cancellations and fees for a small practice.",
        epilog="Environment: PRACTICE_DESK_DATABASE (database path or URL), PRACTICE_DESK_HOME (data folder).",
    )
    p.add_argument("--database", metavar="PATH_OR_URL",
                   help="SQLite file (default: practice-desk.db in the data folder) or postgresql://user:pw@host/db")
    p.add_argument("--demo", action="store_true",
                   help="open the demo practice (built on first use) instead of your own data")
    p.add_argument("--now", type=_instant, metavar="ISO",
                   help="pretend the time is this instant (demonstrations and screenshots)")
    p.add_argument("--user", metavar="USERNAME", help="pre-fill the sign-in user name")
    p.add_argument("--restore", metavar="BACKUP",
                   help="put BACKUP back as the database (the one in --database, or the default) and exit; "
                        "the database it replaces is kept in backups/ beside it. Quit Practice Desk first.")
    p.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    return p


def restore(args: argparse.Namespace) -> int:
    """``--restore``: no window. Exit 0 when restored, 2 with the reason when nothing changed."""
    from .services.practice import DatabaseOpenError
    from .services.restore import RestoreError, restore_from_command_line

    target = args.database
    if not target:
        from PySide6.QtCore import QCoreApplication

        from .gui.paths import default_database

        QCoreApplication.setApplicationName("Practice Desk")  # the data folder is named after it
        target = default_database()
    try:
        print(restore_from_command_line(args.restore, target))
    except (RestoreError, DatabaseOpenError, OSError) as exc:
        print(f"practice-desk: {exc}", file=sys.stderr)
        return 2
    return 0
