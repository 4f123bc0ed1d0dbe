"""What every window of a signed-in session shares."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from ..services.actor import Actor
from .bus import ChangeBus
from .clock import Clock
from .ops import OpRunner
from .reads import ReadRunner
from .settings import Settings


@dataclass
class AppContext:
    actor: Actor
    clock: Clock
    bus: ChangeBus
    ops: OpRunner
    reads: ReadRunner
    settings: Settings
    practice_name: str = ""
    practice_zone: str = "UTC"

    def now(self) -> datetime:
        """The instant the window shows (today, the calendar's "now" line)."""
        return self.clock.now()

    def service_now(self) -> datetime | None:
        """What a service call is given as ``now`` (see :meth:`Clock.for_service`)."""
        return self.clock.for_service()
