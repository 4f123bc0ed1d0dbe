"""Cold start to a painted sign-in window, beside a bare PySide6 window started the same way.

    .venv/bin/python benchmarks/startup.py [--rounds 9] [--database reference.db]

Each round starts two fresh Python processes, one after the other: ours goes the application's
own way (desktop.gui.app: open the database with the header and schema checked, the session
controller, the sign-in window shown, painted and grabbed; the whole-file check and the daily
backup are queued after the paint, as in the application); the baseline imports PySide6, shows
a bare QWidget of the same size, paints and grabs it. Both clocks start before the first
import. Printed: medians, p10–p90, and the ratio (the issue's target is ≤ 1.5×). Without
--database a demo practice is built into a temporary file first.
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
from desktop.gui.app import make_application, open_target
from desktop.gui.clock import Clock
from desktop.gui.session import SessionController
from desktop.gui.settings import Settings
app = make_application()
clock = Clock()
location = open_target(sys.argv[2], demo=False, clock=clock, check_pages=False)
settings = Settings(QSettings(sys.argv[3], QSettings.Format.IniFormat))
controller = SessionController(app, location, clock, settings)
controller.start()
app.processEvents()
controller.sign_in.grab()
print((time.perf_counter() - t0) * 1000)
controller.shutdown()
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


def _run(code: str, *args: str) -> float:
    out = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, check=True)
    return float(out.stdout.strip().splitlines()[-1])


def _spread(samples: list[float]) -> str:
    ordered = sorted(samples)
    return f"{ordered[len(ordered) // 10]:.0f}–{ordered[(len(ordered) * 9) // 10]:.0f}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=9)
    parser.add_argument("--database", type=Path)
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
        ours, bare = [], []
        for _ in range(args.rounds):
            ours.append(_run(OURS, str(ROOT), str(path), settings))
            bare.append(_run(BARE))
        o, b = statistics.median(ours), statistics.median(bare)
        size = os.path.getsize(path) / 1e6
        print(f"Start-up to a painted sign-in window  ({os.cpu_count()} cores, {args.rounds} interleaved rounds, "
              f"database {size:.1f} MB)")
        print(f"  ours: median {o:.0f} ms (p10–p90 {_spread(ours)})   bare QWidget: median {b:.0f} ms "
              f"(p10–p90 {_spread(bare)})   x{o / b:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
