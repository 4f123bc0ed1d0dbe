"""People (practice owner only): clients, providers and Support staff.

The table is built in code (a rows model over the read service); the person card under
it is a Designer form (ui/personcard.ui). What the card allows (adding or editing, which
fields, whether the account can be deactivated) follows the row and the service's answer.
"""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QLineEdit

from ...rules.vocabulary import Role
from ...services import people
from ...services.result import Change
from ..forms.ui_personcard import Ui_PersonCard
from ..theme import colour
from ..widgets.page import Page, muted, page_layout
from ..widgets.rows_model import RowsModel
from ..widgets.tables import row_table

ROLE_LABELS = people.ROLE_LABELS


def _role_text(r: people.PersonRow) -> str:
    return ROLE_LABELS.get(r.role, r.role) + (" (owner)" if r.is_owner else "")


def _status_text(r: people.PersonRow) -> str:
    status = "Active" if r.active else "Deactivated"
    return status + (" · first password" if r.active and r.must_change_password else "")


def people_model(parent=None) -> RowsModel:
    return RowsModel([
        ("Name", lambda r: r.name), ("User name", lambda r: r.username), ("Role", _role_text),
        ("Provider", lambda r: r.provider_name), ("Time zone", lambda r: r.time_zone),
        ("E-mail", lambda r: r.email), ("Phone", lambda r: r.phone), ("Status", _status_text),
    ], parent, foreground=lambda r: None if r.active else colour("muted"))


class PeoplePage(Page):
    title = "People"
    interests = Change.PEOPLE

    def __init__(self, ctx, parent=None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("peoplePage")
        layout = page_layout(self, self.title)
        layout.addWidget(muted("Add and edit clients, providers, Support staff and the front desk (who see the "
                               "practice calendar and nothing clinical). A new account gets a first password that "
                               "must be changed at first sign-in. Deactivating keeps the history and stops sign-in.",
                               self))
        find = QHBoxLayout()
        self.find_label = QLabel("F&ind:", self)
        self.find_edit = QLineEdit(self)
        self.find_edit.setObjectName("peopleFind")
        self.find_edit.setPlaceholderText("Name, user name, e-mail or phone")
        self.find_edit.setAccessibleName("Find a person")
        self.find_edit.setClearButtonEnabled(True)
        self.find_label.setBuddy(self.find_edit)
        self.find_edit.textChanged.connect(lambda _text: self._filter())
        self.found = muted("", self)
        find.addWidget(self.find_label)
        find.addWidget(self.find_edit, 1)
        find.addWidget(self.found)
        layout.addLayout(find)
        self.model = people_model(self)
        self.table = row_table(self.model, "peopleTable", "People", self,
                               empty="No people yet. Fill in the card beside the list and choose Add person.")
        layout.addWidget(self.table, 1)
        self.card = QFrame(self)
        self.ui = ui = Ui_PersonCard()
        ui.setupUi(self.card)
        layout.addWidget(self.card)
        for role, label in ROLE_LABELS.items():
            ui.roleCombo.addItem(label, role)
        ui.zoneEdit.setText(ctx.practice_zone if ctx.practice_zone != "UTC" else ctx.actor.time_zone)
        ui.addPersonButton.clicked.connect(self.add)
        ui.savePersonButton.clicked.connect(self.save)
        ui.clearPersonButton.clicked.connect(self.clear_form)
        ui.toggleActiveButton.clicked.connect(self.toggle_active)
        ui.roleCombo.currentIndexChanged.connect(lambda _=0: self._sync())
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._load_selected())
        self.editing: people.PersonRow | None = None
        self._sync()

    def loader(self):
        actor = self.ctx.actor
        return lambda: (people.list_people(actor), people.provider_choices(actor))

    def show_loaded(self, data) -> None:
        rows, choices = data
        keep = self.editing.user_id if self.editing else None
        self.model.set_rows(rows)
        self._filter()  # a new list keeps what is typed in Find
        provider = self.ui.providerCombo
        current = provider.currentData()
        provider.clear()
        for p in choices:
            provider.addItem(p.name, p.id)
        if current is not None:
            provider.setCurrentIndex(max(provider.findData(current), 0))
        if keep is not None:
            for i, r in enumerate(self.model.rows):
                if r.user_id == keep:
                    self.table.selectRow(i)
                    self.editing = r
        self._sync()

    def _filter(self) -> None:
        """Show the people whose name, user name, e-mail, phone or role holds every typed word."""
        words = self.find_edit.text().casefold().split()
        shown = 0
        for i, r in enumerate(self.model.rows):
            text = " ".join((r.name, r.username, r.email, r.phone, _role_text(r), r.provider_name or "")).casefold()
            match = all(w in text for w in words)
            self.table.setRowHidden(i, not match)
            shown += match
        total = len(self.model.rows)
        self.found.setText(f"{shown} of {total}" if words else "")

    def _sync(self) -> None:
        ui, adding = self.ui, self.editing is None
        role = ui.roleCombo.currentData() if adding else self.editing.role
        # Only a client has a provider; role, user name and first password are set once, when adding.
        ui.providerCombo.setEnabled(role == Role.CLIENT)
        for w in (ui.roleCombo, ui.usernameEdit, ui.firstPasswordEdit, ui.addPersonButton):
            w.setEnabled(adding)
        ui.savePersonButton.setEnabled(not adding)
        # The service says whether the account can be (de)activated; the page renders its refusal.
        ui.toggleActiveButton.setEnabled(not adding and not self.editing.toggle_refusal)
        ui.toggleActiveButton.setToolTip("" if adding else self.editing.toggle_refusal)
        reactivate = self.editing is not None and not self.editing.active
        ui.toggleActiveButton.setText("Rea&ctivate" if reactivate else "Dea&ctivate")
        ui.toggleActiveButton.setAccessibleName("Reactivate" if reactivate else "Deactivate")
        ui.personFormTitle.setText("<b>Add a person</b>" if adding else f"<b>Edit {self.editing.name}</b>")

    def _load_selected(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return
        ui = self.ui
        r = self.model.rows[rows[0].row()]
        self.editing = r
        ui.roleCombo.setCurrentIndex(ui.roleCombo.findData(r.role))
        ui.nameEdit.setText(r.name)
        ui.usernameEdit.setText(r.username)
        ui.firstPasswordEdit.clear()
        ui.emailEdit.setText(r.email)
        ui.phoneEdit.setText(r.phone)
        ui.zoneEdit.setText(r.time_zone)
        if r.role == Role.CLIENT and r.provider_id is not None:
            ui.providerCombo.setCurrentIndex(ui.providerCombo.findData(r.provider_id))
        ui.peopleError.setText("")
        self._sync()

    def clear_form(self) -> None:
        ui = self.ui
        self.editing = None
        self.table.clearSelection()
        for e in (ui.nameEdit, ui.usernameEdit, ui.firstPasswordEdit, ui.emailEdit, ui.phoneEdit):
            e.clear()
        ui.peopleError.setText("")
        self._sync()

    def _form(self, role: Role) -> people.PersonForm:
        ui = self.ui
        return people.PersonForm(ui.nameEdit.text(), ui.emailEdit.text(), ui.phoneEdit.text(), ui.zoneEdit.text(),
                                 ui.providerCombo.currentData() if role == Role.CLIENT else None)

    def _show_refusal(self, exc) -> None:
        self.ui.peopleError.setText(exc.message)

    def add(self) -> None:
        ui, actor, role = self.ui, self.ctx.actor, self.ui.roleCombo.currentData()
        username, password, form = ui.usernameEdit.text(), ui.firstPasswordEdit.text(), self._form(role)
        self.ctx.ops.run(lambda: people.add_person(actor, role, username, password, form, now=self.ctx.service_now()),
                         parent=self, on_done=lambda _r: self.clear_form(), on_error=self._show_refusal)

    def save(self) -> None:
        if self.editing is None:
            return
        actor, shown, form = self.ctx.actor, self.editing, self._form(self.editing.role)
        self.ctx.ops.run(lambda: people.edit_person(actor, shown.user_id, form, expected=shown, now=self.ctx.service_now()),
                         parent=self, on_done=lambda _r: self.ui.peopleError.setText(""),
                         on_error=self._show_refusal)

    def toggle_active(self) -> None:
        if self.editing is None:
            return
        actor, user_id, active = self.ctx.actor, self.editing.user_id, not self.editing.active
        self.ctx.ops.run(lambda: people.set_active(actor, user_id, active, now=self.ctx.service_now()), parent=self,
                         on_error=self._show_refusal)
