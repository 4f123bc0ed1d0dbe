"""Appointments: Upcoming (each with Edit) and Past tabs."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QPushButton, QTableView, QTabWidget, QWidget

from ...services import client_portal
from ...services.result import Change
from ..widgets.page import Page, muted, page_layout
from .flows import ClientFlows
from .models import AppointmentTableModel

UPCOMING_COLUMNS = ("When", "With", "Where", "Repeats", "Cancellation", "")
PAST_COLUMNS = ("When", "With", "Where", "Status")


def _table(model, name: str, parent: QWidget) -> QTableView:
    view = QTableView(parent)
    view.setObjectName(name)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.verticalHeader().hide()
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    view.horizontalHeader().setStretchLastSection(True)
    return view


class AppointmentsPage(Page):
    title = "Appointments"
    interests = Change.APPOINTMENTS | Change.LATE_REQUESTS

    def __init__(self, ctx, parent=None) -> None:
        super().__init__(ctx, parent)
        self.flows = ClientFlows(self)
        layout = page_layout(self, self.title)
        layout.addWidget(muted(f"Times in {ctx.actor.time_zone}. Use Edit to reschedule or cancel.", self))
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("appointmentTabs")
        zone = ctx.actor.time_zone
        self.upcoming_model = AppointmentTableModel(zone, UPCOMING_COLUMNS, self)
        self.past_model = AppointmentTableModel(zone, PAST_COLUMNS, self)
        self.upcoming_view = _table(self.upcoming_model, "upcomingTable", self.tabs)
        self.past_view = _table(self.past_model, "pastTable", self.tabs)
        self.upcoming_view.setAccessibleName("Upcoming appointments")
        self.past_view.setAccessibleName("Past appointments")
        self.tabs.addTab(self.upcoming_view, "&Upcoming")
        self.tabs.addTab(self.past_view, "&Past")
        self.upcoming_view.doubleClicked.connect(lambda index: self.flows.edit(self.upcoming_model.rows[index.row()].id))
        layout.addWidget(self.tabs, 1)

    def refresh(self) -> None:
        now = self.ctx.now()
        self.upcoming_model.set_rows(client_portal.upcoming(self.ctx.actor, now=now))
        self.past_model.set_rows(client_portal.past(self.ctx.actor, now=now))
        self.tabs.setTabText(0, f"&Upcoming ({len(self.upcoming_model.rows)})")
        column = len(UPCOMING_COLUMNS) - 1
        for i, row in enumerate(self.upcoming_model.rows):
            button = QPushButton("Edit", self.upcoming_view)
            button.setObjectName(f"editButton_{row.id}")
            button.setAccessibleName(f"Edit appointment {i + 1}")
            button.clicked.connect(lambda _=False, a=row.id: self.flows.edit(a))
            self.upcoming_view.setIndexWidget(self.upcoming_model.index(i, column), button)

    def edit_button(self, row: int) -> QPushButton:
        """The Edit button of an upcoming row (what a person clicks)."""
        return self.upcoming_view.indexWidget(self.upcoming_model.index(row, len(UPCOMING_COLUMNS) - 1))

    def row_index(self, appointment_id: int) -> int:
        return next(i for i, r in enumerate(self.upcoming_model.rows) if r.id == appointment_id)
