"""Cancelling all upcoming occurrences of a 100-occurrence series, beside raw sqlite3 doing the
same rows' work, interleaved, with full durability (the database's own synchronous setting).

    .venv/bin/python benchmarks/series_cancel.py [--rounds 15] [--occurrences 100]

Each round builds two identical series of ``--occurrences`` upcoming weekly occurrences in one
file (rows written directly: a horizon of 190 days would hold only 27 of a weekly series), then
times ``client_cancel_upcoming`` on one and, on the other, raw sqlite3 in one transaction: one
UPDATE of the occurrences, one INSERT per cancellation row (executemany), one audit row.
Printed: medians, p10–p90, the ratio, and the statements the service issued.
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
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from desktop.rules import series as series_rules  # noqa: E402
from desktop.services.auth import actor_for  # noqa: E402
from desktop.services.cancellation import client_cancel_upcoming  # noqa: E402
from desktop.store.bulk import insert_dicts  # noqa: E402
from desktop.store.db import SQLITE_PRAGMAS, close_database, open_database  # noqa: E402
from desktop.store.models import Appointment, Series, User, database  # noqa: E402
from desktop.store.reference import build_reference  # noqa: E402

NOW = datetime(2026, 11, 24, 15, 0, tzinfo=UTC)


def _series(client_id: int, provider_id: int, count: int, offset_hours: int) -> list[int]:
    first = NOW + timedelta(days=3, hours=offset_hours)
    local = first.astimezone(ZoneInfo("America/New_York")).replace(tzinfo=None)
    rule = series_rules.build_rrule(series_rules.Frequency.WEEKLY, local.date(), count=count)
    with database.atomic():
        series = Series.create(provider=provider_id, client=client_id, policy=provider_id, rrule=rule,
                               time_zone="America/New_York", first_local=local.isoformat(), duration_minutes=50,
                               materialised_until=NOW + timedelta(weeks=count + 1), ended=True)
        insert_dicts(Appointment, [
            {"provider": provider_id, "client": client_id, "series": series.id, "policy": provider_id,
             "starts_at": first + timedelta(weeks=k), "ends_at": first + timedelta(weeks=k, minutes=50),
             "created_at": NOW, "updated_at": NOW} for k in range(count)])
    return [i for (i,) in Appointment.select(Appointment.id).where(Appointment.series == series.id)
            .order_by(Appointment.starts_at).tuples()]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=15)
    parser.add_argument("--occurrences", type=int, default=100)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.db"
        open_database(path)
        build_reference(NOW, providers=2, clients=2 * args.rounds * 2, years=0)
        raw = sqlite3.connect(path, isolation_level=None)
        for key, value in SQLITE_PRAGMAS.items():
            raw.execute(f"PRAGMA {key}={value}")
        users = list(User.select().where(User.role == "client").order_by(User.id))
        ours, base, statements = [], [], []
        for r in range(args.rounds):
            a, b = users[2 * r], users[2 * r + 1]
            actor = actor_for(a)
            ids_a = _series(actor.client_id, actor.client_provider_id, args.occurrences, 30 * r + 1)
            actor_b = actor_for(b)
            ids_b = _series(actor_b.client_id, actor_b.client_provider_id, args.occurrences, 30 * r + 2)
            # The clients' own reference-practice series are left alone: cancel from the new one.
            Appointment.update(status="cancelled_by_provider").where(
                Appointment.client.in_([actor.client_id, actor_b.client_id]),
                Appointment.id.not_in(ids_a + ids_b)).execute()
            counted = []
            handler = logging.Handler()
            handler.emit = counted.append
            logger = logging.getLogger("peewee")
            logger.addHandler(handler)
            logger.setLevel(logging.DEBUG)
            t0 = time.perf_counter()
            result = client_cancel_upcoming(actor, ids_a[0], "schedule_conflict", now=NOW)
            t1 = time.perf_counter()
            logger.removeHandler(handler)
            logger.setLevel(logging.WARNING)
            assert len(result.value) == args.occurrences, len(result.value)
            statements.append(len(counted))
            t2 = time.perf_counter()
            raw.execute("BEGIN IMMEDIATE")
            marks = ",".join("?" * len(ids_b))
            raw.execute(f"UPDATE appointment SET status='cancelled_by_client', version=version+1 WHERE id IN ({marks})"
                        " AND status='scheduled'", ids_b)
            raw.executemany("INSERT INTO cancellation (appointment_id, cancelled_by_id, kind, reason_code, other_text,"
                            " answers, created_at) VALUES (?, ?, 'client', 'x', '', '{}', '2026-11-24 15:00:00')",
                            [(i, b.id) for i in ids_b])
            raw.execute("INSERT INTO audit_event (at, action, entity, entity_id, detail) "
                        "VALUES ('2026-11-24 15:00:00', 'client_cancel_upcoming', 'series', 0, '{}')")
            raw.execute("COMMIT")
            t3 = time.perf_counter()
            ours.append((t1 - t0) * 1000)
            base.append((t3 - t2) * 1000)
        raw.close()
        close_database()
    o, b = statistics.median(ours), statistics.median(base)

    def spread(s):
        s = sorted(s)
        return f"{s[len(s) // 10]:.1f}–{s[(len(s) * 9) // 10]:.1f}"

    print(f"Cancel all upcoming of a {args.occurrences}-occurrence series  ({os.cpu_count()} cores, "
          f"{args.rounds} interleaved rounds, synchronous={SQLITE_PRAGMAS.get('synchronous', 'default')})")
    print(f"  ours: median {o:.1f} ms (p10–p90 {spread(ours)}), {statistics.median(statements):.0f} statements   "
          f"raw sqlite3: median {b:.1f} ms (p10–p90 {spread(base)})   x{o / b:.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
