"""The role window's banner: the practice server cannot be reached (with the last refusal), and
this workstation's clock is off the server's. One strip under the header, never a dialog."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QSizePolicy, QVBoxLayout, QWidget

from ...rules.timefmt import format_time
from ...services.errors import DatabaseUnavailable
from ...services.live import UNREACHABLE
from ..context import AppContext


def _strip(parent: QWidget, name: str) -> tuple[QFrame, QVBoxLayout]:
    frame = QFrame(parent)
    frame.setObjectName(name)
    box = QVBoxLayout(frame)
    box.setContentsMargins(16, 8, 16, 8)
    box.setSpacing(2)
    frame.hide()
    return frame, box


def _label(frame: QFrame, box: QVBoxLayout, name: str, *, bold: bool = False) -> QLabel:
    label = QLabel(frame)
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if bold:
        font = label.font()
        font.setBold(True)
        label.setFont(font)
    box.addWidget(label)
    return label


class Banners(QWidget):
    """Both strips; hidden while there is nothing to say."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        # never more than the visible strips need: a strip that goes gives its height back at once
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        self.server, box = _strip(self, "serverBanner")
        self.server.setAccessibleName("The practice server cannot be reached")
        self.server_text = _label(self.server, box, "serverBannerText", bold=True)
        self.server_detail = _label(self.server, box, "serverBannerDetail")
        self.refusal = _label(self.server, box, "serverBannerRefusal")
        self.clock, box = _strip(self, "clockBanner")
        self.clock.setAccessibleName("This workstation's clock is off")
        self.clock_text = _label(self.clock, box, "clockBannerText")
        outer.addWidget(self.server)
        outer.addWidget(self.clock)
        self._refusals = 0
        ctx.bus.unavailable.connect(self.show_unreachable)
        ctx.bus.reachable.connect(self.show_reachable)
        ctx.bus.clock_notice.connect(self.show_clock)
        if ctx.bus.unreachable:
            self.show_unreachable(DatabaseUnavailable(UNREACHABLE))

    def show_unreachable(self, refusal: DatabaseUnavailable) -> None:
        if not self.server.isVisibleTo(self):
            self._refusals = 0
            self.server_text.setText(UNREACHABLE)
            since = format_time(self.ctx.now(), self.ctx.actor.time_zone)
            self.server_detail.setText(
                f"What you see is as it was at {since}. Nothing can be saved until the server is back; "
                "Practice Desk keeps trying and carries on by itself when it answers. If this lasts, "
                "check the network cable or Wi-Fi, or ask whoever looks after the practice server.")
            self.refusal.hide()
            self.server.show()
        if refusal.message != UNREACHABLE:  # a write or read that was refused meanwhile
            self._refusals += 1
            times = f" ({self._refusals} attempts)" if self._refusals > 1 else ""
            self.refusal.setText(refusal.message + times)
            self.refusal.show()

    def show_reachable(self) -> None:
        self.server.hide()
        self._refusals = 0

    def show_clock(self, text: str) -> None:
        self.clock_text.setText(text)
        self.clock.setVisible(bool(text))
