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
    p.add_argument("--verify-audit", action="store_true",
                   help="check the database's audit trail for altered, inserted or removed events, then exit "
                        "(0: intact, 1: tampered with, 2: cannot open)")
    p.add_argument("--restore", metavar="BACKUP",
                   help="put BACKUP back as the database (the one in --database, or the default) and exit; "
                        "the database it replaces is kept in backups/ beside it. Quit Practice Desk first.")
    p.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    return p


def _target(args: argparse.Namespace) -> str:
    """The database a command-line action works on: --database, else the demo's or the default file."""
    if args.database:
        return args.database
    from PySide6.QtCore import QCoreApplication

    from .gui.paths import default_database, demo_database

    QCoreApplication.setApplicationName("Practice Desk")  # the data folder is named after it
    return demo_database() if args.demo else default_database()


def verify_audit(args: argparse.Namespace) -> int:
    """``--verify-audit``: open the database (no window), check its audit chain, say what was found."""
    from pathlib import Path

    from .store.audit_chain import verify_stored_chain
    from .store.db import DatabaseOpenError, close_database, is_postgres_url, open_database

    target = _target(args)
    if not is_postgres_url(target) and not Path(target).expanduser().is_file():
        print(f"practice-desk: there is no database at {target}; nothing to verify.", file=sys.stderr)
        return 2
    try:
        opened = open_database(target)
    except DatabaseOpenError as exc:
        print(f"practice-desk: {exc}", file=sys.stderr)
        return 2
    try:
        report = verify_stored_chain()
    finally:
        close_database()
    print(f"{opened.location}: {report.message()}")
    return 0 if report.ok else 1


def restore(args: argparse.Namespace) -> int:
    """``--restore``: no window. Exit 0 when restored, 2 with the reason when nothing changed."""
    from .services.practice import DatabaseOpenError
    from .services.restore import RestoreError, restore_from_command_line

    target = _target(args)
    try:
        print(restore_from_command_line(args.restore, target))
    except (RestoreError, DatabaseOpenError, OSError) as exc:
        print(f"practice-desk: {exc}", file=sys.stderr)
        return 2
    return 0
