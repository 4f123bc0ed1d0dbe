"""People page (owner only): add a client, edit, deactivate."""

from __future__ import annotations

from desktop.store.models import Client, User
from tests.guikit import click, make_controller, sign_in, wait_ops


def test_owner_adds_a_client_who_must_change_the_first_password(qtbot, demo_db, now, tmp_path):
    controller = make_controller(qtbot, demo_db, now, tmp_path)
    window = sign_in(qtbot, controller, "dr.rivera")
    page = window.go_to("people")
    qtbot.waitUntil(page.isVisible)
    assert any(r.username == "jordan.lee" for r in page.model.rows)
    page.role.setCurrentIndex(page.role.findText("Client"))
    qtbot.keyClicks(page.name, "Robin Park")
    qtbot.keyClicks(page.username, "robin.park")
    qtbot.keyClicks(page.password, "first-pass-1")
    qtbot.keyClicks(page.email, "robin@mail.example")
    page.zone.clear()
    qtbot.keyClicks(page.zone, "America/Chicago")
    page.provider.setCurrentIndex(page.provider.findText("Dr. Daniel Chen"))
    click(qtbot, page.add_button)
    wait_ops(qtbot, controller)
    assert page.error.text() == ""
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
    assert page.editing.username == "robin.park"
    click(qtbot, page.active_button)
    wait_ops(qtbot, controller)
    assert not User.get_by_id(user.id).active
    assert page.model.index(page.model.rows.index(next(r for r in page.model.rows if r.username == "robin.park")),
                            7).data() == "Deactivated"


def test_a_taken_user_name_is_refused_on_the_page(qtbot, demo_db, now, tmp_path):
    controller = make_controller(qtbot, demo_db, now, tmp_path)
    window = sign_in(qtbot, controller, "dr.rivera")
    page = window.go_to("people")
    qtbot.keyClicks(page.name, "Someone")
    qtbot.keyClicks(page.username, "jordan.lee")
    qtbot.keyClicks(page.password, "first-pass-1")
    click(qtbot, page.add_button)
    wait_ops(qtbot, controller)
    assert "taken" in page.error.text()


def test_a_provider_who_is_not_the_owner_has_no_people_page(qtbot, demo_db, now, tmp_path):
    controller = make_controller(qtbot, demo_db, now, tmp_path)
    window = sign_in(qtbot, controller, "dr.chen")
    assert "people" not in window.pages


def test_moving_a_client_with_upcoming_appointments_is_refused_on_the_page(qtbot, demo_db, now, tmp_path):
    controller = make_controller(qtbot, demo_db, now, tmp_path)
    window = sign_in(qtbot, controller, "dr.rivera")
    page = window.go_to("people")
    qtbot.waitUntil(page.isVisible)
    alex = User.get(User.username == "alex.morgan")
    before = Client.get(Client.user == alex).provider_id
    page.table.selectRow(page.model.rows.index(next(r for r in page.model.rows if r.username == "alex.morgan")))
    assert page.editing.username == "alex.morgan"
    page.provider.setCurrentIndex(page.provider.findText("Dr. Daniel Chen"))
    click(qtbot, page.save_button)
    wait_ops(qtbot, controller)
    assert "upcoming appointments with Dr. Maya Rivera" in page.error.text()
    assert "Cancel or move them first" in page.error.text()
    assert Client.get(Client.user == alex).provider_id == before


def test_the_owners_own_row_says_why_it_cannot_be_deactivated(qtbot, demo_db, now, tmp_path):
    controller = make_controller(qtbot, demo_db, now, tmp_path)
    window = sign_in(qtbot, controller, "dr.rivera")
    page = window.go_to("people")
    qtbot.waitUntil(page.isVisible)
    page.table.selectRow(next(i for i, r in enumerate(page.model.rows) if r.username == "dr.rivera"))
    assert not page.active_button.isEnabled()
    assert "your own account" in page.active_button.toolTip()
    page.table.selectRow(next(i for i, r in enumerate(page.model.rows) if r.username == "alex.morgan"))
    assert page.active_button.isEnabled() and page.active_button.toolTip() == ""
