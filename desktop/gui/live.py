"""Live screens and the server going away, on the GUI side: wakes the session's
:class:`~desktop.services.live.LiveFeed` and tells the bus.

PostgreSQL: a ``QSocketNotifier`` on the listener's socket (it wakes the moment a notification,
a ping's answer or the server's goodbye arrives) and a one-second ``QTimer`` for the feed's own
timeouts, pings and reconnection attempts; nothing here waits on the network. SQLite: the same
timer polls ``PRAGMA data_version``.

Another workstation's change is published on the bus (pages refresh what concerns them; the
session re-checks its account on a PEOPLE change). A lost server sets ``bus.unreachable``
(writes are refused at once, pages keep what they show) and emits ``bus.unavailable`` for the
window's banner; when it is back every page is marked out of date and the banner goes.
"""

from __future__ import annotations

import logging
from datetime import timedelta

from PySide6.QtCore import QObject, QSocketNotifier, QTimer

from ..services.errors import DatabaseUnavailable
from ..services.live import EVERYTHING, UNREACHABLE, Event, LiveFeed, reset_connection
from .bus import ChangeBus
from .clock import Clock
from .ops import OpRunner

log = logging.getLogger(__name__)

CLOCK_TOLERANCE = timedelta(minutes=1)  # a workstation further off than this is warned
CLOCK_CHECK_EVERY = timedelta(minutes=5)


def _how_far(delta: timedelta) -> str:
    minutes = round(delta.total_seconds() / 60)
    if minutes < 120:
        return f"{minutes} minutes"
    hours = round(minutes / 60)
    return f"{hours} hours" if hours < 48 else f"{round(hours / 24)} days"


def clock_notice(offset: timedelta) -> str:
    """The banner's sentence for a workstation ``offset`` behind (positive) or ahead of the server."""
    if abs(offset) <= CLOCK_TOLERANCE:
        return ""
    how_far = _how_far(abs(offset))
    side = "behind" if offset > timedelta(0) else "ahead of"
    return (f"This workstation's clock is {how_far} {side} the practice server's. Times shown here follow "
            "the server; please have the computer's clock corrected.")


class LiveUpdates(QObject):
    def __init__(self, bus: ChangeBus, clock: Clock, ops: OpRunner, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._bus, self._clock, self._ops = bus, clock, ops
        self.feed = LiveFeed(ops.origin)
        self._notifiers: dict[QSocketNotifier.Type, QSocketNotifier] = {}
        self._watching: tuple[int, bool] | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(self.feed.tick_ms)
        self._timer.timeout.connect(self._tick)
        self._clock_elapsed = CLOCK_CHECK_EVERY  # so the first measurement (at sign-in) counts
        self.offset: timedelta | None = None
        bus.unavailable.connect(self._refused)

    def start(self) -> None:
        self._handle(self.feed.start())
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()
        self._unwatch()
        self.feed.close()
        if self._bus.unreachable:
            self._bus.unreachable = False

    # -- being woken ---------------------------------------------------------------------------
    def _tick(self) -> None:
        self._clock_elapsed += timedelta(milliseconds=self.feed.tick_ms)
        self._handle(self.feed.tick())

    def _ready(self) -> None:
        self._handle(self.feed.ready())

    def _handle(self, events: list[Event]) -> None:
        for event in events:
            if event.lost:
                self._lost()
            if event.alive and self._bus.unreachable:
                self._back()
            if event.changes:
                self._bus.publish(event.changes)
            if event.offset is not None:
                self._measured(event.offset)
        self._rewatch()

    def _rewatch(self) -> None:
        """Watch the socket the feed waits on now (it changes at every reconnection): one read and
        one write notifier per socket, enabled as the feed asks."""
        wanted = self.feed.wanted()
        if wanted is None:
            self._unwatch()
            return
        fd, write = wanted
        if self._watching is None or self._watching[0] != fd:
            self._unwatch()
            self._notifiers = {}
            for kind in (QSocketNotifier.Type.Read, QSocketNotifier.Type.Write):
                notifier = QSocketNotifier(fd, kind, self)
                notifier.activated.connect(self._ready)
                self._notifiers[kind] = notifier
        self._notifiers[QSocketNotifier.Type.Read].setEnabled(not write)
        self._notifiers[QSocketNotifier.Type.Write].setEnabled(write)
        self._watching = wanted

    def _unwatch(self) -> None:
        for notifier in getattr(self, "_notifiers", {}).values():
            notifier.setEnabled(False)
            notifier.deleteLater()
        self._notifiers = {}
        self._watching = None

    # -- what it means -------------------------------------------------------------------------
    def _lost(self) -> None:
        if not self._bus.unreachable:
            self._bus.unreachable = True
            self._bus.unavailable.emit(DatabaseUnavailable(UNREACHABLE))

    def _refused(self, _refusal: DatabaseUnavailable) -> None:
        """A call found the server gone before the listener did: believe it, and ask the
        listener to look again at once (it reconnects, or says it is back)."""
        if not self._bus.unreachable and self.feed.kind == "postgresql":
            self._bus.unreachable = True
            self._bus.unavailable.emit(DatabaseUnavailable(UNREACHABLE))
            self._handle(self.feed.recheck())

    def _back(self) -> None:
        """The server answers again: the connections that died with it are dropped (the GUI
        thread's and the write runner's), writes are let through, every page re-reads."""
        reset_connection()
        self._bus.unreachable = False
        self._ops.run(reset_connection)
        self._bus.reachable.emit()
        self._bus.publish(EVERYTHING)  # whatever happened meanwhile: every page re-reads

    def _measured(self, offset: timedelta) -> None:
        """Every ping measures; the clock follows and the warning changes at sign-in and every
        few minutes, so a noisy measurement does not make the banner flicker."""
        if self._clock_elapsed < CLOCK_CHECK_EVERY:
            return
        self._clock_elapsed = timedelta(0)
        self.report_offset(offset)

    def report_offset(self, offset: timedelta) -> None:
        """The server's clock is ``offset`` ahead of this workstation's (tests give a fake one)."""
        self.offset = offset
        self._clock.follow_server(offset)
        self._bus.clock_notice.emit(clock_notice(offset))
