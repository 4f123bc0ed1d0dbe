"""The painted part of the practice calendar: every provider side by side.

- Day: one column per provider, hours down the side.
- Week: one row per provider, seven day columns; each appointment a bar placed by its time of
  day within the working hours (a 20-provider week fits a 1366 × 768 screen; the tooltip and
  the detail line say who and when).
- Month: six weeks of day cells; each says how many appointments the day holds and lists the
  first ones that fit ("+n more").

Everything a paint needs is prepared when the rows, the providers or the size change
(``_relayout``): the boxes with their elided text, the pens and brushes per status, the fonts,
and the grid itself as a pixmap. Only what is drawn is placed (a month: the lines its cells show).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from operator import itemgetter
from zoneinfo import ZoneInfo

from PySide6.QtCore import QEvent, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QPainter, QPen, QPixmap
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from ....rules.datefmt import weekday, weekday_and_day
from ....rules.timefmt import format_range
from ....rules.vocabulary import AppointmentStatus, status_label_at
from ....services.practice_calendar import PracticeProvider, PracticeRow
from ...theme import colour
from .layout import SERIES_MARK, CalendarMode, side_by_side
from .practice_style import PracticeStyle

HEADER = 30  # day names / provider names (two lines of 11 px)
GUTTER = 48  # hour labels (day view)
NAMES = 150  # provider names (week view)
LINE = 16  # one line of a month cell
ROW_MAX = 44  # a week row's height at most


@dataclass(frozen=True)
class Box:
    rect: QRectF
    row: PracticeRow
    lines: tuple[str, ...]  # already elided to the box's width


def describe(row: PracticeRow, provider: str, zone: str, now: datetime) -> str:
    """One appointment in words: tooltip, detail line, accessible text."""
    status = status_label_at(row.status, row.start, row.end, now)
    text = f"{row.client_name} with {provider}, {format_range(row.start, row.end, zone)}: {status}"
    if row.in_series:
        text += " (repeating)"
    if row.telehealth:
        text += " · telehealth"
    return text


class PracticeGrid(QWidget):
    item_clicked = Signal(int)  # appointment id
    day_activated = Signal(object)  # a date (double-click on a month cell or a week column)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("practiceGrid")
        self.setAccessibleName("Practice calendar grid")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(480, 320)
        self.mode = CalendarMode.DAY
        self.days: list[date] = []
        self.anchor: date | None = None
        self.providers: list[PracticeProvider] = []
        self.zone = "UTC"
        self.rows: Sequence[PracticeRow] = ()
        self.now: datetime | None = None
        self.today: date | None = None
        self.selected_id: int | None = None
        self.day_hours = (7, 20)
        self._hours = self.day_hours
        self._names: dict[int, str] = {}
        self._local: list[tuple[PracticeRow, int, int, int]] = []  # row, day index, start, end minute
        self._boxes: list[Box] = []
        self._pixmap: QPixmap | None = None
        self._style: PracticeStyle | None = None
        self._headings: dict[int, str] = {}  # month: a day's number and count, as its cell draws it
        self._more: dict[int, tuple[QRectF, str]] = {}  # month: "+n more", under the day's boxes
        self.layouts = 0  # how often the boxes were placed (tests: not on a paint)

    # ------------------------------------------------------------ data

    def set_content(self, mode: CalendarMode, days: Sequence[date], anchor: date, zone: str,
                    providers: Sequence[PracticeProvider], rows: Sequence[PracticeRow], now: datetime) -> None:
        self.mode, self.days, self.anchor, self.zone = mode, list(days), anchor, zone
        self.providers, self.rows, self.now = list(providers), rows, now
        self._names = {p.id: p.name for p in self.providers}
        tz = ZoneInfo(zone)
        self.today = now.astimezone(tz).date()
        index = {d: i for i, d in enumerate(self.days)}
        shown = set(self._names)
        local = []
        first, last = self.day_hours
        # Instants repeat (every provider at 09:00): each converted to (day index, minute) once.
        walls: dict[datetime, tuple[int | None, int]] = {}

        def wall(instant: datetime) -> tuple[int | None, int]:
            t = instant.astimezone(tz)
            got = walls[instant] = (index.get(t.date()), t.hour * 60 + t.minute)
            return got

        get, month = walls.get, mode is CalendarMode.MONTH
        for row in rows:
            if row.provider_id not in shown:  # a provider filtered out, or no longer active
                continue
            day, m0 = get(row.start) or wall(row.start)
            if day is None:
                continue
            if month:  # a month cell needs the day and the start only
                local.append((row, day, m0, m0))
                continue
            end_day, m1 = get(row.end) or wall(row.end)
            if end_day != day:
                m1 = 24 * 60
            local.append((row, day, m0, max(m1, m0 + 15)))
            if mode is CalendarMode.DAY:
                first, last = min(first, m0 // 60), max(last, -(-m1 // 60))
        self._local = local
        self._hours = (first, min(last, 24))
        self._relayout()
        self.update()

    def boxes(self) -> list[Box]:
        return list(self._boxes)

    def changeEvent(self, event) -> None:  # noqa: N802
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.PaletteChange, QEvent.Type.StyleChange):
            self._style = None
            self._relayout()
        super().changeEvent(event)

    def resizeEvent(self, event) -> None:  # noqa: N802
        self._relayout()
        super().resizeEvent(event)

    # ------------------------------------------------------------ geometry (on change, never on paint)

    def _relayout(self) -> None:
        self._boxes, self._headings, self._more = [], {}, {}
        self._pixmap = None
        if not self.days or self.width() <= 0:
            return
        if self._style is None:
            self._style = PracticeStyle(self.font())
        self.layouts += 1
        if self.mode is CalendarMode.DAY:
            self._place_day()
        elif self.mode is CalendarMode.WEEK:
            self._place_week()
        else:
            self._place_month()

    def _elide(self, text: str, width: float) -> str:
        return self._style.metrics.elidedText(text, Qt.TextElideMode.ElideRight, max(int(width), 0))

    def _y(self, minute: int) -> float:
        first, last = self._hours
        return HEADER + (self.height() - HEADER - 1) * (minute - first * 60) / ((last - first) * 60)

    def _row_height(self) -> float:
        """A week row per provider: the height shared out, at most ROW_MAX (a few providers)."""
        return min((self.height() - HEADER - 1) / max(len(self.providers), 1), ROW_MAX)

    def _column(self) -> dict[int, int]:
        return {p.id: i for i, p in enumerate(self.providers)}

    def _place_day(self) -> None:
        column = self._column()
        cw = (self.width() - GUTTER - 1) / max(len(self.providers), 1)
        line_h = self._style.metrics.height()
        by_column: dict[int, list[tuple[PracticeRow, int, int]]] = {}
        for row, _day, m0, m1 in self._local:
            by_column.setdefault(column[row.provider_id], []).append((row, m0, m1))
        for col, items in by_column.items():
            for row, m0, m1, lane, lanes in side_by_side(items):
                x = GUTTER + col * cw + 1 + (cw - 2) * lane / lanes
                w = max((cw - 2) / lanes - 1, 4)
                y0, y1 = self._y(m0), self._y(m1)
                rect = QRectF(x, y0 + 1, w, max(y1 - y0 - 2, 10))
                mark = f"{SERIES_MARK} " if row.in_series else ""
                # Narrow (20 providers): the name first, its place in the column says the time.
                lines = [row.client_name if w < 100 else f"{mark}{m0 // 60:02d}:{m0 % 60:02d} {row.client_name}"]
                if rect.height() >= 2 * line_h:
                    lines.append(status_label_at(row.status, row.start, row.end, self.now))
                self._boxes.append(Box(rect, row, tuple(self._elide(t, w - 6) for t in lines)))

    def _place_week(self) -> None:
        row_of = self._column()
        rh = self._row_height()
        cw = (self.width() - NAMES - 1) / 7
        first, last = self._hours
        span = (last - first) * 60
        for row, day, m0, m1 in self._local:
            a, b = max(m0, first * 60), min(m1, last * 60)
            if b <= a:
                a, b = (first * 60, first * 60 + 15) if m0 < first * 60 else (last * 60 - 15, last * 60)
            x = NAMES + day * cw + 3 + (cw - 6) * (a - first * 60) / span
            w = max((cw - 6) * (b - a) / span - 1, 3)
            y = HEADER + row_of[row.provider_id] * rh + 3
            self._boxes.append(Box(QRectF(x, y, w, max(rh - 6, 4)), row, ()))

    def _place_month(self) -> None:
        cw = (self.width() - 1) / 7
        ch = (self.height() - HEADER - 1) / 6
        per_cell = max(int((ch - LINE - 4) // LINE), 0)
        one = len(self.providers) == 1
        # Each day's rows, the cancelled ones after the others, each part by start (the rows come
        # in time order, so the sorts are a pass each), and how many were not held.
        by_day: dict[int, tuple[list, list, list[int]]] = {}
        struck, scheduled, start = self._style.cancelled, AppointmentStatus.SCHEDULED, itemgetter(1)
        for row, day, m0, _m1 in self._local:
            parts = by_day.get(day) or by_day.setdefault(day, ([], [], [0]))
            parts[row.status in struck].append((row, m0))
            if row.status != scheduled:
                parts[2][0] += 1
        for day, (first, struck_out, (cancelled,)) in by_day.items():
            items = sorted(first, key=start) + sorted(struck_out, key=start)
            n = len(items)
            not_held = f" · {cancelled} not held" if cancelled else ""
            self._headings[day] = self._heading(day, f"{n} appointment{'s' if n != 1 else ''}{not_held}",
                                                f"{n} booked{not_held}", cw - 8)
            x, y = (day % 7) * cw, HEADER + (day // 7) * ch + LINE + 2
            shown = items if len(items) <= per_cell else items[:max(per_cell - 1, 0)]
            for i, (row, m0) in enumerate(shown):  # only the lines the cell draws become boxes
                who = row.client_name if one else f"{self._names[row.provider_id]} · {row.client_name}"
                text = f"{m0 // 60:02d}:{m0 % 60:02d} {who}"
                self._boxes.append(Box(QRectF(x + 2, y + i * LINE, cw - 4, LINE - 1), row,
                                       (self._elide(text, cw - 10),)))
            if len(shown) < len(items):  # on the line under the boxes (inside the cell when it is short)
                top = min(y + len(shown) * LINE, HEADER + (day // 7 + 1) * ch - LINE - 1)
                self._more[day] = (QRectF(x + 4, top, cw - 8, LINE), f"+{len(items) - len(shown)} more")

    def _heading(self, day: int, count: str, short: str, width: float) -> str:
        """A month cell's first line: its number and count (``short`` where that does not fit), elided in its font."""
        today = self.days[day] == self.today
        head = f"{self.days[day].day}" + (" · Today" if today else "")
        fm = self._style.bold_metrics if today else self._style.metrics
        line = f"{head}  {count}" if count else head
        if count and fm.horizontalAdvance(line) > width:
            line = f"{head}  {short}"
        return fm.elidedText(line, Qt.TextElideMode.ElideRight, max(int(width), 0))

    # ------------------------------------------------------------ painting

    def _background(self) -> QPixmap:
        """The grid, headers and names: drawn once per layout, then reused by every paint."""
        ratio = self.devicePixelRatioF()
        pixmap = QPixmap(int(self.width() * ratio), int(self.height() * ratio))
        pixmap.setDevicePixelRatio(ratio)
        pixmap.fill(self._style.background)
        p = QPainter(pixmap)
        st = self._style
        p.setFont(st.small)
        w, h = self.width(), self.height()
        if self.mode is CalendarMode.DAY:
            cw = (w - GUTTER - 1) / max(len(self.providers), 1)
            p.setPen(st.ink)
            for i, prov in enumerate(self.providers):  # two lines when narrow ("Provider" / "01")
                p.drawText(QRectF(GUTTER + i * cw + 1, 0, cw - 2, HEADER),
                           Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, prov.name)
            first, last = self._hours
            for hour in range(first, last + 1):
                y = self._y(hour * 60)
                p.setPen(st.grid)
                p.drawLine(QPointF(GUTTER, y), QPointF(w, y))
                if hour < last:
                    p.setPen(st.muted)
                    p.drawText(QRectF(0, y - 2, GUTTER - 6, 16), Qt.AlignmentFlag.AlignRight, f"{hour:02d}:00")
            p.setPen(st.grid)
            for i in range(len(self.providers) + 1):
                p.drawLine(QPointF(GUTTER + i * cw, HEADER), QPointF(GUTTER + i * cw, h))
        elif self.mode is CalendarMode.WEEK:
            rh = self._row_height()
            cw = (w - NAMES - 1) / 7
            bottom = HEADER + len(self.providers) * rh
            for i, day in enumerate(self.days):
                if day == self.today:
                    p.fillRect(QRectF(NAMES + i * cw, 0, cw, bottom), self._style.today)
                p.setFont(st.bold if day == self.today else st.small)
                p.setPen(st.ink)
                p.drawText(QRectF(NAMES + i * cw, 0, cw, HEADER), Qt.AlignmentFlag.AlignCenter, weekday_and_day(day))
            p.setFont(st.small)
            for i, prov in enumerate(self.providers):
                y = HEADER + i * rh
                p.setPen(st.ink)
                p.drawText(QRectF(4, y, NAMES - 8, rh), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                           self._elide(prov.name, NAMES - 8))
                p.setPen(st.grid)
                p.drawLine(QPointF(0, y), QPointF(w, y))
            p.drawLine(QPointF(0, bottom), QPointF(w, bottom))
            first, last = self._hours
            for i in range(8):
                p.setPen(st.grid)
                p.drawLine(QPointF(NAMES + i * cw, 0), QPointF(NAMES + i * cw, bottom))
                p.setPen(QPen(self._style.grid_colour, 1, Qt.PenStyle.DotLine))  # every third hour, to read the bars by
                for hour in range(first + 3 - first % 3, last, 3) if i < 7 else ():
                    x = NAMES + i * cw + 3 + (cw - 6) * (hour - first) / (last - first)
                    p.drawLine(QPointF(x, HEADER), QPointF(x, bottom))
        else:
            cw, ch = (w - 1) / 7, (h - HEADER - 1) / 6
            for col in range(7):
                p.setPen(st.ink)
                p.drawText(QRectF(col * cw, 0, cw, HEADER), Qt.AlignmentFlag.AlignCenter, weekday(self.days[col]))
            for i, day in enumerate(self.days):
                cell = QRectF((i % 7) * cw, HEADER + (i // 7) * ch, cw, ch)
                if self.anchor is not None and day.month != self.anchor.month:
                    p.fillRect(cell, self._style.other_month)
                if day == self.today:
                    p.fillRect(cell, self._style.today)
                p.setPen(st.grid)
                p.drawRect(cell)
                p.setFont(st.bold if day == self.today else st.small)
                p.setPen(st.ink)
                p.drawText(cell.adjusted(4, 1, -4, 0), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop,
                           self._headings.get(i) or self._heading(i, "", "", cw - 8))
                if i in self._more:
                    p.setFont(st.small)
                    p.setPen(st.muted)
                    rect, more = self._more[i]
                    p.drawText(rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, more)
        p.end()
        return pixmap

    def paintEvent(self, event) -> None:  # noqa: N802
        painter = QPainter(self)
        if not self.days or self._style is None:
            painter.fillRect(self.rect(), colour("grid"))
            return
        if self._pixmap is None:
            self._pixmap = self._background()
        painter.drawPixmap(0, 0, self._pixmap)
        st = self._style
        painter.setFont(st.small)
        scheduled = st.status[AppointmentStatus.SCHEDULED]
        month = self.mode is CalendarMode.MONTH
        line_h = st.metrics.height()
        for box in self._boxes:
            brush, pen, ink = st.status.get(box.row.status, scheduled)
            painter.setBrush(brush)
            painter.setPen(st.selected if box.row.id == self.selected_id else pen)
            painter.drawRect(box.rect)
            if box.lines:
                painter.setFont(st.struck if month and box.row.status in st.cancelled else st.small)
                painter.setPen(ink)
                y = box.rect.top()
                for line in box.lines:
                    painter.drawText(QRectF(box.rect.left() + 4, y, box.rect.width() - 6, line_h),
                                     Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, line)
                    y += line_h
        painter.end()

    # ------------------------------------------------------------ mouse

    def item_at(self, pos: QPointF) -> PracticeRow | None:
        for box in reversed(self._boxes):
            if box.rect.contains(pos):
                return box.row
        return None

    def day_at(self, pos: QPointF) -> date | None:
        if not self.days or pos.y() < HEADER:
            return None
        if self.mode is CalendarMode.MONTH:
            i = int((pos.y() - HEADER) // ((self.height() - HEADER - 1) / 6)) * 7 + int(pos.x() // ((self.width() - 1) / 7))
        elif self.mode is CalendarMode.WEEK:
            i = int((pos.x() - NAMES) // ((self.width() - NAMES - 1) / 7)) if pos.x() >= NAMES else -1
        else:
            i = 0
        return self.days[i] if 0 <= i < len(self.days) else None

    def event(self, event) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            row = self.item_at(QPointF(event.pos()))
            if row is not None and self.now is not None:
                QToolTip.showText(event.globalPos(), describe(row, self._names.get(row.provider_id, ""), self.zone,
                                                              self.now), self)
            else:
                QToolTip.hideText()
            return True
        return super().event(event)

    def mousePressEvent(self, event) -> None:  # noqa: N802
        row = self.item_at(event.position())
        if row is not None:
            self.item_clicked.emit(row.id)
        super().mousePressEvent(event)

    def mouseDoubleClickEvent(self, event) -> None:  # noqa: N802
        day = self.day_at(event.position())
        if day is not None and self.item_at(event.position()) is None:
            self.day_activated.emit(day)
