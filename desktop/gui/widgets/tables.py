"""A read-only table of plain rows, and selecting in it."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from .empty import PlaceholderTableView
from .rows_model import RowsModel


def row_table(model: RowsModel, name: str, accessible: str, parent: QWidget | None = None, *,
              empty: str, stretch: int | None = None) -> QTableView:
    """``empty`` says, while there are no rows, what would be listed and how it comes;
    ``stretch`` names the column that takes the width left (and elides), so no column is
    pushed out of view; without it the last column stretches."""
    view = PlaceholderTableView(parent)
    view.set_placeholder(empty)
    view.setObjectName(name)
    view.setAccessibleName(accessible)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.verticalHeader().setVisible(False)
    view.setTabKeyNavigation(False)  # Tab leaves the table; the arrow keys move in it
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    if stretch is None:
        view.horizontalHeader().setStretchLastSection(True)
    else:
        view.horizontalHeader().setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return view


def selected_row(view: QTableView):
    model: RowsModel = view.model()
    rows = view.selectionModel().selectedRows()
    return model.row_at(rows[0].row()) if rows else None


def select_first(view: QTableView, predicate=lambda row: True) -> bool:
    model: RowsModel = view.model()
    for i, row in enumerate(model.rows):
        if predicate(row):
            view.selectRow(i)
            return True
    return False
