"""The calendar both sides share: toolbar, keyboard navigation, one read per visible range.

A ``RowSource`` is a plain function ``(start_utc, end_utc) -> list[CalendarRow]``
(the provider's or the client's range query). The widget reads only when the
visible range changes or ``reload()`` is called, and never expands a
recurrence: series occurrences are rows already.

Given a reader (gui/reads.py), the range query runs off the GUI thread: navigating shows the
new period at once (title, days, and whatever of the rows already read falls in it) and the
rows when they come; a read for a period left meanwhile is dropped.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ....rules.timefmt import zone_abbreviation
from ....services.calendar import CalendarRow
from .controls import bar_button, mode_buttons
from .grid import CalendarGrid
from .layout import CalendarMode, step, title, utc_range, visible_days

RowSource = Callable[[datetime, datetime], list[CalendarRow]]

LEGEND = (
    ("scheduled", "Scheduled"), ("cancelled_by_client", "Cancelled by client"),
    ("late_cancelled", "Late-cancelled"), ("no_show", "No-show"), ("cancelled_by_provider", "Cancelled by provider"),
)


class CalendarView(QWidget):
    """Day / week / month of plain rows in the viewer's zone."""

    mode_changed = Signal(object)  # CalendarMode: by a button, a key or a day opened from the month
    appointment_selected = Signal(int)
    appointment_activated = Signal(int)
    day_activated = Signal(object)  # a local date

    def __init__(self, source: RowSource, zone: str, now: Callable[[], datetime], *,
                 mode: CalendarMode = CalendarMode.WEEK, day_hours: tuple[int, int] = (7, 20),
                 reader=None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("calendarView")
        self.setAccessibleName("Calendar")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setProperty("calendar", True)  # the theme marks the chosen view
        self._source, self.zone, self._now = source, zone, now
        self.mode = mode
        self.anchor: date = now().astimezone(ZoneInfo(zone)).date()
        self.rows: list[CalendarRow] = []
        self.reads = 0  # how many range queries were asked (tests check navigation does not over-read)
        self._loaded_range: tuple[datetime, datetime] | None = None
        self._asked_range: tuple[datetime, datetime] | None = None
        self._loaded_rows: list[CalendarRow] = []
        self._reader = reader  # a ReadRunner, or None to read on the GUI thread
        self.loads = 0  # range results shown

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        bar = QHBoxLayout()
        self.prev_button = self._button("◀", "previousButton", "Previous period (Page Up)")
        self.today_button = self._button("Today", "todayButton", "Go to today (T)")
        self.next_button = self._button("▶", "nextButton", "Next period (Page Down)")
        self.title_label = QLabel(self)
        self.title_label.setObjectName("calendarTitle")
        self.title_label.setProperty("role", "subheading")
        self.zone_label = QLabel(self)
        self.zone_label.setObjectName("calendarZone")
        self.zone_label.setProperty("muted", True)
        # Wraps rather than widening the toolbar: the provider window fits a 1366-pixel screen.
        self.zone_label.setWordWrap(True)
        for w in (self.prev_button, self.today_button, self.next_button):
            bar.addWidget(w)
        bar.addSpacing(8)
        bar.addWidget(self.title_label)
        bar.addStretch(1)
        bar.addWidget(self.zone_label)
        bar.addSpacing(8)
        self.mode_buttons = mode_buttons(self, bar, self.set_mode)
        layout.addLayout(bar)
        self.grid = CalendarGrid(self)
        self.grid.day_hours = day_hours
        self._shown_mode = mode
        layout.addWidget(self.grid, 1)
        layout.addLayout(self._legend())
        self.prev_button.clicked.connect(lambda: self.go(-1))
        self.next_button.clicked.connect(lambda: self.go(1))
        self.today_button.clicked.connect(self.go_today)
        self.grid.item_clicked.connect(self._select)
        self.grid.item_activated.connect(self.appointment_activated)
        self.grid.day_activated.connect(self._day_activated)
        self._apply()

    def _button(self, text: str, name: str, tip: str) -> QPushButton:
        return bar_button(self, text, name, tip)

    def _legend(self) -> QGridLayout:
        # Three to a row: on one line the legend alone would make the window wider than a
        # 1366-pixel laptop screen.
        grid = QGridLayout()
        grid.setHorizontalSpacing(8)
        grid.setVerticalSpacing(4)
        labels = []
        for status, text in LEGEND:
            label = QLabel(text, self)
            label.setProperty("status", str(status))  # its colours: the theme's, for the scheme shown
            labels.append(label)
        mark = QLabel("↻ repeating", self)
        mark.setProperty("muted", True)
        labels.append(mark)
        for i, label in enumerate(labels):
            grid.addWidget(label, i // 3, i % 3)
        grid.setColumnStretch(3, 1)
        return grid

    # ------------------------------------------------------------ navigation

    def set_source(self, source: RowSource) -> None:
        self._source = source
        self.reload()

    def set_mode(self, mode: CalendarMode) -> None:
        self.mode = mode
        self._apply()

    def go(self, direction: int) -> None:
        self.anchor = step(self.anchor, self.mode, direction)
        self._apply()

    def go_today(self) -> None:
        self.anchor = self._now().astimezone(ZoneInfo(self.zone)).date()
        self._apply()

    def go_to(self, day: date, mode: CalendarMode | None = None) -> None:
        self.anchor = day
        if mode is not None:
            self.mode = mode
        self._apply()

    def visible_range(self) -> tuple[datetime, datetime]:
        return utc_range(visible_days(self.anchor, self.mode), self.zone)

    def reload(self) -> None:
        """Read the visible range again (after a change on the bus)."""
        self._loaded_range = self._asked_range = None
        self._apply()

    def is_loading(self) -> bool:
        """Whether the rows of the visible range are still to come."""
        return self._loaded_range != self.visible_range()

    def _apply(self) -> None:
        rng = self.visible_range()
        if rng == self._loaded_range:
            if self._asked_range is not None and self._reader is not None:
                self._reader.cancel(self, "range")  # back where the rows are: the other read is not needed
            self._asked_range = None
        elif rng != self._asked_range:
            self.reads += 1
            if self._reader is None:
                self._take(rng, self._source(*rng))
                return
            self._asked_range = rng
            source = self._source
            self._reader.run(lambda: source(*rng), owner=self, slot="range",
                             on_done=lambda rows: self._take(rng, rows))
        self._render()

    def _take(self, rng: tuple[datetime, datetime], rows: list[CalendarRow]) -> None:
        self._loaded_rows, self._loaded_range, self._asked_range = rows, rng, None
        self.loads += 1
        self._render()

    def _render(self) -> None:
        days = visible_days(self.anchor, self.mode)
        rng = utc_range(days, self.zone)
        # Until the period's own rows come, the rows already read that fall in it.
        self.rows = (self._loaded_rows if rng == self._loaded_range else
                     [r for r in self._loaded_rows if r.end > rng[0] and r.start < rng[1]])
        now = self._now()
        self.title_label.setText(title(self.anchor, self.mode))
        self.zone_label.setText(f"Times in {self.zone} ({zone_abbreviation(now, self.zone)})")
        self.mode_buttons[self.mode].setChecked(True)
        self.grid.set_content(self.mode, days, self.anchor, self.zone, self.rows, now)
        count = sum(1 for r in self.rows if r.start >= rng[0])
        self.setAccessibleDescription(f"{self.mode.label} view, {title(self.anchor, self.mode)}: "
                                      f"{count} appointment{'s' if count != 1 else ''}.")
        if self.mode is not self._shown_mode:
            self._shown_mode = self.mode
            self.mode_changed.emit(self.mode)

    def _select(self, appointment_id: int) -> None:
        self.grid.selected_id = appointment_id
        self.grid.update()
        self.appointment_selected.emit(appointment_id)

    def _day_activated(self, day: date) -> None:
        if self.mode is CalendarMode.MONTH:
            self.go_to(day, CalendarMode.DAY)
        self.day_activated.emit(day)

    def selected_row(self) -> CalendarRow | None:
        return next((r for r in self.rows if r.id == self.grid.selected_id), None)

    def select_next(self, direction: int) -> None:
        """Tab through the visible appointments in time order."""
        if not self.rows:
            return
        ids = [r.id for r in self.rows]
        current = self.grid.selected_id
        i = ids.index(current) + direction if current in ids else (0 if direction > 0 else len(ids) - 1)
        self._select(ids[i % len(ids)])

    def focusInEvent(self, event) -> None:  # noqa: N802
        super().focusInEvent(event)
        self.grid.update()  # its focus ring

    def focusOutEvent(self, event) -> None:  # noqa: N802
        super().focusOutEvent(event)
        self.grid.update()

    def keyPressEvent(self, event) -> None:  # noqa: N802
        key = event.key()
        if key == Qt.Key.Key_PageUp:
            self.go(-1)
        elif key == Qt.Key.Key_PageDown:
            self.go(1)
        elif key == Qt.Key.Key_Left:
            self.go_to(self.anchor - timedelta(days=1))
        elif key == Qt.Key.Key_Right:
            self.go_to(self.anchor + timedelta(days=1))
        elif key == Qt.Key.Key_Up:
            self.go_to(self.anchor - timedelta(weeks=1))
        elif key == Qt.Key.Key_Down:
            self.go_to(self.anchor + timedelta(weeks=1))
        elif key == Qt.Key.Key_T:
            self.go_today()
        elif key == Qt.Key.Key_D:
            self.set_mode(CalendarMode.DAY)
        elif key == Qt.Key.Key_W:
            self.set_mode(CalendarMode.WEEK)
        elif key == Qt.Key.Key_M:
            self.set_mode(CalendarMode.MONTH)
        elif key in (Qt.Key.Key_N, Qt.Key.Key_J):
            self.select_next(1)
        elif key in (Qt.Key.Key_P, Qt.Key.Key_K):
            self.select_next(-1)
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.grid.selected_id is not None:
            self.appointment_activated.emit(self.grid.selected_id)
        else:
            super().keyPressEvent(event)

    @staticmethod
    def shortcuts_help() -> str:
        return ("Page Up / Page Down: previous / next · ← →: day · ↑ ↓: week · T: today · D / W / M: view · "
                f"N / P: next / previous appointment · Enter: open · {QKeySequence('Ctrl+N').toString()}: new")


def day_hours(settings) -> tuple[int, int]:
    """The working day the settings ask for, or the default when they make no sense."""
    first, last = settings.get("calendar/day_start_hour"), settings.get("calendar/day_end_hour")
    return (first, last) if 0 <= first < last <= 24 else (7, 20)


class ClientCalendar(CalendarView):
    """The client portal's calendar: the signed-in client's own appointments (rule 8: the
    service refuses anyone else's). ``ctx`` is the session's AppContext."""

    def __init__(self, ctx, parent: QWidget | None = None, *, mode: CalendarMode = CalendarMode.MONTH) -> None:
        from ....services.calendar import client_range

        actor = ctx.actor
        super().__init__(lambda start, end: client_range(actor, start, end), actor.time_zone, ctx.now,
                         mode=mode, day_hours=day_hours(ctx.settings), reader=ctx.reads, parent=parent)
        self.setObjectName("clientCalendar")


class ProviderCalendar(CalendarView):
    """The provider's calendar across all their clients; it opens in the view last used on
    this workstation (setting calendar/view)."""

    def __init__(self, ctx, parent: QWidget | None = None) -> None:
        from ....services.calendar import provider_range

        try:
            mode = CalendarMode(ctx.settings.get("calendar/view"))
        except ValueError:
            mode = CalendarMode.WEEK
        actor = ctx.actor
        super().__init__(lambda start, end: provider_range(actor, start, end), actor.time_zone, ctx.now,
                         mode=mode, day_hours=day_hours(ctx.settings), reader=ctx.reads, parent=parent)
        self.setObjectName("providerCalendar")
        self.mode_changed.connect(lambda m: ctx.settings.set("calendar/view", m.value))
