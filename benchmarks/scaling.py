"""How each read grows with the practice: 20k / 200k / 2M appointments.

    .venv/bin/python benchmarks/scaling.py [--sizes 20k,200k,2M] [--databases a.db,b.db] [--rounds 30]
                                           [--calendar-only]

Each size is a reference practice (store/reference.py) with 50 clients per provider and five
years of series, so a provider's (or a client's) week holds the same rows at every size and
only the tables grow: 2 providers ≈ 21k appointments, 20 ≈ 210k, 200 ≈ 2.1M (the last takes
minutes to build). Each read runs beside its own SQL run raw with sqlite3, interleaved; a flat
column is what an index seek gives. Then every other screen's read (benchmarks/screens.py) the
same way, unless --calendar-only: those should grow less than the tables do (the People page
lists every person, so it grows with them). Nothing is asserted.
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import statistics
import subprocess
import sys
import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.measure import interleaved, line  # noqa: E402
from benchmarks.screen_reads import _raw_param, captured  # noqa: E402
from benchmarks.screens import screen_reads  # noqa: E402
from desktop.services import calendar, practice_calendar  # noqa: E402
from desktop.services.auth import actor_for  # noqa: E402
from desktop.store.db import close_database, open_database  # noqa: E402
from desktop.store.models import User  # noqa: E402

PROVIDERS = {"20k": 2, "200k": 20, "2M": 200}


def build(size: str, where: Path) -> Path:
    path = where / f"reference-{size}.db"
    if not path.exists():
        n = PROVIDERS[size]
        subprocess.run([sys.executable, str(ROOT / "scripts" / "reference_practice.py"), str(path),
                        "--providers", str(n), "--clients", str(50 * n)], check=True)
    return path


def reads(now: datetime) -> dict[str, object]:
    provider = actor_for(User.get(User.username == "provider01"))  # the owner: a provider and the practice
    client = actor_for(User.get(User.username == "client0000"))
    two = [p.id for p in practice_calendar.practice_providers(provider)[:2]]
    week, month = (now - timedelta(days=3), now + timedelta(days=4)), (now - timedelta(days=20), now + timedelta(days=22))
    return {
        "provider week": lambda: calendar.provider_range(provider, *week),
        "provider month grid": lambda: calendar.provider_range(provider, *month),
        "client month grid": lambda: calendar.client_range(client, *month),
        "practice week (2 providers)": lambda: practice_calendar.practice_range(provider, *week, two),
        "practice month (2 providers)": lambda: practice_calendar.practice_range(provider, *month, two),
    }


def measure(path: Path, rounds: int, screens: bool) -> dict[str, tuple[float, float, int]]:
    open_database(path)
    raw = sqlite3.connect(str(path))
    count = raw.execute("SELECT COUNT(*) FROM appointment").fetchone()[0]
    print(f"{path.name}: {count:,} appointments", flush=True)
    out = {}
    now = datetime.now(UTC)
    calls = reads(now)
    if screens:
        calls |= {name: call for name, (_budget, call) in screen_reads(now).items() if name not in calls}
    for name, read in calls.items():
        statements = [(sql, tuple(_raw_param(p) for p in params)) for sql, params in captured(read)]

        def run_raw(statements=statements) -> None:
            for sql, params in statements:
                raw.execute(sql, params).fetchall()

        ours, base = interleaved(read, run_raw, rounds)
        result = read()
        rows = f" ({len(result)} rows)" if hasattr(result, "__len__") else ""
        line(f"{name}{rows}", ours, base, "raw sqlite3, same SQL", width=40)
        out[name] = (statistics.median(ours), statistics.median(base), count)
    raw.close()
    close_database()
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="20k,200k,2M")
    parser.add_argument("--databases", help="comma-separated reference practices instead of building them")
    parser.add_argument("--rounds", type=int, default=30)
    parser.add_argument("--calendar-only", action="store_true", help="only the calendar reads")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        paths = ([Path(p) for p in args.databases.split(",")] if args.databases
                 else [build(s, Path(tmp)) for s in args.sizes.split(",")])
        print(f"Reads by practice size ({os.cpu_count()} cores, {args.rounds} interleaved rounds; ms)", flush=True)
        results = [measure(p, args.rounds, not args.calendar_only) for p in paths]
    if len(results) > 1:
        first, last = results[0], results[-1]
        grow = next(iter(last.values()))[2] / next(iter(first.values()))[2]
        print(f"  growth from the smallest to the largest ({grow:.0f}× the appointments), ratio of medians:")
        for name in first:
            print(f"    {name:<40} ours ×{last[name][0] / first[name][0]:5.2f}   raw ×{last[name][1] / first[name][1]:5.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
