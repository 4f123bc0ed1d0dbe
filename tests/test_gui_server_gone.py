"""The server can go away (issue 10, item 6): a real window on a private PostgreSQL cluster; the
cluster is stopped under it and started again on the same port."""

from __future__ import annotations

from datetime import timedelta

import pytest

from desktop.gui.clock import Clock
from desktop.gui.live import clock_notice
from desktop.services import people
from desktop.store.db import close_database, open_database
from desktop.store.demo import build_demo
from desktop.store.models import User
from tests.guikit import make_controller, message_boxes, sign_in, wait_ops
from tests.pgcluster import pg_cluster  # noqa: F401  (the fixture)
from tests.postgres import with_database

BANNER_MS = 5000  # the promise: the window says so within 5 s


@pytest.fixture
def cluster_db(pg_cluster, now):  # noqa: F811
    """A practice on the private cluster (removed with the cluster; no maintenance connection is
    kept open, since the server goes away under it)."""
    import psycopg2

    conn = psycopg2.connect(pg_cluster.url)
    conn.autocommit = True
    with conn.cursor() as cur:
        cur.execute("CREATE DATABASE practice ENCODING 'UTF8' TEMPLATE template0")
    conn.close()
    opened = open_database(with_database(pg_cluster.url, "practice"))
    build_demo(now)
    yield opened
    close_database()


def test_the_window_says_the_server_is_gone_refuses_writes_and_carries_on_when_it_is_back(
        qtbot, pg_cluster, cluster_db, now, tmp_path):  # noqa: F811
    controller = make_controller(qtbot, cluster_db, now, tmp_path)
    workspace = sign_in(qtbot, controller, "dr.rivera")
    qtbot.waitUntil(lambda: controller.live.feed.up, timeout=5000)
    banner = workspace.banners.server
    target = User.get(User.username == "alex.morgan").id
    shown_before = workspace.current_page()
    assert not banner.isVisible()

    pg_cluster.stop("fast")
    qtbot.waitUntil(banner.isVisible, timeout=BANNER_MS)
    assert "cannot be reached" in workspace.banners.server_text.text()
    assert workspace.current_page() is shown_before  # the window keeps what it showed

    refused = []
    for _ in range(3):  # three refused writes: one banner line, no stack of boxes
        workspace.ctx.ops.run(lambda: people.set_active(workspace.ctx.actor, target, False,
                                                        now=workspace.ctx.service_now()),
                              on_done=refused.append)
    wait_ops(qtbot, controller)
    assert refused == []
    assert workspace.banners.refusal.isVisible()
    assert workspace.banners.refusal.text().startswith("Not saved: the practice server cannot be reached.")
    assert "3 attempts" in workspace.banners.refusal.text()
    assert not message_boxes()

    pg_cluster.start()
    qtbot.waitUntil(lambda: not banner.isVisible(), timeout=BANNER_MS)
    user_5 = User.get_by_id(target)
    assert user_5.active  # nothing of the refused writes was written
    done = []
    workspace.ctx.ops.run(lambda: people.set_active(workspace.ctx.actor, target, False, now=workspace.ctx.service_now()),
                          on_done=done.append)
    wait_ops(qtbot, controller)
    assert done and not User.get_by_id(target).active  # and a write succeeds again
    assert not message_boxes()


def test_a_clock_more_than_a_minute_off_the_servers_is_shown_in_the_banner(qtbot, tmp_path, now):
    opened = open_database(tmp_path / "p.db")
    build_demo(now)
    try:
        controller = make_controller(qtbot, opened, now, tmp_path)
        workspace = sign_in(qtbot, controller, "dr.rivera")
        assert not workspace.banners.clock.isVisible()
        controller.live.report_offset(timedelta(minutes=3, seconds=10))  # a fake measurement
        assert workspace.banners.clock.isVisible()
        assert "3 minutes behind the practice server's" in workspace.banners.clock_text.text()
        controller.live.report_offset(timedelta(seconds=20))
        assert not workspace.banners.clock.isVisible()
    finally:
        close_database()


def test_the_displayed_clock_follows_the_server():
    clock = Clock()
    before = clock.now()
    clock.follow_server(timedelta(hours=1))
    assert clock.now() - before >= timedelta(minutes=59)
    assert clock.for_service() is None  # services still take the database's own clock
    assert clock_notice(timedelta(seconds=-59)) == ""
    assert "ahead of" in clock_notice(timedelta(minutes=-5))
