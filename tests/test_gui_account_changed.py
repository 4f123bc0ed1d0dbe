"""An open window whose account changed signs out at its next action, saying why (issue 9, item 1)."""

from __future__ import annotations

from desktop.services import people
from desktop.store.models import Appointment, Role, User
from tests.factories import actor
from tests.guikit import click, make_controller, message_boxes, show_page, sign_in, wait_ops

DEACTIVATED = "Your account was deactivated by the practice owner; you have been signed out."


def _deactivate(username: str, now) -> None:
    """The owner, on another workstation, deactivates the account (through the service)."""
    people.set_active(actor("dr.rivera"), User.get(User.username == username).id, False, now=now)


def test_a_deactivated_clients_next_booking_is_refused_and_the_window_signs_out(qtbot, demo_db, now, tmp_path):
    controller = make_controller(qtbot, demo_db, now, tmp_path)
    portal = sign_in(qtbot, controller, "alex.morgan")
    client_id = portal.ctx.actor.client_id
    page = show_page(portal, "book")
    page.select_slot(0)
    slot = page.selected_slot()
    _deactivate("alex.morgan", now)
    click(qtbot, page.book_button)
    wait_ops(qtbot, controller)
    qtbot.waitUntil(lambda: controller.window is None, timeout=5000)
    assert controller.sign_in.isVisible()
    assert controller.sign_in.ui.message.text() == DEACTIVATED
    assert not message_boxes()  # the sign-in window says it; no box is left over the old window
    assert not Appointment.select().where(Appointment.client == client_id,
                                          Appointment.starts_at == slot.start).exists()


def test_a_read_refused_for_a_changed_account_signs_out_too(qtbot, demo_db, now, tmp_path):
    controller = make_controller(qtbot, demo_db, now, tmp_path)
    workspace = sign_in(qtbot, controller, "dr.chen")
    User.update(role=Role.SUPPORT).where(User.username == "dr.chen").execute()  # changed behind the window
    show_page(workspace, "requests")  # the page reads its list as it is shown
    qtbot.waitUntil(lambda: controller.window is None, timeout=5000)
    assert "changed your account's role" in controller.sign_in.ui.message.text()
    assert not message_boxes()


def test_the_hourly_tick_notices_a_deactivated_account_without_a_click(qtbot, demo_db, now, tmp_path):
    controller = make_controller(qtbot, demo_db, now, tmp_path)
    sign_in(qtbot, controller, "alex.morgan")
    _deactivate("alex.morgan", now)
    controller.extend_horizons()  # what the session's horizon timer runs every hour
    wait_ops(qtbot, controller)
    qtbot.waitUntil(lambda: controller.window is None, timeout=5000)
    assert controller.sign_in.ui.message.text() == DEACTIVATED
