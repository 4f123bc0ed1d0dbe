"""The provider's window on the reference practice: peak memory, and GUI-thread lateness while
navigating weeks and months.

    .venv/bin/python benchmarks/window.py [--database reference.db] [--rounds 3]

Each round starts two processes, in turn: ours signs provider02 in through the real sign-in
window (offscreen), opens the Calendar page and steps through weeks and months (a step every
STEP_MS, reads on the window's reader, as a person clicking quickly) while a 5 ms timer runs on
the GUI thread; the baseline is a bare PySide6 window with the same timer and no steps. Printed:
peak RSS (``ru_maxrss``) and the timer's lateness (time between ticks minus 5 ms), median over
rounds of each process's p50 / p99 / max. Nothing is asserted.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TICK_MS = 5
STEP_MS = 120
PLAN = [1] * 8 + [-1] * 8 + ["month"] + [1] * 6 + [-1] * 6 + ["week"]


def _child(kind: str, database: str, settings: str) -> dict:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.path.insert(0, str(ROOT))
    from PySide6.QtCore import QEventLoop, QSettings, Qt, QTimer
    from PySide6.QtWidgets import QApplication, QWidget

    from benchmarks.measure import pct

    view = None
    if kind == "ours":
        from desktop.gui.app import make_application, open_target
        from desktop.gui.clock import Clock
        from desktop.gui.session import SessionController
        from desktop.gui.settings import Settings
        from desktop.gui.widgets.calendar import CalendarMode

        app = make_application()
        clock = Clock()
        controller = SessionController(app, open_target(database, demo=False, clock=clock), clock,
                                       Settings(QSettings(settings, QSettings.Format.IniFormat)))
        controller.start()
        form = controller.sign_in.ui
        form.username.setText("provider02")
        form.password.setText("demo-password")
        form.signInButton.click()
        deadline = time.monotonic() + 30
        while controller.window is None and time.monotonic() < deadline:
            app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
        window = controller.window
        window.resize(1366, 768)
        page = window.go_to("calendar")
        app.processEvents()
        window.ctx.reads.wait()
        app.processEvents()
        view = page.calendar
        reads = window.ctx.reads
    else:
        app = QApplication([])
        window = QWidget()
        window.resize(1366, 768)
        window.show()
        app.processEvents()
    lateness: list[float] = []
    last = [time.perf_counter()]
    worst = [0.0, -1]  # the longest stall and the step it came in (a step's number in PLAN, from 1)

    def tick() -> None:
        t = time.perf_counter()
        lateness.append(max(0.0, (t - last[0]) * 1000 - TICK_MS))
        if lateness[-1] > worst[0]:
            worst[:] = [lateness[-1], done["i"]]
        last[0] = t

    timer = QTimer()
    timer.setTimerType(Qt.TimerType.PreciseTimer)
    timer.setInterval(TICK_MS)
    timer.timeout.connect(tick)
    loop = QEventLoop()
    done = {"i": 0}

    def step() -> None:
        if done["i"] >= len(PLAN):
            if view is None or reads.is_idle():
                loop.quit()
            else:
                QTimer.singleShot(STEP_MS, step)
            return
        what = PLAN[done["i"]]
        done["i"] += 1
        if view is not None:
            if what == "month":
                view.set_mode(CalendarMode.MONTH)
            elif what == "week":
                view.set_mode(CalendarMode.WEEK)
            else:
                view.go(what)
        QTimer.singleShot(STEP_MS, step)

    last[0] = time.perf_counter()
    timer.start()
    QTimer.singleShot(STEP_MS, step)
    loop.exec()
    timer.stop()
    out = {"rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
           "p50": pct(lateness, .5), "p99": pct(lateness, .99), "max": max(lateness, default=0.0),
           "ticks": len(lateness), "loads": getattr(view, "loads", 0), "worst_step": worst[1]}
    if kind == "ours":
        controller.sign_out()
        controller.shutdown()
    return out


def run(database: Path, rounds: int) -> dict[str, dict[str, float]]:
    """Interleaved rounds of both processes; medians per figure."""
    got: dict[str, list[dict]] = {"ours": [], "bare": []}
    with tempfile.TemporaryDirectory() as tmp:
        for i in range(rounds):
            for kind in ("ours", "bare") if i % 2 == 0 else ("bare", "ours"):
                proc = subprocess.run([sys.executable, __file__, "--child", kind, "--database", str(database),
                                       "--settings", str(Path(tmp) / f"settings{i}.ini")],
                                      capture_output=True, text=True, check=True, cwd=ROOT)
                got[kind].append(json.loads(proc.stdout.strip().splitlines()[-1]))
    return {k: {f: statistics.median(r[f] for r in v) for f in v[0]} for k, v in got.items()}


def report(figures: dict[str, dict[str, float]], rounds: int) -> None:
    o, b = figures["ours"], figures["bare"]
    print(f"Provider window on the reference practice ({len(PLAN)} steps every {STEP_MS} ms through weeks and "
          f"months, {TICK_MS} ms timer, {rounds} interleaved rounds, medians)", flush=True)
    print(f"  {'peak RSS (ru_maxrss)':<44} {o['rss_mb']:9.1f} MB   baseline bare PySide6 window "
          f"{b['rss_mb']:9.1f} MB   target ≤ 250 MB", flush=True)
    print(f"  {'GUI-thread timer lateness p99':<44} {o['p99']:9.2f} ms   baseline bare window, same timer "
          f"{b['p99']:9.2f} ms   target ≤ 16 ms  (p50 {o['p50']:.2f} / {b['p50']:.2f}, max {o['max']:.1f} / "
          f"{b['max']:.1f}, the longest in step {o['worst_step']:.0f} of {len(PLAN)}; {o['loads']:.0f} ranges shown)",
          flush=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", type=Path)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--child", choices=("ours", "bare"))
    parser.add_argument("--settings")
    args = parser.parse_args()
    if args.child:
        print(json.dumps(_child(args.child, str(args.database), args.settings or os.devnull)))
        return 0
    database = args.database
    if database is None or not database.exists():
        database = database or Path(tempfile.mkdtemp()) / "reference.db"
        subprocess.run([sys.executable, str(ROOT / "scripts" / "reference_practice.py"), str(database)], check=True)
    report(run(database, args.rounds), args.rounds)
    return 0


if __name__ == "__main__":
    sys.exit(main())
