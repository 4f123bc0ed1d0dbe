"""How long until another window shows a change, and until the banner shows a stopped server.

    PYTHONPATH=. .venv/bin/python benchmarks/live_latency.py [--rounds 5]

Two sessions (provider and client) in one process on a private PostgreSQL cluster (as
tests/pgcluster.py makes it); the provider cancels the client's next appointments one by one.
Printed per round: the write (click to the writer's own result) and then until the client's
Appointments page no longer lists it, beside the baseline of the writer's own window; then how
long the banner takes after ``pg_ctl stop -m fast`` and how long it takes to go after a restart.
Nothing is asserted.
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("PRACTICE_DESK_HOME", tempfile.mkdtemp())

import psycopg2  # noqa: E402
from PySide6.QtCore import QEventLoop, QSettings  # noqa: E402

from desktop.gui.app import make_application  # noqa: E402
from desktop.gui.clock import FixedClock  # noqa: E402
from desktop.gui.session import SessionController  # noqa: E402
from desktop.gui.settings import Settings  # noqa: E402
from desktop.services.provider import cancel_for_client  # noqa: E402
from desktop.store.db import open_database  # noqa: E402
from desktop.store.demo import build_demo  # noqa: E402
from desktop.store.models import Appointment, AppointmentStatus, Client, User  # noqa: E402
from tests.pgcluster import Cluster, _bin_dir  # noqa: E402

NOW = datetime(2026, 11, 24, 15, 0, tzinfo=UTC)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=5)
    rounds = parser.parse_args().rounds
    app = make_application()

    def spin_until(pred, timeout: float = 15.0) -> float:
        start = time.monotonic()
        while not pred():
            app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 10)
            if time.monotonic() - start > timeout:
                raise TimeoutError
        return time.monotonic() - start

    cluster = Cluster(_bin_dir(), Path(tempfile.mkdtemp()))
    cluster.init()
    cluster.start()
    conn = psycopg2.connect(cluster.url)
    conn.autocommit = True
    conn.cursor().execute("CREATE DATABASE practice")
    conn.close()
    opened = open_database(cluster.url.rsplit("/", 1)[0] + "/practice")
    build_demo(NOW)

    def session(username: str) -> SessionController:
        folder = tempfile.mkdtemp()
        settings = Settings(QSettings(f"{folder}/s.ini", QSettings.Format.IniFormat))
        controller = SessionController(app, opened.location, FixedClock(NOW), settings)
        controller.start()
        controller.sign_in.ui.username.setText(username)
        controller.sign_in.ui.password.setText("demo-password")
        controller.sign_in.ui.signInButton.click()
        spin_until(lambda: controller.window is not None and controller.live is not None and controller.live.feed.up)
        spin_until(controller.ops.is_idle)
        return controller

    writer, reader = session("dr.rivera"), session("alex.morgan")
    page = reader.window.go_to("appointments")
    spin_until(lambda: bool(page.upcoming_model.rows))
    client = Client.select().join(User).where(User.username == "alex.morgan").get()
    targets = list(Appointment.select().where(Appointment.client == client,
                                              Appointment.status == AppointmentStatus.SCHEDULED,
                                              Appointment.starts_at > NOW + timedelta(days=2))
                   .order_by(Appointment.starts_at).limit(rounds))
    for appt in targets:
        start = time.monotonic()
        writer.ops.run(lambda a=appt.id: cancel_for_client(writer.context.actor, a, "provider_unwell",
                                                           now=writer.context.service_now()))
        own = spin_until(writer.ops.is_idle)
        other = spin_until(lambda a=appt.id: a not in [r.id for r in page.upcoming_model.rows])
        print(f"write (writer's own window) {own * 1000:6.0f} ms   then the other window {other * 1000:6.0f} ms "
              f"(total {(time.monotonic() - start) * 1000:.0f} ms)")
    banner = writer.window.banners.server
    start = time.monotonic()
    cluster.stop("fast")
    print(f"server stopped: banner after {spin_until(banner.isVisible) * 1000:.0f} ms")
    cluster.start()
    print(f"server started: banner gone after {spin_until(lambda: not banner.isVisible()) * 1000:.0f} ms")
    for controller in (writer, reader):
        controller.sign_out()
        controller.shutdown()
    cluster.stop("immediate")


if __name__ == "__main__":
    main()
