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
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal
from PySide6.QtWidgets import QWidget

from ..services.errors import AccountChanged, ServiceError
from ..services.result import OpResult
from .bus import ChangeBus
from .dialogs import show_error

log = logging.getLogger(__name__)


class _Relay(QObject):
    """Lives on the GUI thread; the worker emits, Qt queues the call across."""

    done = Signal(object, object)  # result, exception


class _Job(QRunnable):
    def __init__(self, fn: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self._fn, self._relay = fn, relay
        self.setAutoDelete(True)

    def run(self) -> None:
        try:
            result = self._fn()
        except Exception as exc:  # delivered to the GUI thread, never swallowed
            self._relay.done.emit(None, exc)
        else:
            self._relay.done.emit(result, None)


class OpRunner(QObject):
    def __init__(self, bus: ChangeBus, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._bus = bus
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)  # one writer: operations apply in the order asked
        self._relays: set[_Relay] = set()

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
        self._pool.start(_Job(fn, relay))

    def wait(self, msecs: int = 30000) -> bool:
        return self._pool.waitForDone(msecs)
