"""The buttons of a calendar's bar, shared by the provider's calendar and the practice calendar:
previous / today / next and the Day / Week / Month choice. None takes the keyboard focus: the
keys belong to the calendar (D / W / M, Page Up / Page Down, T)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QBoxLayout, QButtonGroup, QPushButton, QWidget

from .layout import CalendarMode


def bar_button(parent: QWidget, text: str, name: str, tip: str) -> QPushButton:
    """A bar button: its tip names its key ("Next (Page Down)"), its accessible name the action."""
    b = QPushButton(text, parent)
    b.setObjectName(name)
    b.setAccessibleName(tip.split(" (")[0])
    b.setToolTip(tip)
    b.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # keys belong to the calendar
    return b


def mode_buttons(parent: QWidget, bar: QBoxLayout,
                 set_mode: Callable[[CalendarMode], None]) -> dict[CalendarMode, QPushButton]:
    """Day / Week / Month, checkable and exclusive, added to ``bar``; each calls ``set_mode``."""
    buttons: dict[CalendarMode, QPushButton] = {}
    group = QButtonGroup(parent)
    group.setExclusive(True)
    for mode, key in ((CalendarMode.DAY, "D"), (CalendarMode.WEEK, "W"), (CalendarMode.MONTH, "M")):
        b = bar_button(parent, mode.label, f"{mode.value}ModeButton", f"{mode.label} view ({key})")
        b.setCheckable(True)
        group.addButton(b)
        b.clicked.connect(lambda _=False, m=mode: set_mode(m))
        buttons[mode] = b
        bar.addWidget(b)
    return buttons
