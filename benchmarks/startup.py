"""Cold start to a painted sign-in window, beside a bare PySide6 window started the same way.

    .venv/bin/python benchmarks/startup.py [--rounds 9] [--database reference.db]

Each round starts two fresh Python processes, one after the other: ours goes the application's
own way (desktop.gui.app.Start: the sign-in window shown and painted, and only then the
database opened, header and schema checked, the session controller made; the whole-file check
and the daily backup queued behind it), timed to the moment its first frame is done; the
baseline imports PySide6, shows a bare QWidget of the same size, paints and grabs it. Both
clocks start before the first import. Printed: medians, p10–p90, and the ratio (the issue's
target is ≤ 1.5×); then, in the same processes, when the practice is open and the sign-in
ready, and how long signing in takes to the provider's week on screen with its reads shown.
Without --database a demo practice is built into a temporary file first.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

OURS = """
import os, sys, time
t0 = time.perf_counter()
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, sys.argv[1])
from PySide6.QtCore import QSettings
from desktop.cli import parser
from desktop.gui.app import Start, make_application
from desktop.gui.settings import Settings
app = make_application(follow_scheme=False)
start = Start(app, parser().parse_args(["--database", sys.argv[2]]),
              Settings(QSettings(sys.argv[3], QSettings.Format.IniFormat)))
marks = {}
opening = Start.open_database
def after_the_paint(self):  # the first thing after the sign-in window's first frame is done
    marks.setdefault("painted", time.perf_counter())
    opening(self)
Start.open_database = after_the_paint
start.begin()
while "painted" not in marks:
    app.processEvents()
while start.controller is None:  # the practice opened, the sign-in window handed its session
    app.processEvents()
ready = time.perf_counter()
ctl = start.controller
while not (ctl.ops.is_idle() and ctl.reads.is_idle()):  # the start-up file check and backup
    app.processEvents()
form = start.sign_in.ui
week = t1 = 0.0
if sys.argv[4]:  # a user name: sign in and wait for that person's first window and its reads
    form.username.setText(sys.argv[4])
    form.password.setText("demo-password")
    t1 = time.perf_counter()
    form.signInButton.click()
    while ctl.window is None or not ctl.window.isVisible() or not (ctl.ops.is_idle() and ctl.reads.is_idle()):
        if form.message.property("error"):
            sys.exit("sign-in refused: " + form.message.text())
        app.processEvents()
    ctl.window.grab()
    week = time.perf_counter()
print((marks["painted"] - t0) * 1000, (ready - t0) * 1000, (week - t1) * 1000)
ctl.shutdown()
"""

BARE = """
import os, time
t0 = time.perf_counter()
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
from PySide6.QtWidgets import QApplication, QWidget
app = QApplication([])
w = QWidget()
w.resize(460, 420)
w.show()
app.processEvents()
w.grab()
print((time.perf_counter() - t0) * 1000)
"""


def _run(code: str, *args: str) -> list[float]:
    out = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, check=True)
    return [float(x) for x in out.stdout.strip().splitlines()[-1].split()]


def _spread(samples: list[float]) -> str:
    ordered = sorted(samples)
    return f"{ordered[len(ordered) // 10]:.0f}–{ordered[(len(ordered) * 9) // 10]:.0f}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=9)
    parser.add_argument("--database", type=Path)
    parser.add_argument("--user", default="dr.rivera",
                        help="the provider who signs in (password demo-password); '' skips it")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = args.database
        if path is None:
            path = Path(tmp) / "demo.db"
            subprocess.run([sys.executable, "-c", (
                "import sys; sys.path.insert(0, sys.argv[1]);"
                "from datetime import UTC, datetime;"
                "from desktop.store.db import open_database, close_database;"
                "from desktop.store.demo import build_demo;"
                "open_database(sys.argv[2]); build_demo(datetime.now(UTC)); close_database()"),
                str(ROOT), str(path)], check=True)
        settings = str(Path(tmp) / "settings.ini")
        ours, ready, week, bare = [], [], [], []
        for _ in range(args.rounds):
            painted, opened, signed_in = _run(OURS, str(ROOT), str(path), settings, args.user)
            ours.append(painted)
            ready.append(opened)
            week.append(signed_in)
            bare.append(_run(BARE)[0])
        o, b = statistics.median(ours), statistics.median(bare)
        size = os.path.getsize(path) / 1e6
        print(f"Start-up to a painted sign-in window  ({os.cpu_count()} cores, {args.rounds} interleaved rounds, "
              f"database {size:.1f} MB)")
        print(f"  ours: median {o:.0f} ms (p10–p90 {_spread(ours)})   bare QWidget: median {b:.0f} ms "
              f"(p10–p90 {_spread(bare)})   x{o / b:.2f}")
        print(f"  the practice open and sign-in ready: median {statistics.median(ready):.0f} ms "
              f"(p10–p90 {_spread(ready)})")
        if args.user:
            print(f"  Sign in ({args.user}) to the provider's week on screen, its reads shown: median "
                  f"{statistics.median(week):.0f} ms (p10–p90 {_spread(week)})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
