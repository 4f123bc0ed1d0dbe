"""Inactivity: a notice with a countdown a minute before, then the window locks.

``IdleWatcher`` restarts on every key, click, wheel or mouse movement anywhere in the
application. ``minute_ms`` is how long a minute is: 60 000 in use, a few dozen milliseconds
in tests, so a five-minute lock is exercised without waiting five minutes.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QWidget

from ..rules.session import WARNING_BEFORE_LOCK

MINUTE_MS = 60_000

_INPUT = {
    QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove, QEvent.Type.Wheel,
    QEvent.Type.TouchBegin,
}


def _single_shot(parent: QObject) -> QTimer:
    timer = QTimer(parent)
    timer.setSingleShot(True)
    timer.setTimerType(Qt.TimerType.PreciseTimer)
    return timer


class IdleWatcher(QObject):
    warning = Signal()  # the lock is ``WARNING_BEFORE_LOCK`` away
    resumed = Signal()  # input after the warning: the notice goes
    idle = Signal()  # the timeout has passed without input: lock

    def __init__(self, app: QObject, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._lock_timer, self._warn_timer = _single_shot(self), _single_shot(self)
        self._lock_timer.timeout.connect(self._timed_out)
        self._warn_timer.timeout.connect(self._warn)
        self.minutes, self.minute_ms = 0, MINUTE_MS
        self.warned = False
        app.installEventFilter(self)
        self._app = app

    def configure(self, minutes: int, minute_ms: int = MINUTE_MS) -> None:
        """Lock after ``minutes`` without input, warning a minute before (scaled with ``minute_ms``)."""
        self.minutes, self.minute_ms = minutes, minute_ms
        lock_ms = minutes * minute_ms
        warn_ms = round(WARNING_BEFORE_LOCK.total_seconds() * minute_ms / 60)
        self._lock_timer.setInterval(lock_ms)
        self._warn_timer.setInterval(max(lock_ms - warn_ms, 0))

    def start(self) -> None:
        self.warned = False
        if self.minutes > 0:
            self._lock_timer.start()
            self._warn_timer.start()

    def stop(self) -> None:
        self._lock_timer.stop()
        self._warn_timer.stop()
        self.warned = False

    @property
    def active(self) -> bool:
        return self._lock_timer.isActive()

    def seconds_left(self) -> int:
        """Seconds (of the scaled clock) until the lock, rounded up; what the countdown shows."""
        if not self.active:
            return 0
        return math.ceil(max(self._lock_timer.remainingTime(), 0) * 60 / self.minute_ms)

    def _warn(self) -> None:
        self.warned = True
        self.warning.emit()

    def _timed_out(self) -> None:
        self.stop()
        self.idle.emit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if event.type() in _INPUT and self.active:
            was_warned = self.warned
            self.start()
            if was_warned:
                self.resumed.emit()
        return False

    def detach(self) -> None:
        self._app.removeEventFilter(self)


class IdleWarning(QFrame):
    """The in-window notice: "Practice Desk locks in 42 seconds …", counting down over the top
    of the role window. It takes no input itself; any input anywhere dismisses it."""

    def __init__(self, watcher: IdleWatcher, window: QWidget) -> None:
        super().__init__(window)
        self.setObjectName("idleWarning")
        self.setProperty("notice", "blocked")  # the theme's amber notice
        self.setAutoFillBackground(True)
        self._watcher = watcher
        layout = QHBoxLayout(self)
        layout.setContentsMargins(16, 8, 16, 8)
        self.label = QLabel(self)
        self.label.setObjectName("idleWarningText")
        self.label.setWordWrap(True)
        layout.addWidget(self.label)
        self._tick = QTimer(self)
        self._tick.timeout.connect(self._update)
        watcher.warning.connect(self.appear)
        watcher.resumed.connect(self.dismiss)
        watcher.idle.connect(self.dismiss)
        window.installEventFilter(self)
        self.hide()

    def text(self) -> str:
        return self.label.text()

    def appear(self) -> None:
        self._tick.start(max(self._watcher.minute_ms // 60, 1))  # once a (scaled) second
        self._update()
        self._place()
        self.show()
        self.raise_()

    def dismiss(self) -> None:
        self._tick.stop()
        self.hide()

    def _update(self) -> None:
        left = self._watcher.seconds_left()
        text = (f"Practice Desk locks in {left} second{'s' if left != 1 else ''} without activity. "
                "Move the mouse or press a key to keep working.")
        self.label.setText(text)
        self.setAccessibleName(text)

    def _place(self) -> None:
        window = self.parentWidget()
        width = min(640, window.width() - 32)
        self.resize(width, self.sizeHint().height())
        self.move((window.width() - width) // 2, 16)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Resize and self.isVisible():
            self._place()
        return False
