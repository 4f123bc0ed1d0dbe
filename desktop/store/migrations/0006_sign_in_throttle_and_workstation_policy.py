"""Sign-in and sessions, decided once for every workstation of the practice.

- ``sign_in_throttle``: consecutive wrong passwords per user name (as typed, normalised,
  kept as its SHA-256 so a password typed into the name field is not stored readable),
  whether or not an account has that name; the growing wait is computed from it.
- ``workstation_policy``: the owner's choices for every workstation, one row per practice
  (none until the owner first changes them: the defaults, lock after 15 minutes and do not
  offer the last user name). A table of its own rather than columns of ``practice``, so
  rows written by earlier versions need nothing filled in.

Numbered 0006: 0005 is the audit chain.
"""

from peewee import *
from desktop.store.fields import UTCDateTimeField


def up(migrator, db):
    def ref(table):
        return type(table.capitalize(), (Model,), {"Meta": type("Meta", (), {"database": db, "table_name": table})})

    Practice, User = ref("practice"), ref("user")

    class SignInThrottle(Model):
        key = CharField(max_length=64, primary_key=True)
        failures = IntegerField(default=0)
        last_failure_at = UTCDateTimeField(null=True, index=True)

        class Meta:
            database = db
            table_name = 'sign_in_throttle'

    class WorkstationPolicy(Model):
        practice = ForeignKeyField(Practice, primary_key=True, on_delete='CASCADE')
        lock_after_minutes = IntegerField(default=15)
        offer_last_username = BooleanField(default=False)
        changed_at = UTCDateTimeField()
        changed_by = ForeignKeyField(User, null=True, on_delete='SET NULL')

        class Meta:
            database = db
            table_name = 'workstation_policy'

    db.create_tables([SignInThrottle, WorkstationPolicy])


def down(migrator, db):
    db.execute_sql('DROP TABLE IF EXISTS "workstation_policy"')
    db.execute_sql('DROP TABLE IF EXISTS "sign_in_throttle"')
