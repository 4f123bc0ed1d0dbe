"""The practice's locale (how times, dates and amounts are written: CLDR through Babel), chosen
at set-up. A practice from before keeps the app's own pattern, the default locale ``en_GB``.
A column of ``practice`` (one row, written once at set-up), on SQLite and PostgreSQL alike.

Numbered 0008: 0007 keeps scheduled appointments apart on PostgreSQL.
"""

from peewee import *


def up(migrator, db):
    # A default in the database itself: the existing row gets it at once, and so does a row that
    # an older copy of the app inserts without naming the column (nullable for that reason only).
    locale = CharField(max_length=35, null=True, constraints=[SQL("DEFAULT 'en_GB'")])
    migrator.migrate(migrator.add_column('practice', 'locale', locale))


def down(migrator, db):
    migrator.migrate(migrator.drop_column('practice', 'locale'))
