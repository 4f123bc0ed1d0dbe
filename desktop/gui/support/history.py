"""History: any charge's whole trail (created, disputed, requests, adjustments, messages)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QSplitter, QTextBrowser

from ...rules import limits
from ...rules.timefmt import format_instant
from ...services import fees
from ...services.result import Change
from ..billing.views import history_html
from ..widgets.page import Page, muted, page_layout
from ..widgets.rows_model import RowsModel
from ..widgets.tables import row_table, select_first, selected_row


class HistoryPage(Page):
    title = "Charge history"
    interests = Change.CHARGES | Change.ADJUSTMENTS | Change.MESSAGES

    def __init__(self, ctx, parent=None) -> None:
        super().__init__(ctx, parent)
        zone = ctx.actor.time_zone
        layout = page_layout(self, self.title)
        layout.addWidget(muted("Every fee, with its whole trail in order. Search by client, provider or charge #.",
                               self))
        self.search = QLineEdit(self)
        self.search.setObjectName("historySearch")
        self.search.setAccessibleName("Search charges by client, provider or charge number")
        self.search.setPlaceholderText("Search client, provider or charge #")
        self.search.setMaxLength(limits.SEARCH.max_length)
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.refresh_now)
        self._jump_to: int | None = None
        layout.addWidget(self.search)
        self.model = RowsModel([
            ("Charge", lambda r: f"#{r.id}"),
            ("Client", lambda r: r.client_name),
            ("Provider", lambda r: r.provider_name),
            ("Fee", lambda r: r.kind_label),
            ("Appointment", lambda r: format_instant(r.appointment_start, zone, with_year=True)),
            ("Amount", lambda r: r.amount.format()),
            ("Original", lambda r: r.original.format()),
            ("Status", lambda r: r.status_label),
        ], self)
        self.table = row_table(self.model, "chargesTable", "Charges", self,
                               empty="No fees match. Cancellation and no-show fees of every client are listed "
                                     "here; clear the search to see them all.")
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.history = QTextBrowser(self)
        self.history.setObjectName("historyView")
        self.history.setAccessibleName("History of the selected charge")
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(self.table)
        split.addWidget(self.history)
        split.setSizes([300, 300])
        layout.addWidget(split, 1)

    def loader(self):
        actor, text = self.ctx.actor, self.search.text()
        return lambda: fees.search_charges(actor, text)

    def show_loaded(self, rows) -> None:
        current = selected_row(self.table)
        want = self._jump_to if self._jump_to is not None else (current.id if current is not None else None)
        self._jump_to = None
        self.model.set_rows(rows)
        if want is not None:
            self.select_charge(want)
        self._selection_changed()

    def show_charge(self, charge_id: int) -> None:
        """Jump here from the queue: search for that charge and select it."""
        self._jump_to = charge_id  # selected when the search's rows come
        self.search.setText(f"#{charge_id}")
        self.refresh_now()

    def select_charge(self, charge_id: int) -> bool:
        return select_first(self.table, lambda row: row.id == charge_id)

    def _selection_changed(self, *args) -> None:
        row = selected_row(self.table)
        if row is None:
            self.ctx.reads.cancel(self, "history")
            self.history.setHtml("<p><i>Select a charge.</i></p>")
            return
        actor, charge_id = self.ctx.actor, row.id
        self.read(lambda: fees.charge_history(actor, charge_id),
                  lambda entries: self.history.setHtml(history_html(entries, actor.time_zone)), slot="history")
