"""Service calls run on one database worker thread; results come back to the GUI
thread, which publishes what changed (Anki's CollectionOp + taskman, made small).

A worker never touches widgets or returns live ORM objects to them: services
return plain values.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import QWidget

from ..services.errors import AccountChanged, DatabaseUnavailable, ServiceError
from ..services.live import UNREACHABLE_REFUSAL, lost_connection, writing_for
from ..services.result import OpResult
from .bus import ChangeBus
from .dialogs import show_error

log = logging.getLogger(__name__)


class _Relay(QObject):
    """Lives on the GUI thread; the worker emits, Qt queues the call across."""

    done = Signal(object, object)  # result, exception


class _Job(QRunnable):
    def __init__(self, fn: Callable[[], Any], relay: _Relay, origin: str, runner: OpRunner) -> None:
        super().__init__()
        self._fn, self._relay, self._origin, self._runner = fn, relay, origin, runner
        self.setAutoDelete(True)

    def run(self) -> None:
        if self._runner.halted:  # asked before the runner was halted, refused now
            self._relay.done.emit(None, ServiceError(self._runner.halted))
            return
        try:
            with writing_for(self._origin):  # this session's own writes: its live feed skips them
                result = self._fn()
        except Exception as exc:  # delivered to the GUI thread, never swallowed
            # The server gone under a call that is no entry point (the account re-check): the
            # same refusal, and this thread's dead connection dropped.
            unavailable = None if isinstance(exc, ServiceError) else lost_connection(exc)
            self._relay.done.emit(None, unavailable or exc)
        else:
            self._relay.done.emit(result, None)


class OpRunner(QObject):
    def __init__(self, bus: ChangeBus, parent: QObject | None = None, origin: str = "") -> None:
        super().__init__(parent)
        self._bus = bus
        self.origin = origin
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)  # one writer: operations apply in the order asked
        self._relays: set[_Relay] = set()
        self.halted = ""  # why nothing more may be written, once something said so

    def halt(self, why: str) -> None:
        """Nothing more is written: every operation not yet started (those queued already too)
        is refused with ``why``. Called from an operation on the writer thread (the start-up
        check that finds the file damaged), so nothing queued behind it runs."""
        self.halted = why

    @property
    def pending(self) -> int:
        return len(self._relays)

    def is_idle(self) -> bool:
        return not self._relays

    def run(self, fn: Callable[[], Any], *, parent: QWidget | None = None,
            on_done: Callable[[Any], None] | None = None,
            on_error: Callable[[ServiceError], None] | None = None) -> None:
        """Run ``fn`` (a service call with its arguments bound) off the GUI thread.

        An :class:`OpResult` is published on the bus; a :class:`ServiceError`
        goes to ``on_error`` or is shown to the user; anything else is a bug and
        is raised again on the GUI thread.
        """
        relay = _Relay()
        self._relays.add(relay)

        def finish(result: Any, exc: BaseException | None) -> None:
            self._relays.discard(relay)
            relay.deleteLater()
            # The window that asked may have gone meanwhile (signed out while idle): what
            # changed is still published, but nothing is delivered to a deleted widget.
            gone = parent is not None and not shiboken6.isValid(parent)
            if exc is not None:
                if isinstance(exc, DatabaseUnavailable):
                    # The window's banner says it, once, however many calls were refused; a
                    # dialog that asked may say it in its own words too.
                    self._bus.unavailable.emit(exc)
                    if on_error is not None and not gone:
                        on_error(exc)
                    return
                if isinstance(exc, AccountChanged):
                    self._bus.account_changed.emit(exc)  # the session signs out; no box on a closing window
                    return
                if isinstance(exc, ServiceError):
                    if gone:
                        log.info("refused after its window closed: %s", exc.message)
                    elif on_error is not None:
                        on_error(exc)
                    else:
                        show_error(parent, exc)
                    return
                raise exc
            if isinstance(result, OpResult):
                self._bus.publish(result.changes, result.summary)
            if on_done is not None and not gone:
                on_done(result)

        relay.done.connect(finish)
        if self._bus.unreachable:
            # The server is known to be gone: refused at once, nothing tried (and nothing queued
            # behind a connection attempt), until the live updates see it back.
            refusal = DatabaseUnavailable(UNREACHABLE_REFUSAL)
            QTimer.singleShot(0, relay, lambda: relay.done.emit(None, refusal))
            return
        self._pool.start(_Job(fn, relay, self.origin, self))

    def wait(self, msecs: int = 30000) -> bool:
        return self._pool.waitForDone(msecs)
