"""People (practice owner only): clients, providers and Support staff."""

from __future__ import annotations

from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
)

from ...services import people
from ...services.result import Change
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
    ], parent, foreground=lambda r: None if r.active else QColor("#8a969e"))


class PeoplePage(Page):
    title = "People"
    interests = Change.PEOPLE

    def __init__(self, ctx, parent=None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("peoplePage")
        layout = page_layout(self, self.title)
        layout.addWidget(muted("Add and edit clients, providers and Support staff. A new account gets a first "
                               "password that must be changed at first sign-in. Deactivating keeps the history and "
                               "stops sign-in.", self))
        self.model = people_model(self)
        self.table = row_table(self.model, "peopleTable", "People", self)
        layout.addWidget(self.table, 1)

        card = QFrame(self)
        card.setProperty("card", True)
        v = QVBoxLayout(card)
        self.form_title = QLabel("<b>Add a person</b>", card)
        self.form_title.setObjectName("personFormTitle")
        v.addWidget(self.form_title)
        form = QFormLayout()
        self.role = QComboBox(card)
        self.role.setObjectName("roleCombo")
        self.role.setAccessibleName("Role")
        for role, label in ROLE_LABELS.items():
            self.role.addItem(label, role)
        self.name = self._edit(card, "nameEdit", "Name")
        self.username = self._edit(card, "usernameEdit", "User name")
        self.password = self._edit(card, "firstPasswordEdit", "First password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.email = self._edit(card, "emailEdit", "E-mail")
        self.phone = self._edit(card, "phoneEdit", "Phone")
        self.zone = self._edit(card, "zoneEdit", "Time zone")
        self.zone.setText(ctx.practice_zone if ctx.practice_zone != "UTC" else ctx.actor.time_zone)
        self.provider = QComboBox(card)
        self.provider.setObjectName("providerCombo")
        self.provider.setAccessibleName("Their provider")
        for label, w in (("&Role:", self.role), ("&Name:", self.name), ("&User name:", self.username),
                         ("&First password:", self.password), ("&E-mail:", self.email), ("Ph&one:", self.phone),
                         ("&Time zone:", self.zone), ("Their &provider:", self.provider)):
            form.addRow(label, w)
        v.addLayout(form)
        self.error = QLabel("", card)
        self.error.setObjectName("peopleError")
        self.error.setProperty("error", True)
        self.error.setWordWrap(True)
        v.addWidget(self.error)
        row = QHBoxLayout()
        self.add_button = self._button(card, "A&dd person", "addPersonButton", self.add, primary=True)
        self.save_button = self._button(card, "&Save changes", "savePersonButton", self.save)
        self.new_button = self._button(card, "C&lear form", "clearPersonButton", self.clear_form)
        self.active_button = self._button(card, "Dea&ctivate", "toggleActiveButton", self.toggle_active)
        for b in (self.add_button, self.save_button, self.new_button, self.active_button):
            row.addWidget(b)
        row.addStretch(1)
        v.addLayout(row)
        layout.addWidget(card)
        self.role.currentIndexChanged.connect(lambda _=0: self._sync())
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._load_selected())
        self.editing: people.PersonRow | None = None
        self._sync()

    @staticmethod
    def _edit(parent, name, accessible) -> QLineEdit:
        e = QLineEdit(parent)
        e.setObjectName(name)
        e.setAccessibleName(accessible)
        return e

    @staticmethod
    def _button(parent, text, name, slot, primary=False) -> QPushButton:
        b = QPushButton(text, parent)
        b.setObjectName(name)
        b.setAccessibleName(text.replace("&", ""))
        if primary:
            b.setProperty("primary", True)
        b.clicked.connect(slot)
        return b

    def refresh(self) -> None:
        keep = self.editing.user_id if self.editing else None
        self.model.set_rows(people.list_people(self.ctx.actor))
        current = self.provider.currentData()
        self.provider.clear()
        for p in people.provider_choices(self.ctx.actor):
            self.provider.addItem(p.name, p.id)
        if current is not None:
            self.provider.setCurrentIndex(max(self.provider.findData(current), 0))
        if keep is not None:
            for i, r in enumerate(self.model.rows):
                if r.user_id == keep:
                    self.table.selectRow(i)
                    self.editing = r
        self._sync()

    def _sync(self) -> None:
        adding = self.editing is None
        role = self.role.currentData() if adding else self.editing.role
        self.provider.setEnabled(role == people.CLIENT_ROLE)
        self.role.setEnabled(adding)
        self.username.setEnabled(adding)
        self.password.setEnabled(adding)
        self.add_button.setEnabled(adding)
        self.save_button.setEnabled(not adding)
        # The service says whether the account can be (de)activated; the page renders its refusal.
        self.active_button.setEnabled(not adding and not self.editing.toggle_refusal)
        self.active_button.setToolTip("" if adding else self.editing.toggle_refusal)
        reactivate = self.editing is not None and not self.editing.active
        self.active_button.setText("Rea&ctivate" if reactivate else "Dea&ctivate")
        self.active_button.setAccessibleName("Reactivate" if reactivate else "Deactivate")
        self.form_title.setText("<b>Add a person</b>" if adding else f"<b>Edit {self.editing.name}</b>")

    def _load_selected(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return
        r = self.model.rows[rows[0].row()]
        self.editing = r
        self.role.setCurrentIndex(self.role.findData(r.role))
        self.name.setText(r.name)
        self.username.setText(r.username)
        self.password.clear()
        self.email.setText(r.email)
        self.phone.setText(r.phone)
        self.zone.setText(r.time_zone)
        if r.role == people.CLIENT_ROLE and r.provider_id is not None:
            self.provider.setCurrentIndex(self.provider.findData(r.provider_id))
        self.error.setText("")
        self._sync()

    def clear_form(self) -> None:
        self.editing = None
        self.table.clearSelection()
        for e in (self.name, self.username, self.password, self.email, self.phone):
            e.clear()
        self.error.setText("")
        self._sync()

    def _form(self, role: str) -> people.PersonForm:
        return people.PersonForm(self.name.text(), self.email.text(), self.phone.text(), self.zone.text(),
                                 self.provider.currentData() if role == people.CLIENT_ROLE else None)

    def add(self) -> None:
        actor, role = self.ctx.actor, self.role.currentData()
        username, password, form = self.username.text(), self.password.text(), self._form(role)
        self.ctx.ops.run(lambda: people.add_person(actor, role, username, password, form, now=self.ctx.now()),
                         parent=self, on_done=lambda _r: self.clear_form(),
                         on_error=lambda e: self.error.setText(e.message))

    def save(self) -> None:
        if self.editing is None:
            return
        actor, shown, form = self.ctx.actor, self.editing, self._form(self.editing.role)
        self.ctx.ops.run(lambda: people.edit_person(actor, shown.user_id, form, expected=shown, now=self.ctx.now()),
                         parent=self,
                         on_done=lambda _r: self.error.setText(""), on_error=lambda e: self.error.setText(e.message))

    def toggle_active(self) -> None:
        if self.editing is None:
            return
        actor, user_id, active = self.ctx.actor, self.editing.user_id, not self.editing.active
        self.ctx.ops.run(lambda: people.set_active(actor, user_id, active, now=self.ctx.now()), parent=self,
                         on_error=lambda e: self.error.setText(e.message))
