"""GUI-thread lateness while navigating the provider's calendar over a slow database.

    .venv/bin/python benchmarks/reads.py [--latency-ms 200] [--steps 36] [--rounds 3]

Every database round trip is made ``--latency-ms`` slower (peewee's ``execute_sql`` on the
open database sleeps first, on whichever thread runs the statement: a blocking network read
of a remote PostgreSQL server releases the GIL just as ``time.sleep`` does). The provider's
calendar is driven through a few dozen steps (next / previous period, day / week / month)
while a 5 ms QTimer runs on the GUI thread; its lateness (time between ticks minus 5 ms) is
what a person feels as a frozen window. Printed in one interleaved loop:

- with the reader (gui/reads.py): range queries run on reader threads;
- baseline: the same steps with the range query on the GUI thread (the code before the reader);
- floor: a bare QWidget with the same timer and no calendar.

Nothing is asserted; on a shared machine other processes add lateness to every column.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from datetime import UTC, datetime  # noqa: E402

from PySide6.QtCore import QEventLoop, Qt, QTimer  # noqa: E402
from PySide6.QtWidgets import QWidget  # noqa: E402

from desktop.gui.app import make_application  # noqa: E402
from desktop.gui.bus import ChangeBus  # noqa: E402
from desktop.gui.reads import ReadRunner  # noqa: E402
from desktop.gui.widgets.calendar import CalendarMode, CalendarView  # noqa: E402
from desktop.services.auth import actor_for  # noqa: E402
from desktop.services.calendar import provider_range  # noqa: E402
from desktop.store.db import open_database  # noqa: E402
from desktop.store.demo import build_demo  # noqa: E402
from desktop.store.models import User, database  # noqa: E402

NOW = datetime(2026, 11, 24, 15, 0, tzinfo=UTC)
TICK_MS = 5
STEP_MS = 250  # a person clicking quickly through periods


def slow_round_trips(latency_s: float) -> dict[str, int]:
    """Every statement on the open database waits ``latency_s`` first (any thread)."""
    db = database.obj
    plain = db.execute_sql
    counter = {"statements": 0}

    def execute_sql(sql, params=None, *args, **kwargs):
        counter["statements"] += 1
        time.sleep(latency_s)
        return plain(sql, params, *args, **kwargs)

    db.execute_sql = execute_sql
    return counter


def steps(n: int):
    cycle = [("go", 1), ("go", 1), ("go", -1), ("mode", CalendarMode.DAY), ("go", 1), ("go", -1),
             ("mode", CalendarMode.MONTH), ("go", 1), ("go", -1), ("mode", CalendarMode.WEEK), ("go", -1),
             ("go", 1)]
    return [cycle[i % len(cycle)] for i in range(n)]


def drive(app, widget_factory, n_steps: int, reads: ReadRunner | None) -> list[float]:
    """Run the steps every STEP_MS with a TICK_MS timer; return its lateness samples in ms."""
    view = widget_factory()
    view.resize(1100, 700)
    view.show()
    app.processEvents()
    if reads is not None:
        reads.wait()
    lateness: list[float] = []
    last = [time.perf_counter()]

    def tick() -> None:
        t = time.perf_counter()
        lateness.append(max(0.0, (t - last[0]) * 1000 - TICK_MS))
        last[0] = t

    timer = QTimer()
    timer.setTimerType(Qt.TimerType.PreciseTimer)
    timer.setInterval(TICK_MS)
    timer.timeout.connect(tick)
    plan = steps(n_steps)
    done = {"i": 0}
    loop = QEventLoop()

    def step() -> None:
        if done["i"] >= len(plan):
            if reads is None or reads.is_idle():
                loop.quit()
            else:
                QTimer.singleShot(STEP_MS, step)
            return
        kind, arg = plan[done["i"]]
        done["i"] += 1
        if isinstance(view, CalendarView):
            view.go(arg) if kind == "go" else view.set_mode(arg)
        QTimer.singleShot(STEP_MS, step)

    last[0] = time.perf_counter()
    timer.start()
    QTimer.singleShot(STEP_MS, step)
    loop.exec()
    timer.stop()
    view.close()
    view.deleteLater()
    app.processEvents()
    return lateness


def pct(samples: list[float], p: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))] if ordered else 0.0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--latency-ms", type=float, default=200)
    parser.add_argument("--steps", type=int, default=36)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    app = make_application()
    with tempfile.TemporaryDirectory() as tmp:
        open_database(Path(tmp) / "bench.db")
        build_demo(NOW)
        actor = actor_for(User.get(User.username == "dr.rivera"))
        counter = slow_round_trips(args.latency_ms / 1000)
        bus = ChangeBus()
        reads = ReadRunner(bus)

        def source(lo, hi):
            return provider_range(actor, lo, hi)

        def calendar(reader):
            return lambda: CalendarView(source, actor.time_zone, lambda: NOW, mode=CalendarMode.WEEK, reader=reader)

        samples: dict[str, list[float]] = {"reader": [], "gui": [], "bare": []}
        statements = {"reader": 0, "gui": 0}
        for _ in range(args.rounds):  # interleaved: each round runs all three
            for name in ("reader", "gui", "bare"):
                before = counter["statements"]
                if name == "reader":
                    samples[name] += drive(app, calendar(reads), args.steps, reads)
                elif name == "gui":
                    samples[name] += drive(app, calendar(None), args.steps, None)
                else:
                    samples[name] += drive(app, QWidget, args.steps, None)
                if name in statements:
                    statements[name] += counter["statements"] - before
        reads.stop()
        database.close()
    print(f"Practice Desk: GUI-thread lateness navigating the calendar ({args.steps} steps every {STEP_MS} ms, "
          f"{args.rounds} interleaved rounds, +{args.latency_ms:.0f} ms per database round trip, "
          f"{TICK_MS} ms timer, {os.cpu_count()} cores)")
    labels = {"reader": "reads on the reader (gui/reads.py)", "gui": "baseline: reads on the GUI thread",
              "bare": "floor: bare QWidget, same timer"}
    for name, label in labels.items():
        s = samples[name]
        extra = f"   statements {statements[name]:4d}" if name in statements else ""
        print(f"  {label:<38} lateness p50 {pct(s, 50):7.2f} ms   p99 {pct(s, 99):7.2f} ms   "
              f"max {max(s, default=0):7.2f} ms   ticks {len(s):5d}   mean {statistics.fmean(s) if s else 0:6.2f} ms"
              f"{extra}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
