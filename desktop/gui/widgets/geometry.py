"""Where the main window opens and how large: at its remembered place, else maximized on the
screen it opens on; and window titles built once, with Qt adding the application's name."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMainWindow, QWidget

from ..settings import Settings

GEOMETRY_KEY = "window/geometry"  # one per workstation, shared by the role windows
NORMAL_SIZE = QSize(1200, 720)  # what "restore down" gives on a first start, at most the screen
TITLE_SEPARATOR = " — "  # the separator Qt puts before the display name on Linux and Windows


def place_main_window(window: QMainWindow, settings: Settings) -> None:
    """Before the first show: the remembered geometry (Qt keeps it on a screen that is there
    now), or the normal size fitted to the screen and the window maximized."""
    geometry = settings.get(GEOMETRY_KEY)
    if geometry and window.restoreGeometry(geometry):
        return
    screen = window.screen() or QGuiApplication.primaryScreen()
    available = screen.availableGeometry()
    window.resize(min(NORMAL_SIZE.width(), available.width()), min(NORMAL_SIZE.height(), available.height()))
    window.setWindowState(window.windowState() | Qt.WindowState.WindowMaximized)


def remember_geometry(window: QMainWindow, settings: Settings) -> None:
    settings.set(GEOMETRY_KEY, bytes(window.saveGeometry()))


def shown_title(widget: QWidget) -> str:
    """The title a window manager shows: the window's own part, then the application's display
    name, as Qt composes it (QPlatformWindow::formatWindowTitle)."""
    title, name = widget.windowTitle(), QGuiApplication.applicationDisplayName()
    if not name or title.endswith(name):
        return title or name
    return f"{title}{TITLE_SEPARATOR}{name}" if title else name
