"""Telehealth links: ``appointment.video_link``, the address the client joins the video session
at (shown only to that client and their provider), and ``provider.video_link``, the provider's
own room that new telehealth appointments take when none is given. Plain nullable text columns
(NULL: no link yet), no backfill, the same on SQLite and PostgreSQL.

Numbered 0013: 0010–0012 are other changes'.
"""

from peewee import *


def up(migrator, db):
    migrator.migrate(
        migrator.add_column('appointment', 'video_link', TextField(null=True)),
        migrator.add_column('provider', 'video_link', TextField(null=True)),
    )


def down(migrator, db):
    migrator.migrate(
        migrator.drop_column('appointment', 'video_link'),
        migrator.drop_column('provider', 'video_link'),
    )
