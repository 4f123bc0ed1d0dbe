"""Sign-in and sessions, decided once for every workstation of the practice.

- ``sign_in_throttle``: consecutive wrong passwords per user name (as typed, normalised,
  kept as its SHA-256 so a password typed into the name field is not stored readable),
  whether or not an account has that name; the growing wait is computed from it.
- ``practice.lock_after_minutes`` (5–30, default 15) and ``practice.offer_last_username``
  (off by default): the owner's choices for every workstation.

Numbered 0006: 0005 is the audit chain.
"""

from peewee import *
from desktop.store.fields import UTCDateTimeField


def up(migrator, db):
    class SignInThrottle(Model):
        key = CharField(max_length=64, primary_key=True)
        failures = IntegerField(default=0)
        last_failure_at = UTCDateTimeField(null=True, index=True)

        class Meta:
            database = db
            table_name = 'sign_in_throttle'

    db.create_tables([SignInThrottle])
    migrator.migrate(
        migrator.add_column('practice', 'lock_after_minutes', IntegerField(default=15)),
        migrator.add_column('practice', 'offer_last_username', BooleanField(default=False)),
    )


def down(migrator, db):
    migrator.migrate(
        migrator.drop_column('practice', 'offer_last_username'),
        migrator.drop_column('practice', 'lock_after_minutes'),
    )
    db.execute_sql('DROP TABLE IF EXISTS "sign_in_throttle"')
