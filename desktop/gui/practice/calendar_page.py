"""Practice calendar: every provider's day and week side by side, and the month, for the owner
and the front desk; filtered to one provider or all of them.

The page reads the providers (its ``loader``, on the reader); each visible range is one more
read on the reader (slot ``range``) of every shown provider's rows. Navigating shows the new
period at once and its rows when they come; a read for a period left meanwhile is dropped.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QWidget

from ...rules.timefmt import zone_abbreviation
from ...services import practice_calendar
from ...services.practice_calendar import PracticeProvider, PracticeRow
from ...services.result import Change
from ..widgets.calendar.controls import bar_button, mode_buttons
from ..widgets.calendar.layout import CalendarMode, step, title, utc_range, visible_days
from ..widgets.calendar.practice_grid import PracticeGrid, describe
from ..widgets.page import Page, muted, page_layout

ALL = 0  # the provider filter's "All providers"


class PracticeCalendarPage(Page):
    title = "Practice calendar"
    interests = Change.APPOINTMENTS | Change.PEOPLE

    def __init__(self, ctx, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("practiceCalendarPage")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.zone = ctx.actor.time_zone
        self.mode = CalendarMode.DAY
        self.anchor: date = ctx.now().astimezone(ZoneInfo(self.zone)).date()
        self.providers: list[PracticeProvider] = []
        self.rows: list[PracticeRow] = []
        self.range_reads = 0  # range queries asked (tests: navigation does not over-read)
        self.range_loads = 0
        self._have: tuple[tuple, list[PracticeRow]] | None = None  # (key, rows)
        self._want: tuple | None = None
        self._select_when_read: int | None = None  # an appointment Find asked for, until its rows come

        layout = page_layout(self, self.title)
        bar = QHBoxLayout()
        self.prev_button = self._button("◀", "previousButton", "Previous period (Page Up)")
        self.today_button = self._button("Today", "todayButton", "Go to today (T)")
        self.next_button = self._button("▶", "nextButton", "Next period (Page Down)")
        self.title_label = QLabel(self)
        self.title_label.setObjectName("calendarTitle")
        self.title_label.setProperty("role", "subheading")
        for w in (self.prev_button, self.today_button, self.next_button):
            bar.addWidget(w)
        bar.addSpacing(8)
        bar.addWidget(self.title_label)
        bar.addStretch(1)
        self.provider_combo = QComboBox(self)
        self.provider_combo.setObjectName("providerFilter")
        self.provider_combo.setAccessibleName("Show providers")
        self.provider_combo.setMinimumContentsLength(18)
        self.provider_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.provider_combo.currentIndexChanged.connect(lambda _i: self._apply())
        filter_label = QLabel("&Providers:", self)
        filter_label.setBuddy(self.provider_combo)
        bar.addWidget(filter_label)
        bar.addWidget(self.provider_combo)
        bar.addSpacing(8)
        self.mode_buttons = mode_buttons(self, bar, self.set_mode)
        layout.addLayout(bar)
        self.grid = PracticeGrid(self)
        layout.addWidget(self.grid, 1)
        self.detail = muted("", self)
        self.detail.setObjectName("practiceDetail")
        self.zone_label = muted("", self)
        self.zone_label.setObjectName("calendarZone")
        foot = QHBoxLayout()
        foot.addWidget(self.detail, 1)
        foot.addWidget(self.zone_label)
        layout.addLayout(foot)
        self.prev_button.clicked.connect(lambda: self.go(-1))
        self.next_button.clicked.connect(lambda: self.go(1))
        self.today_button.clicked.connect(self.go_today)
        self.grid.item_clicked.connect(self._select)
        self.grid.day_activated.connect(lambda day: self.go_to(day, CalendarMode.DAY))
        self._render()

    def _button(self, text: str, name: str, tip: str) -> QPushButton:
        return bar_button(self, text, name, tip)

    # ------------------------------------------------------------ the providers (the page's read)

    def loader(self):
        actor = self.ctx.actor
        return lambda: practice_calendar.practice_providers(actor)

    def show_loaded(self, providers: list[PracticeProvider]) -> None:
        chosen = self.provider_combo.currentData()
        self.providers = [p for p in providers if p.active]
        self.provider_combo.blockSignals(True)
        self.provider_combo.clear()
        self.provider_combo.addItem(f"All providers ({len(self.providers)})", ALL)
        for p in self.providers:
            self.provider_combo.addItem(p.name, p.id)
        i = self.provider_combo.findData(chosen) if chosen is not None else 0
        self.provider_combo.setCurrentIndex(max(i, 0))
        self.provider_combo.blockSignals(False)
        # A change (of people or appointments): read the range again, showing the rows read
        # before until the new ones come (no blank grid on every change on another workstation).
        self._want = None
        if self._have is not None:
            self._have = ((), self._have[1])
        self._apply()

    def shown_providers(self) -> list[PracticeProvider]:
        chosen = self.provider_combo.currentData()
        if chosen in (None, ALL):
            return self.providers
        return [p for p in self.providers if p.id == chosen]

    def choose_provider(self, provider_id: int | None) -> None:
        """Show one provider (None: all of them), as choosing in the combo does."""
        self.provider_combo.setCurrentIndex(max(self.provider_combo.findData(provider_id or ALL), 0))

    # ------------------------------------------------------------ navigation

    def set_mode(self, mode: CalendarMode) -> None:
        self.mode = mode
        self._apply()

    def go(self, direction: int) -> None:
        self.anchor = step(self.anchor, self.mode, direction)
        self._apply()

    def go_today(self) -> None:
        self.anchor = self.ctx.now().astimezone(ZoneInfo(self.zone)).date()
        self._apply()

    def go_to(self, day: date, mode: CalendarMode | None = None) -> None:
        self.anchor = day
        self.mode = mode or self.mode
        self._apply()

    def visible_range(self) -> tuple[datetime, datetime]:
        return utc_range(visible_days(self.anchor, self.mode), self.zone)

    def _key(self) -> tuple:
        ids = None if self.provider_combo.currentData() in (None, ALL) else (self.provider_combo.currentData(),)
        return (*self.visible_range(), ids)

    def is_loading(self) -> bool:
        return self._have is None or self._have[0] != self._key()

    def _apply(self) -> None:
        if not self.providers:
            self._render()
            return
        key = self._key()
        if self._have is not None and self._have[0] == key:
            if self._want is not None:
                self.ctx.reads.cancel(self, "range")
            self._want = None
        elif key != self._want:
            self._want = key
            self.range_reads += 1
            actor, (start, end, ids) = self.ctx.actor, key
            self.ctx.reads.run(lambda: practice_calendar.practice_range(actor, start, end,
                                                                        list(ids) if ids else None),
                               owner=self, slot="range", on_done=lambda rows: self._take(key, rows),
                               on_error=self.load_failed)
        self._render()

    def _take(self, key: tuple, rows: list[PracticeRow]) -> None:
        self._have, self._want = (key, rows), None
        self.range_loads += 1
        self._render()

    def _render(self) -> None:
        days = visible_days(self.anchor, self.mode)
        start, end = utc_range(days, self.zone)
        if self._have is None:
            rows: list[PracticeRow] = []
        elif self._have[0] == self._key():
            rows = self._have[1]
        else:  # until the period's own rows come, those already read that fall in it
            rows = [r for r in self._have[1] if r.end > start and r.start < end]
        self.rows = rows
        now = self.ctx.now()
        shown = self.shown_providers()
        self.title_label.setText(title(self.anchor, self.mode))
        self.zone_label.setText(f"Times in {self.zone} ({zone_abbreviation(now, self.zone)})")
        self.mode_buttons[self.mode].setChecked(True)
        self.grid.set_content(self.mode, days, self.anchor, self.zone, shown, rows, now)
        ids = {p.id for p in shown}
        count = sum(1 for r in rows if r.start >= start and r.provider_id in ids)
        self.setAccessibleDescription(f"{self.mode.label} view, {title(self.anchor, self.mode)}, "
                                      f"{len(shown)} provider{'s' if len(shown) != 1 else ''}: "
                                      f"{count} appointment{'s' if count != 1 else ''}.")
        if self._select_when_read is not None and any(r.id == self._select_when_read for r in rows):
            self._select(self._select_when_read)
            self._select_when_read = None
        elif self.grid.selected_id is not None and all(r.id != self.grid.selected_id for r in rows):
            self.grid.selected_id = None
            self.detail.setText("")

    def show_found(self, found) -> None:
        """Find's choice: its day, every provider shown (the day view, unless the week is shown),
        the appointment selected once that range is read."""
        self._select_when_read = found.id
        self.choose_provider(None)
        day = found.start.astimezone(ZoneInfo(self.zone)).date()
        self.go_to(day, CalendarMode.DAY if self.mode is CalendarMode.MONTH else None)

    def _select(self, appointment_id: int) -> None:
        self.grid.selected_id = appointment_id
        self.grid.update()
        row = next((r for r in self.rows if r.id == appointment_id), None)
        if row is not None:
            name = next((p.name for p in self.providers if p.id == row.provider_id), "")
            self.detail.setText(describe(row, name, self.zone, self.ctx.now()))

    def keyPressEvent(self, event) -> None:  # noqa: N802
        keys = {Qt.Key.Key_PageUp: lambda: self.go(-1), Qt.Key.Key_PageDown: lambda: self.go(1),
                Qt.Key.Key_T: self.go_today, Qt.Key.Key_D: lambda: self.set_mode(CalendarMode.DAY),
                Qt.Key.Key_W: lambda: self.set_mode(CalendarMode.WEEK),
                Qt.Key.Key_M: lambda: self.set_mode(CalendarMode.MONTH),
                Qt.Key.Key_Left: lambda: self.go_to(self.anchor - timedelta(days=1)),
                Qt.Key.Key_Right: lambda: self.go_to(self.anchor + timedelta(days=1))}
        action = keys.get(event.key())
        if action is None:
            super().keyPressEvent(event)
        else:
            action()
