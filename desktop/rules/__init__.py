"""The shared rules: pure functions over plain values.

Nothing here imports Qt or peewee, and nothing reads the clock: every rule takes
``now`` as an argument, so the cancel screen's preview and the service that
does the cancelling ask the same question and cannot drift apart.
"""
