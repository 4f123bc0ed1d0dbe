"""The practice calendar grid's pens, brushes and fonts in the scheme shown: made once per font
or palette change (``practice_grid.py`` keeps one and drops it when those change), never on a paint."""

from __future__ import annotations

from PySide6.QtGui import QBrush, QFont, QFontMetrics, QPen

from ....rules.vocabulary import AppointmentStatus
from ...theme import colour, status_colours


class PracticeStyle:
    """Pens, brushes and fonts in the scheme shown, made once per font or palette (not on each paint)."""

    def __init__(self, base: QFont) -> None:
        self.small = QFont(base)
        self.small.setPixelSize(11)
        self.bold = QFont(self.small)
        self.bold.setBold(True)
        self.struck = QFont(self.small)
        self.struck.setStrikeOut(True)
        self.metrics = QFontMetrics(self.small)
        self.bold_metrics = QFontMetrics(self.bold)  # today's cell heading
        self.status = {s: (QBrush(fill), QPen(border), QPen(ink))
                       for s in AppointmentStatus for fill, border, ink in [status_colours(s)]}
        self.selected = QPen(colour("box_selected"), 2)
        self.cancelled = frozenset(s for s in AppointmentStatus if s.is_cancelled)  # struck through in a month
        self.grid, self.ink, self.muted = QPen(colour("grid_line")), QPen(colour("grid_heading")), QPen(colour("grid_ink"))
        self.background, self.today, self.other_month, self.grid_colour = (
            colour(name) for name in ("grid", "grid_today", "grid_other_month", "grid_line"))
