"""Reminders on screen (issue #14, item 1): the signed-in person's reminders, in a strip under
the window's header and, where the desktop has one, as a system-tray message.

The watcher asks the reminder service (on the reader) what is due and when the next one is,
shows what is due, records each as shown (on the write runner: once, whichever workstation),
and asks again at the next one's time — at least every minute, so a computer that slept, or a
clock that jumped, catches up at once and shows what is still meaningful, once.
"""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSystemTrayIcon,
    QVBoxLayout,
    QWidget,
)

from ..rules.reminders import Reminder
from ..services import reminders
from .context import AppContext

LONGEST_WAIT = timedelta(minutes=1)  # however far the next one is: a sleep is noticed within a minute
SHORTEST_WAIT = timedelta(seconds=1)


class ReminderStrip(QFrame):
    """The in-window reminder: what is due, and Dismiss (the reminder is recorded either way)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reminderBanner")
        self.setAccessibleName("Reminder")
        row = QHBoxLayout(self)
        row.setContentsMargins(16, 8, 16, 8)
        texts = QVBoxLayout()
        self.title = QLabel("Reminder", self)
        self.title.setObjectName("reminderBannerTitle")
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.text = QLabel(self)
        self.text.setObjectName("reminderBannerText")
        self.text.setWordWrap(True)
        texts.addWidget(self.title)
        texts.addWidget(self.text)
        row.addLayout(texts, 1)
        self.dismiss = QPushButton("&Dismiss", self)
        self.dismiss.setObjectName("reminderDismiss")
        self.dismiss.clicked.connect(self.hide)
        row.addWidget(self.dismiss)
        self.hide()

    def show_reminders(self, shown: list[Reminder]) -> None:
        self.title.setText("Reminder" if len(shown) == 1 else f"{len(shown)} reminders")
        self.text.setText("\n".join(r.text for r in shown))
        self.show()


class ReminderWatcher(QObject):
    def __init__(self, ctx: AppContext, strip: ReminderStrip, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.strip = ctx, strip
        self.shown: list[Reminder] = []  # every reminder this session showed (tests read it)
        self._timer = QTimer(self, singleShot=True, timeout=self.check)
        self.tray: QSystemTrayIcon | None = None
        if QSystemTrayIcon.isSystemTrayAvailable():
            self.tray = QSystemTrayIcon(QApplication.windowIcon(), self)
            self.tray.setToolTip("Practice Desk")
            self.tray.show()

    def start(self) -> None:
        self.check()

    def stop(self) -> None:
        self._timer.stop()
        if self.tray is not None:
            self.tray.hide()

    def check(self) -> None:
        """Ask what is due now (on the reader); :meth:`_show` takes the answer."""
        self._timer.stop()
        actor, now = self.ctx.actor, self.ctx.service_now()
        self.ctx.reads.run(lambda: reminders.reminder_plan(actor, now=now), owner=self.strip, slot="reminders",
                           on_done=self._show, on_error=lambda _exc: self._wait(None))

    def _show(self, plan: reminders.ReminderPlan) -> None:
        if plan.due:
            self.shown.extend(plan.due)
            self.strip.show_reminders(plan.due)
            if self.tray is not None:
                self.tray.showMessage("Practice Desk", "\n".join(r.text for r in plan.due),
                                      QSystemTrayIcon.MessageIcon.Information, 15000)
            actor, now = self.ctx.actor, self.ctx.service_now()
            for r in plan.due:
                self.ctx.ops.run(lambda r=r: reminders.mark_reminded(actor, r.appointment_id, r.kind, now=now),
                                 parent=self.strip)
        self._wait(plan.next_at)

    def _wait(self, next_at) -> None:
        wait = LONGEST_WAIT if next_at is None else min(max(next_at - self.ctx.now(), SHORTEST_WAIT), LONGEST_WAIT)
        self._timer.start(int(wait.total_seconds() * 1000))
