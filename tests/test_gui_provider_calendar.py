"""The provider's calendar, driven through the real workspace on the demo practice."""

from __future__ import annotations

from datetime import date, timedelta
from zoneinfo import ZoneInfo

from PySide6.QtCore import QDate, Qt, QTime
from PySide6.QtWidgets import QPushButton, QWidget

from desktop.gui.widgets.calendar import CalendarMode
from desktop.store.models import Appointment, AppointmentStatus, Series
from tests.guikit import click, make_controller, show_page, sign_in, wait_ops, wait_reads


def _calendar_page(qtbot, demo_db, now, tmp_path, username="dr.rivera"):
    controller = make_controller(qtbot, demo_db, now, tmp_path)
    window = sign_in(qtbot, controller, username)
    page = show_page(window, "calendar")
    qtbot.waitUntil(page.isVisible)
    return controller, window, page


def test_navigate_day_week_month(qtbot, demo_db, now, tmp_path):
    controller, window, page = _calendar_page(qtbot, demo_db, now, tmp_path)
    cal = page.calendar
    window.grab().save("/tmp/cal_week.png")
    assert cal.mode.value == "week"
    assert cal.title_label.text() == "23–29 November 2026"
    assert "America/New_York (EST)" in cal.zone_label.text()
    week_rows = list(cal.rows)
    assert week_rows and all(r.provider_name == "Dr. Maya Rivera" for r in week_rows)
    click(qtbot, cal.mode_buttons[cal.mode.MONTH])
    assert cal.title_label.text() == "November 2026"
    window.grab().save("/tmp/cal_month.png")
    click(qtbot, cal.next_button)
    assert cal.title_label.text() == "December 2026"
    click(qtbot, cal.today_button)
    assert cal.title_label.text() == "November 2026"
    cal.setFocus()
    qtbot.keyClick(cal, Qt.Key.Key_D)
    assert cal.title_label.text() == "Tuesday 24 November 2026"
    window.grab().save("/tmp/cal_day.png")
    qtbot.keyClick(cal, Qt.Key.Key_PageDown)
    assert cal.title_label.text() == "Wednesday 25 November 2026"
    qtbot.keyClick(cal, Qt.Key.Key_Left)
    qtbot.keyClick(cal, Qt.Key.Key_Left)
    assert cal.title_label.text() == "Monday 23 November 2026"
    qtbot.keyClick(cal, Qt.Key.Key_W)
    reads = cal.reads
    qtbot.keyClick(cal, Qt.Key.Key_Right)  # still the same week: no new read
    assert cal.reads == reads
    qtbot.keyClick(cal, Qt.Key.Key_PageUp)
    assert cal.title_label.text() == "16–22 November 2026"
    assert cal.reads == reads + 1
    qtbot.keyClick(cal, Qt.Key.Key_T)
    qtbot.keyClick(cal, Qt.Key.Key_M)
    assert cal.mode.value == "month"


def test_the_calendar_shows_the_working_day_set_and_reopens_in_the_view_last_used(qtbot, demo_db, now, tmp_path):
    controller = make_controller(qtbot, demo_db, now, tmp_path)
    controller.settings.set("calendar/day_start_hour", 10)
    controller.settings.set("calendar/day_end_hour", 16)
    window = sign_in(qtbot, controller, "dr.rivera")
    cal = show_page(window, "calendar").calendar
    assert cal.mode is CalendarMode.WEEK  # nothing remembered yet: the default
    empty_sunday = date(2027, 6, 6)
    cal.go_to(empty_sunday, CalendarMode.DAY)
    assert cal.rows == [] and cal.grid.hours == (10, 16)
    click(qtbot, cal.mode_buttons[CalendarMode.MONTH])
    assert controller.settings.get("calendar/view") == "month"
    click(qtbot, window.findChild(QPushButton, "signOutButton"))
    wait_ops(qtbot, controller)
    window = sign_in(qtbot, controller, "dr.rivera")
    cal = show_page(window, "calendar").calendar
    assert cal.mode is CalendarMode.MONTH and cal.title_label.text() == "November 2026"
    # Hours that make no sense fall back to the default working day.
    controller.settings.set("calendar/day_start_hour", 20)
    click(qtbot, window.findChild(QPushButton, "signOutButton"))
    wait_ops(qtbot, controller)
    cal = show_page(sign_in(qtbot, controller, "dr.rivera"), "calendar").calendar
    cal.go_to(empty_sunday, CalendarMode.DAY)
    assert cal.grid.hours == (7, 20)


def _click_item(qtbot, cal, appointment_id: int) -> None:
    wait_reads(qtbot, cal.window())  # the period's rows
    box = next(b for b in cal.grid.boxes() if b.row.id == appointment_id)
    qtbot.mouseClick(cal.grid, Qt.MouseButton.LeftButton, pos=box.rect.center().toPoint())
    wait_reads(qtbot, cal.window())  # the detail panel reads the appointment


def test_create_a_series_in_the_calendar(qtbot, demo_db, now, tmp_path):
    controller, window, page = _calendar_page(qtbot, demo_db, now, tmp_path)
    click(qtbot, page.new_button)
    dialog = page.dialog
    assert dialog is not None and dialog.isVisible()
    dialog.ui.clientCombo.setCurrentIndex(dialog.ui.clientCombo.findText("Alex Morgan"))
    dialog.ui.dateEdit.setDate(QDate(2026, 12, 7))  # a Monday
    dialog.ui.timeEdit.setTime(QTime(8, 0))
    dialog.ui.repeat.ui.repeatCombo.setCurrentIndex(dialog.ui.repeat.ui.repeatCombo.findText("Every week"))
    dialog.ui.repeat.ui.countSpin.setValue(5)
    before = Series.select().count()
    click(qtbot, dialog.ui.createAppointmentButton)
    wait_ops(qtbot, controller)
    assert not dialog.isVisible(), dialog.ui.dialogError.text()
    series = Series.select().order_by(Series.id.desc()).first()
    assert Series.select().count() == before + 1 and "COUNT=5" in series.rrule
    occurrences = list(Appointment.select().where(Appointment.series == series).order_by(Appointment.starts_at))
    assert len(occurrences) == 5
    cal = page.calendar
    assert cal.title_label.text() == "7–13 December 2026"  # the calendar went to the new series
    shown = [r for r in cal.rows if r.series_id == series.id]
    assert len(shown) == 1 and shown[0].client_name == "Alex Morgan" and shown[0].in_series
    box = next(b for b in cal.grid.boxes() if b.row.id == shown[0].id)
    assert box.lines[0].startswith("↻ 08:00 Alex Morgan") and box.lines[1] == "Scheduled"


def test_a_refused_series_keeps_the_dialog_open_with_the_reason(qtbot, demo_db, now, tmp_path):
    controller, window, page = _calendar_page(qtbot, demo_db, now, tmp_path)
    click(qtbot, page.new_button)
    dialog = page.dialog
    dialog.ui.repeat.ui.repeatCombo.setCurrentIndex(dialog.ui.repeat.ui.repeatCombo.findText("Every week"))
    dialog.ui.dateEdit.setDate(QDate(2026, 11, 2))  # in the past
    click(qtbot, dialog.ui.createAppointmentButton)
    wait_ops(qtbot, controller)
    assert dialog.isVisible() and "future" in dialog.ui.dialogError.text()


def test_mark_a_no_show_and_see_the_charge(qtbot, demo_db, now, tmp_path):
    controller, window, page = _calendar_page(qtbot, demo_db, now, tmp_path)
    rivera = window.ctx.actor
    missed = (Appointment.select().where(Appointment.provider == rivera.provider_id,
                                         Appointment.status == AppointmentStatus.SCHEDULED,
                                         Appointment.starts_at < now - timedelta(minutes=15))
              .order_by(Appointment.starts_at.desc()).first())
    cal = page.calendar
    cal.go_to(missed.starts_at.astimezone(ZoneInfo(rivera.time_zone)).date())
    _click_item(qtbot, cal, missed.id)
    assert page.detail is not None and page.detail.id == missed.id
    assert page.no_show_button.isEnabled()
    click(qtbot, page.no_show_button)
    dialog = page.dialog
    assert "$75.00" in dialog.ui.noShowFeeText.text() and "not covered by insurance" in dialog.ui.noShowFeeText.text().lower()
    click(qtbot, dialog.ui.confirmNoShowButton)
    wait_ops(qtbot, controller)
    assert not dialog.isVisible()
    assert Appointment.get_by_id(missed.id).status == AppointmentStatus.NO_SHOW
    assert "No-show" in page.detail_text.text()
    assert "Charge: no show $75.00 (open), not covered by insurance" in page.detail_text.text()
    row = next(r for r in cal.rows if r.id == missed.id)
    assert row.status_label == "No-show"
    assert not page.no_show_button.isEnabled()


def test_an_upcoming_appointment_cannot_be_marked_no_show_and_is_cancelled_for_the_client(
        qtbot, demo_db, now, tmp_path):
    controller, window, page = _calendar_page(qtbot, demo_db, now, tmp_path)
    cal = page.calendar
    upcoming = next(r for r in cal.rows if r.start > now and r.status == "scheduled")
    _click_item(qtbot, cal, upcoming.id)
    assert not page.no_show_button.isEnabled()
    click(qtbot, page.cancel_button)
    dialog = page.dialog
    dialog.ui.reasonCombo.setCurrentIndex(dialog.ui.reasonCombo.findData("provider_unwell"))
    click(qtbot, dialog.ui.confirmCancelButton)
    wait_ops(qtbot, controller)
    assert Appointment.get_by_id(upcoming.id).status == AppointmentStatus.CANCELLED_BY_PROVIDER
    assert next(r for r in cal.rows if r.id == upcoming.id).status_label == "Cancelled by provider"


def test_cancel_a_series_from_an_occurrence_for_the_client(qtbot, demo_db, now, tmp_path):
    controller, window, page = _calendar_page(qtbot, demo_db, now, tmp_path)
    rivera = window.ctx.actor
    cal = page.calendar
    cal.go_to((now + timedelta(days=14)).astimezone(ZoneInfo(rivera.time_zone)).date())
    qtbot.waitUntil(lambda: any(r.in_series and r.status == "scheduled" for r in cal.rows))
    pivot_row = min((r for r in cal.rows if r.in_series and r.status == "scheduled"), key=lambda r: r.start)
    pivot = Appointment.get_by_id(pivot_row.id)
    later = [a.id for a in Appointment.select().where(Appointment.series == pivot.series_id,
                                                      Appointment.starts_at >= pivot.starts_at,
                                                      Appointment.status == AppointmentStatus.SCHEDULED)]
    earlier = list(Appointment.select(Appointment.id, Appointment.status, Appointment.version)
                   .where(Appointment.series == pivot.series_id, Appointment.starts_at < pivot.starts_at).tuples())
    _click_item(qtbot, cal, pivot.id)
    click(qtbot, page.cancel_button)
    dialog = page.dialog
    assert dialog.ui.cancelOnlyThisRadio.isVisible() and dialog.ui.cancelOnlyThisRadio.isChecked()
    assert dialog.ui.cancelSeriesFromHereRadio.isVisible()
    assert f"cancels {len(later)} scheduled appointments" in dialog.ui.seriesCancelCount.text()
    window.grab().save("/tmp/cal_cancel_series.png")
    dialog.grab().save("/tmp/cancel_series_dialog.png")
    click(qtbot, dialog.ui.cancelSeriesFromHereRadio)
    assert dialog.ui.confirmCancelButton.text() == f"Cancel {len(later)} appointments"
    dialog.ui.reasonCombo.setCurrentIndex(dialog.ui.reasonCombo.findData("practice_closed"))
    click(qtbot, dialog.ui.confirmCancelButton)
    wait_ops(qtbot, controller)
    assert not dialog.isVisible(), dialog.ui.dialogError.text()
    assert {a.status for a in Appointment.select().where(Appointment.id.in_(later))} == {
        AppointmentStatus.CANCELLED_BY_PROVIDER}
    assert list(Appointment.select(Appointment.id, Appointment.status, Appointment.version)
                .where(Appointment.series == pivot.series_id, Appointment.starts_at < pivot.starts_at)
                .tuples()) == earlier
    assert Series.get_by_id(pivot.series_id).ended
    # The calendar and the detail panel refreshed from the bus.
    assert next(r for r in cal.rows if r.id == pivot.id).status_label == "Cancelled by provider"
    assert "Cancelled by provider" in page.detail_text.text()
    assert not page.cancel_button.isEnabled()


def test_a_single_appointment_offers_no_series_choice(qtbot, demo_db, now, tmp_path):
    controller, window, page = _calendar_page(qtbot, demo_db, now, tmp_path)
    cal = page.calendar
    single = next(r for r in cal.rows if not r.in_series and r.status == "scheduled" and r.end > now)
    _click_item(qtbot, cal, single.id)
    click(qtbot, page.cancel_button)
    dialog = page.dialog
    assert not dialog.ui.cancelOnlyThisRadio.isVisible() and not dialog.ui.cancelSeriesFromHereRadio.isVisible()
    assert not dialog.ui.seriesCancelCount.isVisible()


def _focus_order(dialog, names: list[str]) -> list[str]:
    """The named widgets in the order Tab reaches them, starting from the first."""
    first = dialog.findChild(QWidget, names[0])
    order, widget = [], first
    while True:
        if widget.objectName() in names and widget.objectName() not in order:
            order.append(widget.objectName())
        widget = widget.nextInFocusChain()
        if widget is first:
            return order


def test_the_new_appointment_form_is_in_reading_order_for_the_keyboard(qtbot, demo_db, now, tmp_path):
    controller, window, page = _calendar_page(qtbot, demo_db, now, tmp_path)
    click(qtbot, page.new_button)
    dialog = page.dialog
    names = ["clientCombo", "serviceCombo", "dateEdit", "timeEdit", "durationSpin", "repeatCombo",
             "endsAfterRadio", "countSpin", "endsOnRadio", "untilDate", "createAppointmentButton", "cancelButton"]
    assert _focus_order(dialog, names) == names
    assert dialog.ui.startLabel.text() == "S&tart (America/New_York):"
    assert dialog.ui.startLabel.buddy() is dialog.ui.timeEdit
    assert not dialog.ui.repeat.ui.endsRow.isEnabled()  # "Does not repeat": no end to choose
    dialog.ui.repeat.ui.repeatCombo.setCurrentIndex(1)
    assert dialog.ui.repeat.ui.endsRow.isEnabled()


def test_move_one_occurrence_of_a_series_to_another_time(qtbot, demo_db, now, tmp_path):
    controller, window, page = _calendar_page(qtbot, demo_db, now, tmp_path)
    rivera = window.ctx.actor
    zone = ZoneInfo(rivera.time_zone)
    cal = page.calendar
    cal.go_to((now + timedelta(days=14)).astimezone(zone).date())
    qtbot.waitUntil(lambda: any(r.in_series and r.status == AppointmentStatus.SCHEDULED for r in cal.rows))
    row = min((r for r in cal.rows if r.in_series and r.status == AppointmentStatus.SCHEDULED), key=lambda r: r.start)
    others = {a.id: a.starts_at for a in Appointment.select().where(Appointment.series == row.series_id,
                                                                    Appointment.id != row.id)}
    _click_item(qtbot, cal, row.id)
    click(qtbot, page.move_button)
    dialog = page.dialog
    ui = dialog.ui
    local = row.start.astimezone(zone)
    assert ui.moveTime.time() == QTime(local.hour, local.minute)
    assert ui.seriesFromHereRadio.isVisible() and ui.onlyThisRadio.isChecked()
    assert not ui.repeat.isEnabled()  # the repeat fields are for "the series from here" only
    click(qtbot, ui.seriesFromHereRadio)
    assert ui.repeat.isEnabled()
    click(qtbot, ui.onlyThisRadio)
    ui.moveTime.setTime(QTime(7, 0))
    click(qtbot, ui.saveMoveButton)
    wait_ops(qtbot, controller)
    assert not dialog.isVisible(), ui.dialogError.text()
    moved = Appointment.get_by_id(row.id).starts_at.astimezone(zone)
    assert (moved.date(), moved.hour, moved.minute) == (local.date(), 7, 0)
    assert {a.id: a.starts_at for a in Appointment.select().where(Appointment.series == row.series_id,
                                                                  Appointment.id != row.id)} == others


def test_repaints_reuse_the_layout_and_a_scheme_change_lays_out_again(qtbot, demo_db, now, tmp_path):
    """Item 4 of issue 13: paints draw what the layout prepared; a light / dark switch prepares it again."""
    from PySide6.QtWidgets import QApplication

    from desktop.gui.palettes import COLOURS, STATUS_COLOURS, Scheme
    from desktop.gui.theme import apply_scheme

    controller, window, page = _calendar_page(qtbot, demo_db, now, tmp_path)
    grid = page.calendar.grid
    qtbot.waitUntil(lambda: bool(grid.boxes()))
    layouts = grid.layouts
    for _ in range(4):
        grid.update()
        grid.grab()
        grid.repaint()
    assert grid.layouts == layouts

    def corner(image):  # the gutter's bottom left: the grid's background
        return image.pixelColor(2, image.height() - 3).name()

    assert corner(grid.grab().toImage()) == COLOURS[Scheme.LIGHT]["grid"]
    app = QApplication.instance()
    try:
        apply_scheme(app, Scheme.DARK)
        assert grid.layouts > layouts
        image = grid.grab().toImage()
        assert corner(image) == COLOURS[Scheme.DARK]["grid"]
        box = grid.boxes()[0]
        fill = STATUS_COLOURS[Scheme.DARK][box.row.status][0]
        assert image.pixelColor(int(box.rect.center().x()), int(box.rect.bottom()) - 2).name() == fill
        after = grid.layouts
        grid.grab()
        grid.repaint()
        assert grid.layouts == after
    finally:
        apply_scheme(app, Scheme.LIGHT)
    assert corner(grid.grab().toImage()) == COLOURS[Scheme.LIGHT]["grid"]
