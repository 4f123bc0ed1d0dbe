"""The provider's Save calendar file…: the button, the file dialog's path, never another file replaced."""

from __future__ import annotations

from datetime import UTC, timedelta

import recurring_ical_events
from icalendar import Calendar
from PySide6.QtWidgets import QFileDialog

from desktop.store.models import Appointment, AppointmentStatus, Provider, User
from tests.guikit import click, make_controller, message_boxes, show_page, sign_in


def _page(qtbot, demo_db, now, tmp_path, monkeypatch, target):
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), "")))
    controller = make_controller(qtbot, demo_db, now, tmp_path)
    window = sign_in(qtbot, controller, "dr.rivera")
    page = show_page(window, "calendar")
    qtbot.waitUntil(page.isVisible)
    return window, page


def test_save_calendar_file_writes_the_providers_appointments(qtbot, demo_db, now, tmp_path, monkeypatch):
    target = tmp_path / "rivera.ics"
    window, page = _page(qtbot, demo_db, now, tmp_path, monkeypatch, target)
    assert page.ics_button.text() == "Save calendar &file…"
    click(qtbot, page.ics_button)  # the file dialog (patched) answers with the path
    qtbot.waitUntil(lambda: target.exists())
    assert "Saved rivera.ics" in window.statusBar().currentMessage()
    provider_id = Provider.select(Provider.id).join(User).where(User.username == "dr.rivera").scalar()
    until = now + timedelta(days=28)
    expected = sorted(a.starts_at for a in Appointment.select().where(
        Appointment.provider == provider_id, Appointment.starts_at >= now, Appointment.starts_at < until,
        Appointment.status == AppointmentStatus.SCHEDULED))
    cal = Calendar.from_ical(target.read_bytes())
    shown = [e["dtstart"].dt.astimezone(UTC) for e in recurring_ical_events.of(cal).between(now, until)
             if str(e.get("status")) != "CANCELLED"]
    assert expected and sorted(s for s in shown if s >= now) == expected
    # Saving again replaces our own earlier file.
    first = target.read_bytes()
    target.write_bytes(first.replace(b"DTSTAMP", b"X-OLD-DTSTAMP", 1))
    click(qtbot, page.ics_button)
    qtbot.waitUntil(lambda: b"X-OLD-DTSTAMP" not in target.read_bytes())


def test_a_file_that_is_not_ours_is_never_overwritten(qtbot, demo_db, now, tmp_path, monkeypatch):
    target = tmp_path / "family.ics"
    theirs = b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Another program//EN\r\nEND:VCALENDAR\r\n"
    target.write_bytes(theirs)
    window, page = _page(qtbot, demo_db, now, tmp_path, monkeypatch, target)
    click(qtbot, page.ics_button)
    qtbot.waitUntil(lambda: bool(message_boxes()))
    box = message_boxes()[-1]
    assert "not a calendar file Practice Desk saved" in box.text()
    box.close()
    assert target.read_bytes() == theirs
    notes = tmp_path / "notes.ics"
    notes.write_text("my own notes")
    page.ics.save(notes)
    qtbot.waitUntil(lambda: bool(message_boxes()))
    message_boxes()[-1].close()
    assert notes.read_text() == "my own notes"


def test_the_calendars_new_buttons_have_keys_of_their_own(qtbot, demo_db, now, tmp_path, monkeypatch):
    from tests.guikit import assert_main_actions_have_their_own_keys

    window, page = _page(qtbot, demo_db, now, tmp_path, monkeypatch, tmp_path / "x.ics")
    assert_main_actions_have_their_own_keys(window, [page.new_button, page.ics_button, page.print_button])
