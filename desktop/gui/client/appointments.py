"""Appointments: Upcoming (each with Edit) and Past tabs."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QWidget,
)

from ...rules import telehealth
from ...services import client_portal, ical
from ...services.result import Change
from ..calendar_file import CalendarFileSaver
from ..widgets.calendar import ClientCalendar
from ..widgets.empty import PlaceholderTableView
from ..widgets.page import Page, muted, page_layout
from .flows import ClientFlows
from .models import AppointmentTableModel
from .rows import when
from .video import JoinVideo

UPCOMING_COLUMNS = ("When", "With", "Where", "Repeats", "Cancellation", "")
PAST_COLUMNS = ("When", "With", "Where", "Status")


UPCOMING_EMPTY = "No upcoming appointments. Book one on the Book page (Ctrl+3): choose a service and an open time."
PAST_EMPTY = "No past appointments yet. Appointments you have had are listed here, with how each went."


def _table(model, name: str, parent: QWidget, empty: str) -> QTableView:
    view = PlaceholderTableView(parent)
    view.set_placeholder(empty)
    view.setObjectName(name)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.verticalHeader().hide()
    view.setTabKeyNavigation(False)  # Tab leaves the table; the arrow keys move in it
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
        bar = QHBoxLayout()
        bar.addWidget(muted(f"Times in {ctx.actor.time_zone}. Use Edit to reschedule or cancel.", self), 1)
        self.list_button = QPushButton("&List", self)
        self.calendar_button = QPushButton("&Calendar", self)
        self.views_group = QButtonGroup(self)
        for i, (button, name) in enumerate(((self.list_button, "listViewButton"),
                                            (self.calendar_button, "calendarViewButton"))):
            button.setObjectName(name)
            button.setCheckable(True)
            button.setAccessibleName(button.text().replace("&", "") + " view")
            self.views_group.addButton(button, i)
            bar.addWidget(button)
        self.list_button.setChecked(True)
        self.join_button = QPushButton(telehealth.JOIN_LABEL, self)
        self.join_button.setObjectName("joinVideoListButton")
        self.join_button.setProperty("primary", True)
        self.join = JoinVideo(ctx, self.join_button)
        bar.addSpacing(12)
        bar.addWidget(self.join_button)
        self.ics_button = QPushButton("Add to my calendar (.&ics)…", self)
        self.ics_button.setAccessibleName("Add to my calendar (.ics file)")
        self.ics_button.setObjectName("icsButton")
        self.ics_button.setToolTip("Save your appointments as a file your calendar app can import; saving it again "
                                   "updates the events there (moved and cancelled ones too)")
        self.ics = CalendarFileSaver(self, self._ics_read, title="Add to my calendar", file_name="my-appointments.ics",
                                     saved_text="import it into your calendar app.")
        self.ics_button.clicked.connect(self.choose_ics_file)
        bar.addSpacing(12)
        bar.addWidget(self.ics_button)
        layout.addLayout(bar)
        self.views = QStackedWidget(self)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("appointmentTabs")
        zone = ctx.actor.time_zone
        self.upcoming_model = AppointmentTableModel(zone, UPCOMING_COLUMNS, self)
        self.past_model = AppointmentTableModel(zone, PAST_COLUMNS, self)
        self.upcoming_view = _table(self.upcoming_model, "upcomingTable", self.tabs, UPCOMING_EMPTY)
        self.past_view = _table(self.past_model, "pastTable", self.tabs, PAST_EMPTY)
        # The Edit buttons must stay in view: the cancellation text takes what is left (and
        # elides), rather than pushing the last column off to the right.
        header = self.upcoming_view.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(UPCOMING_COLUMNS.index("Cancellation"), QHeaderView.ResizeMode.Stretch)
        self.upcoming_view.setAccessibleName("Upcoming appointments")
        self.past_view.setAccessibleName("Past appointments")
        self.tabs.addTab(self.upcoming_view, "&Upcoming")
        self.tabs.addTab(self.past_view, "&Past")
        # activated: a double-click, or Enter on the selected row.
        self.upcoming_view.activated.connect(self._activated)
        self.calendar = ClientCalendar(ctx, self.views)
        self.calendar.appointment_activated.connect(self.flows.edit)
        self.views.addWidget(self.tabs)
        self.views.addWidget(self.calendar)
        self.views_group.idClicked.connect(self.views.setCurrentIndex)
        layout.addWidget(self.views, 1)

    def loader(self):
        actor, now = self.ctx.actor, self.ctx.service_now()
        return lambda: (client_portal.upcoming(actor, now=now, include_cancelled=True),
                        client_portal.past(actor, now=now))

    def show_loaded(self, data) -> None:
        upcoming, past = data
        self.upcoming_model.set_rows(upcoming)
        self.past_model.set_rows(past)
        self.join.show_rows(upcoming)
        scheduled = sum(1 for r in self.upcoming_model.rows if r.is_scheduled)
        self.tabs.setTabText(0, f"&Upcoming ({scheduled})")
        column = len(UPCOMING_COLUMNS) - 1
        for i, row in enumerate(self.upcoming_model.rows):
            if not row.is_scheduled:
                continue  # cancelled: listed for what it was, nothing left to edit
            button = QPushButton("Edit", self.upcoming_view)
            button.setObjectName(f"editButton_{row.id}")
            # Not a Tab stop: Tab leaves the table; Enter on the row is the keyboard's Edit.
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setAccessibleName(f"Edit appointment of {when(row, self.ctx.actor.time_zone)}")
            button.clicked.connect(lambda _=False, a=row.id: self.flows.edit(a))
            self.upcoming_view.setIndexWidget(self.upcoming_model.index(i, column), button)

    def _activated(self, index) -> None:
        row = self.upcoming_model.rows[index.row()]
        if row.is_scheduled:
            self.flows.edit(row.id)

    def refresh_now(self) -> None:
        super().refresh_now()
        self.calendar.reload()  # its own read, beside the lists'

    def choose_ics_file(self) -> None:
        self.ics.choose()

    def save_ics(self, path: Path) -> None:
        """The seam tests use: read the calendar (on the reader), then write the file all or
        nothing (QSaveFile), without the file dialog; the status bar or a box says how it went."""
        self.ics.save(path)

    def _ics_read(self):
        actor, practice, now = self.ctx.actor, self.ctx.practice_name, self.ctx.service_now()
        return lambda: ical.client_calendar_file(actor, practice_name=practice, now=now)

    def edit_button(self, row: int) -> QPushButton:
        """The Edit button of an upcoming row (what a person clicks)."""
        return self.upcoming_view.indexWidget(self.upcoming_model.index(row, len(UPCOMING_COLUMNS) - 1))

    def row_index(self, appointment_id: int) -> int:
        return next(i for i, r in enumerate(self.upcoming_model.rows) if r.id == appointment_id)
