"""Build the reference practice (desktop/store/reference.py) into a new database file.

    .venv/bin/python scripts/reference_practice.py reference.db [--providers 20] [--clients 1000] [--years 5]

Sign in as provider01 (the owner), provider02…, client0000…, or support; the password is
demo-password. The file must not exist yet.
"""

from __future__ import annotations

import argparse
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from desktop.store.db import checkpoint, close_database, open_database  # noqa: E402
from desktop.store.reference import build_reference  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", type=Path)
    parser.add_argument("--providers", type=int, default=20)
    parser.add_argument("--clients", type=int, default=1000)
    parser.add_argument("--years", type=int, default=5)
    args = parser.parse_args()
    if args.path.exists():
        print(f"{args.path} exists already; give the name of a new file.", file=sys.stderr)
        return 1
    t0 = time.perf_counter()
    open_database(args.path)
    t1 = time.perf_counter()
    summary = build_reference(datetime.now(UTC), providers=args.providers, clients=args.clients, years=args.years)
    t2 = time.perf_counter()
    checkpoint()
    close_database()
    print(f"{args.path}: {summary.providers} providers, {summary.clients:,} clients, "
          f"{summary.appointments:,} appointments, {summary.cancellations:,} cancellations, "
          f"{summary.charges:,} charges, {summary.disputes:,} disputes, {summary.late_requests:,} pending "
          f"late-cancellation requests, {summary.messages:,} messages")
    print(f"built in {t2 - t1:.1f} s (creating the schema {t1 - t0:.1f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
