"""Reminders' rows (migration 0011): each person's reminder times, and the reminders already
shown to them (so a restart, or the same person at another workstation, does not repeat one).
Beside models.py, which imports these into ALL_MODELS."""

from __future__ import annotations

from peewee import AutoField, CharField, ForeignKeyField, IntegerField

from .fields import UTCDateTimeField
from .models import Appointment, BaseModel, User, utcnow


class ReminderSetting(BaseModel):
    """A person's own reminder times; no row: the defaults of their role (rules/reminders.py).
    A NULL column: that reminder is off."""

    user = ForeignKeyField(User, primary_key=True, on_delete="CASCADE")
    before_start_minutes = IntegerField(null=True)
    before_deadline_hours = IntegerField(null=True)
    changed_at = UTCDateTimeField(default=utcnow)


class ReminderShown(BaseModel):
    """One reminder shown to one person: at most once (the unique key makes a second showing,
    even from another workstation at the same moment, a no-op)."""

    id = AutoField()
    user = ForeignKeyField(User, on_delete="CASCADE", index=False)
    appointment = ForeignKeyField(Appointment, on_delete="CASCADE")
    kind = CharField(max_length=16)  # a ReminderKind
    shown_at = UTCDateTimeField(default=utcnow)

    class Meta:
        table_name = "reminder_shown"
        indexes = ((("user", "appointment", "kind"), True),)
