"""A small painted bar chart (QPainter) for the reports: categories along the bottom, one bar per
series in each, a value axis with four gridlines, the series named in a legend, and an optional
vertical mark between two categories (the notice window on the lead-time histogram).

Painted rather than QtCharts: QtCharts is only in PySide6-Addons (a wheel of more than 100 MB
beside the Essentials the application ships with) for two bar charts. Colours are the scheme's
(``gui/theme.colour``), so the chart follows light and dark like the calendar. The figures are
also in the report's tables (what a screen reader reads); the chart's accessible description
sums them up.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QImage, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from ..palettes import COLOURS, Scheme
from ..theme import colour


@dataclass(frozen=True)
class Series:
    name: str
    colour: str  # a scheme colour's name
    values: tuple[float, ...]


def nice_ceiling(value: float) -> float:
    """The value axis' top: 1, 2, 4 or 5 times a power of ten at or above ``value`` (four
    gridlines then fall on round numbers)."""
    if value <= 0:
        return 4
    power = 10 ** math.floor(math.log10(value))
    for step in (1, 2, 4, 5, 10):
        if value <= step * power:
            return step * power
    return 10 * power


class BarChart(QWidget):
    def __init__(self, title: str, parent: QWidget | None = None, *,
                 value_text: Callable[[float], str] = lambda v: f"{v:g}") -> None:
        super().__init__(parent)
        self.title = title
        self.value_text = value_text
        self.categories: tuple[str, ...] = ()
        self.series: tuple[Series, ...] = ()
        self.mark: tuple[float, str] | None = None  # (position in categories, label)
        self.setAccessibleName(title)
        self.setMinimumSize(QSize(360, 220))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        return QSize(560, 260)

    def set_data(self, categories: list[str], series: list[Series], *,
                 mark: tuple[float, str] | None = None) -> None:
        self.categories, self.series, self.mark = tuple(categories), tuple(series), mark
        parts = [f"{s.name}: " + ", ".join(f"{c.replace(chr(10), ' ')} {self.value_text(v)}"
                                           for c, v in zip(categories, s.values, strict=True))
                 for s in series]
        self.setAccessibleDescription(f"{self.title}. " + "; ".join(parts))
        self.update()

    def image(self, size: QSize) -> QImage:
        """The chart drawn at ``size`` for a document (the PDF): in the light scheme whatever the
        screen shows, since paper is white."""
        image = QImage(size, QImage.Format.Format_ARGB32)
        image.fill(QColor(COLOURS[Scheme.LIGHT]["card"]))
        painter = QPainter(image)
        self._paint(painter, QRectF(0, 0, size.width(), size.height()),
                    lambda name: QColor(COLOURS[Scheme.LIGHT][name]))
        painter.end()
        return image

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt's name)
        painter = QPainter(self)
        painter.fillRect(self.rect(), colour("card"))
        self._paint(painter, QRectF(self.rect()), colour)
        painter.end()

    def _paint(self, p: QPainter, area: QRectF, colour: Callable[[str], QColor]) -> None:
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        fm = QFontMetrics(self.font())
        p.setFont(self.font())
        line_h = fm.height()
        ink, muted, grid = colour("ink"), colour("muted"), colour("grid_line")
        # Title and legend on top.
        p.setPen(ink)
        bold = self.font()
        bold.setBold(True)
        p.setFont(bold)
        p.drawText(QRectF(area.left() + 8, area.top() + 4, area.width() - 16, line_h),
                   Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, self.title)
        p.setFont(self.font())
        x = area.left() + 8
        legend_y = area.top() + 8 + line_h
        for s in self.series:
            p.fillRect(QRectF(x, legend_y + line_h / 4, line_h / 2, line_h / 2), colour(s.colour))
            x += line_h * 0.8
            p.setPen(ink)
            p.drawText(QRectF(x, legend_y, fm.horizontalAdvance(s.name) + 4, line_h),
                       Qt.AlignmentFlag.AlignVCenter, s.name)
            x += fm.horizontalAdvance(s.name) + line_h
        top = legend_y + line_h * 1.6
        label_lines = max((c.count("\n") + 1 for c in self.categories), default=1)
        bottom = area.bottom() - line_h * (label_lines + 0.8)
        top_value = nice_ceiling(max((v for s in self.series for v in s.values), default=0))
        axis_w = max(fm.horizontalAdvance(self.value_text(top_value)), fm.horizontalAdvance("0")) + 12
        left, right = area.left() + axis_w, area.right() - 8
        if bottom <= top or right <= left or not self.categories:
            p.setPen(muted)
            p.drawText(area, Qt.AlignmentFlag.AlignCenter, "Nothing to show for this period.")
            return
        # Gridlines and the value axis.
        for i in range(5):
            y = bottom - (bottom - top) * i / 4
            p.setPen(QPen(grid, 1))
            p.drawLine(int(left), int(y), int(right), int(y))
            p.setPen(muted)
            p.drawText(QRectF(area.left(), y - line_h / 2, axis_w - 6, line_h),
                       Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                       self.value_text(top_value * i / 4))
        # Bars.
        slot = (right - left) / len(self.categories)
        n = max(len(self.series), 1)
        bar_w = max(2.0, slot * 0.7 / n)
        for ci, category in enumerate(self.categories):
            x0 = left + slot * ci + slot * 0.15
            for si, s in enumerate(self.series):
                value = s.values[ci]
                h = (bottom - top) * value / top_value
                p.fillRect(QRectF(x0 + bar_w * si, bottom - h, bar_w - 1, h), colour(s.colour))
            p.setPen(muted)
            for li, line in enumerate(category.split("\n")):
                label = fm.elidedText(line, Qt.TextElideMode.ElideRight, int(slot) - 2)
                p.drawText(QRectF(left + slot * ci, bottom + 4 + li * line_h, slot, line_h),
                           Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop, label)
        if self.mark is not None:
            position, label = self.mark
            mx = left + slot * position
            p.setPen(QPen(colour("now_line"), 2, Qt.PenStyle.DashLine))
            p.drawLine(int(mx), int(top), int(mx), int(bottom))
            p.setPen(colour("now_line"))
            p.drawText(QRectF(mx + 4, top, fm.horizontalAdvance(label) + 8, line_h),
                       Qt.AlignmentFlag.AlignVCenter, label)
