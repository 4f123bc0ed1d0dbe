"""The waitlist's rows (migration 0012): each client's wish (one per client, in the order they
joined), and the offers made when a time in it was freed. Beside models.py, which imports these
into ALL_MODELS."""

from __future__ import annotations

from peewee import AutoField, BooleanField, CharField, ForeignKeyField, IntegerField

from ..rules.vocabulary import OfferStatus
from .fields import UTCDateTimeField
from .models import Appointment, BaseModel, Client, Provider, Service, utcnow


class WaitlistEntry(BaseModel):
    """A client's wish: weekdays ("0,2,4"; 0 = Monday) and minutes of the day, in the provider's zone."""

    id = AutoField()
    client = ForeignKeyField(Client, unique=True, on_delete="CASCADE")
    provider = ForeignKeyField(Provider, on_delete="CASCADE", index=False)
    weekdays = CharField(max_length=13)
    from_minute = IntegerField()
    to_minute = IntegerField()
    active = BooleanField(default=True)
    joined_at = UTCDateTimeField(default=utcnow)  # the queue's order (joining again: the back of it)

    class Meta:
        indexes = ((("provider", "active", "joined_at"), False),)


class WaitlistOffer(BaseModel):
    """A freed time offered to one waitlisted client. Accepting locks every offer of that time
    (in id order) before booking, so two clients accepting at once book it once."""

    id = AutoField()
    entry = ForeignKeyField(WaitlistEntry, on_delete="CASCADE")
    client = ForeignKeyField(Client, on_delete="CASCADE", index=False)
    provider = ForeignKeyField(Provider, on_delete="CASCADE", index=False)
    service = ForeignKeyField(Service, null=True, on_delete="SET NULL")
    starts_at = UTCDateTimeField()
    ends_at = UTCDateTimeField()
    offered_at = UTCDateTimeField()
    expires_at = UTCDateTimeField()
    status = CharField(max_length=16, default=OfferStatus.OFFERED)
    decided_at = UTCDateTimeField(null=True)
    appointment = ForeignKeyField(Appointment, null=True, on_delete="SET NULL")  # booked by accepting

    class Meta:
        indexes = ((("provider", "starts_at"), False), (("client", "status"), False))
