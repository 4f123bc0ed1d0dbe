"""Instants: every rule takes aware UTC datetimes and refuses naive ones."""

from __future__ import annotations

from datetime import datetime


def require_aware(value: datetime, name: str) -> None:
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValueError(f"{name} must be an aware datetime (UTC instant), got naive {value!r}")
