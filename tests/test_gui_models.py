"""The shared item models pass Qt's own model checks (pytest-qt's qtmodeltester)."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt

from desktop.gui.widgets.rows_model import RowsModel, ThreadListModel


@dataclass(frozen=True)
class Row:
    id: int
    name: str
    active: bool
    unread: int = 0


ROWS = [Row(1, "Alex", True, 2), Row(2, "Jordan", False), Row(3, "Taylor", True)]


def test_rows_model_passes_the_model_tester(qtmodeltester):
    model = RowsModel([("Name", lambda r: r.name), ("Active", lambda r: "yes" if r.active else "no")],
                      foreground=lambda r: None if r.active else Qt.GlobalColor.gray)
    model.set_rows(ROWS)
    qtmodeltester.check(model, force_py=True)
    assert model.data(model.index(1, 0)) == "Jordan"
    assert model.data(model.index(1, 0), Qt.ItemDataRole.UserRole) == ROWS[1]
    assert model.headerData(1, Qt.Orientation.Horizontal) == "Active"
    model.set_rows([])
    qtmodeltester.check(model, force_py=True)


def test_thread_list_model_passes_the_model_tester(qtmodeltester):
    model = ThreadListModel(lambda r: f"{r.name} ({r.unread})")
    model.set_rows(ROWS)
    qtmodeltester.check(model, force_py=True)
    assert model.data(model.index(0, 0)) == "Alex (2)"
    assert model.data(model.index(0, 0), Qt.ItemDataRole.FontRole).bold()
    assert model.data(model.index(1, 0), Qt.ItemDataRole.FontRole) is None
    assert model.row_of(3) == 2 and model.row_of(99) == -1
