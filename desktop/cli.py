"""Command-line arguments (no Qt import, so --help is instant)."""

from __future__ import annotations

import argparse
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
    p.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    return p


def verify_audit(args: argparse.Namespace) -> int:
    """``--verify-audit``: open the database (no window), check its audit chain, say what was found."""
    import sys
    from pathlib import Path

    from .gui.paths import default_database, demo_database
    from .store.audit_chain import verify_stored_chain
    from .store.db import DatabaseOpenError, close_database, is_postgres_url, open_database

    target = args.database or (demo_database() if args.demo else default_database())
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
