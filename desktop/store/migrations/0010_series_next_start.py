"""``series.next_start``: no occurrence of the series' rule starts between its
``materialised_until`` and this instant (NULL: not known yet). The hourly horizon job used to
expand every open series' rule in Python to learn that nothing was due — 1.7 s for the
reference practice's 1,000 series, on the write runner's thread, holding the GIL while the
person who had just signed in started to work. With it the job asks SQL for the series whose
next start has come inside the horizon (or is unknown), and works out only those; extending a
series writes its new next start, and a NULL one is filled in by the job's next run. A plain
nullable column (no backfill here: the first run fills it, in one batch), the same on SQLite
and PostgreSQL."""

from peewee import *

from desktop.store.fields import UTCDateTimeField


def up(migrator, db):
    migrator.migrate(migrator.add_column('series', 'next_start', UTCDateTimeField(null=True)))


def down(migrator, db):
    migrator.migrate(migrator.drop_column('series', 'next_start'))
