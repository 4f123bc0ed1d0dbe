"""Each screen's reads beside the same SQL run with plain sqlite3, on the reference practice.

    .venv/bin/python benchmarks/screen_reads.py [--rounds 40] [--database reference.db] [--only NAME]

For every screen load in benchmarks/screens.py the service call is run once to capture the
statements it issues (SQL and parameters, from peewee's log); then, in one interleaved loop,
the service call and those same statements on a raw ``sqlite3`` connection (``fetchall``)
take turns, so that a busy machine slows both alike. Printed: the median and the p10–p90
spread of each, and ours divided by raw (the issue's target is ≤ 3×). Without --database the
reference practice is built first into a temporary folder (about 8 s).
"""

from __future__ import annotations

import argparse
import logging
import os
import sqlite3
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.screens import screen_reads  # noqa: E402
from desktop.store.db import SQLITE_PRAGMAS, close_database, open_database  # noqa: E402
from desktop.store.reference import build_reference  # noqa: E402

NOW = datetime(2026, 11, 24, 15, 0, tzinfo=UTC)


class _Capture(logging.Handler):
    def __init__(self) -> None:
        super().__init__()
        self.statements: list[tuple[str, tuple]] = []

    def emit(self, record: logging.LogRecord) -> None:
        sql, params = record.msg
        self.statements.append((sql, tuple(params or ())))


def captured(read) -> list[tuple[str, tuple]]:
    logger = logging.getLogger("peewee")
    handler, level = _Capture(), logger.level
    logger.addHandler(handler)
    logger.setLevel(logging.DEBUG)
    try:
        read()
    finally:
        logger.removeHandler(handler)
        logger.setLevel(level)
    return handler.statements


def _raw_param(value):
    if isinstance(value, datetime):  # what sqlite3's adapter does for peewee
        return value.isoformat(" ")
    if hasattr(value, "value"):  # StrEnum members
        return value.value
    return value


def percentile(samples: list[float], q: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=40)
    parser.add_argument("--database", type=Path)
    parser.add_argument("--only", default="", help="only the screens whose name contains this")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = args.database or Path(tmp) / "reference.db"
        open_database(path)
        if args.database is None:
            t0 = time.perf_counter()
            summary = build_reference(NOW)
            print(f"reference practice: {summary.appointments:,} appointments, built in "
                  f"{time.perf_counter() - t0:.1f} s")
        raw = sqlite3.connect(path)
        for key, value in SQLITE_PRAGMAS.items():
            raw.execute(f"PRAGMA {key}={value}")
        print(f"Screen reads beside raw sqlite3  (Python {sys.version.split()[0]}, SQLite {sqlite3.sqlite_version}, "
              f"{os.cpu_count()} cores, {args.rounds} interleaved rounds; ms)")
        print(f"  {'screen':<30} {'stmts':>5} {'ours p50':>9} {'p10–p90':>15} {'raw p50':>9} {'p10–p90':>15} "
              f"{'ratio':>6}")
        for name, (_budget, read) in screen_reads(NOW).items():
            if args.only not in name:
                continue
            statements = [(sql, tuple(_raw_param(p) for p in params)) for sql, params in captured(read)]

            def run_raw(statements=statements) -> None:
                for sql, params in statements:
                    raw.execute(sql, params).fetchall()

            ours, base = [], []
            for _ in range(args.rounds):
                t0 = time.perf_counter()
                read()
                t1 = time.perf_counter()
                run_raw()
                t2 = time.perf_counter()
                ours.append((t1 - t0) * 1000)
                base.append((t2 - t1) * 1000)
            o50, b50 = statistics.median(ours), statistics.median(base)
            print(f"  {name:<30} {len(statements):>5} {o50:>9.2f} {percentile(ours, .1):>7.2f}–"
                  f"{percentile(ours, .9):<7.2f} {b50:>9.2f} {percentile(base, .1):>7.2f}–{percentile(base, .9):<7.2f} "
                  f"x{o50 / b50 if b50 else float('inf'):>5.1f}")
        raw.close()
        close_database()
    return 0


if __name__ == "__main__":
    sys.exit(main())
