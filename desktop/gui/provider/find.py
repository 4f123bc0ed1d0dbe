"""Find (Ctrl+F) in the provider's calendar, or (``practice``: the owner's practice calendar and
the front desk's) in every provider's: type a client's name, a date or ``#reference``; the
matches are read on the reader as you type; Enter (or a double-click) shows the appointment on
the calendar, on its day, selected."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QDialog, QLabel, QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from ...rules.timefmt import format_range
from ...rules.vocabulary import status_label_at
from ...services import search
from ..context import AppContext

TYPING_PAUSE_MS = 250  # read once the typing pauses, not at every key


class FindDialog(QDialog):
    def __init__(self, ctx: AppContext, open_appointment: Callable[[search.FoundAppointment], None],
                 parent: QWidget | None = None, *, practice: bool = False) -> None:
        super().__init__(parent)
        self.setObjectName("findDialog")
        self.setWindowTitle("Find an appointment in the practice" if practice else "Find an appointment")
        self._ctx, self._open, self._practice = ctx, open_appointment, practice
        layout = QVBoxLayout(self)
        label = QLabel("&Find: a client's name, a date (4 Dec, 2026-12-04) or a reference (#123)", self)
        self.edit = QLineEdit(self)
        self.edit.setObjectName("findEdit")
        self.edit.setAccessibleName("Find an appointment")
        self.edit.setClearButtonEnabled(True)
        label.setBuddy(self.edit)
        self.results = QListWidget(self)
        self.results.setObjectName("findResults")
        self.results.setAccessibleName("Appointments found")
        self.results.setTabKeyNavigation(False)
        self.status = QLabel("", self)
        for widget in (label, self.edit, self.results, self.status):
            layout.addWidget(widget)
        self.resize(520, 380)
        self._timer = QTimer(self, singleShot=True, interval=TYPING_PAUSE_MS, timeout=self._read)
        self.edit.textChanged.connect(lambda _t: self._timer.start())
        self.edit.returnPressed.connect(self._open_current)
        self.results.itemActivated.connect(lambda _item: self._open_current())

    def keyPressEvent(self, event) -> None:  # noqa: N802
        if event.key() == Qt.Key.Key_Down and self.edit.hasFocus() and self.results.count():
            self.results.setFocus()  # from the text to the list with the arrow, as in a search box
            return
        super().keyPressEvent(event)

    def _read(self) -> None:
        actor, now, text = self._ctx.actor, self._ctx.service_now(), self.edit.text()
        finder = search.find_in_practice if self._practice else search.find_appointments
        self._ctx.reads.run(lambda: finder(actor, text, now=now), owner=self, slot="find", on_done=self._show)

    def _show(self, found: list[search.FoundAppointment]) -> None:
        self.results.clear()
        zone, now = self._ctx.actor.time_zone, self._ctx.now()
        for f in found:
            with_whom = f" with {f.provider_name}" if self._practice else ""
            words = f"{format_range(f.start, f.end, zone)} · {f.client_name}{with_whom} · " \
                    f"{status_label_at(f.status, f.start, f.end, now)} · #{f.id}"
            item = QListWidgetItem(words, self.results)
            item.setData(Qt.ItemDataRole.UserRole, f)
        if found:
            self.results.setCurrentRow(0)
        typed = bool(self.edit.text().strip())
        self.status.setText("" if not typed else f"{len(found)} found" if found else
                            "Nothing found: try part of the name, a date or #reference.")

    def _open_current(self) -> None:
        item = self.results.currentItem()
        if item is None:
            return
        self._open(item.data(Qt.ItemDataRole.UserRole))
        self.accept()
