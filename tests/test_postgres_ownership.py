"""Only our databases are ours on PostgreSQL too: a new one gets our mark (a comment on the
migration history table), one of ours from before the mark is stamped, and another
program's database, even with a schema_migration table of its own, is left exactly as it was."""

from __future__ import annotations

import pytest
from peewee import PostgresqlDatabase
from playhouse.db_url import connect
from playhouse.migrations import Runner

from desktop.store import migrations
from desktop.store.db import DatabaseOpenError, close_database, open_database
from desktop.store.models import Practice
from desktop.store.ownership import POSTGRES_MARK
from tests.postgres import pg_url  # noqa: F401  (fixture)

pytestmark = pytest.mark.postgres


def mark_of(url: str) -> str | None:
    db: PostgresqlDatabase = connect(url)
    try:
        return db.execute_sql("SELECT obj_description(to_regclass(%s), 'pg_class')",
                              (migrations.HISTORY_TABLE,)).fetchone()[0]
    finally:
        db.close()


def contents(url: str) -> dict[str, object]:
    """Every table with its rows and columns, and the history table's comment."""
    db: PostgresqlDatabase = connect(url)
    try:
        tables = sorted(db.get_tables())
        return {"mark": mark_of(url), **{t: (sorted(c.name for c in db.get_columns(t)),
                                             db.execute_sql(f'SELECT * FROM "{t}" ORDER BY 1').fetchall())
                                         for t in tables}}
    finally:
        db.close()


def test_a_new_database_carries_our_mark(pg_url):  # noqa: F811
    open_database(pg_url)
    close_database()
    assert mark_of(pg_url) == POSTGRES_MARK


def test_another_peewee_programs_database_is_refused_untouched(pg_url):  # noqa: F811
    theirs: PostgresqlDatabase = connect(pg_url)
    theirs.execute_sql(f'CREATE TABLE "{migrations.HISTORY_TABLE}" (id SERIAL PRIMARY KEY, name VARCHAR(255), '
                       "applied TIMESTAMP)")
    theirs.execute_sql(f"INSERT INTO \"{migrations.HISTORY_TABLE}\" (name, applied) VALUES ('0001_initial', now())")
    theirs.execute_sql('CREATE TABLE "user" (id SERIAL PRIMARY KEY, nickname TEXT)')
    theirs.execute_sql("INSERT INTO \"user\" (nickname) VALUES ('ada')")
    theirs.close()
    before = contents(pg_url)
    with pytest.raises(DatabaseOpenError, match="another program") as info:
        open_database(pg_url)
    assert "untouched" in str(info.value)
    assert contents(pg_url) == before


def test_one_of_ours_from_before_the_mark_is_stamped_and_opened(pg_url):  # noqa: F811
    open_database(pg_url)
    Practice.create(name="Old practice", time_zone="UTC")
    close_database()
    db: PostgresqlDatabase = connect(pg_url)
    db.execute_sql(f'COMMENT ON TABLE "{migrations.HISTORY_TABLE}" IS NULL')  # as releases before the mark left it
    db.close()
    assert mark_of(pg_url) is None
    opened = open_database(pg_url)
    try:
        assert opened.applied_migrations == () and Practice.select().count() == 1
    finally:
        close_database()
    assert mark_of(pg_url) == POSTGRES_MARK


@pytest.mark.parametrize("last", migrations.known())
def test_an_unmarked_database_at_any_migration_is_adopted(pg_url, last):  # noqa: F811
    # 0003 adds thread's foreign key to charge and 0004 the urgent_item table: neither changes
    # what makes an unmarked database one of ours.
    db: PostgresqlDatabase = connect(pg_url)
    Runner(db, str(migrations.DIRECTORY), table_name=migrations.HISTORY_TABLE).up(target=last)
    db.execute_sql("INSERT INTO practice (name, time_zone, currency, created_at) VALUES ('Before the mark', "
                   "'UTC', 'USD', now())")
    db.close()
    assert mark_of(pg_url) is None
    known = migrations.known()
    opened = open_database(pg_url)
    try:
        assert opened.applied_migrations == tuple(known[known.index(last) + 1:])
        assert Practice.get().name == "Before the mark"
    finally:
        close_database()
    assert mark_of(pg_url) == POSTGRES_MARK
