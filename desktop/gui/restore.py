"""Restore from a backup (owner): choose the file, see what it is, confirm; then the session
ends, the database is replaced (the current one kept in backups/) and the sign-in window
opens on the restored practice (SessionController.restore_from)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QWidget

from ..rules.timefmt import format_instant
from ..services import restore
from ..services.actor import Actor
from ..services.errors import ServiceError
from ..services.restore import BackupFacts
from .backup import file_plan
from .context import AppContext
from .dialogs import show_error
from .ops import OpRunner


class RestoreController(QObject):
    chosen = Signal(object)  # the Path of a checked backup the owner confirmed

    def __init__(self, ctx: AppContext, parent: QWidget) -> None:
        super().__init__(parent)
        self.ctx, self.parent_widget = ctx, parent
        self.explanation: QMessageBox | None = None

    @classmethod
    def choose_file(cls, parent: QWidget, folder: Path | None) -> Path | None:
        """The seam tests replace: the open-file dialog, as a plain value."""
        path, _ = QFileDialog.getOpenFileName(parent, "Restore from a backup", str(folder or ""),
                                              "Practice Desk database (*.db);;All files (*)")
        return Path(path) if path else None

    @classmethod
    def confirm(cls, parent: QWidget, facts: BackupFacts, zone: str = "UTC") -> bool:
        """The seam tests replace: a yes/no question, as a plain value (the file's time in ``zone``)."""
        practice = f" of “{facts.practice_name}”" if facts.practice_name else ""
        answer = QMessageBox.question(
            parent, "Restore from a backup",
            f"Replace the practice's database by the backup{practice} from "
            f"{format_instant(facts.modified, zone, with_year=True)} ({facts.size // 1024:,} KB)?\n\n"
            "Everything entered since that backup is replaced. The current database is kept in the "
            "backups folder, and everyone here is signed out.",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Cancel)
        return answer == QMessageBox.StandardButton.Yes

    def choose_and_start(self) -> None:
        self.explanation = None
        file_plan(self.ctx, self.parent_widget, "Restore on the server", restore.PG_RESTORE, "serverRestoreBox",
                  then=self._choose, explained=lambda box: setattr(self, "explanation", box))

    def _choose(self, plan) -> None:
        path = self.choose_file(self.parent_widget, plan.folder)
        if path is None:
            return
        try:
            facts = restore.inspect_backup(self.ctx.actor, path)
        except ServiceError as exc:
            show_error(self.parent_widget, exc, "Cannot restore this file")
            return
        if self.confirm(self.parent_widget, facts, self.ctx.actor.time_zone):
            self.chosen.emit(path)


def put_back(ops: OpRunner, actor: Actor, backup: Path, now: datetime) -> tuple[str, bool]:
    """After sign-out: close the worker's connection, replace the database, reopen it.
    Returns (message for the sign-in window, whether it failed).

    The one write not run on the write runner, like opening the database at start-up: the
    file is swapped, so every connection must be closed first (peewee keeps one per thread),
    the worker's on the worker and the GUI thread's here; and no window is open to keep
    responsive meanwhile."""
    ops.run(restore.release_connection)
    ops.wait()
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        return restore.restore_practice_database(actor, backup, now=now).summary, False
    except ServiceError as exc:
        return f"Not restored: {exc.message}", True
    finally:
        QApplication.restoreOverrideCursor()
