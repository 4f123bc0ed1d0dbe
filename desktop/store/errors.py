"""The store's refusals, with messages written for a person (they end up in dialogs)."""

from __future__ import annotations

RESTORE_HINT = "To put a backup back: practice-desk --restore BACKUP (automatic copies are in backups/ beside it)."


class DatabaseOpenError(Exception):
    """The database cannot be used; ``str()`` says why and what to do."""
