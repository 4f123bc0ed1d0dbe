"""Databases made once per test process and copied for each test that needs one.

Migrating an empty database costs about 0.35 s and building the demo practice about 1–1.5 s
(hundreds of INSERTs and one argon2 hash); copying a finished SQLite file and opening the copy
costs about 12 ms. So the ``db`` fixture copies a migrated file, and a test that asks for
``demo_db`` gets a copy of the demo practice built once for its ``now``. On PostgreSQL the same
is done with ``CREATE DATABASE … TEMPLATE`` (see tests/postgres.py). The demo is deterministic
for a given ``now`` (tests/test_store_demo.py), so a copy is the practice the test would have built.
"""

from __future__ import annotations

import shutil
from datetime import datetime
from pathlib import Path

_FILES: dict[tuple[str, str], Path] = {}


def sqlite_template(folder: Path, demo_now: datetime | None) -> Path:
    """A finished database file under ``folder``: migrated and empty, or with the demo practice
    built around ``demo_now``; made on first use in this process."""
    key = ("demo" if demo_now is not None else "empty", demo_now.isoformat() if demo_now else "")
    path = _FILES.get(key)
    if path is not None and path.exists():
        return path
    from desktop.store.db import checkpoint, close_database, open_database
    from desktop.store.demo import build_demo

    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{key[0]}-{len(_FILES)}.db"
    open_database(path)
    try:
        if demo_now is not None:
            build_demo(demo_now)
        checkpoint()
    finally:
        close_database()
    for leftover in (path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        leftover.unlink(missing_ok=True)
    _FILES[key] = path
    return path


def copy_sqlite(template: Path, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(template, target)
