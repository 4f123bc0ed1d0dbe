"""An index on appointment(starts_at) alone: the practice calendar reads one range of every
provider's appointments, which the (provider_id, starts_at) / (client_id, starts_at) indexes
cannot serve (a full scan of the table without it). Numbered 0008: 0007 keeps scheduled
appointments apart on PostgreSQL."""

NAME = "appointment_starts_at"


def up(migrator, db):
    if NAME not in {index.name for index in db.get_indexes("appointment")}:
        db.execute_sql(f'CREATE INDEX "{NAME}" ON "appointment" ("starts_at")')


def down(migrator, db):
    db.execute_sql(f'DROP INDEX IF EXISTS "{NAME}"')
