"""The practice calendar's month (and week, and day) for all 20 providers of the reference
practice: query + model + paint, beside a floor measured in the same interleaved loop.

    .venv/bin/python benchmarks/practice_calendar.py [--database reference.db] [--rounds 5]

Without ``--database`` the reference practice (desktop/store/reference.py) is built once into
a temporary file (about 10 s). Each round visits twelve months (six before today, six after)
and, for each, measures in turn:

- ours: ``practice_range`` as the owner (the account check, the SQL, rows converted), the
  grid's model (``PracticeGrid.set_content``: rows to local days, the boxes of what is drawn,
  the elided text) and a synchronous paint (``repaint()``) at the size the page has in a
  1366 × 768 window;
- floor: plain ``sqlite3`` running the same SQL with the same parameters (rows fetched, not
  converted), and a bare QWidget whose QPainter draws the same number of boxes (a filled
  rectangle and a line of text each).

Printed: p50 / p95 of each, the ratio of the medians, and ours split into its three parts.
Nothing is asserted; the target (month p95 ≤ 50 ms) is for the reader of the table.
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from datetime import UTC, date, datetime  # noqa: E402

from PySide6.QtCore import QRectF, Qt  # noqa: E402
from PySide6.QtGui import QColor, QPainter  # noqa: E402
from PySide6.QtWidgets import QWidget  # noqa: E402

from desktop.gui.app import make_application  # noqa: E402
from desktop.gui.widgets.calendar.layout import CalendarMode, step, utc_range, visible_days  # noqa: E402
from desktop.gui.widgets.calendar.practice_grid import PracticeGrid  # noqa: E402
from desktop.services import practice_calendar  # noqa: E402
from desktop.services.auth import actor_for  # noqa: E402
from desktop.store.db import checkpoint, close_database, open_database  # noqa: E402
from desktop.store.models import User  # noqa: E402

SIZE = (1118, 470)  # the grid's size on the Practice calendar page in a 1366 × 768 window


class BareBoxes(QWidget):
    """The floor for painting: n boxes with a line of text each, nothing prepared."""

    def __init__(self) -> None:
        super().__init__()
        self.n = 0

    def paintEvent(self, event) -> None:  # noqa: N802
        p = QPainter(self)
        p.fillRect(self.rect(), QColor("#ffffff"))
        cols = 7
        w, h = self.width() / cols, 15
        p.setBrush(QColor("#dcecf7"))
        for i in range(self.n):
            r = QRectF((i % cols) * w, (i // cols % 30) * h, w - 2, h - 1)
            p.drawRect(r)
            p.drawText(r, Qt.AlignmentFlag.AlignLeft, "08:00 Provider 01 · Client 0001")
        p.end()


def pct(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(int(q * len(values)), len(values) - 1)]


def ms(v: float) -> str:
    return f"{v * 1000:6.2f}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", type=Path)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    app = make_application()
    path = args.database
    if path is None or not path.exists():
        from desktop.store.reference import build_reference

        path = path or Path(tempfile.mkdtemp()) / "reference.db"
        print(f"building the reference practice into {path} …", flush=True)
        open_database(path)
        build_reference(datetime.now(UTC))
        checkpoint()
        close_database()
    open_database(path)
    owner = actor_for(User.get(User.username == "provider01"))
    providers = practice_calendar.practice_providers(owner)
    raw = sqlite3.connect(str(path))
    grid, bare = PracticeGrid(), BareBoxes()
    for w in (grid, bare):
        w.resize(*SIZE)
        w.show()
    app.processEvents()  # shown and exposed: repaint() paints at once
    today = datetime.now(UTC).astimezone().date()
    zone = owner.time_zone

    def anchors(mode: CalendarMode) -> list[date]:
        out, a = [], today
        for _ in range(6):
            a = step(a, mode, -1)
        for _ in range(12):
            out.append(a)
            a = step(a, mode, 1)
        return out

    print(f"{path}: {len(providers)} providers; grid {SIZE[0]}×{SIZE[1]}; {args.rounds} rounds × 12 periods")
    print(f"{'view':6} {'':14} {'p50 ms':>8} {'p95 ms':>8}   parts p50 (query / model / paint)   rows  boxes")
    for mode in (CalendarMode.MONTH, CalendarMode.WEEK, CalendarMode.DAY):
        ours, floor, parts, counts = [], [], ([], [], []), []
        for _ in range(args.rounds):
            for anchor in anchors(mode):
                days = visible_days(anchor, mode)
                lo, hi = utc_range(days, zone)
                now = datetime.now(UTC)
                # ours
                t0 = time.perf_counter()
                rows = practice_calendar.practice_range(owner, lo, hi)
                t1 = time.perf_counter()
                grid.set_content(mode, days, anchor, zone, providers, rows, now)
                t2 = time.perf_counter()
                grid.repaint()
                t3 = time.perf_counter()
                ours.append(t3 - t0)
                for part, v in zip(parts, (t1 - t0, t2 - t1, t3 - t2), strict=True):
                    part.append(v)
                n = len(grid.boxes())
                counts.append((len(rows), n))
                # floor: the same SQL raw, a bare painter drawing as many boxes
                sql, params = practice_calendar._range_query(lo, hi, None).sql()
                t0 = time.perf_counter()
                raw.execute(sql, params).fetchall()
                bare.n = n
                bare.repaint()
                floor.append(time.perf_counter() - t0)
        rows_n = statistics.median(c[0] for c in counts)
        boxes_n = statistics.median(c[1] for c in counts)
        split = " / ".join(ms(statistics.median(p)).strip() for p in parts)
        print(f"{mode.value:6} {'ours':14} {ms(statistics.median(ours)):>8} {ms(pct(ours, 0.95)):>8}   "
              f"{split:34} {rows_n:5.0f}  {boxes_n:5.0f}")
        print(f"{'':6} {'floor':14} {ms(statistics.median(floor)):>8} {ms(pct(floor, 0.95)):>8}   "
              f"ratio of medians {statistics.median(ours) / statistics.median(floor):.2f}×")
    raw.close()
    close_database()
    return 0


if __name__ == "__main__":
    sys.exit(main())
