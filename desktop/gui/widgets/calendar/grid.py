"""The painted part of the calendar: a time grid (day, week) or a month grid.

Prepared when the rows, the size, the font or the scheme change (``_relayout``): the boxes and
their elided lines, pens and fonts (``style.py``), the grid as a pixmap (hours, today, the time
line: kept from week to week while those stay). ``paintEvent`` draws it, day names and boxes."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import QEvent, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QPainter, QPixmap
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from ....rules.datefmt import hour_label, weekday, weekday_and_day
from ....rules.timefmt import format_range
from ....rules.vocabulary import AppointmentStatus
from ....services.calendar import CalendarRow
from ...theme import colour
from .layout import SERIES_MARK, CalendarMode, Placed, hour_span, place
from .style import GridStyle

GUTTER = 52  # hour labels
HEADER = 28  # day names
MONTH_LINE = 17


@dataclass(frozen=True)
class ItemBox:
    rect: QRectF
    row: CalendarRow
    lines: tuple[str, ...]  # the words, whole
    shown: tuple[str, ...] = ()  # what the box draws: the lines that fit, elided to its width
    text: str = ""  # shown, one per line: drawn by one drawText


# The month grid's status words. Both sides read them (the provider's calendar and the
# client's), so they name who cancelled rather than saying "me".
SHORT_STATUS = {AppointmentStatus.SCHEDULED: "", AppointmentStatus.CANCELLED_BY_CLIENT: "Client cancelled",
                AppointmentStatus.LATE_CANCELLED: "Late-cancelled", AppointmentStatus.NO_SHOW: "No-show",
                AppointmentStatus.CANCELLED_BY_PROVIDER: "Provider cancelled"}


def describe(row: CalendarRow, zone: str) -> str:
    """One appointment in words (tooltips and accessible text)."""
    text = f"{row.who or row.client_name}, {format_range(row.start, row.end, zone)}: {row.status_label}"
    if row.in_series:
        text += " (repeating)"
    if row.late_request_pending:
        text += "; late-cancellation request pending"
    if row.urgent:
        text += f"; {URGENT_WORDS}"
    return text


# The urgent marker (rule 6) in words: shown on the item and read by screen readers.
URGENT_WORDS = "urgent: the client asked to be contacted"
CANCELLED = frozenset(s.value for s in AppointmentStatus if s.is_cancelled)  # struck through in a month


class CalendarGrid(QWidget):
    item_clicked = Signal(int)  # appointment id
    item_activated = Signal(int)  # double-click / Enter
    day_activated = Signal(object)  # a date (double-click on a month cell or an empty slot)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("calendarGrid")
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(480, 360)
        self.mode = CalendarMode.WEEK
        self.days: list[date] = []
        self.anchor: date | None = None
        self.zone = "UTC"
        self.rows: list[CalendarRow] = []
        self.now: datetime | None = None
        self.today: date | None = None
        self.selected_id: int | None = None
        self._placed: list[Placed] = []
        self._boxes: list[ItemBox] = []
        self._more: list[tuple[QRectF, str]] = []
        self.day_hours = (7, 20)  # the working day shown at least (settings calendar/day_*_hour)
        self._hours = self.day_hours
        self._style: GridStyle | None = None
        self._pixmap: QPixmap | None = None
        self._pixmap_key: tuple | None = None  # a day / week grid is kept while this stays the same
        self.layouts = 0  # how often the boxes were placed (tests: not on a paint, again on a scheme change)

    # ------------------------------------------------------------ data

    def set_content(self, mode: CalendarMode, days: Sequence[date], anchor: date, zone: str,
                    rows: Sequence[CalendarRow], now: datetime) -> None:
        self.mode, self.days, self.anchor, self.zone = mode, list(days), anchor, zone
        self.rows, self.now = list(rows), now
        self.today = now.astimezone(ZoneInfo(zone)).date()
        self._placed = place(self.rows, self.days, zone)
        self._hours = hour_span(self._placed, *self.day_hours)
        self._relayout()
        self.update()

    @property
    def hours(self) -> tuple[int, int]:
        """The first and last hour the day and week views show now."""
        return self._hours

    def boxes(self) -> list[ItemBox]:
        return list(self._boxes)

    # ------------------------------------------------------------ geometry

    def resizeEvent(self, event) -> None:  # noqa: N802
        self._relayout()
        super().resizeEvent(event)

    def changeEvent(self, event) -> None:  # noqa: N802
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.PaletteChange, QEvent.Type.StyleChange):
            self._style = self._pixmap_key = None  # the scheme (or font) changed: new pens, elisions, pixmap
            self._relayout()
            self.update()
        super().changeEvent(event)

    def _columns(self) -> int:
        return 7 if self.mode is not CalendarMode.DAY else 1

    def _relayout(self) -> None:
        self._boxes, self._more = [], []
        if self.days and self.width() > 0 and self._style is None:
            self._style = GridStyle(self.font())
        key = self._grid_key()
        if key is None or key != self._pixmap_key:
            self._pixmap, self._pixmap_key = None, key
        if not self.days or self.width() <= 0:
            return
        self.layouts += 1
        if self.mode is CalendarMode.MONTH:
            self._relayout_month()
        else:
            self._relayout_time()

    def _grid_key(self) -> tuple | None:
        """What a day / week grid's pixmap shows (day names are drawn on each paint): weeks
        without today share one. None for a month (its day numbers are in the pixmap)."""
        if self.mode is CalendarMode.MONTH or not self.days or self._style is None:
            return None
        today = self.days.index(self.today) if self.today in self.days else None
        minute = None
        if today is not None and self.now is not None:
            local = self.now.astimezone(ZoneInfo(self.zone))
            minute = local.hour * 60 + local.minute
        return self.mode, self.width(), self.height(), self._hours, today, minute

    def _col_width(self) -> float:
        return (self.width() - GUTTER - 1) / self._columns()

    def _minute_y(self, minute: int) -> float:
        first, last = self._hours
        span = (last - first) * 60
        return HEADER + (self.height() - HEADER - 1) * (minute - first * 60) / span

    def _relayout_time(self) -> None:
        cw = self._col_width()
        for p in self._placed:
            x = GUTTER + p.day_index * cw + 2 + (cw - 4) * p.lane / p.lanes
            w = (cw - 4) / p.lanes - 2
            y1, y2 = self._minute_y(p.start_minute), self._minute_y(p.end_minute)
            row = p.row
            mark = f"{SERIES_MARK} " if row.in_series else ""
            when = f"{p.start_minute // 60:02d}:{p.start_minute % 60:02d}"
            status = f"Urgent · {row.status_label}" if row.urgent else row.status_label
            lines = (f"{mark}{when} {row.who or row.client_name}", status)
            rect = QRectF(x, y1 + 1, max(w, 8), max(y2 - y1 - 2, 12))
            self._boxes.append(ItemBox(rect, row, lines, *self._shown_lines(rect, lines)))

    def _relayout_month(self) -> None:
        cw = (self.width() - 1) / 7
        ch = (self.height() - HEADER - 1) / 6
        per_cell = max(int((ch - MONTH_LINE - 4) // MONTH_LINE), 1)
        by_day: dict[int, list[Placed]] = {}
        for p in sorted(self._placed, key=lambda p: p.start_minute):
            by_day.setdefault(p.day_index, []).append(p)
        for day_index, items in by_day.items():
            col, line = day_index % 7, day_index // 7
            x, y = col * cw, HEADER + line * ch + MONTH_LINE + 2
            if len(items) > per_cell:
                # A full day shows what will happen first: scheduled before cancelled (each in time order).
                items.sort(key=lambda p: (AppointmentStatus(p.row.status).is_cancelled, p.start_minute))
            shown = items if len(items) <= per_cell else items[:per_cell - 1]
            for i, p in enumerate(shown):
                row = p.row
                mark = f"{SERIES_MARK} " if row.in_series else ""
                short = SHORT_STATUS.get(row.status, "")
                when = f"{p.start_minute // 60:02d}:{p.start_minute % 60:02d}"
                # The status word comes before the name so eliding never hides it.
                who = row.who or row.client_name
                text = f"{mark}{when} {short}: {who}" if short else f"{mark}{when} {who}"
                if row.urgent:
                    text = f"! {text}"
                rect = QRectF(x + 2, y + i * MONTH_LINE, cw - 4, MONTH_LINE - 1)
                self._boxes.append(ItemBox(rect, row, (text,), *self._shown_lines(rect, (text,))))
            if len(shown) < len(items):
                self._more.append((QRectF(x + 4, y + len(shown) * MONTH_LINE, cw - 8, MONTH_LINE - 1),
                                   f"+{len(items) - len(shown)} more"))

    # ------------------------------------------------------------ painting

    def _background(self) -> QPixmap:
        """The grid, its headings and the current-time line: drawn once per layout, reused by paints."""
        ratio = self.devicePixelRatioF()
        pixmap = QPixmap(int(self.width() * ratio), int(self.height() * ratio))
        pixmap.setDevicePixelRatio(ratio)
        pixmap.fill(self._style.background)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if self.mode is CalendarMode.MONTH:
            self._paint_month_grid(painter)
        else:
            self._paint_time_grid(painter)
        painter.end()
        return pixmap

    def paintEvent(self, event) -> None:  # noqa: N802
        painter = QPainter(self)
        if not self.days or self._style is None:
            painter.fillRect(self.rect(), colour("grid"))
            return
        if self._pixmap is None:
            self._pixmap = self._background()
        painter.drawPixmap(0, 0, self._pixmap)
        if self.mode is not CalendarMode.MONTH:
            self._paint_day_names(painter)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        self._paint_items(painter)
        owner = self.parentWidget()
        if owner is not None and owner.hasFocus():
            # The calendar has the keyboard (its arrow keys, N / P, Enter): the theme's focus ring.
            painter.setPen(self._style.focus)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(QRectF(self.rect()).adjusted(1, 1, -1, -1))
        painter.end()

    def _paint_time_grid(self, painter: QPainter) -> None:
        st = self._style
        cw = self._col_width()
        first, last = self._hours
        for i, day in enumerate(self.days):
            if day == self.today:
                painter.fillRect(QRectF(GUTTER + i * cw, 0, cw, self.height()), st.today)
        painter.setFont(st.small)
        for hour in range(first, last + 1):
            y = self._minute_y(hour * 60)
            painter.setPen(st.grid_line)
            painter.drawLine(QPointF(GUTTER, y), QPointF(self.width(), y))
            if hour < last:
                painter.setPen(st.ink)
                painter.drawText(QRectF(0, y - 2, GUTTER - 6, 16), Qt.AlignmentFlag.AlignRight, hour_label(hour))
        painter.setPen(st.grid_line)
        for i in range(len(self.days) + 1):
            x = GUTTER + i * cw
            painter.drawLine(QPointF(x, 0), QPointF(x, self.height()))
        # The current-time line, in the viewer's zone (``now`` changes only with the content).
        if self.now is not None and self.today in self.days:
            local = self.now.astimezone(ZoneInfo(self.zone))
            minute = local.hour * 60 + local.minute
            if first * 60 <= minute <= last * 60:
                i = self.days.index(self.today)
                y = self._minute_y(minute)
                painter.setPen(st.now_line)
                painter.drawLine(QPointF(GUTTER + i * cw, y), QPointF(GUTTER + (i + 1) * cw, y))
                painter.setBrush(st.now_dot)
                painter.drawEllipse(QPointF(GUTTER + i * cw, y), 4, 4)

    def _paint_day_names(self, painter: QPainter) -> None:
        st, cw = self._style, self._col_width()
        painter.setPen(st.heading)
        for i, day in enumerate(self.days):
            painter.setFont(st.small_bold if day == self.today else st.small)
            painter.drawText(QRectF(GUTTER + i * cw, 0, cw, HEADER), Qt.AlignmentFlag.AlignCenter, weekday_and_day(day))

    def _paint_month_grid(self, painter: QPainter) -> None:
        st = self._style
        cw = (self.width() - 1) / 7
        ch = (self.height() - HEADER - 1) / 6
        painter.setFont(st.small)
        for col in range(7):
            painter.setPen(st.heading)
            painter.drawText(QRectF(col * cw, 0, cw, HEADER), Qt.AlignmentFlag.AlignCenter,
                             weekday(self.days[col]))
        for i, day in enumerate(self.days):
            col, line = i % 7, i // 7
            cell = QRectF(col * cw, HEADER + line * ch, cw, ch)
            if self.anchor is not None and day.month != self.anchor.month:
                painter.fillRect(cell, st.other_month)
            if day == self.today:
                painter.fillRect(cell, st.today_cell)
            painter.setPen(st.month_line)
            painter.drawRect(cell)
            painter.setFont(st.small_bold if day == self.today else st.small)
            painter.setPen(st.today_ink if day == self.today else st.ink)
            painter.drawText(cell.adjusted(4, 1, -4, 0), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop,
                             str(day.day) + (" · Today" if day == self.today else ""))
        painter.setFont(st.small)
        painter.setPen(st.ink)
        for rect, text in self._more:
            painter.drawText(rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, text)

    def _shown_lines(self, rect: QRectF, lines: tuple[str, ...]) -> tuple[tuple[str, ...], str]:
        """The lines a box draws, elided to its width, and them as one text (at layout, never on a paint)."""
        line_h, text_rect = self._style.metrics.height(), rect.adjusted(6, 0, -3, 0)
        if len(lines) > 1 and text_rect.height() < 2 * line_h - 2:
            lines = (f"{lines[0]} · {lines[1]}",)  # too short for two lines: one, with the status
        out, y = [], text_rect.top()
        for line in lines:
            if y + line_h > text_rect.bottom() + 3 and y > text_rect.top():
                break
            out.append(self._style.elided(line, int(text_rect.width())))
            y += line_h
        return tuple(out), "\n".join(out)

    def _paint_items(self, painter: QPainter) -> None:
        st, line_h = self._style, self._style.metrics.height()
        month = self.mode is CalendarMode.MONTH
        top_left = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)  # an int: no enum per call
        for box in self._boxes:
            brush, pen, border, ink = st.status.get(box.row.status, st.fallback)
            rect = box.rect
            painter.setPen(st.selected if box.row.id == self.selected_id else pen)
            painter.setBrush(brush)
            painter.drawRoundedRect(rect, 3, 3)
            painter.fillRect(QRectF(rect.left(), rect.top(), 3, rect.height()), border)
            painter.setFont(st.item_struck if month and box.row.status in CANCELLED else st.item)
            painter.setPen(ink)
            painter.drawText(QRectF(rect.left() + 6, rect.top(), rect.width() - 9, line_h * len(box.shown)),
                             top_left, box.text)
            if box.row.urgent:  # a red frame and a filled mark: never only a colour
                painter.setPen(st.urgent)
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawRoundedRect(rect.adjusted(1, 1, -1, -1), 3, 3)
                dot = QRectF(rect.right() - 15, rect.top() + 2, 13, 13)
                painter.setBrush(st.urgent_mark)
                painter.setPen(Qt.PenStyle.NoPen)
                painter.drawEllipse(dot)
                painter.setPen(st.urgent_mark_ink)
                painter.drawText(dot, Qt.AlignmentFlag.AlignCenter, "!")
            elif box.row.late_request_pending:
                painter.setPen(st.late_mark)
                painter.drawText(rect.adjusted(0, 1, -4, 0), Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop,
                                 "!")

    # ------------------------------------------------------------ mouse

    def item_at(self, pos: QPointF) -> CalendarRow | None:
        for box in reversed(self._boxes):
            if box.rect.contains(pos):
                return box.row
        return None

    def day_at(self, pos: QPointF) -> date | None:
        if not self.days or pos.y() < HEADER:
            return None
        if self.mode is CalendarMode.MONTH:
            col = int(pos.x() // ((self.width() - 1) / 7))
            line = int((pos.y() - HEADER) // ((self.height() - HEADER - 1) / 6))
            i = line * 7 + col
        else:
            if pos.x() < GUTTER:
                return None
            i = int((pos.x() - GUTTER) // self._col_width())
        return self.days[i] if 0 <= i < len(self.days) else None

    def event(self, event) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            row = self.item_at(QPointF(event.pos()))
            if row is not None:
                QToolTip.showText(event.globalPos(), describe(row, self.zone), self)
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
        row = self.item_at(event.position())
        if row is not None:
            self.item_activated.emit(row.id)
            return
        day = self.day_at(event.position())
        if day is not None:
            self.day_activated.emit(day)
