"""The waitlist (issue #14, item 2): ``waitlist_entry``, one wish per client (weekdays and a time
range in the provider's zone, the order they joined), and ``waitlist_offer``, a freed time
offered to one client, with its expiry and what became of it. New tables only, the same on
SQLite and PostgreSQL."""

from peewee import *

from desktop.store.fields import UTCDateTimeField


def up(migrator, db):
    def ref(table):
        return type(table.capitalize(), (Model,), {"Meta": type("Meta", (), {"database": db, "table_name": table})})

    Client, Provider, Service, Appointment = ref("client"), ref("provider"), ref("service"), ref("appointment")

    class WaitlistEntry(Model):
        id = AutoField()
        client = ForeignKeyField(Client, unique=True, on_delete='CASCADE')
        provider = ForeignKeyField(Provider, on_delete='CASCADE', index=False)
        weekdays = CharField(max_length=13)
        from_minute = IntegerField()
        to_minute = IntegerField()
        active = BooleanField(default=True)
        joined_at = UTCDateTimeField()

        class Meta:
            database = db
            table_name = 'waitlist_entry'
            indexes = ((('provider', 'active', 'joined_at'), False),)

    class WaitlistOffer(Model):
        id = AutoField()
        entry = ForeignKeyField(WaitlistEntry, on_delete='CASCADE')
        client = ForeignKeyField(Client, on_delete='CASCADE', index=False)
        provider = ForeignKeyField(Provider, on_delete='CASCADE', index=False)
        service = ForeignKeyField(Service, null=True, on_delete='SET NULL')
        starts_at = UTCDateTimeField()
        ends_at = UTCDateTimeField()
        offered_at = UTCDateTimeField()
        expires_at = UTCDateTimeField()
        status = CharField(max_length=16, default='offered')
        decided_at = UTCDateTimeField(null=True)
        appointment = ForeignKeyField(Appointment, null=True, on_delete='SET NULL')

        class Meta:
            database = db
            table_name = 'waitlist_offer'
            indexes = ((('provider', 'starts_at'), False), (('client', 'status'), False))

    db.create_tables([WaitlistEntry, WaitlistOffer])


def down(migrator, db):
    db.execute_sql('DROP TABLE IF EXISTS "waitlist_offer"')
    db.execute_sql('DROP TABLE IF EXISTS "waitlist_entry"')
