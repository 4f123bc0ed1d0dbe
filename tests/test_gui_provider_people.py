"""People page (owner only): add a client, edit, deactivate."""

from __future__ import annotations

from desktop.store.models import Client, User
from tests.guikit import click, make_controller, show_page, sign_in, wait_ops, wait_reads


def test_owner_adds_a_client_who_must_change_the_first_password(qtbot, demo_db, now, tmp_path):
    controller = make_controller(qtbot, demo_db, now, tmp_path)
    window = sign_in(qtbot, controller, "dr.rivera")
    page = show_page(window, "people")
    qtbot.waitUntil(page.isVisible)
    assert any(r.username == "jordan.lee" for r in page.model.rows)
    page.ui.roleCombo.setCurrentIndex(page.ui.roleCombo.findText("Client"))
    wait_reads(qtbot, page)
    qtbot.keyClicks(page.ui.nameEdit, "Robin Park")
    qtbot.keyClicks(page.ui.usernameEdit, "robin.park")
    qtbot.keyClicks(page.ui.firstPasswordEdit, "first-pass-1")
    qtbot.keyClicks(page.ui.emailEdit, "robin@mail.example")
    page.ui.zoneEdit.clear()
    qtbot.keyClicks(page.ui.zoneEdit, "America/Chicago")
    page.ui.providerCombo.setCurrentIndex(page.ui.providerCombo.findText("Dr. Daniel Chen"))
    wait_reads(qtbot, page)
    click(qtbot, page.ui.addPersonButton)
    wait_ops(qtbot, controller)
    assert page.ui.peopleError.text() == ""
    user = User.get(User.username == "robin.park")
    assert user.must_change_password and user.time_zone == "America/Chicago"
    assert Client.get(Client.user == user).provider.user.username == "dr.chen"
    row = next(r for r in page.model.rows if r.username == "robin.park")
    index = page.model.rows.index(row)
    assert page.model.index(index, 7).data() == "Active · first password"
    assert page.model.index(index, 3).data() == "Dr. Daniel Chen"
    window.grab().save("/tmp/people.png")

    # Deactivate: history kept, sign-in stops.
    page.table.selectRow(index)
    wait_reads(qtbot, page)
    assert page.editing.username == "robin.park"
    click(qtbot, page.ui.toggleActiveButton)
    wait_ops(qtbot, controller)
    assert not User.get_by_id(user.id).active
    assert page.model.index(page.model.rows.index(next(r for r in page.model.rows if r.username == "robin.park")),
                            7).data() == "Deactivated"


def test_a_taken_user_name_is_refused_on_the_page(qtbot, demo_db, now, tmp_path):
    controller = make_controller(qtbot, demo_db, now, tmp_path)
    window = sign_in(qtbot, controller, "dr.rivera")
    page = show_page(window, "people")
    qtbot.keyClicks(page.ui.nameEdit, "Someone")
    qtbot.keyClicks(page.ui.usernameEdit, "jordan.lee")
    qtbot.keyClicks(page.ui.firstPasswordEdit, "first-pass-1")
    click(qtbot, page.ui.addPersonButton)
    wait_ops(qtbot, controller)
    assert "taken" in page.ui.peopleError.text()


def test_a_provider_who_is_not_the_owner_has_no_people_page(qtbot, demo_db, now, tmp_path):
    controller = make_controller(qtbot, demo_db, now, tmp_path)
    window = sign_in(qtbot, controller, "dr.chen")
    assert "people" not in window.pages


def test_moving_a_client_with_upcoming_appointments_is_refused_on_the_page(qtbot, demo_db, now, tmp_path):
    controller = make_controller(qtbot, demo_db, now, tmp_path)
    window = sign_in(qtbot, controller, "dr.rivera")
    page = show_page(window, "people")
    qtbot.waitUntil(page.isVisible)
    alex = User.get(User.username == "alex.morgan")
    before = Client.get(Client.user == alex).provider_id
    page.table.selectRow(page.model.rows.index(next(r for r in page.model.rows if r.username == "alex.morgan")))
    wait_reads(qtbot, page)
    assert page.editing.username == "alex.morgan"
    page.ui.providerCombo.setCurrentIndex(page.ui.providerCombo.findText("Dr. Daniel Chen"))
    wait_reads(qtbot, page)
    click(qtbot, page.ui.savePersonButton)
    wait_ops(qtbot, controller)
    assert "upcoming appointments with Dr. Maya Rivera" in page.ui.peopleError.text()
    assert "Cancel or move them first" in page.ui.peopleError.text()
    assert Client.get(Client.user == alex).provider_id == before


def test_the_owners_own_row_says_why_it_cannot_be_deactivated(qtbot, demo_db, now, tmp_path):
    controller = make_controller(qtbot, demo_db, now, tmp_path)
    window = sign_in(qtbot, controller, "dr.rivera")
    page = show_page(window, "people")
    qtbot.waitUntil(page.isVisible)
    page.table.selectRow(next(i for i, r in enumerate(page.model.rows) if r.username == "dr.rivera"))
    wait_reads(qtbot, page)
    assert not page.ui.toggleActiveButton.isEnabled()
    assert "your own account" in page.ui.toggleActiveButton.toolTip()
    page.table.selectRow(next(i for i, r in enumerate(page.model.rows) if r.username == "alex.morgan"))
    wait_reads(qtbot, page)
    assert page.ui.toggleActiveButton.isEnabled() and page.ui.toggleActiveButton.toolTip() == ""


def test_the_people_list_filters_as_the_owner_types(qtbot, demo_db, now, tmp_path):
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    controller = make_controller(qtbot, demo_db, now, tmp_path)
    window = sign_in(qtbot, controller, "dr.rivera")
    page = show_page(window, "people")
    wait_reads(qtbot, window)
    total = len(page.model.rows)
    assert total > 10

    def visible() -> list[str]:
        return [r.username for i, r in enumerate(page.model.rows) if not page.table.isRowHidden(i)]

    qtbot.keyClick(page.table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)  # Ctrl+F: to Find
    assert QApplication.focusWidget() is page.find_edit
    qtbot.keyClicks(page.find_edit, "alex mor")
    assert visible() == ["alex.morgan"] and page.found.text() == f"1 of {total}"
    page.find_edit.clear()
    qtbot.keyClicks(page.find_edit, "provider")
    assert set(visible()) == {"dr.rivera", "dr.chen", "dr.okafor"}
    page.find_edit.clear()
    assert len(visible()) == total and page.found.text() == ""
