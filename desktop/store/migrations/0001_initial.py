# Generated from a schema diff on 2026-11-24 23:33.
# The initial schema, frozen. Python-side defaults (utcnow) live on the models; DDL needs none.
from peewee import *
from desktop.store.fields import JSONField
from desktop.store.fields import UTCDateTimeField


def up(migrator, db):
    class User(Model):
        username = CharField(unique=True)
        display_name = CharField()
        role = CharField(index=True)
        is_owner = BooleanField(default=False)
        password_hash = CharField()
        must_change_password = BooleanField(default=False)
        active = BooleanField(default=True)
        email = CharField(default='')
        phone = CharField(default='')
        time_zone = CharField()
        created_at = UTCDateTimeField()
        class Meta:
            database = db
            table_name = 'user'
    db.create_tables([User])

    class Provider(Model):
        user = ForeignKeyField(User, unique=True, on_delete='RESTRICT')
        title = CharField(default='')
        location = CharField(default='')
        offers_telehealth = BooleanField(default=True)
        booking_intro = TextField(default='')
        class Meta:
            database = db
            table_name = 'provider'
    db.create_tables([Provider])

    class Client(Model):
        user = ForeignKeyField(User, unique=True, on_delete='RESTRICT')
        provider = ForeignKeyField(Provider, on_delete='RESTRICT')
        date_of_birth = CharField(default='')
        notes = TextField(default='')
        class Meta:
            database = db
            table_name = 'client'
    db.create_tables([Client])

    class Service(Model):
        provider = ForeignKeyField(Provider, on_delete='CASCADE')
        name = CharField()
        duration_minutes = IntegerField()
        telehealth = BooleanField(default=False)
        active = BooleanField(default=True)
        class Meta:
            database = db
            table_name = 'service'
    db.create_tables([Service])

    class FeePolicy(Model):
        provider = ForeignKeyField(Provider, on_delete='RESTRICT')
        version = IntegerField()
        notice_minutes = IntegerField(default=1440)
        late_cancellation_fee_cents = IntegerField()
        no_show_fee_cents = IntegerField()
        currency = CharField(max_length=3, default='USD')
        grace_minutes = IntegerField(default=15)
        policy_text = TextField()
        created_at = UTCDateTimeField()
        created_by = ForeignKeyField(User, null=True, on_delete='SET NULL')
        class Meta:
            database = db
            table_name = 'fee_policy'
            indexes = ((('provider', 'version'), True),)
    db.create_tables([FeePolicy])

    class Series(Model):
        provider = ForeignKeyField(Provider, on_delete='RESTRICT')
        client = ForeignKeyField(Client, on_delete='RESTRICT')
        service = ForeignKeyField(Service, null=True, on_delete='SET NULL')
        policy = ForeignKeyField(FeePolicy, on_delete='RESTRICT')
        rrule = CharField()
        time_zone = CharField()
        first_local = CharField()
        duration_minutes = IntegerField()
        location = CharField(default='')
        telehealth = BooleanField(default=False)
        materialised_until = UTCDateTimeField()
        ended = BooleanField(default=False)
        created_at = UTCDateTimeField()
        class Meta:
            database = db
            table_name = 'series'
    db.create_tables([Series])

    class Appointment(Model):
        provider = ForeignKeyField(Provider, on_delete='RESTRICT')
        client = ForeignKeyField(Client, on_delete='RESTRICT')
        series = ForeignKeyField(Series, null=True, on_delete='RESTRICT')
        service = ForeignKeyField(Service, null=True, on_delete='SET NULL')
        policy = ForeignKeyField(FeePolicy, on_delete='RESTRICT')
        starts_at = UTCDateTimeField()
        ends_at = UTCDateTimeField()
        status = CharField(default='scheduled')
        location = CharField(default='')
        telehealth = BooleanField(default=False)
        notes = TextField(default='')
        version = IntegerField(default=1)
        created_at = UTCDateTimeField()
        updated_at = UTCDateTimeField()
        class Meta:
            database = db
            table_name = 'appointment'
            indexes = ((('provider', 'starts_at'), False), (('client', 'starts_at'), False), (('series', 'starts_at'), True))
    db.create_tables([Appointment])

    class AuditEvent(Model):
        at = UTCDateTimeField(index=True)
        actor = ForeignKeyField(User, null=True, on_delete='SET NULL')
        action = CharField(index=True)
        entity = CharField()
        entity_id = IntegerField(null=True)
        detail = JSONField(default=dict)
        class Meta:
            database = db
            table_name = 'audit_event'
            indexes = ((('entity', 'entity_id'), False),)
    db.create_tables([AuditEvent])

    class Cancellation(Model):
        appointment = ForeignKeyField(Appointment, unique=True, on_delete='CASCADE')
        cancelled_by = ForeignKeyField(User, on_delete='RESTRICT')
        kind = CharField()
        reason_code = CharField()
        other_text = TextField(default='')
        answers = JSONField(default=dict)
        created_at = UTCDateTimeField()
        class Meta:
            database = db
            table_name = 'cancellation'
    db.create_tables([Cancellation])

    class Charge(Model):
        appointment = ForeignKeyField(Appointment, on_delete='RESTRICT')
        client = ForeignKeyField(Client, on_delete='RESTRICT')
        provider = ForeignKeyField(Provider, on_delete='RESTRICT')
        policy = ForeignKeyField(FeePolicy, on_delete='RESTRICT')
        kind = CharField()
        original_cents = IntegerField()
        amount_cents = IntegerField()
        currency = CharField(max_length=3)
        status = CharField(index=True, default='open')
        version = IntegerField(default=1)
        created_at = UTCDateTimeField(index=True)
        class Meta:
            database = db
            table_name = 'charge'
    db.create_tables([Charge])

    class Thread(Model):
        client = ForeignKeyField(Client, on_delete='RESTRICT')
        provider = ForeignKeyField(Provider, on_delete='RESTRICT')
        subject = CharField()
        kind = CharField(default='general')
        appointment = ForeignKeyField(Appointment, null=True, on_delete='SET NULL')
        charge_id = IntegerField(null=True)
        created_at = UTCDateTimeField()
        updated_at = UTCDateTimeField(index=True)
        class Meta:
            database = db
            table_name = 'thread'
    db.create_tables([Thread])

    class Dispute(Model):
        charge = ForeignKeyField(Charge, on_delete='RESTRICT')
        client = ForeignKeyField(Client, on_delete='RESTRICT')
        thread = ForeignKeyField(Thread, on_delete='RESTRICT')
        reason = TextField()
        status = CharField(default='open')
        created_at = UTCDateTimeField()
        class Meta:
            database = db
            table_name = 'dispute'
    db.create_tables([Dispute])

    class FeeAdjustmentRequest(Model):
        charge = ForeignKeyField(Charge, on_delete='RESTRICT')
        dispute = ForeignKeyField(Dispute, null=True, on_delete='SET NULL')
        requested_by = ForeignKeyField(User, on_delete='RESTRICT')
        proposed_cents = IntegerField()
        waive = BooleanField(default=False)
        reason = TextField()
        status = CharField(index=True, default='pending')
        decided_by = ForeignKeyField(User, null=True, on_delete='SET NULL')
        decided_at = UTCDateTimeField(null=True)
        note = TextField(default='')
        version = IntegerField(default=1)
        created_at = UTCDateTimeField()
        class Meta:
            database = db
            table_name = 'fee_adjustment_request'
    db.create_tables([FeeAdjustmentRequest])

    class FeeAdjustment(Model):
        charge = ForeignKeyField(Charge, on_delete='RESTRICT')
        request = ForeignKeyField(FeeAdjustmentRequest, null=True, on_delete='SET NULL')
        old_cents = IntegerField()
        new_cents = IntegerField()
        adjusted_by = ForeignKeyField(User, on_delete='RESTRICT')
        reason = TextField()
        created_at = UTCDateTimeField()
        class Meta:
            database = db
            table_name = 'fee_adjustment'
    db.create_tables([FeeAdjustment])

    class LateCancellationRequest(Model):
        appointment = ForeignKeyField(Appointment, on_delete='CASCADE')
        client = ForeignKeyField(Client, on_delete='RESTRICT')
        thread = ForeignKeyField(Thread, on_delete='RESTRICT')
        message = TextField(default='')
        reason_code = CharField(default='')
        answers = JSONField(default=dict)
        status = CharField(index=True, default='pending')
        reply = TextField(default='')
        decided_by = ForeignKeyField(User, null=True, on_delete='SET NULL')
        decided_at = UTCDateTimeField(null=True)
        version = IntegerField(default=1)
        created_at = UTCDateTimeField()
        class Meta:
            database = db
            table_name = 'late_cancellation_request'
    db.create_tables([LateCancellationRequest])

    class Message(Model):
        thread = ForeignKeyField(Thread, on_delete='CASCADE')
        sender = ForeignKeyField(User, null=True, on_delete='SET NULL')
        body = TextField()
        created_at = UTCDateTimeField()
        class Meta:
            database = db
            table_name = 'message'
    db.create_tables([Message])

    class Practice(Model):
        name = CharField()
        time_zone = CharField()
        currency = CharField(max_length=3, default='USD')
        created_at = UTCDateTimeField()
        class Meta:
            database = db
            table_name = 'practice'
    db.create_tables([Practice])

    class ThreadRead(Model):
        thread = ForeignKeyField(Thread, on_delete='CASCADE')
        user = ForeignKeyField(User, on_delete='CASCADE')
        last_read_message_id = IntegerField(default=0)
        class Meta:
            database = db
            table_name = 'thread_read'
            indexes = ((('thread', 'user'), True),)
    db.create_tables([ThreadRead])

    class WorkingHours(Model):
        provider = ForeignKeyField(Provider, on_delete='CASCADE')
        weekday = IntegerField()
        start_minute = IntegerField()
        end_minute = IntegerField()
        class Meta:
            database = db
            table_name = 'working_hours'
    db.create_tables([WorkingHours])


def down(migrator, db):
    migrator.migrate(migrator.drop_table('working_hours'))
    migrator.migrate(migrator.drop_table('thread_read'))
    migrator.migrate(migrator.drop_table('practice'))
    migrator.migrate(migrator.drop_table('message'))
    migrator.migrate(migrator.drop_table('late_cancellation_request'))
    migrator.migrate(migrator.drop_table('fee_adjustment'))
    migrator.migrate(migrator.drop_table('fee_adjustment_request'))
    migrator.migrate(migrator.drop_table('dispute'))
    migrator.migrate(migrator.drop_table('thread'))
    migrator.migrate(migrator.drop_table('charge'))
    migrator.migrate(migrator.drop_table('cancellation'))
    migrator.migrate(migrator.drop_table('audit_event'))
    migrator.migrate(migrator.drop_table('appointment'))
    migrator.migrate(migrator.drop_table('series'))
    migrator.migrate(migrator.drop_table('fee_policy'))
    migrator.migrate(migrator.drop_table('service'))
    migrator.migrate(migrator.drop_table('client'))
    migrator.migrate(migrator.drop_table('provider'))
    migrator.migrate(migrator.drop_table('user'))
