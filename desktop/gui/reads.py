"""Read services run on reader threads; the plain result comes back to the widget that asked,
on the GUI thread (Anki's QueryOp beside the write runner's CollectionOp, made small).

Each request names its owner (a widget) and a slot (what of the owner it fills: "page",
"detail", ...). A newer request for the same owner and slot supersedes an older one: the
older is skipped if it has not started and its result is dropped if it has. A result for an
owner that has been deleted is dropped. A read that takes longer than ``busy_after_ms``
shows a small "Loading…" label over its owner until its result arrives.

Reader threads are plain threads of our own (peewee keeps one connection per thread), so
:meth:`ReadRunner.stop` can close each thread's connection on that thread before the
database file is flushed or swapped. Writes never run here: they stay on the one writer
thread of :class:`~desktop.gui.ops.OpRunner`, in the order asked; on SQLite in WAL mode a
reader sees the last commit and never waits for the writer.
"""

from __future__ import annotations

import logging
import queue
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QElapsedTimer, QEventLoop, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QLabel, QWidget

from ..services.errors import AccountChanged, DatabaseUnavailable, ServiceError
from ..services.restore import release_connection
from .bus import ChangeBus
from .dialogs import show_error

log = logging.getLogger(__name__)

BUSY_AFTER_MS = 300
READER_THREADS = 2


@dataclass(eq=False)
class ReadRequest:
    fn: Callable[[], Any]
    owner: QWidget
    slot: str
    on_done: Callable[[Any], None]
    on_error: Callable[[ServiceError], None] | None
    cancelled: bool = False  # set on the GUI thread, read by the worker before it starts
    timer: QTimer | None = field(default=None, repr=False)


class _Relay(QObject):
    """Lives on the GUI thread; workers emit, Qt queues the call across."""

    done = Signal(object, object, object)  # request, result, exception (or None)


class ReadRunner(QObject):
    """The reader. ``run`` is called on the GUI thread; so are ``on_done`` and ``on_error``."""

    busy_changed = Signal(object, bool)  # owner, whether its "Loading…" label shows

    def __init__(self, bus: ChangeBus, parent: QObject | None = None, *, threads: int = READER_THREADS,
                 busy_after_ms: int = BUSY_AFTER_MS) -> None:
        super().__init__(parent)
        self._bus = bus
        self._threads_wanted = threads
        self.busy_after_ms = busy_after_ms
        self._queue: queue.Queue[ReadRequest | None] = queue.Queue()
        self._threads: list[threading.Thread] = []
        self._relay = _Relay(self)
        self._relay.done.connect(self._finish, Qt.ConnectionType.QueuedConnection)
        self._latest: dict[tuple[int, str], ReadRequest] = {}  # the request each (owner, slot) waits for
        self._pending: set[ReadRequest] = set()  # asked and not yet answered on the GUI thread
        self._busy: dict[int, set[ReadRequest]] = {}  # owner id → requests its label shows for
        self._labels: dict[int, QLabel] = {}
        self.delivered = 0  # results handed to an owner (tests and the benchmark count them)
        self.dropped = 0  # results no one waits for any more

    # ------------------------------------------------------------ asking

    def run(self, fn: Callable[[], Any], *, owner: QWidget, on_done: Callable[[Any], None], slot: str = "",
            on_error: Callable[[ServiceError], None] | None = None) -> ReadRequest:
        """Run ``fn`` (read services with their arguments bound; it must not touch widgets) on a
        reader thread and give its result to ``on_done`` on the GUI thread, unless a newer
        request for ``owner`` and ``slot`` came meanwhile or ``owner`` was deleted.

        A :class:`ServiceError` goes to ``on_error`` or is shown over ``owner``;
        :class:`AccountChanged` signs the session out; anything else is a bug and is raised
        again on the GUI thread."""
        key = (id(owner), slot)
        request = ReadRequest(fn, owner, slot, on_done, on_error)
        older = self._latest.get(key)
        busy = self._busy.get(id(owner), set())
        inherits = older is not None and older in busy
        if inherits:  # the label already shows for this slot: it stays, for the newer request
            busy.discard(older)
            busy.add(request)
        if older is not None:
            self._supersede(older)
        self._latest[key] = request
        self._pending.add(request)
        if not inherits:
            timer = QTimer(self)
            timer.setSingleShot(True)
            timer.timeout.connect(lambda: self._show_busy(request))
            timer.start(self.busy_after_ms)
            request.timer = timer
        self._ensure_threads()
        self._queue.put(request)
        return request

    def cancel(self, owner: QWidget, slot: str = "") -> None:
        """Forget what ``owner`` asked for ``slot``: its result, when it comes, is dropped."""
        request = self._latest.get((id(owner), slot))
        if request is not None:
            self._supersede(request)

    def _supersede(self, request: ReadRequest) -> None:
        request.cancelled = True
        key = (id(request.owner), request.slot)
        if self._latest.get(key) is request:
            del self._latest[key]
        self._stop_busy(request)

    # ------------------------------------------------------------ state (tests, sign-out)

    def is_idle(self) -> bool:
        """True when every request has been answered (delivered or dropped) on the GUI thread."""
        return not self._pending

    @property
    def pending(self) -> int:
        return len(self._pending)

    def is_busy(self, owner: QWidget) -> bool:
        """Whether ``owner`` shows its "Loading…" label now."""
        return bool(self._busy.get(id(owner)))

    def wait(self, msecs: int = 30000) -> bool:
        """Deliver everything asked so far (processing events meanwhile); False on a timeout.
        For tests and scripts; a window never waits."""
        clock = QElapsedTimer()
        clock.start()
        while self._pending and clock.elapsed() < msecs:
            QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
            if self._pending:
                QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents, 20)
        return not self._pending

    def stop(self, msecs: int = 30000) -> bool:
        """Drop what is asked, let running reads end, and close every reader thread's
        connection on that thread (before the database file is flushed or replaced). The next
        ``run`` starts new threads."""
        for request in list(self._latest.values()):
            self._supersede(request)
        threads, self._threads = self._threads, []
        for _ in threads:
            self._queue.put(None)
        deadline = msecs / 1000
        ok = True
        for thread in threads:
            thread.join(deadline)
            ok = ok and not thread.is_alive()
        # Answers still queued to the GUI thread are ignored when they come (no longer pending).
        for request in list(self._pending):
            self._forget(request)
        return ok

    # ------------------------------------------------------------ the worker side

    def _ensure_threads(self) -> None:
        while len(self._threads) < self._threads_wanted:
            thread = threading.Thread(target=self._work, name=f"reader-{len(self._threads) + 1}", daemon=True)
            self._threads.append(thread)
            thread.start()

    def _work(self) -> None:
        while True:
            request = self._queue.get()
            if request is None:
                try:
                    release_connection()  # this thread's connection, closed on this thread
                except Exception:  # noqa: BLE001 (closing at sign-out: nothing left to tell anyone)
                    log.exception("closing a reader's connection")
                return
            if request.cancelled:
                self._relay.done.emit(request, None, None)  # skipped: superseded before it started
                continue
            try:
                result = request.fn()
            except Exception as exc:  # delivered to the GUI thread, never swallowed
                self._relay.done.emit(request, None, exc)
            else:
                self._relay.done.emit(request, result, None)

    # ------------------------------------------------------------ back on the GUI thread

    def _finish(self, request: ReadRequest, result: Any, exc: BaseException | None) -> None:
        if request not in self._pending:
            return  # stopped meanwhile
        current = not request.cancelled and self._latest.get((id(request.owner), request.slot)) is request
        self._forget(request)
        if not current or not shiboken6.isValid(request.owner):
            self.dropped += 1
            if isinstance(exc, AccountChanged):
                self._bus.account_changed.emit(exc)  # still true, whoever asked
            elif exc is not None and not isinstance(exc, ServiceError):
                raise exc
            return
        if exc is not None:
            if isinstance(exc, AccountChanged):
                self._bus.account_changed.emit(exc)  # the session signs out; no box on a closing window
                return
            if isinstance(exc, ServiceError):
                if request.on_error is not None:
                    request.on_error(exc)
                elif isinstance(exc, DatabaseUnavailable):
                    self._bus.unavailable.emit(exc)  # the banner says it once, not a box per read
                else:
                    show_error(request.owner, exc)
                return
            raise exc
        self.delivered += 1
        request.on_done(result)

    def _forget(self, request: ReadRequest) -> None:
        self._pending.discard(request)
        key = (id(request.owner), request.slot)
        if self._latest.get(key) is request:
            del self._latest[key]
        self._stop_busy(request)
        if request.timer is not None:
            request.timer.stop()
            request.timer.deleteLater()
            request.timer = None

    # ------------------------------------------------------------ the busy label

    def _show_busy(self, request: ReadRequest) -> None:
        if request.cancelled or request not in self._pending or not shiboken6.isValid(request.owner):
            return
        owner = request.owner
        waiting = self._busy.setdefault(id(owner), set())
        if not waiting:
            label = self._labels.get(id(owner))
            if label is None or not shiboken6.isValid(label):
                label = self._labels[id(owner)] = _busy_label(owner)
            label.adjustSize()
            label.move(max(owner.width() - label.width() - 8, 0), 4)
            label.raise_()
            label.show()
            self.busy_changed.emit(owner, True)
        waiting.add(request)

    def _stop_busy(self, request: ReadRequest) -> None:
        waiting = self._busy.get(id(request.owner))
        if not waiting or request not in waiting:
            return
        waiting.discard(request)
        if waiting:
            return
        del self._busy[id(request.owner)]
        label = self._labels.pop(id(request.owner), None)
        if label is not None and shiboken6.isValid(label):
            label.hide()
            label.deleteLater()
        if shiboken6.isValid(request.owner):
            self.busy_changed.emit(request.owner, False)


def _busy_label(owner: QWidget) -> QLabel:
    label = QLabel("Loading…", owner)
    label.setObjectName("loadingIndicator")
    label.setAccessibleName("Loading")
    label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
    return label
