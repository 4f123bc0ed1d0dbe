"""Which databases are Practice Desk's: a mark we put in every database we create.

SQLite: the header's ``PRAGMA application_id`` is APPLICATION_ID (0x5044736B, the ASCII
bytes "PDsk"; chosen not to collide with the ids registered in SQLite's magic.txt).
PostgreSQL has no such header, so the mark is a comment on our migration history table
(``COMMENT ON TABLE schema_migration``), which we create before anything else.

A database without the mark is ours only if it was made by a Practice Desk from before
the mark (it has the whole schema of migration 0001 and our history); it is then stamped.
Anything else with tables, or a non-empty SQLite file with no tables, belongs to another
program and is refused without a single write.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from peewee import Database, PostgresqlDatabase

from . import migrations
from .errors import DatabaseOpenError

APPLICATION_ID = 0x5044736B  # "PDsk"
POSTGRES_MARK = "Practice Desk schema history (application id 0x5044736B)"

# The tables and columns migration 0001 created, frozen as the migration itself is: what
# an unmarked database must have to be taken for one of ours. (A later migration that drops
# or renames one of these columns must say so here.)
LEGACY_SCHEMA: dict[str, frozenset[str]] = {name: frozenset(columns) for name, columns in {
    "appointment": ("id", "provider_id", "client_id", "series_id", "service_id", "policy_id", "starts_at",
                    "ends_at", "status", "location", "telehealth", "notes", "version", "created_at", "updated_at"),
    "audit_event": ("id", "at", "actor_id", "action", "entity", "entity_id", "detail"),
    "cancellation": ("id", "appointment_id", "cancelled_by_id", "kind", "reason_code", "other_text", "answers",
                     "created_at"),
    "charge": ("id", "appointment_id", "client_id", "provider_id", "policy_id", "kind", "original_cents",
               "amount_cents", "currency", "status", "version", "created_at"),
    "client": ("id", "user_id", "provider_id", "date_of_birth", "notes"),
    "dispute": ("id", "charge_id", "client_id", "thread_id", "reason", "status", "created_at"),
    "fee_adjustment": ("id", "charge_id", "request_id", "old_cents", "new_cents", "adjusted_by_id", "reason",
                       "created_at"),
    "fee_adjustment_request": ("id", "charge_id", "dispute_id", "requested_by_id", "proposed_cents", "waive",
                               "reason", "status", "decided_by_id", "decided_at", "note", "version", "created_at"),
    "fee_policy": ("id", "provider_id", "version", "notice_minutes", "late_cancellation_fee_cents",
                   "no_show_fee_cents", "currency", "grace_minutes", "policy_text", "created_at", "created_by_id"),
    "late_cancellation_request": ("id", "appointment_id", "client_id", "thread_id", "message", "reason_code",
                                  "answers", "status", "reply", "decided_by_id", "decided_at", "version",
                                  "created_at"),
    "message": ("id", "thread_id", "sender_id", "body", "created_at"),
    "practice": ("id", "name", "time_zone", "currency", "created_at"),
    "provider": ("id", "user_id", "title", "location", "offers_telehealth", "booking_intro"),
    migrations.HISTORY_TABLE: ("id", "name", "applied"),
    "series": ("id", "provider_id", "client_id", "service_id", "policy_id", "rrule", "time_zone", "first_local",
               "duration_minutes", "location", "telehealth", "materialised_until", "ended", "created_at"),
    "service": ("id", "provider_id", "name", "duration_minutes", "telehealth", "active"),
    "thread": ("id", "client_id", "provider_id", "subject", "kind", "appointment_id", "charge_id", "created_at",
               "updated_at"),
    "thread_read": ("id", "thread_id", "user_id", "last_read_message_id"),
    "user": ("id", "username", "display_name", "role", "is_owner", "password_hash", "must_change_password",
             "active", "email", "phone", "time_zone", "created_at"),
    "working_hours": ("id", "provider_id", "weekday", "start_minute", "end_minute"),
}.items()}
FIRST_MIGRATION = "0001_initial"


class Ownership(Enum):
    OURS = "ours"  # carries our mark
    UNMARKED_OURS = "unmarked"  # made before the mark existed: stamp it, then use it
    NEW = "new"  # nothing in it yet: initialise it


@dataclass(frozen=True)
class SchemaFacts:
    """What a read-only look at a database found."""

    marked: bool
    columns: dict[str, frozenset[str]]  # every user table with its columns
    applied: frozenset[str]  # names in our history table (empty if it is not there)

    @property
    def has_tables(self) -> bool:
        return bool(self.columns)


def _has_legacy_schema(facts: SchemaFacts) -> bool:
    return FIRST_MIGRATION in facts.applied and all(
        table in facts.columns and columns <= facts.columns[table] for table, columns in LEGACY_SCHEMA.items())


def decide_ownership(where: str, facts: SchemaFacts, *, tableless_is_new: bool) -> Ownership:
    """Ours (maybe to stamp) or new; anything else raises DatabaseOpenError.

    ``tableless_is_new``: a PostgreSQL database without tables is the empty database an
    administrator made for us; a non-empty SQLite file without tables is someone's file.
    """
    if facts.marked:
        ownership = Ownership.OURS
    elif not facts.has_tables and tableless_is_new:
        ownership = Ownership.NEW
    elif facts.has_tables and _has_legacy_schema(facts):
        ownership = Ownership.UNMARKED_OURS
    elif facts.has_tables:
        raise DatabaseOpenError(
            f"{where} belongs to another program (it is not a Practice Desk database). It was left untouched. "
            "Choose another file, or start without --database to use the default.")
    else:
        raise DatabaseOpenError(
            f"{where} is another program's SQLite file (it has no tables and no Practice Desk mark). "
            "It was left untouched. Choose another file, or start without --database to use the default.")
    unknown = facts.applied - set(migrations.known())
    if unknown:
        raise DatabaseOpenError(
            f"{where} was written by a newer version of Practice Desk (schema {', '.join(sorted(unknown))}). "
            "It was left untouched. Install the newer version to open it.")
    return ownership


def pending_migrations(facts: SchemaFacts) -> list[str]:
    return [name for name in migrations.known() if name not in facts.applied]


def postgres_facts(db: PostgresqlDatabase) -> SchemaFacts:
    """Read-only: tables, columns, our history and the mark, in the connection's schema."""
    columns = {t: frozenset(c.name for c in db.get_columns(t)) for t in db.get_tables()}
    marked, applied = False, frozenset()
    if migrations.HISTORY_TABLE in columns:
        comment = db.execute_sql("SELECT obj_description(to_regclass(%s), 'pg_class')",
                                 (migrations.HISTORY_TABLE,)).fetchone()[0]
        marked = comment == POSTGRES_MARK
        if "name" in columns[migrations.HISTORY_TABLE]:
            applied = frozenset(r[0] for r in db.execute_sql(
                f'SELECT "name" FROM "{migrations.HISTORY_TABLE}"').fetchall())
    return SchemaFacts(marked, columns, applied)


def stamp(db: Database) -> None:
    """Put our mark on a database we are initialising or adopting (the first write to it)."""
    if isinstance(db, PostgresqlDatabase):
        with db.atomic():
            migrations.create_history_table(db)
            db.execute_sql(f"COMMENT ON TABLE \"{migrations.HISTORY_TABLE}\" IS '{POSTGRES_MARK}'")
    else:
        db.execute_sql(f"PRAGMA application_id = {APPLICATION_ID}")
