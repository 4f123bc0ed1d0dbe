"""Saving a calendar file (.ics) from a page: the client's appointments or the provider's.

The file is read on the reader (``services/ical``), then written all or nothing (QSaveFile).
A file already at the chosen path is replaced only if it is empty or a calendar file Practice
Desk wrote (``rules/calendar_file.is_ours``): saving again updates the earlier export, never
another program's calendar or a document that happens to have the name.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSaveFile
from PySide6.QtWidgets import QFileDialog

from ..rules.calendar_file import HEAD_BYTES, is_ours
from .dialogs import show_error
from .paths import exports_dir
from .widgets.page import Page

FILTER = "Calendar file (*.ics)"


class CalendarFileSaver:
    """One page's Save calendar file: ``choose`` asks where (the file dialog), ``save`` is the
    seam tests use."""

    def __init__(self, page: Page, read: Callable[[], Callable[[], bytes]], *, title: str, file_name: str,
                 saved_text: str) -> None:
        self.page, self.read_fn, self.title = page, read, title
        self.file_name, self.saved_text = file_name, saved_text

    def choose(self) -> None:
        default = str(exports_dir() / self.file_name)
        path, _ = QFileDialog.getSaveFileName(self.page, self.title, default, FILTER)
        if path:
            self.save(Path(path))

    def save(self, path: Path) -> None:
        """Read the calendar (``read`` binds the session's values on the GUI thread and returns
        the reader's function), then write it; the status bar or a box says how it went."""
        if not self._replaceable(path):
            return
        self.page.read(self.read_fn(), lambda data: self.write(path, data), slot="ics")

    def _replaceable(self, path: Path) -> bool:
        try:
            with path.open("rb") as existing:
                head = existing.read(HEAD_BYTES)
        except FileNotFoundError:
            return True
        except OSError as exc:
            show_error(self.page, f"{path} cannot be read, so it is not replaced: {exc.strerror or exc}.", "Not saved")
            return False
        if is_ours(head):
            return True
        show_error(self.page, f"{path.name} is not a calendar file Practice Desk saved, so it is not replaced. "
                              "Choose another name.", "Not saved")
        return False

    def write(self, path: Path, data: bytes) -> bool:
        if not self._replaceable(path):  # it may have appeared while the calendar was read
            return False
        out = QSaveFile(str(path))
        if not out.open(QSaveFile.OpenModeFlag.WriteOnly) or out.write(data) != len(data) or not out.commit():
            show_error(self.page, f"The calendar file could not be saved to {path}: {out.errorString()}",
                       "Not saved")
            return False
        self.page.window().statusBar().showMessage(f"Saved {path.name}: {self.saved_text}", 8000)
        return True
