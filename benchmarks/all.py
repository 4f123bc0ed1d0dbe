"""Every benchmark in one command, each printing ours beside its baseline from one interleaved loop.

    .venv/bin/python benchmarks/all.py [--quick] [--with-2m] [--database reference.db]

Builds the reference practice once (scripts/reference_practice.py, ~210k appointments) unless
given one, then runs, one after another: run.py (its own smaller practice: bulk insert, cancel,
recurrence, paint, start-up), screen_reads.py, startup.py, practice_calendar.py,
provider_calendar.py, window.py (peak RSS, GUI-thread lateness), reads.py (lateness over a slow
database), series_cancel.py (all upcoming of a 100-occurrence series) and scaling.py (calendar reads at 20k / 200k appointments, and 2M with --with-2m:
building it takes minutes). live_latency.py is left out: it needs a private PostgreSQL cluster
(tests/pgcluster.py, the PostgreSQL binaries and a `postgres` user); run it alone.
``--quick`` runs fewer rounds (a smoke run, figures less steady). Nothing is asserted.
"""

from __future__ import annotations

import argparse
import os
import platform
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
HERE = Path(__file__).resolve().parent


def machine() -> str:
    from PySide6 import __version__ as pyside
    from PySide6.QtCore import qVersion

    load = " / ".join(f"{v:.2f}" for v in os.getloadavg())
    return (f"{os.cpu_count()} cores ({platform.machine()}, {platform.system()} {platform.release()}), "
            f"Python {platform.python_version()}, SQLite {sqlite3.sqlite_version}, Qt {qVersion()} "
            f"(PySide6 {pyside}); load average {load}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", type=Path, help="a reference practice built already")
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--with-2m", action="store_true")
    args = parser.parse_args()
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
           "PYTHONPATH": str(ROOT)}
    print(f"Practice Desk benchmarks, {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}\n  {machine()}", flush=True)
    q = args.quick
    with tempfile.TemporaryDirectory() as tmp:
        db = args.database
        if db is None:
            db = Path(tmp) / "reference.db"
            subprocess.run([sys.executable, str(ROOT / "scripts" / "reference_practice.py"), str(db)],
                           check=True, env=env)
        d = ["--database", str(db)]
        sizes = "20k,200k,2M" if args.with_2m else "20k,200k"
        runs = [
            ["run.py", "--repeat", "10" if q else "30"] + (["--years", "2"] if q else []),
            ["screen_reads.py", *d, "--rounds", "10" if q else "40"],
            ["startup.py", *d, "--rounds", "3" if q else "9", "--user", "provider01"],
            ["practice_calendar.py", *d, "--rounds", "2" if q else "5"],
            ["provider_calendar.py", *d, "--rounds", "2" if q else "6"],
            ["window.py", *d, "--rounds", "1" if q else "3"],
            ["reads.py", "--rounds", "1" if q else "3"],
            ["series_cancel.py", "--rounds", "5" if q else "15"],
            ["scaling.py", "--sizes", sizes, "--rounds", "10" if q else "30"],
        ]
        failed = []
        for script, *rest in runs:
            print(f"\n== benchmarks/{script} {' '.join(rest)}", flush=True)
            t0 = time.perf_counter()
            done = subprocess.run([sys.executable, str(HERE / script), *rest], env=env, cwd=ROOT)
            print(f"   ({time.perf_counter() - t0:.0f} s, load average {os.getloadavg()[0]:.2f})", flush=True)
            if done.returncode:
                failed.append(script)
    if failed:
        print(f"\nfailed: {', '.join(failed)}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
