"""Rule 3: when a provider may mark an appointment as a no-show."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from .instants import require_aware


@dataclass(frozen=True)
class NoShowEligibility:
    allowed: bool
    allowed_from: datetime  # UTC instant from which marking is allowed
    why: str


def no_show_eligibility(start: datetime, now: datetime, grace: timedelta) -> NoShowEligibility:
    require_aware(start, "start")
    require_aware(now, "now")
    allowed_from = start.astimezone(UTC) + grace  # elapsed time, not wall-clock
    if now >= allowed_from:
        return NoShowEligibility(True, allowed_from, "The grace period has passed.")
    minutes = int(grace.total_seconds() // 60)
    return NoShowEligibility(
        False, allowed_from,
        f"A no-show can be marked once {minutes} minutes have passed after the start.",
    )
