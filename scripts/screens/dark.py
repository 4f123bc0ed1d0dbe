"""The dark scheme for the README's one dark screenshot (the app follows the system's scheme;
offscreen there is no system to ask, so the driver sets it)."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QWidget

from desktop.gui.palettes import Scheme
from desktop.gui.theme import apply_scheme

from . import provider
from .settle import settle


def show_week_dark(provider_window) -> QWidget:
    """The provider's week as in the light screenshot, in the dark scheme (call light() after)."""
    apply_scheme(QApplication.instance(), Scheme.DARK)
    settle(provider_window)
    return provider.show_week(provider_window)


def light() -> None:
    apply_scheme(QApplication.instance(), Scheme.LIGHT)
