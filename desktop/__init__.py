"""Practice Desk: an offline-first appointment calendar for small practices."""

from __future__ import annotations

__version__ = "0.1.0"
