"""thread.charge_id becomes a real foreign key to charge (ON DELETE RESTRICT, as every
other reference to a charge), and thread gets an index on (charge_id, kind): the
billing queries look up a charge's dispute thread by both.

The column keeps its name, so every query keeps working. A thread whose charge_id
names no charge (impossible through the services, but nothing stopped it before)
loses that dangling reference rather than blocking the upgrade; its messages stay.

PostgreSQL adds the constraint in place. SQLite cannot add a constraint to a table,
so thread is rebuilt (the procedure of sqlite.org/lang_altertable.html): the runner's
SQLite migrator turns foreign keys off around the transaction, the rows are copied into
a new table which then takes thread's name, so message, dispute, thread_read and
late_cancellation_request still refer to "thread"; their references are checked
before the transaction commits.
"""
from peewee import *
from peewee import PostgresqlDatabase
from desktop.store.fields import UTCDateTimeField

INDEX = "thread_charge_id_kind"


def _forget_dangling_charges(db):
    db.execute_sql(
        'UPDATE "thread" SET "charge_id" = NULL WHERE "charge_id" IS NOT NULL '
        'AND "charge_id" NOT IN (SELECT "id" FROM "charge")')


def _frozen_thread(db, new_name):
    # Only the referenced tables' names matter to the DDL; their columns are not declared.
    def stub(name):
        return type(name, (Model,), {"Meta": type("Meta", (), {"database": db, "table_name": name})})

    client_t, provider_t, appointment_t, charge_t = (stub(n) for n in ("client", "provider", "appointment",
                                                                         "charge"))

    class Thread(Model):
        client = ForeignKeyField(client_t, on_delete='RESTRICT', index=False)
        provider = ForeignKeyField(provider_t, on_delete='RESTRICT', index=False)
        subject = CharField()
        kind = CharField(default='general')
        appointment = ForeignKeyField(appointment_t, null=True, on_delete='SET NULL', index=False)
        charge = ForeignKeyField(charge_t, column_name='charge_id', null=True, on_delete='RESTRICT', index=False)
        created_at = UTCDateTimeField()
        updated_at = UTCDateTimeField()

        class Meta:
            database = db
            table_name = new_name

    return Thread


COLUMNS = ("id", "client_id", "provider_id", "subject", "kind", "appointment_id", "charge_id",
           "created_at", "updated_at")


def _rebuild_sqlite_thread(db):
    indexes = [index.sql for index in db.get_indexes("thread") if index.sql]
    _frozen_thread(db, "thread__new")._schema.create_table(safe=False)
    columns = ", ".join(f'"{c}"' for c in COLUMNS)
    db.execute_sql(f'INSERT INTO "thread__new" ({columns}) SELECT {columns} FROM "thread"')
    db.execute_sql('DROP TABLE "thread"')
    db.execute_sql('ALTER TABLE "thread__new" RENAME TO "thread"')
    for sql in indexes:
        db.execute_sql(sql)
    broken = db.execute_sql("PRAGMA foreign_key_check").fetchall()
    if broken:
        raise IntegrityError(f"rebuilding thread broke foreign keys: {broken[:5]}")


def up(migrator, db):
    _forget_dangling_charges(db)
    if isinstance(db, PostgresqlDatabase):
        migrator.migrate(migrator.add_foreign_key_constraint(
            "thread", "charge_id", "charge", "id", on_delete="RESTRICT",
            constraint_name="thread_charge_id_fkey"))
    else:
        _rebuild_sqlite_thread(db)
    migrator.migrate(migrator.add_index("thread", ("charge_id", "kind")))


def down(migrator, db):
    migrator.migrate(migrator.drop_index("thread", INDEX))
    if isinstance(db, PostgresqlDatabase):
        migrator.migrate(migrator.drop_foreign_key_constraint("thread", "charge_id"))
    # On SQLite the constraint stays: a rebuild back to a plain integer column buys nothing.
