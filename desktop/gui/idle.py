"""Automatic sign-out after a period without keyboard or mouse input."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal

_INPUT = {
    QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove, QEvent.Type.Wheel,
    QEvent.Type.TouchBegin,
}


class IdleWatcher(QObject):
    idle = Signal()

    def __init__(self, app: QObject, minutes: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.timeout.connect(self.idle)
        self.set_minutes(minutes)
        app.installEventFilter(self)
        self._app = app

    def set_minutes(self, minutes: int) -> None:
        self.minutes = minutes
        self._timer.setInterval(max(minutes, 0) * 60_000)

    def start(self) -> None:
        if self.minutes > 0:
            self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    @property
    def active(self) -> bool:
        return self._timer.isActive()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if event.type() in _INPUT and self._timer.isActive():
            self._timer.start()
        return False

    def detach(self) -> None:
        self._app.removeEventFilter(self)
