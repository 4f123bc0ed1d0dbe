"""The practice calendar on real windows: the owner sees every provider's day, week and month
and filters to one; the owner grants a front-desk account on the People page, which then gets
the practice calendar and no clinical page; a provider who is not the owner does not get it."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

from PySide6.QtCore import QPoint, Qt

from desktop.gui.widgets.calendar.layout import CalendarMode
from desktop.rules.timefmt import format_range
from desktop.rules.vocabulary import Role
from desktop.services.booking import BookingRequest, book_appointment
from desktop.services.result import Change
from desktop.store.models import Appointment, AuditEvent, Client, Provider, User
from tests.factories import PASSWORD, actor, add_front_desk
from tests.guikit import click, make_controller, show_page, sign_in, wait_ops, wait_reads


def _count(start_day, days: int, zone: str, provider_id: int | None = None) -> int:
    tz = ZoneInfo(zone)
    lo = datetime.combine(start_day, time(0), tzinfo=tz).astimezone(UTC)
    hi = datetime.combine(start_day + timedelta(days=days), time(0), tzinfo=tz).astimezone(UTC)
    q = Appointment.select().where(Appointment.starts_at >= lo, Appointment.starts_at < hi)
    if provider_id is not None:
        q = q.where(Appointment.provider == provider_id)
    return q.count()


def test_the_owner_sees_every_provider_side_by_side_and_filters_to_one(qtbot, demo_db, now, tmp_path):
    controller = make_controller(qtbot, demo_db, now, tmp_path)
    window = sign_in(qtbot, controller, "dr.rivera")
    assert window.nav.item(list(window.pages).index("practice")).text() == "Practice calendar"
    page = show_page(window, "practice")
    wait_reads(qtbot, page)
    zone = window.ctx.actor.time_zone
    today = now.astimezone(ZoneInfo(zone)).date()
    assert len(page.grid.providers) == Provider.select().count() == 3 and page.mode is CalendarMode.DAY
    # Day: one column per provider, every appointment of the day placed in its provider's column.
    boxes = page.grid.boxes()
    assert len(boxes) == _count(today, 1, zone) > 0
    assert len({b.row.provider_id for b in boxes}) >= 2
    columns = {p.id: i for i, p in enumerate(page.grid.providers)}
    width = (page.grid.width() - 48 - 1) / 3
    assert all(int((b.rect.left() - 48) // width) == columns[b.row.provider_id] for b in boxes)
    # Clicking an appointment says who, with whom and when.
    box = boxes[0]
    qtbot.mouseClick(page.grid, Qt.MouseButton.LeftButton, pos=box.rect.center().toPoint())
    assert box.row.client_name in page.detail.text()
    assert format_range(box.row.start, box.row.end, zone) in page.detail.text()

    # Week: one row per provider.
    click(qtbot, page.mode_buttons[CalendarMode.WEEK])
    wait_reads(qtbot, page)
    monday = today - timedelta(days=today.weekday())
    assert len(page.grid.boxes()) == _count(monday, 7, zone)
    assert page.range_reads == 2

    # Month: every day counted, only the lines the cells show placed.
    click(qtbot, page.mode_buttons[CalendarMode.MONTH])
    wait_reads(qtbot, page)
    first = today.replace(day=1)
    grid_start = first - timedelta(days=first.weekday())
    total = _count(grid_start, 42, zone)
    assert f"{total} appointment" in page.accessibleDescription()
    assert 0 < len(page.grid.boxes()) <= total

    # Double-clicking a day's cell opens that day.
    cell_w, cell_h = (page.grid.width() - 1) / 7, (page.grid.height() - 30 - 1) / 6
    index = page.grid.days.index(today)
    spot = QPoint(int((index % 7 + 0.5) * cell_w), int(30 + (index // 7 + 1) * cell_h - 3))
    qtbot.mouseDClick(page.grid, Qt.MouseButton.LeftButton, pos=spot)
    wait_reads(qtbot, page)
    assert page.mode is CalendarMode.DAY and page.anchor == today
    click(qtbot, page.mode_buttons[CalendarMode.MONTH])
    wait_reads(qtbot, page)

    # One provider only: a new read of that provider's rows.
    chen = actor("dr.chen")
    page.provider_combo.setCurrentIndex(page.provider_combo.findText("Dr. Daniel Chen"))
    wait_reads(qtbot, page)
    assert [p.id for p in page.grid.providers] == [chen.provider_id]
    assert page.rows and {r.provider_id for r in page.rows} == {chen.provider_id}
    assert f"{_count(grid_start, 42, zone, chen.provider_id)} appointment" in page.accessibleDescription()
    assert page.range_reads == 6  # day, week, month, the day opened from it, the month again, one provider
    # Back to the day view and today: that provider's day only.
    click(qtbot, page.mode_buttons[CalendarMode.DAY])
    wait_reads(qtbot, page)
    assert len(page.grid.boxes()) == _count(today, 1, zone, chen.provider_id)
    # Paints reuse what the layout prepared.
    layouts = page.grid.layouts
    page.grid.repaint()
    page.grid.repaint()
    assert page.grid.layouts == layouts


def test_the_owner_grants_a_front_desk_account_on_the_people_page(qtbot, demo_db, now, tmp_path):
    controller = make_controller(qtbot, demo_db, now, tmp_path)
    window = sign_in(qtbot, controller, "dr.rivera")
    page = show_page(window, "people")
    page.ui.roleCombo.setCurrentIndex(page.ui.roleCombo.findText("Front desk"))
    wait_reads(qtbot, page)
    assert not page.ui.providerCombo.isEnabled()
    qtbot.keyClicks(page.ui.nameEdit, "Frankie Desk")
    qtbot.keyClicks(page.ui.usernameEdit, "frankie.desk")
    qtbot.keyClicks(page.ui.firstPasswordEdit, "first-pass-1")
    click(qtbot, page.ui.addPersonButton)
    wait_ops(qtbot, controller)
    assert page.ui.peopleError.text() == ""
    user = User.get(User.username == "frankie.desk")
    assert user.role == Role.FRONT_DESK and not user.is_owner
    event = AuditEvent.select().where(AuditEvent.action == "add_person").order_by(AuditEvent.id.desc()).get()
    assert event.detail["role"] == Role.FRONT_DESK and event.detail["username"] == "frankie.desk"
    row = next(r for r in page.model.rows if r.username == "frankie.desk")
    assert page.model.index(page.model.rows.index(row), 2).data() == "Front desk"


def test_the_front_desk_gets_the_practice_calendar_and_no_clinical_page(qtbot, demo_db, now, tmp_path):
    add_front_desk(now, "frankie.desk")
    controller = make_controller(qtbot, demo_db, now, tmp_path)
    window = sign_in(qtbot, controller, "frankie.desk", PASSWORD)
    assert window.objectName() == "frontDeskWindow"
    assert list(window.pages) == ["practice"]
    assert window.nav.count() == 1 and window.nav.item(0).text() == "Practice calendar"
    page = show_page(window, "practice")
    wait_reads(qtbot, page)
    zone = window.ctx.actor.time_zone
    today = now.astimezone(ZoneInfo(zone)).date()
    assert len(page.grid.providers) == 3
    assert len(page.grid.boxes()) == _count(today, 1, zone) > 0
    # No owner's menu items either (backup, restore, sign-in policy).
    assert not hasattr(window, "backup")


def test_a_provider_who_is_not_the_owner_has_no_practice_calendar(qtbot, demo_db, now, tmp_path):
    controller = make_controller(qtbot, demo_db, now, tmp_path)
    window = sign_in(qtbot, controller, "dr.chen")
    assert "practice" not in window.pages
    assert all(window.nav.item(i).text() != "Practice calendar" for i in range(window.nav.count()))


def test_a_change_elsewhere_shows_without_a_click_and_keeps_the_rows_meanwhile(qtbot, demo_db, now, tmp_path):
    """A booking published on the bus (as another workstation's change arrives) is read again;
    the grid keeps the rows it had until the new ones come."""
    controller = make_controller(qtbot, demo_db, now, tmp_path)
    window = sign_in(qtbot, controller, "dr.rivera")
    page = show_page(window, "practice")
    wait_reads(qtbot, page)
    before = len(page.grid.boxes())
    zone = window.ctx.actor.time_zone
    today = now.astimezone(ZoneInfo(zone)).date()
    chen = actor("dr.chen")
    client = Client.select().where(Client.provider == chen.provider_id).first()
    start = datetime.combine(today, time(19, 0), tzinfo=ZoneInfo(zone)).astimezone(UTC)
    book_appointment(chen, BookingRequest(chen.provider_id, client.id, start, timedelta(minutes=50)), now=now)
    window.ctx.bus.publish(Change.APPOINTMENTS)
    assert len(page.grid.boxes()) == before  # still shown while the range is read again
    wait_reads(qtbot, page)
    assert len(page.grid.boxes()) == before + 1 == _count(today, 1, zone)


def test_a_full_month_day_lists_its_scheduled_appointments_before_the_cancelled_ones(qtbot):
    from datetime import UTC, date, datetime, timedelta

    from desktop.gui.widgets.calendar.layout import CalendarMode
    from desktop.gui.widgets.calendar.practice_grid import PracticeGrid
    from desktop.rules.vocabulary import AppointmentStatus
    from desktop.services.practice_calendar import PracticeProvider, PracticeRow

    grid = PracticeGrid()
    qtbot.addWidget(grid)
    grid.resize(1100, 600)
    first = date(2026, 11, 30)
    days = [first + timedelta(days=i) for i in range(42)]
    start = datetime(2026, 12, 2, 13, tzinfo=UTC)  # 08:00 in New York, then every hour
    statuses = [AppointmentStatus.CANCELLED_BY_CLIENT] * 4 + [AppointmentStatus.SCHEDULED] * 4
    rows = [PracticeRow(i + 1, start + timedelta(hours=i), start + timedelta(hours=i, minutes=50), status, 1,
                        f"Client {i}", False, False) for i, status in enumerate(statuses)]
    grid.set_content(CalendarMode.MONTH, days, date(2026, 12, 2), "America/New_York",
                     [PracticeProvider(1, "Dr. One", True)], rows, start)
    shown = [box.row.status for box in grid.boxes()]
    assert shown and len(shown) < len(rows)  # the day is full: some are left to "+n more"
    assert all(s == AppointmentStatus.SCHEDULED for s in shown[:min(len(shown), 4)])


def test_a_month_cells_count_and_more_line_fit_the_cell_they_are_in(qtbot):
    """The count line says it in fewer words when the cell is narrow ("8 booked · 4 not held"),
    today's bold heading is elided in its own font, and "+n more" sits right under the boxes."""
    from datetime import UTC, date, datetime, timedelta

    from desktop.gui.widgets.calendar.layout import CalendarMode
    from desktop.gui.widgets.calendar.practice_grid import LINE, PracticeGrid
    from desktop.rules.vocabulary import AppointmentStatus
    from desktop.services.practice_calendar import PracticeProvider, PracticeRow

    grid = PracticeGrid()
    qtbot.addWidget(grid)
    days = [date(2026, 11, 30) + timedelta(days=i) for i in range(42)]
    start = datetime(2026, 12, 2, 13, tzinfo=UTC)  # Wednesday 2 December, 08:00 in New York
    statuses = [AppointmentStatus.CANCELLED_BY_CLIENT] * 4 + [AppointmentStatus.SCHEDULED] * 4
    rows = [PracticeRow(i + 1, start + timedelta(hours=i), start + timedelta(hours=i, minutes=50), status, 1,
                        f"Client {i}", False, False) for i, status in enumerate(statuses)]
    wed = days.index(date(2026, 12, 2))
    for width, words in ((1900, "2  8 appointments · 4 not held"), (1150, "2  8 booked · 4 not held")):
        grid.resize(width, 700)
        grid.set_content(CalendarMode.MONTH, days, date(2026, 12, 2), "America/New_York",
                         [PracticeProvider(1, "Dr. One", True)], rows, start + timedelta(days=5))
        heading = grid._headings[wed]
        assert heading == words
        rect, more = grid._more[wed]
        boxes = [b.rect for b in grid.boxes() if b.row.start.date() == date(2026, 12, 2)]
        assert more == f"+{len(rows) - len(boxes)} more" and abs(rect.top() - (boxes[-1].top() + LINE)) < 1
    grid.set_content(CalendarMode.MONTH, days, date(2026, 12, 2), "America/New_York",
                     [PracticeProvider(1, "Dr. One", True)], rows, start)  # today is the full day
    heading = grid._headings[wed]
    metrics = grid._style.bold_metrics
    assert heading.startswith("2 · Today") and metrics.horizontalAdvance(heading) <= (grid.width() - 1) / 7 - 8
