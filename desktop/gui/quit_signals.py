"""SIGTERM and SIGINT (Ctrl+C) end the application the way Quit does.

A Python signal handler only runs when the interpreter gets control back, and inside
Qt's event loop it may not for as long as nothing happens on screen. So the C-level
handler writes the signal's number into one end of a socket pair
(``signal.set_wakeup_fd``); a QSocketNotifier on the other end wakes the event loop,
which then quits it normally: ``aboutToQuit`` lets the session finish its writes and
checkpoint the database, and the process exits 0 without a traceback.
"""

from __future__ import annotations

import contextlib
import logging
import signal
import socket

from PySide6.QtCore import QObject, QSocketNotifier
from PySide6.QtWidgets import QApplication

log = logging.getLogger(__name__)

QUIT_SIGNALS = (signal.SIGTERM, signal.SIGINT)


class QuitOnSignals(QObject):
    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self._app = app
        self._reader, self._writer = socket.socketpair()
        for end in (self._reader, self._writer):
            end.setblocking(False)
        self._previous_fd = signal.set_wakeup_fd(self._writer.fileno(), warn_on_full_buffer=False)
        # The Python-level handler has nothing to do (the byte on the socket does the work);
        # it replaces the defaults, which would kill the process or raise KeyboardInterrupt.
        self._previous = {sig: signal.signal(sig, lambda *_: None) for sig in QUIT_SIGNALS}
        self._notifier = QSocketNotifier(self._reader.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._woken)

    def _woken(self) -> None:
        try:
            numbers = self._reader.recv(64)
        except BlockingIOError:
            return
        names = ", ".join(signal.Signals(n).name for n in numbers if n in {s.value for s in QUIT_SIGNALS})
        if names:
            log.info("%s received: quitting", names)
            self._app.quit()

    def uninstall(self) -> None:
        """Put the previous handlers back (tests that install it in-process)."""
        self._notifier.setEnabled(False)
        for sig, handler in self._previous.items():
            signal.signal(sig, handler)
        signal.set_wakeup_fd(self._previous_fd)
        for end in (self._reader, self._writer):
            with contextlib.suppress(OSError):
                end.close()
