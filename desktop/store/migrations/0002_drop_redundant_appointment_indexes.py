"""Drop the single-column foreign-key indexes of appointment that the composite
(provider_id, starts_at), (client_id, starts_at) and (series_id, starts_at) indexes
already cover: every write paid for them, no read used them."""

REDUNDANT = ("appointment_provider_id", "appointment_client_id", "appointment_series_id")


def up(migrator, db):
    existing = {index.name for index in db.get_indexes("appointment")}
    migrator.migrate(*[migrator.drop_index("appointment", name) for name in REDUNDANT if name in existing])


def down(migrator, db):
    for name in REDUNDANT:
        column = name.removeprefix("appointment_")
        db.execute_sql(f'CREATE INDEX IF NOT EXISTS "{name}" ON "appointment" ("{column}")')
