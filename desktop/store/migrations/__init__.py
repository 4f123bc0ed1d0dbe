"""Schema migrations: numbered scripts run by peewee's migration runner.

Each ``NNNN_name.py`` defines ``up(migrator, db)`` with frozen model copies
(never the live models), so an old database upgrades the same way forever.
"""

from __future__ import annotations

import functools
from pathlib import Path

from peewee import Database
from playhouse.migrations import Migration, Runner

HISTORY_TABLE = "schema_migration"
DIRECTORY = Path(__file__).resolve().parent


def known() -> list[str]:
    """The migrations this version has, in order (read from the folder once per process)."""
    return list(_known())


@functools.cache
def _known() -> tuple[str, ...]:
    return tuple(m.name for m in Migration.load_directory(str(DIRECTORY)))


def upgrade(db: Database) -> list[str]:
    """Apply every pending migration; returns their names."""
    return Runner(db, str(DIRECTORY), table_name=HISTORY_TABLE).up()


def create_history_table(db: Database) -> None:
    """The history table alone (the runner's own definition), so it can carry our mark first."""
    Runner(db, str(DIRECTORY), table_name=HISTORY_TABLE).History.create_table()
