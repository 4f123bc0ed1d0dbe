"""Column types shared by the models."""

from __future__ import annotations

import json
from datetime import UTC, datetime

from peewee import DateTimeField, TextField


class UTCDateTimeField(DateTimeField):
    """An instant: aware UTC in Python, naive UTC in the database.

    One fixed text format on SQLite, so range queries compare correctly.
    """

    def db_value(self, value):
        if value is None:
            return None
        if isinstance(value, datetime):
            if value.tzinfo is None:
                raise ValueError(f"{self.name}: refusing a naive datetime {value!r}; pass an aware UTC instant")
            value = value.astimezone(UTC).replace(tzinfo=None)
        return super().db_value(value)

    def python_value(self, value):
        value = super().python_value(value)
        if isinstance(value, datetime) and value.tzinfo is None:
            value = value.replace(tzinfo=UTC)
        return value


class JSONField(TextField):
    def db_value(self, value):
        return None if value is None else json.dumps(value, sort_keys=True)

    def python_value(self, value):
        return None if value is None else json.loads(value)
