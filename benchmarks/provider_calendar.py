"""Item 4 of issue 13: the provider's week navigation on the reference practice (range query +
model + paint) beside a floor measured in the same interleaved loop: the same SQL run raw with
sqlite3, and a bare QPainter drawing as many boxes with two lines of text each.

    .venv/bin/python benchmarks/provider_calendar.py [--database reference.db] [--rounds 5]

The grid is the provider's (gui/widgets/calendar/grid.py) at its size in a 1366 × 768 window;
each step is the next (or previous) week: ``provider_range`` for the week, ``set_content``
(places the boxes, elides their lines) and ``repaint()``. Targets: p95 ≤ 2.5 × the floor's p95
and ≤ 16 ms. Nothing is asserted.
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QRectF, Qt  # noqa: E402
from PySide6.QtGui import QColor, QPainter  # noqa: E402
from PySide6.QtWidgets import QWidget  # noqa: E402

from benchmarks.measure import line, pct  # noqa: E402
from benchmarks.screen_reads import _raw_param, captured  # noqa: E402
from desktop.gui.app import make_application  # noqa: E402
from desktop.gui.widgets.calendar.grid import CalendarGrid  # noqa: E402
from desktop.gui.widgets.calendar.layout import CalendarMode, step, utc_range, visible_days  # noqa: E402
from desktop.services.auth import actor_for  # noqa: E402
from desktop.services.calendar import provider_range  # noqa: E402
from desktop.store.db import close_database, open_database  # noqa: E402
from desktop.store.models import User  # noqa: E402

SIZE = (1050, 520)  # the provider's week grid in a 1366 × 768 window


class BareBoxes(QWidget):
    """The floor for painting: n boxes with two lines of text each, nothing prepared."""

    def __init__(self) -> None:
        super().__init__()
        self.n = 0

    def paintEvent(self, event) -> None:  # noqa: N802
        p = QPainter(self)
        p.fillRect(self.rect(), QColor("#ffffff"))
        w, h = self.width() / 7, 36
        p.setBrush(QColor("#dcecf7"))
        for i in range(self.n):
            r = QRectF((i % 7) * w, (i // 7 % 14) * h, w - 2, h - 1)
            p.drawRect(r)
            p.drawText(r, Qt.AlignmentFlag.AlignLeft, "09:00 Client 0001\nScheduled")
        p.end()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", type=Path)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    app = make_application()
    path = args.database
    if path is None or not path.exists():
        path = path or Path(tempfile.mkdtemp()) / "reference.db"
        subprocess.run([sys.executable, str(ROOT / "scripts" / "reference_practice.py"), str(path)], check=True)
    open_database(path)
    actor = actor_for(User.get(User.username == "provider02"))
    zone = actor.time_zone
    raw = sqlite3.connect(str(path))
    grid, bare = CalendarGrid(), BareBoxes()
    for w in (grid, bare):
        w.resize(*SIZE)
        w.show()
    app.processEvents()
    today = datetime.now(UTC).astimezone().date()
    anchors, a = [], today
    for _ in range(8):
        a = step(a, CalendarMode.WEEK, -1)
    for _ in range(16):
        anchors.append(a)
        a = step(a, CalendarMode.WEEK, 1)
    ours, floor, parts, boxes = [], [], ([], [], []), []
    for r in range(args.rounds):
        for anchor in anchors if r % 2 == 0 else reversed(anchors):
            days = visible_days(anchor, CalendarMode.WEEK)
            lo, hi = utc_range(days, zone)
            now = datetime.now(UTC)
            statements = [(sql, tuple(_raw_param(p) for p in params))
                          for sql, params in captured(lambda lo=lo, hi=hi: provider_range(actor, lo, hi))]
            t0 = time.perf_counter()
            rows = provider_range(actor, lo, hi)
            t1 = time.perf_counter()
            grid.set_content(CalendarMode.WEEK, days, anchor, zone, rows, now)
            t2 = time.perf_counter()
            grid.repaint()
            t3 = time.perf_counter()
            ours.append((t3 - t0) * 1000)
            for part, v in zip(parts, (t1 - t0, t2 - t1, t3 - t2), strict=True):
                part.append(v * 1000)
            boxes.append(len(grid.boxes()))
            t0 = time.perf_counter()
            for sql, params in statements:
                raw.execute(sql, params).fetchall()
            bare.n = len(rows)
            bare.repaint()
            floor.append((time.perf_counter() - t0) * 1000)
    print(f"Provider week navigation, {path.name}: {args.rounds} interleaved rounds × {len(anchors)} weeks, "
          f"grid {SIZE[0]}×{SIZE[1]}, median {sorted(boxes)[len(boxes) // 2]} boxes; ms", flush=True)
    line("week: query + model + paint", ours, floor, "raw SQL + bare QPainter")
    o95, f95 = pct(ours, .95), pct(floor, .95)
    print(f"  {'p95 ratio (target ≤ 2.5, and ≤ 16 ms)':<44} {o95 / f95:9.2f} ×  (ours p95 {o95:.2f} ms; parts p50 "
          f"query {pct(parts[0], .5):.2f} / model {pct(parts[1], .5):.2f} / paint {pct(parts[2], .5):.2f} ms)",
          flush=True)
    raw.close()
    close_database()
    return 0


if __name__ == "__main__":
    sys.exit(main())
