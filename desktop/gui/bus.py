"""One signal of what changed; windows refresh only what they show (STYLE habit 5)."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from ..services.result import Change


class ChangeBus(QObject):
    changed = Signal(object)  # a services.result.Change flag
    status = Signal(str)  # a sentence for the status bar
    # A service refused the signed-in account as it no longer is (services.errors.AccountChanged):
    # the session signs out with its message.
    account_changed = Signal(object)
    # The practice server cannot be reached (a services.errors.DatabaseUnavailable: the listener
    # lost it, or a call was refused) / it can again. The window's banner shows it; meanwhile
    # writes are refused at once and pages keep what they show (gui/live.py).
    unavailable = Signal(object)
    reachable = Signal()
    # This workstation's clock against the server's: a sentence for the banner, "" when it is right.
    clock_notice = Signal(str)
    unreachable = False  # set by the session's live updates while the server is gone

    def publish(self, changes: Change, summary: str = "") -> None:
        if changes:
            self.changed.emit(changes)
        if summary:
            self.status.emit(summary)
