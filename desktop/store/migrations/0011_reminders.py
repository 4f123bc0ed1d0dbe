"""Reminders (issue #14, item 1): ``reminder_setting``, a person's own reminder times (no row:
their role's defaults; a NULL column: that reminder off), and ``reminder_shown``, one row per
reminder shown to a person, unique on (user, appointment, kind) so that it is shown once
whichever workstation shows it, and a restart does not show it again. New tables only, the
same on SQLite and PostgreSQL."""

from peewee import *

from desktop.store.fields import UTCDateTimeField


def up(migrator, db):
    def ref(table):
        return type(table.capitalize(), (Model,), {"Meta": type("Meta", (), {"database": db, "table_name": table})})

    User, Appointment = ref("user"), ref("appointment")

    class ReminderSetting(Model):
        user = ForeignKeyField(User, primary_key=True, on_delete='CASCADE')
        before_start_minutes = IntegerField(null=True)
        before_deadline_hours = IntegerField(null=True)
        changed_at = UTCDateTimeField()

        class Meta:
            database = db
            table_name = 'reminder_setting'

    class ReminderShown(Model):
        id = AutoField()
        user = ForeignKeyField(User, on_delete='CASCADE', index=False)
        appointment = ForeignKeyField(Appointment, on_delete='CASCADE')
        kind = CharField(max_length=16)
        shown_at = UTCDateTimeField()

        class Meta:
            database = db
            table_name = 'reminder_shown'
            indexes = ((('user', 'appointment', 'kind'), True),)

    db.create_tables([ReminderSetting, ReminderShown])


def down(migrator, db):
    db.execute_sql('DROP TABLE IF EXISTS "reminder_shown"')
    db.execute_sql('DROP TABLE IF EXISTS "reminder_setting"')
