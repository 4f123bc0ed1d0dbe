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

    def publish(self, changes: Change, summary: str = "") -> None:
        if changes:
            self.changed.emit(changes)
        if summary:
            self.status.emit(summary)
