"""The application's look: the style sheet (resources/theme.qss) and Qt palette of the light or
the dark scheme (gui/palettes.py), following the system's colour scheme as it changes."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from PySide6.QtGui import QColor, QGuiApplication, QIcon, QPalette
from PySide6.QtWidgets import QApplication

if TYPE_CHECKING:
    from PySide6.QtCore import Qt

from ..paths import resource
from .palettes import COLOURS, STATUS_COLOURS, Scheme

_TOKEN = re.compile(r"@([a-z_]+)")
_COMMENT = re.compile(r"/\*.*?\*/", re.DOTALL)
_current = Scheme.LIGHT


def current_scheme() -> Scheme:
    return _current


def colour(name: str) -> QColor:
    """A named colour of the scheme shown (the calendar paints with these)."""
    return QColor(COLOURS[_current][name])


def status_colours(status: str) -> tuple[QColor, QColor, QColor]:
    """(fill, border, text) of an appointment status in the scheme shown."""
    table = STATUS_COLOURS[_current]
    fill, border, ink = table.get(status, table["scheduled"])
    return QColor(fill), QColor(border), QColor(ink)


def scheme_for(system: Qt.ColorScheme) -> Scheme:
    """The system's scheme; light when it says nothing (Unknown)."""
    from PySide6.QtCore import Qt

    return Scheme.DARK if system == Qt.ColorScheme.Dark else Scheme.LIGHT


def scheme_of_system_palette() -> Scheme:
    """The scheme as the platform's own palette shows it (dark: text lighter than its window),
    read before the first paint. Asking the style hints instead makes PySide6 build the Qt
    namespace's 93 enums (about 23 ms) before the sign-in window can paint; they are asked once
    it has (:func:`follow_system_scheme`), which corrects the rare platform whose palette and
    scheme disagree."""
    system = QGuiApplication.palette()
    role = QPalette.ColorRole
    return Scheme.DARK if system.color(role.WindowText).lightness() > system.color(role.Window).lightness() \
        else Scheme.LIGHT


def style_sheet(scheme: Scheme) -> str:
    colours = COLOURS[scheme]
    template = _COMMENT.sub("", resource("theme.qss").read_text(encoding="utf-8"))
    text = _TOKEN.sub(lambda m: colours[m.group(1)], template)
    legend = "".join(
        f'QLabel[status="{status}"] {{ background: {fill}; border-left: 4px solid {border}; color: {ink};'
        f" padding: 1px 6px; }}\n" for status, (fill, border, ink) in STATUS_COLOURS[scheme].items())
    return text + legend


def palette(scheme: Scheme) -> QPalette:
    """The palette under the style sheet, for what it does not name (inputs, drop-down lists, menus)."""
    c = {name: QColor(value) for name, value in COLOURS[scheme].items()}
    p = QPalette()
    role = QPalette.ColorRole
    for r, name in ((role.Window, "window"), (role.WindowText, "ink"), (role.Base, "base"),
                    (role.AlternateBase, "alternate"), (role.Text, "ink"), (role.Button, "button"),
                    (role.ButtonText, "ink"), (role.Highlight, "selection"), (role.HighlightedText, "selection_ink"),
                    (role.ToolTipBase, "tooltip"), (role.ToolTipText, "tooltip_ink"), (role.PlaceholderText, "muted"),
                    (role.Link, "link"), (role.LinkVisited, "link"), (role.BrightText, "error"),
                    (role.Light, "card"), (role.Midlight, "alternate"), (role.Mid, "line"), (role.Dark, "line"),
                    (role.Shadow, "line")):
        p.setColor(r, c[name])
    disabled = QPalette.ColorGroup.Disabled
    for r in (role.WindowText, role.Text, role.ButtonText):
        p.setColor(disabled, r, c["disabled_ink"])
    p.setColor(disabled, role.Button, c["disabled"])
    return p


def apply_scheme(app: QApplication, scheme: Scheme) -> None:
    global _current
    _current = scheme
    app.setPalette(palette(scheme))
    app.setStyleSheet(style_sheet(scheme))
    for widget in app.allWidgets():  # painted widgets (the calendar) take the new colours
        widget.update()


def apply_theme(app: QApplication, *, follow: bool = True) -> None:
    """Fusion, the icon, and the system's scheme, now and (``follow``) whenever it changes (once
    per application: asking again keeps the scheme shown). Start-up passes ``follow=False``,
    takes the scheme from the platform's palette and calls :func:`follow_system_scheme` once the
    sign-in window has painted."""
    if app.property("themed"):
        if follow:
            follow_system_scheme(app)
        return
    app.setProperty("themed", True)
    scheme = scheme_of_system_palette()  # before Fusion replaces the platform's palette
    app.setStyle("Fusion")
    app.setWindowIcon(QIcon(str(resource("icons/app.svg"))))
    apply_scheme(app, scheme)
    if follow:
        follow_system_scheme(app)


def follow_system_scheme(app: QApplication) -> None:
    """The scheme the system asks for, now and whenever it changes (once per application)."""
    if app.property("followsColorScheme"):
        return
    app.setProperty("followsColorScheme", True)
    hints = app.styleHints()
    asked = scheme_for(hints.colorScheme())
    if asked is not _current:
        apply_scheme(app, asked)
    hints.colorSchemeChanged.connect(lambda system: apply_scheme(app, scheme_for(system)))
