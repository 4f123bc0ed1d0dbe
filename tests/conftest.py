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
def db(db_path: Path) -> Opened:
    """A fresh, migrated, empty database (no practice yet): a SQLite file, or with
    PRACTICE_DESK_TEST_BACKEND=postgresql a new database on the test PostgreSQL server
    (scripts/test.sh runs the service tests a second time that way)."""
    if os.environ.get(BACKEND_ENV) == "postgresql":
        from tests.postgres import migrated_template, server_url, temporary_database

        with temporary_database(server_url(), template=migrated_template(server_url())) as url:
            opened = open_database(url)
            yield opened
            close_database()
        return
    opened = open_database(db_path)
    yield opened
    close_database()


@pytest.fixture
def demo_db(db: Opened, now: datetime) -> Opened:
    """The demo practice built around NOW."""
    from desktop.store.demo import build_demo

    build_demo(now)
    return db
