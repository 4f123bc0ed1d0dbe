"""PostgreSQL keeps scheduled appointments apart itself: no two of one provider overlap, none
of one client (exclusion constraints over the time range, with ``btree_gist``). Several
workstations booking one free slot at the same instant can then never both succeed; the
services turn the violation (SQLSTATE 23P01) into the "no longer free" refusal.

SQLite: nothing to do (one writer at a time under BEGIN IMMEDIATE, and the services check).

A practice's server that already holds overlapping scheduled appointments is not changed:
the upgrade stops and names them (deleting or cancelling one is a person's decision), and it
runs again at the next start once they are apart. Numbered 0007: 0006 is the sign-in throttle.
"""

from peewee import PostgresqlDatabase

from desktop.rules.vocabulary import AppointmentStatus
from desktop.store.errors import DatabaseOpenError

SCHEDULED = AppointmentStatus.SCHEDULED.value
CONSTRAINTS = (("appointment_provider_no_overlap", "provider_id"),
               ("appointment_client_no_overlap", "client_id"))
SHOWN = 10  # overlaps named in the refusal

_OVERLAPS = f"""
SELECT a.id, b.id, a.starts_at, b.starts_at, a.ends_at, b.ends_at,
       CASE WHEN a.provider_id = b.provider_id THEN 'provider' ELSE 'client' END
FROM appointment a JOIN appointment b
  ON a.id < b.id AND (a.provider_id = b.provider_id OR a.client_id = b.client_id)
 AND a.starts_at < b.ends_at AND b.starts_at < a.ends_at
WHERE a.status = '{SCHEDULED}' AND b.status = '{SCHEDULED}'
ORDER BY a.id, b.id
"""

_BACKWARDS = f"SELECT id FROM appointment WHERE status = '{SCHEDULED}' AND ends_at < starts_at ORDER BY id"


def _refuse_overlaps(db):
    rows = db.execute_sql(_OVERLAPS).fetchall()
    backwards = [r[0] for r in db.execute_sql(_BACKWARDS).fetchall()]
    if not rows and not backwards:
        return
    lines = [f"appointments {a} ({sa:%Y-%m-%d %H:%M}–{ea:%H:%M} UTC) and {b} ({sb:%Y-%m-%d %H:%M}–{eb:%H:%M} UTC), "
             f"same {who}" for a, b, sa, sb, ea, eb, who in rows[:SHOWN]]
    if len(rows) > SHOWN:
        lines.append(f"and {len(rows) - SHOWN} more pairs")
    if backwards:
        lines.append("appointments that end before they start: " + ", ".join(map(str, backwards[:SHOWN])))
    raise DatabaseOpenError(
        "This practice server holds scheduled appointments that overlap, so this version cannot yet make the "
        "database keep them apart:\n  " + "\n  ".join(lines) + "\nNothing was changed. Open it with the earlier "
        "version, cancel or move one appointment of each pair, then start this version again.")


def up(migrator, db):
    if not isinstance(db, PostgresqlDatabase):
        return
    _refuse_overlaps(db)
    try:
        db.execute_sql("CREATE EXTENSION IF NOT EXISTS btree_gist")
    except Exception as exc:
        raise DatabaseOpenError(
            f"The practice server lacks the btree_gist extension this version needs ({exc}). Nothing was changed; "
            "whoever looks after the server can install it (on Debian it comes with the postgresql package) or "
            "run CREATE EXTENSION btree_gist as the database's owner, then start again.") from exc
    for name, column in CONSTRAINTS:
        db.execute_sql(
            f'ALTER TABLE "appointment" ADD CONSTRAINT "{name}" EXCLUDE USING gist '
            f'("{column}" WITH =, tsrange("starts_at", "ends_at") WITH &&) WHERE ("status" = \'{SCHEDULED}\')')


def down(migrator, db):
    if not isinstance(db, PostgresqlDatabase):
        return
    for name, _column in CONSTRAINTS:
        db.execute_sql(f'ALTER TABLE "appointment" DROP CONSTRAINT IF EXISTS "{name}"')
