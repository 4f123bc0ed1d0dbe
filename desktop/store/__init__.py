"""Persistence: the peewee schema, opening a database, migrations, demo data.

The models are bound to one ``DatabaseProxy`` (peewee's deferred database):
the file or server is chosen at run time by :func:`desktop.store.db.open_database`.
"""
