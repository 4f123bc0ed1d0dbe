"""PostgreSQL for tests: a fresh, uniquely named database per test, dropped afterwards.

``PRACTICE_DESK_TEST_POSTGRES`` names a server and a maintenance database on it that the
tests may create databases from, e.g. ``postgresql://postgres@127.0.0.1:54321/postgres``.
``bash scripts/test.sh`` (and so CI) always starts a throwaway cluster and sets it. Without it,
PostgreSQL tests fail under CI (``CI=true``) and are skipped on a developer's machine.

Use in a test module::

    from tests.postgres import pg_url  # noqa: F401  (the fixture)

    pytestmark = pytest.mark.postgres

    def test_something(pg_url): ...
"""

from __future__ import annotations

import atexit
import os
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from urllib.parse import urlsplit, urlunsplit

import pytest

ENV = "PRACTICE_DESK_TEST_POSTGRES"


def running_in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")


def server_url() -> str:
    """The maintenance URL, or fail (CI) / skip (elsewhere) with a message saying how to get one."""
    url = os.environ.get(ENV, "").strip()
    if url:
        return url
    message = (
        f"{ENV} is not set, so the PostgreSQL tests cannot run. `bash scripts/test.sh` starts a "
        f"throwaway PostgreSQL cluster and sets it; or set {ENV}=postgresql://user:password@host:port/postgres "
        "(a role allowed to CREATE DATABASE)."
    )
    if running_in_ci():
        pytest.fail(message, pytrace=False)
    pytest.skip(message)


def with_database(url: str, name: str) -> str:
    """``url`` with its database name replaced by ``name`` (credentials, host, options kept)."""
    parts = urlsplit(url)
    return urlunsplit((parts.scheme, parts.netloc, "/" + name, parts.query, parts.fragment))


def _maintenance_connection(url: str):
    try:
        import psycopg2
    except ImportError:  # pragma: no cover - the test extra's [postgresql] brings it
        pytest.fail("psycopg2 is not installed: run `bash scripts/setup.sh --test`", pytrace=False)
    conn = psycopg2.connect(url)
    conn.autocommit = True  # CREATE/DROP DATABASE cannot run inside a transaction
    return conn


@contextmanager
def temporary_database(url: str, prefix: str = "pd_test", *, template: str = "template0") -> Iterator[str]:
    """Create a database on ``url``'s server (empty, or a copy of ``template``) and yield its URL;
    drop it on the way out, also when connections to it are still open (``WITH (FORCE)``,
    PostgreSQL >= 13)."""
    name = f"{prefix}_{uuid.uuid4().hex[:16]}"
    conn = _maintenance_connection(url)
    try:
        _create_database(conn, name, template)
        try:
            yield with_database(url, name)
        finally:
            with conn.cursor() as cur:
                cur.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    finally:
        conn.close()


def _create_database(conn, name: str, template: str) -> None:
    import psycopg2

    for attempt in range(50):
        try:
            with conn.cursor() as cur:
                cur.execute(f'CREATE DATABASE "{name}" ENCODING \'UTF8\' TEMPLATE "{template}"')
            return
        except psycopg2.errors.ObjectInUse:  # the template's last connection is still closing
            if attempt == 49:
                raise
            time.sleep(0.05)


_TEMPLATES: dict[tuple[str, str], str] = {}


def migrated_template(url: str) -> str:
    """A database on ``url``'s server with today's schema, made once per test process, that the
    service tests' databases are copied from (``CREATE DATABASE … TEMPLATE``): the migrations and
    the ``btree_gist`` extension then run once, not once per test. Dropped when the process ends."""
    return _template(url, None)


def demo_template(url: str, now: datetime) -> str:
    """Like :func:`migrated_template`, with the demo practice built around ``now``."""
    return _template(url, now)


def _template(url: str, demo_now: datetime | None) -> str:
    key = (url, demo_now.isoformat() if demo_now is not None else "")
    name = _TEMPLATES.get(key)
    if name is not None:
        return name
    from desktop.store.db import close_database, open_database

    base = "template0" if demo_now is None else migrated_template(url)
    name = f"pd_template_{uuid.uuid4().hex[:12]}"
    conn = _maintenance_connection(url)
    try:
        _create_database(conn, name, base)
    finally:
        conn.close()
    open_database(with_database(url, name))
    try:
        if demo_now is not None:
            from desktop.store.demo import build_demo

            build_demo(demo_now)
    finally:
        close_database()
    _TEMPLATES[key] = name
    atexit.register(_drop, url, name)
    return name


def _drop(url: str, name: str) -> None:
    conn = _maintenance_connection(url)
    try:
        with conn.cursor() as cur:
            cur.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    finally:
        conn.close()


@pytest.fixture
def pg_url() -> Iterator[str]:
    """A fresh empty PostgreSQL database for this test; its URL."""
    with temporary_database(server_url()) as url:
        yield url


@pytest.fixture
def pg_db(pg_url):  # noqa: F811
    """A fresh PostgreSQL database, opened (migrated, models bound) for this test."""
    from desktop.store.db import close_database, open_database

    opened = open_database(pg_url)
    yield opened
    close_database()


@pytest.fixture(scope="module")
def pg_module_url() -> Iterator[str]:
    """One fresh PostgreSQL database shared by a test module (for slow set-ups)."""
    with temporary_database(server_url()) as url:
        yield url
