"""Shared fixtures. Qt runs offscreen; every test gets its own database file."""

from __future__ import annotations

import os

# Before any QApplication exists: offscreen, on the small screen windows must fit (1366×768;
# the plugin's own default is 800×800).
_SCREEN = os.path.join(os.path.dirname(__file__), "offscreen-1366x768.json")
if os.environ.get("QT_QPA_PLATFORM", "offscreen") == "offscreen":
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={_SCREEN}"

from datetime import UTC, datetime  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

from desktop.store.db import Opened, close_database, open_database  # noqa: E402
from tests.postgres import pg_db, pg_url  # noqa: E402, F401  (fixtures: a fresh PostgreSQL database, opened or its URL)

# A fixed instant (a Tuesday, New York is on EST) that tests measure from.
NOW = datetime(2026, 11, 24, 15, 0, tzinfo=UTC)


@pytest.fixture(scope="session", autouse=True)
def profile_outside_the_real_one(tmp_path_factory) -> Path:
    """Settings and data folders resolve under a throwaway folder (the env override of
    desktop.gui.paths), so no test reads or writes the real user profile."""
    from desktop.gui.paths import HOME_ENV

    home = tmp_path_factory.mktemp("profile")
    os.environ[HOME_ENV] = str(home)
    return home


@pytest.fixture(autouse=True)
def default_display_locale():
    """The words in the default locale again after a test that signed in to a practice with
    another (the locale shown is one process-wide value)."""
    yield
    from desktop.rules.display_locale import use_locale

    use_locale(None)


@pytest.fixture
def now() -> datetime:
    return NOW


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "practice.db"


BACKEND_ENV = "PRACTICE_DESK_TEST_BACKEND"  # "postgresql": the same tests on a PostgreSQL server


@pytest.fixture
def db(db_path: Path, request, tmp_path_factory) -> Opened:
    """A fresh, migrated, empty database (no practice yet): a SQLite file, or with
    PRACTICE_DESK_TEST_BACKEND=postgresql a new database on the test PostgreSQL server
    (scripts/test.sh runs the service tests a second time that way). When the test also asks for
    ``demo_db`` it holds the demo practice built around the test's ``now``. Either way it is a copy
    of a database made once per test process (tests/templates.py)."""
    demo_now = request.getfixturevalue("now") if "demo_db" in request.fixturenames else None
    if os.environ.get(BACKEND_ENV) == "postgresql":
        from tests.postgres import demo_template, migrated_template, server_url, temporary_database

        url = server_url()
        template = demo_template(url, demo_now) if demo_now is not None else migrated_template(url)
        with temporary_database(url, template=template) as test_url:
            opened = open_database(test_url)
            yield opened
            close_database()
        return
    from tests.templates import copy_sqlite, sqlite_template

    copy_sqlite(sqlite_template(tmp_path_factory.getbasetemp() / "templates", demo_now), db_path)
    opened = open_database(db_path)
    yield opened
    close_database()


@pytest.fixture
def demo_db(db: Opened) -> Opened:
    """The demo practice built around NOW (the test's ``now``): ``db`` holds it already."""
    return db
