"""The audit trail becomes a hash chain: every event gets its place (seq), its predecessor's
hash and its own, and a one-row chain head records the newest. Existing events are chained
in the order they were written (by id), in this migration's transaction.

The hash is the frozen canonical form of desktop/rules/audit_chain.py (version 1); the rows
are read through a frozen copy of the model, as the application reads them.
"""

from peewee import CharField, IntegerField, Model

from desktop.rules.audit_chain import GENESIS, link_hash
from desktop.store.fields import JSONField, UTCDateTimeField

PAGE = 1000


def up(migrator, db):
    migrator.migrate(
        migrator.add_column("audit_event", "seq", IntegerField(null=True)),
        migrator.add_column("audit_event", "prev_hash", CharField(max_length=64, null=True)),
        migrator.add_column("audit_event", "event_hash", CharField(max_length=64, null=True)),
        migrator.add_index("audit_event", ("seq",), True),
    )

    class AuditEvent(Model):
        at = UTCDateTimeField()
        actor_id = IntegerField(null=True)
        action = CharField()
        entity = CharField()
        entity_id = IntegerField(null=True)
        detail = JSONField()
        seq = IntegerField(null=True)
        prev_hash = CharField(null=True)
        event_hash = CharField(null=True)

        class Meta:
            database = db
            table_name = "audit_event"

    class AuditChainHead(Model):
        id = IntegerField(primary_key=True)
        seq = IntegerField()
        event_hash = CharField(max_length=64)

        class Meta:
            database = db
            table_name = "audit_chain_head"

    db.create_tables([AuditChainHead])
    seq, prev, last_id = 0, GENESIS, 0
    while True:
        rows = list(AuditEvent.select().where(AuditEvent.id > last_id).order_by(AuditEvent.id).limit(PAGE))
        if not rows:
            break
        for row in rows:
            seq += 1
            event_hash = link_hash(seq, row.at, row.actor_id, row.action, row.entity, row.entity_id, row.detail,
                                   prev)
            (AuditEvent.update(seq=seq, prev_hash=prev, event_hash=event_hash)
             .where(AuditEvent.id == row.id).execute())
            prev = event_hash
        last_id = rows[-1].id
    AuditChainHead.create(id=1, seq=seq, event_hash=prev)


def down(migrator, db):
    migrator.migrate(
        migrator.drop_index("audit_event", "audit_event_seq"),
        migrator.drop_column("audit_event", "event_hash"),
        migrator.drop_column("audit_event", "prev_hash"),
        migrator.drop_column("audit_event", "seq"),
        migrator.drop_table("audit_chain_head"),
    )
