"""The provider's urgent items (rule 6: a client who asks to be contacted while cancelling).
Numbered 0004: 0003 is the thread → charge foreign key."""

from peewee import *
from desktop.store.fields import UTCDateTimeField


def up(migrator, db):
    class Ref(Model):  # the tables the new one refers to, by name only
        class Meta:
            database = db

    def ref(table):
        return type(table.capitalize(), (Ref,), {"Meta": type("Meta", (), {"table_name": table})})

    Provider, Client, Appointment, Thread, User = (ref(t) for t in ("provider", "client", "appointment", "thread",
                                                                      "user"))

    class UrgentItem(Model):
        provider = ForeignKeyField(Provider, on_delete='RESTRICT', index=False)
        client = ForeignKeyField(Client, on_delete='RESTRICT')
        appointment = ForeignKeyField(Appointment, null=True, on_delete='SET NULL')
        thread = ForeignKeyField(Thread, null=True, on_delete='SET NULL')
        kind = CharField(default='contact_requested')
        reason_code = CharField(default='')
        summary = TextField()
        created_at = UTCDateTimeField()
        handled_at = UTCDateTimeField(null=True)
        handled_by = ForeignKeyField(User, null=True, on_delete='SET NULL')
        handled_note = TextField(default='')
        version = IntegerField(default=1)

        class Meta:
            database = db
            table_name = 'urgent_item'
            indexes = ((('provider', 'handled_at'), False),)

    db.create_tables([UrgentItem])


def down(migrator, db):
    db.execute_sql('DROP TABLE IF EXISTS "urgent_item"')
