"""The GUI's clock: real time, or a fixed instant for demos, screenshots and tests."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta


class Clock:
    """Real time. ``now()`` is for what the window shows; a service is given
    :meth:`for_service`, which is ``None`` on a real clock: the service then takes the
    database's own clock (the server's on PostgreSQL, read inside the transaction), so a
    workstation whose clock is wrong decides nothing by it."""

    server_offset = timedelta(0)  # the practice server's clock minus this workstation's (gui/live.py)

    def now(self) -> datetime:
        """This workstation's time, moved to follow the server's clock when it is measured."""
        return datetime.now(UTC) + self.server_offset

    def follow_server(self, offset: timedelta) -> None:
        self.server_offset = offset

    def for_service(self) -> datetime | None:
        return None


class FixedClock(Clock):
    """Time stands at ``start`` (plus whatever ``advance`` adds): what a test controls."""

    def __init__(self, start: datetime) -> None:
        self._now = start.astimezone(UTC)

    def now(self) -> datetime:
        return self._now

    def follow_server(self, offset: timedelta) -> None:
        """A chosen instant stays chosen."""

    def for_service(self) -> datetime | None:
        return self.now()  # a chosen instant is the instant every rule uses

    def advance(self, delta: timedelta) -> None:
        self._now += delta


class OffsetClock(Clock):
    """Runs like the real clock, but from another starting instant (``--now``)."""

    def __init__(self, start: datetime) -> None:
        self._offset = start.astimezone(UTC) - datetime.now(UTC)

    def now(self) -> datetime:
        return datetime.now(UTC) + self._offset

    def follow_server(self, offset: timedelta) -> None:
        """``--now`` chose the time on purpose."""

    def for_service(self) -> datetime | None:
        return self.now()
