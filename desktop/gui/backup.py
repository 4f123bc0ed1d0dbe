"""Back up the database (owner): where to, then a progress dialog with Cancel while it copies.

On a shared PostgreSQL server there is nothing for one workstation to copy: the owner is
told what to run on the server instead (maintenance.backup_plan).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox, QProgressDialog, QWidget

from ..services import maintenance
from ..services.maintenance import Phase, Where
from .context import AppContext
from .dialogs import show_error, show_info
from .paths import data_dir


def file_plan(ctx: AppContext, parent: QWidget, title: str, server_text: str, box_name: str,
              then: Callable[[maintenance.BackupPlan], None],
              explained: Callable[[QMessageBox], None]) -> None:
    """Read the owner's backup plan (on the reader); if this workstation's database is a file,
    go on with ``then(plan)``; on a shared server it says so in a box (given to ``explained``)
    and goes no further; a refusal is shown (the account changed: the session signs out).
    Back up and Restore both start here."""
    actor = ctx.actor

    def got(plan: maintenance.BackupPlan) -> None:
        if plan.where is Where.SERVER:
            box = show_info(parent, title, server_text or plan.explanation)
            box.setObjectName(box_name)
            explained(box)
            return
        then(plan)

    ctx.reads.run(lambda: maintenance.backup_plan(actor), owner=parent, slot="backup-plan", on_done=got)


class _Progress(QObject):
    """Crosses from the worker thread to the progress dialog (queued)."""

    moved = Signal(str, int, int)  # Phase value, done, total


class BackupController(QObject):
    finished = Signal(str)  # the summary

    def __init__(self, ctx: AppContext, parent: QWidget) -> None:
        super().__init__(parent)
        self.ctx, self.parent_widget = ctx, parent
        self.dialog: QProgressDialog | None = None
        self.explanation: QMessageBox | None = None
        self._cancel = threading.Event()

    @classmethod
    def choose_destination(cls, parent: QWidget, suggested: Path) -> Path | None:
        """The seam tests replace: the save-file dialog, as a plain value."""
        path, _ = QFileDialog.getSaveFileName(parent, "Back up the practice database", str(suggested),
                                              "Practice Desk database (*.db)")
        return Path(path) if path else None

    def choose_and_start(self) -> None:
        self.explanation = None
        file_plan(self.ctx, self.parent_widget, "Back up on the server", "", "serverBackupBox",
                  then=lambda _plan: self._choose(), explained=lambda box: setattr(self, "explanation", box))

    def _choose(self) -> None:
        destination = self.choose_destination(
            self.parent_widget, data_dir() / f"practice-desk-backup-{self.ctx.now():%Y-%m-%d}.db")
        if destination is not None:
            self.start(destination)

    def start(self, destination: Path) -> None:
        """Straight to the copy with its progress (after the destination was chosen)."""
        self._cancel = threading.Event()
        dialog = QProgressDialog("Copying the practice database…", "Cancel", 0, 100, self.parent_widget)
        dialog.setObjectName("backupProgress")
        dialog.setWindowTitle("Backup")
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.setMinimumDuration(0)
        dialog.canceled.connect(self._cancel.set)  # honoured between steps; nothing is left behind
        dialog.setValue(0)
        self.dialog = dialog
        relay = _Progress(self)
        relay.moved.connect(self._moved)
        cancelled = self._cancel.is_set
        self.ctx.ops.run(
            lambda: maintenance.backup_database(
                self.ctx.actor, destination, progress=lambda phase, done, total: relay.moved.emit(
                    phase.value, done, total), cancelled=cancelled, now=self.ctx.service_now()),
            parent=self.parent_widget, on_done=self._done, on_error=self._failed,
        )

    def _moved(self, phase: str, done: int, total: int) -> None:
        if self.dialog is None or self._cancel.is_set():
            return
        if Phase(phase) is Phase.CHECKING:
            self.dialog.setLabelText("Checking the copy…")
            self.dialog.setValue(95)
        elif total:
            self.dialog.setValue(int(done * 90 / total))

    def _close(self) -> None:
        if self.dialog is not None:
            self.dialog.reset()
            self.dialog.close()
            self.dialog.deleteLater()
            self.dialog = None

    def _done(self, result) -> None:
        self._close()
        self.finished.emit(result.summary)

    def _failed(self, error) -> None:
        self._close()
        show_error(self.parent_widget, error)
