"""What every window of a signed-in session shares."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from ..services.actor import Actor
from .bus import ChangeBus
from .clock import Clock
from .ops import OpRunner
from .settings import Settings


@dataclass
class AppContext:
    actor: Actor
    clock: Clock
    bus: ChangeBus
    ops: OpRunner
    settings: Settings
    practice_name: str = ""
    practice_zone: str = "UTC"

    def now(self) -> datetime:
        return self.clock.now()
