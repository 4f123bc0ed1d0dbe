"""Telehealth on the real windows (issue #14, item 4): the client's Join video appears on the
dashboard's next-appointment card and on the Appointments page exactly from 10 minutes before the
start (a fixed clock advanced across the boundary, the page's own timer set to it) until the end,
opens the link, and is reached by keys; the provider sets the link in the appointment's panel."""

from __future__ import annotations

from datetime import timedelta
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QDesktopServices

from desktop.services import telehealth
from desktop.store.models import Appointment
from tests import factories
from tests.guikit import (
    activate,
    click,
    make_controller,
    press,
    show_page,
    sign_in,
    tab_to,
    wait_ops,
    wait_reads,
)

LINK = "https://meet.example.com/casey-room"


@pytest.fixture
def opened_links(monkeypatch):
    links: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: links.append(url.toString()) or True)
    return links


def _fire(qtbot, join) -> None:
    """What the page's timer does when its time comes (tests do not wait for the minutes)."""
    assert join.timer.isActive()
    join.timer.timeout.emit()


def test_join_video_appears_from_ten_minutes_before_the_start_until_the_end(qtbot, db, now, tmp_path,
                                                                            opened_links):
    team = factories.make_team(now)
    start = now + timedelta(minutes=12)  # Join video opens in two minutes
    appt = factories.book(team.owner, team.client, start, now=now, telehealth=True)
    telehealth.set_video_link(team.owner, appt, LINK, now=now)
    controller = make_controller(qtbot, db, now, tmp_path)
    window = sign_in(qtbot, controller, "casey.client", factories.PASSWORD)
    page = show_page(window, "dashboard")
    join = page.join
    assert page.data.next.id == appt
    assert not page.join_button.isVisible()
    assert "Join video opens at" in page.next_video.text()
    # The page wakes itself at the boundary: its timer is set to the two minutes left.
    assert join.timer.isActive() and join.timer.interval() == 120_001
    controller.clock.advance(timedelta(minutes=2) - timedelta(seconds=1))
    _fire(qtbot, join)
    assert not page.join_button.isVisible() and join.timer.interval() == 1_001
    controller.clock.advance(timedelta(seconds=1))  # exactly 10 minutes before the start
    _fire(qtbot, join)
    assert page.join_button.isVisible() and page.join_button.isEnabled()
    assert page.next_video.text() == "Your video session is open: choose Join video."
    assert page.join_button.accessibleName().startswith("Join video session of")
    click(qtbot, page.join_button)
    assert opened_links == [LINK]
    # By keys: Tab reaches it (with its focus ring), Space joins.
    activate(qtbot, window)
    # From the strip above the page (a reminder of this very appointment is showing), in reading order.
    window.reminder_strip.dismiss.setFocus(Qt.FocusReason.OtherFocusReason)
    tab_to(qtbot, page.join_button)
    press(qtbot, Qt.Key.Key_Space)
    assert opened_links == [LINK, LINK]
    press(qtbot, Qt.Key.Key_J, Qt.KeyboardModifier.AltModifier)  # its own key (a mnemonic clicks a moment later)
    qtbot.waitUntil(lambda: len(opened_links) == 3)
    # The Appointments page shows it too, until the end.
    appointments = show_page(window, "appointments")
    assert appointments.join_button.isVisible()
    click(qtbot, appointments.join_button)
    assert opened_links[-1] == LINK
    controller.clock.advance(timedelta(minutes=10 + 50) - timedelta(seconds=1))
    _fire(qtbot, appointments.join)
    assert appointments.join_button.isVisible()
    controller.clock.advance(timedelta(seconds=1))  # the end
    _fire(qtbot, appointments.join)
    assert not appointments.join_button.isVisible() and not appointments.join.timer.isActive()


def test_another_clients_dashboard_never_offers_the_link(qtbot, db, now, tmp_path):
    team = factories.make_team(now)
    appt = factories.book(team.owner, team.client, now + timedelta(minutes=5), now=now, telehealth=True)
    telehealth.set_video_link(team.owner, appt, LINK, now=now)
    factories.book(team.other_provider, team.other_client, now + timedelta(minutes=5), now=now, telehealth=True)
    controller = make_controller(qtbot, db, now, tmp_path)
    window = sign_in(qtbot, controller, "robin.other", factories.PASSWORD)
    page = show_page(window, "dashboard")
    assert page.data.next.video_link is None and not page.join_button.isVisible()
    assert page.next_video.text() == "Your provider will add the video link before the session."


def test_the_provider_sets_the_link_in_the_appointment_panel(qtbot, db, now, tmp_path):
    team = factories.make_team(now)
    start = now + timedelta(days=1)
    appt = factories.book(team.owner, team.client, start, now=now, telehealth=True)
    controller = make_controller(qtbot, db, now, tmp_path)
    window = sign_in(qtbot, controller, "owner", factories.PASSWORD)
    page = show_page(window, "calendar")
    qtbot.waitUntil(page.isVisible)
    cal = page.calendar
    cal.go_to(start.astimezone(ZoneInfo(factories.ZONE)).date())
    wait_reads(qtbot, window)
    box = next(b for b in cal.grid.boxes() if b.row.id == appt)
    qtbot.mouseClick(cal.grid, Qt.MouseButton.LeftButton, pos=box.rect.center().toPoint())
    wait_reads(qtbot, window)
    assert page.detail.id == appt and "no link yet" in page.detail_text.text()
    assert page.link_button.isEnabled()
    click(qtbot, page.link_button)
    dialog = page.dialog
    assert dialog is not None and dialog.isVisible() and dialog.ui.videoLinkEdit.hasFocus()
    qtbot.keyClicks(dialog.ui.videoLinkEdit, "http://not-secure.example.com/x")
    click(qtbot, dialog.ui.saveLinkButton)
    wait_ops(qtbot, controller)
    assert dialog.isVisible() and "https://" in dialog.ui.dialogError.text()
    dialog.ui.videoLinkEdit.clear()
    qtbot.keyClicks(dialog.ui.videoLinkEdit, LINK)
    qtbot.keyClick(dialog.ui.makeDefaultCheck, Qt.Key.Key_Space)
    qtbot.keyClick(dialog.ui.videoLinkEdit, Qt.Key.Key_Return)  # Save is the default button
    wait_ops(qtbot, controller)
    assert not dialog.isVisible()
    assert Appointment.get_by_id(appt).video_link == LINK
    assert telehealth.default_video_link(team.owner) == LINK
    qtbot.waitUntil(lambda: LINK in page.detail_text.text())
