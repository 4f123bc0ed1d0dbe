"""Views that say what would be there, and how to get it, while they are empty: the words are
painted in the view (muted, centred, wrapped) and given to screen readers as its description."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QRect, Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QListView, QTableView, QWidget

from ..theme import colour


class _Placeholder:
    """Mixed into an item view: ``set_placeholder(text)``; painted while the model has no rows."""

    _placeholder = ""

    def set_placeholder(self, text: str) -> None:
        self._placeholder = text
        self.viewport().update()

    def placeholder(self) -> str:
        return self._placeholder

    def showing_placeholder(self) -> bool:
        model = self.model()
        return bool(self._placeholder) and (model is None or model.rowCount(QModelIndex()) == 0)

    def setModel(self, model) -> None:  # noqa: N802
        super().setModel(model)
        for signal in (model.modelReset, model.rowsInserted, model.rowsRemoved):
            signal.connect(self._emptiness_changed)
        self._emptiness_changed()

    def _emptiness_changed(self, *_args) -> None:
        self.setAccessibleDescription(self._placeholder if self.showing_placeholder() else "")
        self.viewport().update()

    def paintEvent(self, event) -> None:  # noqa: N802
        super().paintEvent(event)
        if not self.showing_placeholder():
            return
        painter = QPainter(self.viewport())
        painter.setPen(colour("muted"))
        area: QRect = self.viewport().rect().adjusted(24, 16, -24, -16)
        painter.drawText(area, int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap),
                         self._placeholder)
        painter.end()


class PlaceholderTableView(_Placeholder, QTableView):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)


class PlaceholderListView(_Placeholder, QListView):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
