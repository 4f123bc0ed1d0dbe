"""The provider's / client's calendar grid's pens, brushes and fonts in the scheme shown.

Made once per font, palette or style change (a change of light / dark scheme sends the grid a
PaletteChange), never on a paint: ``grid.py`` keeps one and drops it when those change.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QFont, QFontMetrics, QPen

from ....rules.vocabulary import AppointmentStatus
from ...theme import colour, status_colours


class GridStyle:
    def __init__(self, base: QFont) -> None:
        self.small = QFont(base)  # hour labels, day names, month cells
        self.small.setPointSizeF(max(base.pointSizeF() - 1.5, 7))
        self.small_bold = QFont(self.small)
        self.small_bold.setBold(True)
        self.item = QFont(base)
        self.item.setPixelSize(11)  # two lines (who, status) fit a 50-minute appointment
        self.item_struck = QFont(self.item)
        self.item_struck.setStrikeOut(True)
        self.metrics = QFontMetrics(self.item)
        self._elided: dict[tuple[str, int], str] = {}
        # status -> (brush, border pen, border colour, ink pen)
        self.status = {}
        for s in AppointmentStatus:
            fill, border, ink = status_colours(s)
            self.status[s.value] = (QBrush(fill), QPen(border, 1), border, QPen(ink))
        self.fallback = self.status[AppointmentStatus.SCHEDULED.value]
        self.selected = QPen(colour("box_selected"), 2)
        self.focus = QPen(colour("focus"), 2)  # theme.qss's :focus border
        self.urgent = QPen(colour("urgent"), 2)
        self.urgent_mark = QBrush(colour("urgent_mark"))
        self.urgent_mark_ink = QPen(colour("urgent_mark_ink"))
        self.late_mark = QPen(colour("late_mark"))
        self.grid_line = QPen(colour("grid_line"))
        self.month_line = QPen(colour("grid_month_line"))
        self.ink = QPen(colour("grid_ink"))
        self.heading = QPen(colour("grid_heading"))
        self.today_ink = QPen(colour("today_ink"))
        self.now_line = QPen(colour("now_line"), 2)
        self.now_dot = QBrush(colour("now_line"))
        self.background = colour("grid")
        self.today = colour("grid_today")
        self.today_cell = colour("grid_today_cell")
        self.other_month = colour("grid_other_month")

    def elided(self, line: str, width: int) -> str:
        """``line`` elided to ``width`` pixels in the item font. Kept: week after week a calendar
        shows the same names at the same widths (the cache lives as long as this style)."""
        key = (line, width)
        found = self._elided.get(key)
        if found is None:
            if len(self._elided) > 4096:
                self._elided.clear()
            found = self._elided[key] = self.metrics.elidedText(line, Qt.TextElideMode.ElideRight, width)
        return found
