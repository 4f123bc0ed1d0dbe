"""Practice Desk benchmarks: each figure printed beside a baseline measured in the same run.

    .venv/bin/python benchmarks/run.py [--years 5] [--clients 400]

Each figure and its baseline run in one interleaved loop (benchmarks/measure.py: the two
alternate, so a busy moment hits both), on a practice with years of weekly appointments (about
100,000 rows by default); printed: median [p10–p90] p95 of each and the ratio of the medians.
Baselines: raw sqlite3 for the same SQL work, dateutil alone for recurrence, a bare QWidget for
painting and start-up. Nothing here is asserted: tests never time anything; this is for reading.
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from datetime import time as dtime
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from dateutil import rrule  # noqa: E402

from benchmarks.measure import interleaved, line  # noqa: E402
from desktop.rules import series as series_rules  # noqa: E402
from desktop.services import booking, calendar, cancellation  # noqa: E402
from desktop.services.auth import actor_for  # noqa: E402
from desktop.store.bulk import insert_dicts  # noqa: E402
from desktop.store.db import SQLITE_PRAGMAS, open_database  # noqa: E402
from desktop.store.models import (  # noqa: E402
    Appointment,
    Client,
    FeePolicy,
    Practice,
    Provider,
    Role,
    Series,
    User,
    database,
)

ZONE = "America/New_York"
NOW = datetime(2026, 11, 24, 15, 0, tzinfo=UTC)


def row(label: str, ours: float, base: float, base_label: str, unit: str = "ms") -> None:
    """A single figure (the bulk insert: one run each)."""
    line(label, [ours], [base], base_label, unit)


def pair(label: str, ours: Callable[[], object], base: Callable[[], object], base_label: str, repeat: int) -> None:
    line(label, *interleaved(ours, base, repeat), base_label)


def build(path: Path, years: int, clients_n: int) -> tuple[int, float]:
    """A practice with ``clients_n`` clients over 10 providers, weekly for ``years`` years."""
    open_database(path)
    with database.atomic():
        Practice.create(name="Bench", time_zone=ZONE)
        providers = []
        for p in range(10):
            user = User.create(username=f"p{p}", display_name=f"Provider {p}", role=Role.PROVIDER,
                               password_hash="x", time_zone=ZONE)
            providers.append(Provider.create(user=user))
            FeePolicy.create(provider=providers[-1], version=1, late_cancellation_fee_cents=5000,
                             no_show_fee_cents=7500, policy_text="policy")
        clients = []
        for c in range(clients_n):
            user = User.create(username=f"c{c}", display_name=f"Client {c}", role=Role.CLIENT,
                               password_hash="x", time_zone=ZONE)
            clients.append(Client.create(user=user, provider=providers[c % 10]))
    first = date(NOW.year - years + 1, 1, 5)
    rows = []
    for i, client in enumerate(clients):
        provider = client.provider_id
        slot = i // 10
        day, hour = slot % 5, 8 + (slot // 5) % 10
        start_local = datetime.combine(first + timedelta(days=day), dtime(hour))
        rule = series_rules.build_rrule(series_rules.Frequency.WEEKLY, start_local.date(), count=52 * years)
        s = Series.create(provider=provider, client=client, policy=provider, rrule=rule, time_zone=ZONE,
                          first_local=start_local.isoformat(), duration_minutes=50,
                          materialised_until=NOW + timedelta(days=190))
        for occ in series_rules.expand(rule, start_local, ZONE, timedelta(minutes=50),
                                       window_start=datetime(1990, 1, 1, tzinfo=UTC),
                                       window_end=NOW + timedelta(days=190)):
            rows.append({"provider": provider, "client": client.id, "series": s.id, "policy": provider,
                         "starts_at": occ.start, "ends_at": occ.end})
    t0 = time.perf_counter()
    with database.atomic():
        insert_dicts(Appointment, rows)  # the store's bulk path
    return len(rows), time.perf_counter() - t0


def raw_insert_rate(n: int) -> float:
    with tempfile.TemporaryDirectory() as tmp:
        con = sqlite3.connect(Path(tmp) / "raw.db", isolation_level=None)
        for k, v in SQLITE_PRAGMAS.items():
            con.execute(f"PRAGMA {k}={v}")
        con.execute("CREATE TABLE a (id INTEGER PRIMARY KEY, provider_id INT, client_id INT, series_id INT, "
                    "policy_id INT, starts_at TEXT, ends_at TEXT, status TEXT, version INT)")
        con.execute("CREATE INDEX a_p ON a(provider_id, starts_at)")
        con.execute("CREATE INDEX a_c ON a(client_id, starts_at)")
        data = [(1, i % 400, i % 400, 1, f"2026-01-01 {i % 24:02d}:00:00", "x", "scheduled", 1) for i in range(n)]
        t0 = time.perf_counter()
        con.execute("BEGIN")
        con.executemany("INSERT INTO a (provider_id, client_id, series_id, policy_id, starts_at, ends_at, status, "
                        "version) VALUES (?,?,?,?,?,?,?,?)", data)
        con.execute("COMMIT")
        elapsed = time.perf_counter() - t0
        con.close()
    return n / elapsed


RAW_RANGE_SQL = """
SELECT a.id, a.starts_at, a.ends_at, a.status, a.client_id, cu.display_name, a.provider_id, pu.display_name,
       a.series_id, a.telehealth, a.location, a.version,
       (SELECT COUNT(*) FROM late_cancellation_request r WHERE r.appointment_id = a.id AND r.status = 'pending')
FROM appointment a JOIN client c ON a.client_id = c.id JOIN user cu ON c.user_id = cu.id
JOIN provider p ON a.provider_id = p.id JOIN user pu ON p.user_id = pu.id
WHERE a.provider_id = ? AND a.starts_at >= ? AND a.starts_at < ? AND a.ends_at > ?
ORDER BY a.starts_at, a.id
"""


def fmt(d: datetime) -> str:
    return d.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S")


def bench_queries(path: Path, repeat: int) -> None:
    provider_user = User.get(User.username == "p3")
    actor = actor_for(provider_user)
    raw = sqlite3.connect(path)
    week_start = NOW - timedelta(days=1)
    for label, days in (("week", 7), ("month grid (42 days)", 42)):
        lo, hi = week_start, week_start + timedelta(days=days)
        rows = calendar.provider_range(actor, lo, hi)
        args = (actor.provider_id, fmt(lo - timedelta(days=1)), fmt(hi), fmt(lo))
        raw_rows = raw.execute(RAW_RANGE_SQL, args).fetchall()
        assert len(raw_rows) == len(rows), (len(raw_rows), len(rows))
        pair(f"calendar {label}: {len(rows)} rows (service)",
             lambda lo=lo, hi=hi: calendar.provider_range(actor, lo, hi),
             lambda args=args: raw.execute(RAW_RANGE_SQL, args).fetchall(), "raw sqlite3, same SQL", repeat)
    raw.close()


def bench_cancel(path: Path, repeat: int) -> None:
    ids = [a for (a,) in Appointment.select(Appointment.id)
           .where(Appointment.starts_at > NOW + timedelta(days=30)).order_by(Appointment.id).limit(repeat * 2).tuples()]
    clients = dict(Appointment.select(Appointment.id, Appointment.client).where(Appointment.id.in_(ids)).tuples())
    actors = {}
    raw = sqlite3.connect(path, isolation_level=None)
    for k, v in SQLITE_PRAGMAS.items():
        raw.execute(f"PRAGMA {k}={v}")

    def raw_cancel(appt_id: int) -> None:
        raw.execute("BEGIN IMMEDIATE")
        raw.execute("UPDATE appointment SET status='cancelled_by_client', version=version+1 WHERE id=? AND version=1",
                    (appt_id,))
        raw.execute("INSERT INTO cancellation (appointment_id, cancelled_by_id, kind, reason_code, other_text, answers,"
                    " created_at) VALUES (?, 1, 'client', 'x', '', '{}', '2026-11-24 15:00:00')", (appt_id,))
        raw.execute("INSERT INTO audit_event (at, action, entity, entity_id, detail) "
                    "VALUES ('2026-11-24 15:00:00', 'client_cancel', 'appointment', ?, '{}')", (appt_id,))
        raw.execute("COMMIT")

    samples, base_samples = [], []
    for i, (appt_id, raw_id) in enumerate(zip(ids[:repeat], ids[repeat:], strict=False)):  # interleaved
        client_id = clients[appt_id]
        actor = actors.get(client_id) or actors.setdefault(
            client_id, actor_for(User.select().join(Client).where(Client.id == client_id).get()))
        runs = [(lambda a=actor, i=appt_id: cancellation.client_cancel_one(a, i, "schedule_conflict", now=NOW),
                 samples), (lambda i=raw_id: raw_cancel(i), base_samples)]
        for fn, out in runs if i % 2 == 0 else reversed(runs):
            t0 = time.perf_counter()
            fn()
            out.append((time.perf_counter() - t0) * 1000)
    raw.close()
    line("client cancels one (rules, checks, audit, fsync)", samples, base_samples,
         "raw sqlite3 UPDATE+2 INSERT, fsync")


def bench_series(repeat: int) -> None:
    first = datetime(2027, 1, 5, 10)
    rule = series_rules.build_rrule(series_rules.Frequency.WEEKLY, first.date(), count=500)
    lo, hi = NOW, NOW + booking.HORIZON
    pair("expand one weekly series to the horizon",
         lambda: series_rules.expand(rule, first, ZONE, timedelta(minutes=50), window_start=lo, window_end=hi),
         lambda: list(rrule.rrulestr(rule, dtstart=first).between(first, first + booking.HORIZON, inc=True)),
         "dateutil rrule alone (no zones)", repeat)


def bench_startup(path: Path, repeat: int) -> None:
    """benchmarks/startup.py's two processes, interleaved, on the benchmark's database."""
    from benchmarks.startup import BARE, OURS, _run

    with tempfile.TemporaryDirectory() as tmp:
        settings = str(Path(tmp) / "settings.ini")
        ours, bare = [], []
        for _ in range(repeat):
            ours.append(_run(OURS, str(ROOT), str(path), settings, "")[0])
            bare.append(_run(BARE)[0])
    line("start-up to painted sign-in window", ours, bare, "bare QWidget shown and painted")


def bench_calendar_paint(repeat: int) -> None:
    from PySide6.QtCore import QRectF, Qt
    from PySide6.QtGui import QColor, QPainter
    from PySide6.QtWidgets import QWidget

    from desktop.gui.app import make_application
    from desktop.gui.widgets.calendar import CalendarMode, CalendarView

    class BareBoxes(QWidget):
        """The baseline: the same number of boxes and labels painted at fixed places,
        with no rows, no layout and no styling (what painting alone costs)."""

        count = 0

        def paintEvent(self, event) -> None:  # noqa: N802
            painter = QPainter(self)
            for i in range(self.count):
                rect = QRectF(10 + (i % 7) * 150, 10 + (i // 7) * 20 % 680, 140, 18)
                painter.setBrush(QColor("#dcebf5"))
                painter.drawRect(rect)
                painter.drawText(rect, Qt.AlignmentFlag.AlignLeft, f"11:00 Client {i} · Scheduled")
            painter.end()

    app = make_application()
    actor = actor_for(User.get(User.username == "p3"))
    view = CalendarView(lambda lo, hi: calendar.provider_range(actor, lo, hi), ZONE, lambda: NOW,
                        mode=CalendarMode.WEEK)
    view.resize(1100, 700)
    view.show()
    app.processEvents()
    bare = BareBoxes()
    bare.resize(1100, 700)
    bare.show()
    app.processEvents()
    for mode in (CalendarMode.WEEK, CalendarMode.MONTH):
        view.set_mode(mode)
        app.processEvents()
        bare.count = len(view.rows)
        pair(f"paint calendar {mode.value} view, {len(view.rows)} items", lambda: view.grab(), lambda: bare.grab(),
             f"bare QPainter, {bare.count} boxes+labels", repeat)

    def next_week() -> None:
        view.go(1)
        view.grab()

    view.set_mode(CalendarMode.WEEK)
    bare.count = len(view.rows)
    pair("next week: range query + paint", next_week, lambda: bare.grab(), f"bare QPainter, {bare.count} boxes+labels",
         repeat)
    view.close()
    bare.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--years", type=int, default=5)
    parser.add_argument("--clients", type=int, default=400)
    parser.add_argument("--repeat", type=int, default=30)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.db"
        print(f"Practice Desk benchmarks  (Python {sys.version.split()[0]}, SQLite {sqlite3.sqlite_version}, "
              f"{os.cpu_count()} cores)")
        n, seconds = build(path, args.years, args.clients)
        print(f"  data: {args.clients} clients, 10 providers, {n:,} appointments over {args.years} years")
        row("bulk insert (store/bulk.py), rows/s", n / seconds / 1000, raw_insert_rate(n) / 1000,
            "raw sqlite3 executemany, no conversion", unit="k/s")
        bench_queries(path, args.repeat)
        bench_cancel(path, min(args.repeat, 20))
        bench_series(args.repeat)
        bench_calendar_paint(args.repeat)
        bench_startup(path, 5)
        database.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
