"""Urgent: clients who asked to be contacted while cancelling (rule 6), until handled."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QPlainTextEdit, QPushButton

from ...rules.timefmt import format_instant
from ...services import urgent
from ...services.result import Change
from ..dialogs import show_error
from ..widgets.page import Page, card, muted, page_layout
from ..widgets.rows_model import RowsModel
from ..widgets.tables import row_table, select_first, selected_row

URGENT_EMPTY = ("Nobody is waiting to be contacted. When a client who cancels asks to be contacted, "
                "it is listed here until you mark it handled.")


def urgent_model(zone: str, parent=None) -> RowsModel:
    return RowsModel([
        ("Raised", lambda r: format_instant(r.created_at, zone)),
        ("Client", lambda r: r.client_name),
        ("Appointment", lambda r: format_instant(r.appointment_start, zone) if r.appointment_start else "—"),
        ("Status", lambda r: "Waiting for you" if r.open else f"Handled by {r.handled_by}"),
    ], parent)


class UrgentPage(Page):
    title = "Urgent"
    interests = Change.URGENT

    def __init__(self, ctx, parent=None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("urgentPage")
        layout = page_layout(self, "Urgent: clients who asked to be contacted")
        layout.addWidget(muted("A client who cancels and answers that they would like you to reach out appears "
                               "here until you mark it handled. Get in touch first, then mark it.", self))
        self.show_handled = QCheckBox("Show &handled items too", self)
        self.show_handled.setObjectName("showHandledCheck")
        self.show_handled.toggled.connect(lambda _: self.refresh())
        layout.addWidget(self.show_handled)
        self.model = urgent_model(ctx.actor.time_zone, self)
        self.table = row_table(self.model, "urgentTable", "Urgent items", self, stretch=3, empty=URGENT_EMPTY)
        layout.addWidget(self.table, 1)

        panel, box = card(self, "urgentDetail")
        self.detail = QLabel("Select an item.", panel)
        self.detail.setObjectName("urgentSummary")
        self.detail.setWordWrap(True)
        box.addWidget(self.detail)
        self.note = QPlainTextEdit(panel)
        self.note.setObjectName("urgentNote")
        self.note.setAccessibleName("What you did (kept with the item)")
        self.note.setPlaceholderText("Optional: what you did (for example: called, booked a telehealth session)")
        self.note.setFixedHeight(60)
        self.note.setTabChangesFocus(True)
        box.addWidget(self.note)
        row = QHBoxLayout()
        self.handled_button = QPushButton("&Mark handled", panel)
        self.handled_button.setObjectName("markHandledButton")
        self.handled_button.setProperty("primary", True)
        self.handled_button.clicked.connect(self.mark_handled)
        row.addWidget(self.handled_button)
        row.addStretch(1)
        box.addLayout(row)
        layout.addWidget(panel)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._selection_changed())
        self._selection_changed()

    def loader(self):
        actor, handled = self.ctx.actor, self.show_handled.isChecked()
        return lambda: urgent.urgent_items(actor, include_handled=handled)

    def show_loaded(self, rows) -> None:
        keep = selected_row(self.table)
        self.model.set_rows(rows)
        if not (keep is not None and select_first(self.table, lambda r: r.id == keep.id)):
            select_first(self.table)
        self._selection_changed()

    def _selection_changed(self) -> None:
        row = selected_row(self.table)
        can_handle = row is not None and row.open
        self.handled_button.setEnabled(can_handle)
        self.note.setEnabled(can_handle)
        if row is None:
            self.detail.setText("Select an item.")
            return
        text = row.summary
        if not row.open:
            text += (f"\n\nHandled by {row.handled_by}, {format_instant(row.handled_at, self.ctx.actor.time_zone)}"
                     + (f": {row.handled_note}" if row.handled_note else "."))
        self.detail.setText(text)

    def mark_handled(self) -> None:
        row = selected_row(self.table)
        if row is None or not row.open:
            return
        actor, note = self.ctx.actor, self.note.toPlainText()
        self.handled_button.setEnabled(False)
        self.ctx.ops.run(
            lambda: urgent.mark_urgent_handled(actor, row.id, note, expected_version=row.version, now=self.ctx.service_now()),
            parent=self, on_done=lambda _r: self.note.clear(), on_error=self._failed)

    def _failed(self, exc) -> None:
        show_error(self, exc)
        self.refresh()
