"""Item models of the client pages: plain rows in, ``data()`` never queries."""

from __future__ import annotations

from PySide6.QtCore import QAbstractListModel, QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QFont

from ...rules.slots import Slot
from ...rules.timefmt import format_instant, format_time, zone_abbreviation
from ...services.client_portal import AppointmentRow
from .rows import when

_ROOT = QModelIndex()


class AppointmentTableModel(QAbstractTableModel):
    def __init__(self, zone: str, columns: tuple[str, ...], parent=None) -> None:
        super().__init__(parent)
        self.zone, self.columns = zone, columns
        self.rows: list[AppointmentRow] = []

    def set_rows(self, rows: list[AppointmentRow]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent=_ROOT) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=_ROOT) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.columns[section]
        return None

    def _text(self, row: AppointmentRow, column: str) -> str:
        if column == "When":
            return when(row, self.zone)
        if column == "With":
            return f"{row.provider_name} · {row.service_name}"
        if column == "Where":
            return row.place
        if column == "Repeats":
            return "Repeating" if row.repeats else "Single"
        if column == "Cancellation":
            if not row.is_scheduled:
                return row.status_label  # e.g. "Cancelled by client": shown among the upcoming, struck out
            if row.pending_late_request:
                return "Late-cancellation request sent"
            return row.notice_line(self.zone)
        if column == "Status":
            return row.status_label
        return ""

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._text(row, self.columns[index.column()])
        if role == Qt.ItemDataRole.UserRole:
            return row.id
        if role == Qt.ItemDataRole.FontRole and not row.is_scheduled and "Cancellation" in self.columns:
            font = QFont()
            font.setStrikeOut(True)  # a cancelled upcoming appointment: still listed, clearly not happening
            return font
        return None


class SlotListModel(QAbstractListModel):
    """Open times; ``time_only`` for one day's list (its date is said above it)."""

    def __init__(self, zone: str, parent=None, *, time_only: bool = False) -> None:
        super().__init__(parent)
        self.zone, self.time_only = zone, time_only
        self.slots: list[Slot] = []

    def set_slots(self, slots: list[Slot]) -> None:
        self.beginResetModel()
        self.slots = list(slots)
        self.endResetModel()

    def rowCount(self, parent=_ROOT) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.slots)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        slot = self.slots[index.row()]
        if role == Qt.ItemDataRole.DisplayRole and self.time_only:
            return f"{format_time(slot.start, self.zone)} {zone_abbreviation(slot.start, self.zone)}"
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return format_instant(slot.start, self.zone)
        if role == Qt.ItemDataRole.UserRole:
            return slot
        return None


def thread_text(row) -> str:
    unread = f"  ({row.unread} unread)" if row.unread else ""
    return f"{row.subject}{unread}\n{row.other_party} · {row.last_message}"
