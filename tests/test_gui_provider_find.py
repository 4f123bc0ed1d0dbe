"""Ctrl+F in the provider's window: find an appointment by the client's name, a date or a
reference, by keys alone, and see it on the calendar (issue #14, item 6)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from desktop.gui.provider.find import FindDialog
from desktop.store.models import Appointment, Client, User
from tests.guikit import activate, make_controller, show_page, sign_in, wait_for_window


def test_the_provider_finds_a_clients_appointment_and_sees_it_on_the_calendar(qtbot, demo_db, now, tmp_path):
    controller = make_controller(qtbot, demo_db, now, tmp_path)
    window = sign_in(qtbot, controller, "dr.rivera")
    page = show_page(window, "calendar")
    qtbot.waitUntil(window.ctx.reads.is_idle)
    client = (User.select().join(Client, on=(Client.user == User.id))
              .where(Client.provider == window.ctx.actor.provider_id).order_by(User.id).first())
    qtbot.keyClick(page.calendar, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    dialog = wait_for_window(qtbot, lambda w: isinstance(w, FindDialog))
    assert QApplication.focusWidget() is dialog.edit
    qtbot.keyClicks(dialog.edit, client.display_name.split()[-1])
    qtbot.waitUntil(lambda: dialog.results.count() > 0, timeout=5000)
    found = dialog.results.currentItem().data(Qt.ItemDataRole.UserRole)
    assert Appointment.get_by_id(found.id).client_id == Client.get(Client.user == client.id).id
    assert found.end > now  # the soonest coming one first
    qtbot.keyClick(dialog.edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert window.current_page() is page
    qtbot.waitUntil(lambda: page.detail is not None and page.detail.id == found.id, timeout=5000)
    assert page.calendar.grid.selected_id == found.id
    # Nothing matching says so.
    activate(qtbot, window)  # offscreen has no window manager to hand the window back its focus
    qtbot.keyClick(page.calendar, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    dialog = wait_for_window(qtbot, lambda w: isinstance(w, FindDialog) and w.isVisible())
    qtbot.keyClicks(dialog.edit, "zzzz nobody")
    qtbot.waitUntil(lambda: dialog.status.text().startswith("Nothing found"), timeout=5000)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible())


def _find_by_keys(qtbot, target, text: str):
    qtbot.keyClick(target, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    dialog = wait_for_window(qtbot, lambda w: isinstance(w, FindDialog) and w.isVisible())
    qtbot.keyClicks(dialog.edit, text)
    qtbot.waitUntil(lambda: dialog.results.count() > 0, timeout=5000)
    return dialog


def test_the_owner_and_the_front_desk_find_in_the_whole_practice_and_see_it_on_the_practice_calendar(
        qtbot, demo_db, now, tmp_path):
    from desktop.store.models import Provider
    from tests.factories import PASSWORD, add_front_desk

    add_front_desk(now, "frankie.desk")
    # A client of another provider than the owner, with an appointment to come.
    owner = User.get(User.username == "dr.rivera")
    theirs = (Appointment.select().join(Provider, on=(Appointment.provider == Provider.id))
              .where(Provider.user != owner.id, Appointment.starts_at > now).order_by(Appointment.starts_at).first())
    client_name = Client.get_by_id(theirs.client_id).user.display_name
    provider_name = Provider.get_by_id(theirs.provider_id).user.display_name
    controller = make_controller(qtbot, demo_db, now, tmp_path)
    for username, password in (("dr.rivera", "demo-password"), ("frankie.desk", PASSWORD)):
        window = sign_in(qtbot, controller, username, password)
        page = show_page(window, "practice")
        qtbot.waitUntil(window.ctx.reads.is_idle)
        dialog = _find_by_keys(qtbot, page, f"#{theirs.id}")
        assert dialog.windowTitle() == "Find an appointment in the practice"
        item = dialog.results.currentItem()
        assert item.data(Qt.ItemDataRole.UserRole).id == theirs.id
        assert f"{client_name} with {provider_name}" in item.text()
        qtbot.keyClick(dialog.edit, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda d=dialog: not d.isVisible())
        qtbot.waitUntil(lambda p=page: p.grid.selected_id == theirs.id, timeout=5000)
        assert provider_name in page.detail.text() and len(page.shown_providers()) == len(page.providers)
        controller.sign_out()
        qtbot.waitUntil(lambda: controller.ops.is_idle() and controller.reads.is_idle())
