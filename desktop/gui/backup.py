"""Back up the database (owner): a save-file dialog, then a progress dialog while it copies."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QFileDialog, QProgressDialog, QWidget

from ..services import maintenance
from .context import AppContext
from .paths import data_dir


class _Progress(QObject):
    """Crosses from the worker thread to the progress dialog (queued)."""

    moved = Signal(int, int)


class BackupController(QObject):
    finished = Signal(str)  # the summary

    def __init__(self, ctx: AppContext, parent: QWidget) -> None:
        super().__init__(parent)
        self.ctx, self.parent_widget = ctx, parent
        self.dialog: QProgressDialog | None = None

    def choose_and_start(self) -> None:
        default = str(data_dir() / f"practice-desk-backup-{self.ctx.now():%Y-%m-%d}.db")
        path, _ = QFileDialog.getSaveFileName(self.parent_widget, "Back up the practice database", default,
                                              "Practice Desk database (*.db)")
        if path:
            self.start(Path(path))

    def start(self, destination: Path) -> None:
        """The seam tests use: no file dialog, straight to the copy with its progress."""
        self.dialog = QProgressDialog("Backing up the practice database…", "", 0, 100, self.parent_widget)
        self.dialog.setObjectName("backupProgress")
        self.dialog.setWindowTitle("Backup")
        self.dialog.setCancelButton(None)
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.setMinimumDuration(0)
        self.dialog.setValue(0)
        relay = _Progress(self)
        relay.moved.connect(self._moved)
        self.ctx.ops.run(
            lambda: maintenance.backup_database(self.ctx.actor, destination, progress=relay.moved.emit,
                                                now=self.ctx.now()),
            parent=self.parent_widget, on_done=self._done, on_error=self._failed,
        )

    def _moved(self, done: int, total: int) -> None:
        if self.dialog is not None and total:
            self.dialog.setValue(int(done * 100 / total))

    def _close(self) -> None:
        if self.dialog is not None:
            self.dialog.reset()
            self.dialog.close()
            self.dialog = None

    def _done(self, result) -> None:
        self._close()
        self.finished.emit(result.summary)

    def _failed(self, error) -> None:
        self._close()
        from .dialogs import show_error

        show_error(self.parent_widget, error)
