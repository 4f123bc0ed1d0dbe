"""Booking page: a policy change makes a new version; existing bookings keep theirs."""

from __future__ import annotations

from desktop.store.models import Appointment, FeePolicy, WorkingHours
from tests.guikit import click, make_controller, message_boxes, show_page, sign_in, wait_ops


def test_change_policy_and_existing_bookings_keep_their_version(qtbot, demo_db, now, tmp_path):
    controller = make_controller(qtbot, demo_db, now, tmp_path)
    window = sign_in(qtbot, controller, "dr.rivera")
    pid = window.ctx.actor.provider_id
    booked = {a.id: a.policy_id for a in Appointment.select().where(Appointment.provider == pid)}
    page = show_page(window, "booking")
    qtbot.waitUntil(page.isVisible)
    assert page.ui.policyVersion.text().startswith("Current policy: version 2")
    page.ui.lateFeeEdit.clear()
    qtbot.keyClicks(page.ui.lateFeeEdit, "65")
    page.ui.noticeSpin.setValue(48)
    assert "$65.00" in page.ui.policyPreview.toPlainText() and "48 hours" in page.ui.policyPreview.toPlainText()
    click(qtbot, page.ui.savePolicyButton)
    wait_ops(qtbot, controller)
    assert page.ui.policyVersion.text().startswith("Current policy: version 3")
    v3 = FeePolicy.get(FeePolicy.provider == pid, FeePolicy.version == 3)
    assert (v3.late_cancellation_fee_cents, v3.notice_minutes) == (6500, 48 * 60)
    assert FeePolicy.get(FeePolicy.provider == pid, FeePolicy.version == 2).late_cancellation_fee_cents == 5000
    assert {a.id: a.policy_id for a in Appointment.select().where(Appointment.provider == pid)} == booked
    assert "v3 (late $65.00, no-show $75.00): 0 appointments booked under it" in page.ui.policyHistory.text()

    # An existing booking's detail in the calendar still shows its own version's fees.
    cal_page = show_page(window, "calendar")
    upcoming = next(r for r in cal_page.calendar.rows if r.start > now and r.status == "scheduled")
    cal_page.show_detail(upcoming.id)
    qtbot.waitUntil(window.ctx.reads.is_idle)
    assert "Policy version 2: late-cancellation $50.00" in cal_page.detail_text.text()


def test_bad_amount_is_refused_and_nothing_saved(qtbot, demo_db, now, tmp_path):
    controller = make_controller(qtbot, demo_db, now, tmp_path)
    window = sign_in(qtbot, controller, "dr.rivera")
    page = show_page(window, "booking")
    page.ui.lateFeeEdit.clear()
    qtbot.keyClicks(page.ui.lateFeeEdit, "12.345")
    assert "two decimals" in page.ui.policyPreview.toPlainText()
    count = FeePolicy.select().count()
    click(qtbot, page.ui.savePolicyButton)
    wait_ops(qtbot, controller)
    assert FeePolicy.select().count() == count
    assert any("two decimals" in box.text() for box in message_boxes()), "the refusal is not shown"


def test_working_hours_are_saved(qtbot, demo_db, now, tmp_path):
    controller = make_controller(qtbot, demo_db, now, tmp_path)
    window = sign_in(qtbot, controller, "dr.rivera")
    page = show_page(window, "booking")
    assert page.day_edits[0].text() == "08:00-12:00, 13:00-18:00"
    page.day_edits[5].clear()
    qtbot.keyClicks(page.day_edits[5], "09:00-13:00")
    click(qtbot, page.ui.saveHoursButton)
    wait_ops(qtbot, controller)
    pid = window.ctx.actor.provider_id
    saturday = WorkingHours.get(WorkingHours.provider == pid, WorkingHours.weekday == 5)
    assert (saturday.start_minute, saturday.end_minute) == (9 * 60, 13 * 60)


def test_a_bad_working_hours_entry_is_refused_on_the_page_naming_the_day(qtbot, demo_db, now, tmp_path):
    controller = make_controller(qtbot, demo_db, now, tmp_path)
    window = sign_in(qtbot, controller, "dr.rivera")
    page = show_page(window, "booking")
    qtbot.waitUntil(page.isVisible)
    pid = window.ctx.actor.provider_id
    before = list(WorkingHours.select().where(WorkingHours.provider == pid).order_by(WorkingHours.id).tuples())
    page.day_edits[3].clear()
    qtbot.keyClicks(page.day_edits[3], "09:00-12:00, 11:30-14:00")
    click(qtbot, page.ui.saveHoursButton)
    wait_ops(qtbot, controller)
    assert any("Thursday: “09:00-12:00” and “11:30-14:00” overlap" in box.text() for box in message_boxes())
    assert window.focusWidget() is page.day_edits[3]  # taken to the day the rule named
    assert list(WorkingHours.select().where(WorkingHours.provider == pid).order_by(WorkingHours.id).tuples()) == before


def test_working_hours_changed_on_another_workstation_are_not_overwritten(qtbot, demo_db, now, tmp_path):
    from datetime import time

    from desktop.rules.slots import WorkingBlock
    from desktop.services.policy import save_working_hours, working_hours

    controller = make_controller(qtbot, demo_db, now, tmp_path)
    window = sign_in(qtbot, controller, "dr.rivera")
    page = show_page(window, "booking")
    elsewhere = [WorkingBlock(1, time(7), time(9))]
    save_working_hours(window.ctx.actor, elsewhere, now=now)  # another workstation, after the page read
    page.day_edits[5].clear()
    qtbot.keyClicks(page.day_edits[5], "09:00-13:00")
    click(qtbot, page.ui.saveHoursButton)
    wait_ops(qtbot, controller)
    assert working_hours(window.ctx.actor) == elsewhere
    assert any("another workstation" in box.text() for box in message_boxes())


def test_the_preview_says_what_the_clients_booking_page_says(qtbot, demo_db, now, tmp_path):
    """One wording (rules.policy.worry_free_lines) for the provider's preview and the client's page."""
    controller = make_controller(qtbot, demo_db, now, tmp_path)
    window = sign_in(qtbot, controller, "dr.rivera")
    page = show_page(window, "booking")
    qtbot.waitUntil(page.isVisible)
    preview = page.ui.policyPreview.toPlainText()
    controller.sign_out()
    portal = sign_in(qtbot, controller, "alex.morgan")
    book = show_page(portal, "book")
    qtbot.waitUntil(book.isVisible)
    client_lines = [book.policy_notice.text(), book.policy_late.text(), book.policy_no_show.text(),
                    book.policy_insurance.text()]
    assert "24 hours" in client_lines[0] and "$50.00" in client_lines[1] and "$75.00" in client_lines[2]
    for line in client_lines:
        assert line in preview
