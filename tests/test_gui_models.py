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


def test_the_client_appointment_table_passes_the_model_tester(qtmodeltester, demo_db, now):
    from desktop.gui.client.models import AppointmentTableModel
    from desktop.services import client_portal
    from tests.factories import actor

    alex = actor("alex.morgan")
    columns = ("When", "With", "Where", "Repeats", "Cancellation", "Status", "Unknown")
    model = AppointmentTableModel(alex.time_zone, columns)
    rows = client_portal.upcoming(alex, now=now)
    assert rows
    model.set_rows(rows)
    qtmodeltester.check(model, force_py=True)
    assert model.rowCount() == len(rows) and model.columnCount() == len(columns)
    assert model.data(model.index(0, 0), Qt.ItemDataRole.UserRole) == rows[0].id
    assert model.data(model.index(0, 5)) == rows[0].status_label
    assert model.data(model.index(0, 6)) == ""
    assert model.headerData(1, Qt.Orientation.Horizontal) == "With"
    # The tester stays connected: each reset below is checked as it happens.
    model.set_rows(client_portal.past(alex, now=now))
    assert model.rowCount() > 0
    model.set_rows([])
    assert model.rowCount() == 0


def test_the_client_slot_list_passes_the_model_tester(qtmodeltester, demo_db, now):
    from datetime import timedelta

    from desktop.gui.client.models import SlotListModel
    from desktop.services import client_portal
    from tests.factories import actor

    alex = actor("alex.morgan")
    page = client_portal.booking_page(alex)
    slots = client_portal.slots(alex, page.provider_id, timedelta(minutes=50), now=now)
    assert slots
    model = SlotListModel(alex.time_zone)
    model.set_slots(slots)
    qtmodeltester.check(model, force_py=True)
    assert model.data(model.index(0, 0), Qt.ItemDataRole.UserRole) == slots[0]
    assert model.data(model.index(0, 0)) and model.data(model.index(0, 0), Qt.ItemDataRole.AccessibleTextRole)
    model.set_slots([])  # checked by the still-connected tester
    assert model.rowCount() == 0
