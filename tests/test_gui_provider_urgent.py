"""Rule 6 in the provider's window: a client who asked to be contacted is counted on the
navigation, marked on the calendar and listed under Urgent until marked handled."""

from __future__ import annotations

from datetime import timedelta
from zoneinfo import ZoneInfo

from PySide6.QtCore import QPoint, Qt

from desktop.gui.widgets.calendar.grid import URGENT_WORDS, describe
from desktop.services.cancellation import client_cancel_one
from desktop.store.models import Appointment, AppointmentStatus, AuditEvent, Client, UrgentItem, User
from tests import factories
from tests.guikit import click, make_controller, show_page, sign_in, wait_ops, wait_reads


def _crisis_cancellation(now) -> Appointment:
    """alex.morgan (Dr. Rivera's client) cancels a later appointment, in crisis, asking to be contacted."""
    alex = factories.actor("alex.morgan")
    appt = (Appointment.select().where(Appointment.client == alex.client_id, Appointment.starts_at > now + timedelta(days=2),
                                       Appointment.status == AppointmentStatus.SCHEDULED)
            .order_by(Appointment.starts_at).first())
    client_cancel_one(alex, appt.id, "unsafe", {"provider_contact": "yes"}, now=now)
    return appt


def test_the_provider_sees_the_item_marks_it_handled_and_the_badge_clears(qtbot, demo_db, now, tmp_path):
    appt = _crisis_cancellation(now)
    controller = make_controller(qtbot, demo_db, now, tmp_path)
    window = sign_in(qtbot, controller, "dr.rivera")

    assert window.badge_text("urgent") == "Urgent (1)"
    calendar = show_page(window, "calendar").calendar
    rivera_zone = ZoneInfo(User.get(User.username == "dr.rivera").time_zone)
    calendar.go_to(appt.starts_at.astimezone(rivera_zone).date())
    wait_reads(qtbot, calendar)
    shown = next(r for r in calendar.rows if r.id == appt.id)
    assert shown.urgent and URGENT_WORDS in describe(shown, "America/New_York")

    page = show_page(window, "urgent")
    qtbot.waitUntil(page.isVisible)
    assert [r.client_name for r in page.model.rows] == ["Alex Morgan"]
    assert "asked to be contacted" in page.detail.text()
    page.note.setFocus()
    qtbot.keyClicks(page.note, "Called Alex; we talked it through.")
    click(qtbot, page.handled_button)
    wait_ops(qtbot, controller)

    item = UrgentItem.get()
    assert item.handled_at is not None and item.handled_note == "Called Alex; we talked it through."
    assert AuditEvent.select().where(AuditEvent.action == "handle_urgent_item").count() == 1
    assert page.model.rows == [] and page.table.showing_placeholder()
    assert window.badge_text("urgent") == "Urgent"
    qtbot.mouseClick(page.show_handled, Qt.MouseButton.LeftButton, pos=QPoint(8, page.show_handled.height() // 2))
    wait_reads(qtbot, page.show_handled)
    assert page.model.index(0, 3).data() == "Handled by Dr. Maya Rivera"


def test_no_badge_without_an_item_and_other_providers_do_not_see_it(qtbot, demo_db, now, tmp_path):
    _crisis_cancellation(now)
    controller = make_controller(qtbot, demo_db, now, tmp_path)
    window = sign_in(qtbot, controller, "dr.chen")
    assert window.badge_text("urgent") == "Urgent"
    page = show_page(window, "urgent")
    qtbot.waitUntil(page.isVisible)
    assert page.model.rows == [] and page.table.showing_placeholder() and not page.handled_button.isEnabled()
    assert Client.select().count() > 0  # the demo is there; Dr. Chen simply has no such client
