"""What a write changed, so windows refresh only what they show (Anki's OpChanges)."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import Any


class Change(enum.Flag):
    NONE = 0
    APPOINTMENTS = enum.auto()
    MESSAGES = enum.auto()
    LATE_REQUESTS = enum.auto()
    CHARGES = enum.auto()
    ADJUSTMENTS = enum.auto()
    PEOPLE = enum.auto()
    POLICY = enum.auto()
    PRACTICE = enum.auto()
    URGENT = enum.auto()  # an urgent item raised or handled (the provider's badge and calendar marker)


@dataclass(frozen=True)
class OpResult:
    changes: Change
    summary: str = ""  # one sentence for the status bar
    value: Any = None
    # What the person must be told beyond the summary (the confirmation shows it in full):
    # e.g. that their provider was asked to contact them.
    notice: str = ""
