"""Item models over plain rows (frozen dataclasses from read services): data() never
touches the database. One table model with a callable per column, and one list model
for message threads, serve every page."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QAbstractListModel, QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont

Column = tuple[str, Callable[[Any], str]]


class RowsModel(QAbstractTableModel):
    """``columns`` are (header, text-of-row) pairs; ``foreground`` may colour a row."""

    def __init__(self, columns: Sequence[Column], parent=None, *,
                 foreground: Callable[[Any], QColor | None] | None = None) -> None:
        super().__init__(parent)
        self._columns = list(columns)
        self._foreground = foreground
        self.rows: list[Any] = []

    def set_rows(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> Any | None:
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not (0 <= index.row() < len(self.rows)):
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._columns[index.column()][1](self.rows[index.row()])
        if role == Qt.ItemDataRole.UserRole:
            return self.rows[index.row()]
        if role == Qt.ItemDataRole.ForegroundRole and self._foreground is not None:
            return self._foreground(self.rows[index.row()])
        return None

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self._columns[section][0]
        return None


class ThreadListModel(QAbstractListModel):
    """Message threads, unread ones in bold; ``text`` renders one row (client and
    provider inboxes word them differently)."""

    def __init__(self, text: Callable[[Any], str], parent=None) -> None:
        super().__init__(parent)
        self._text = text
        self.rows: list[Any] = []

    def set_rows(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.rows)

    def row_of(self, thread_id: int) -> int:
        return next((i for i, r in enumerate(self.rows) if r.id == thread_id), -1)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._text(row)
        if role == Qt.ItemDataRole.FontRole and row.unread:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.UserRole:
            return row.id
        return None
