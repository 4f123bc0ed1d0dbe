"""The colours of the light and the dark scheme, by name: the style sheet's tokens (resources/
theme.qss), the Qt palette, and what the calendar paints. Every text colour here meets WCAG AA
(4.5:1) on the backgrounds it is used on; tests/test_gui_contrast.py measures the screens."""

from __future__ import annotations

from enum import StrEnum

from ..rules.vocabulary import AppointmentStatus


class Scheme(StrEnum):
    LIGHT = "light"
    DARK = "dark"


COLOURS: dict[Scheme, dict[str, str]] = {
    Scheme.LIGHT: {
        "ink": "#1d2a33", "muted": "#4d5f6b", "heading": "#17384a", "error": "#a61b1b", "link": "#1a5c80",
        "window": "#f6f8fa", "card": "#ffffff", "line": "#d0dbe2", "base": "#ffffff", "alternate": "#f3f7f9",
        "selection": "#cfe3ec", "selection_ink": "#1d2a33",
        "header": "#1f4f66", "header_ink": "#ffffff", "header_button": "#2f6f8f", "header_button_hover": "#3b82a6",
        "header_button_line": "#8fb8cc", "nav": "#e9eff3", "nav_selected": "#2f6f8f", "nav_selected_ink": "#ffffff",
        "app_title": "#1f4f66",
        "button": "#ffffff", "button_line": "#9fb3c0", "button_hover": "#eef4f8",
        "primary": "#2f6f8f", "primary_line": "#1f4f66", "primary_ink": "#ffffff",
        "danger": "#b3261e", "danger_line": "#8c1d18", "danger_ink": "#ffffff",
        "disabled_ink": "#8a969e", "disabled": "#eceff1", "disabled_line": "#cfd8dc",
        "blocked": "#fff4e5", "blocked_line": "#e0a458", "crisis": "#fdecec", "crisis_line": "#c62828",
        "info": "#eaf4fb", "info_line": "#8fb8cc",
        "server": "#fde8e8", "server_line": "#e0a3a3", "server_ink": "#7a1616",
        "clock": "#fff4d6", "clock_line": "#e5c979", "clock_ink": "#5c4300",
        "loading": "#fff8d6", "loading_line": "#d9c26a",
        "lock_cover": "#1f4f66", "tooltip": "#ffffdc", "tooltip_ink": "#1d2a33",
        "focus": "#c25e00", "focus_on_fill": "#ffbf47",  # the keyboard focus ring (issue #11, item 6)
        # The calendar's own painting.
        "grid": "#ffffff", "grid_line": "#e0e6ea", "grid_month_line": "#d6dee3", "grid_ink": "#4d5f6b",
        "grid_heading": "#17384a", "grid_today": "#f2f8fc", "grid_other_month": "#f5f7f8",
        "grid_today_cell": "#eaf4fb", "today_ink": "#c62828", "now_line": "#c62828", "box_selected": "#0b2533",
        "urgent": "#b3261e", "urgent_mark": "#b3261e", "urgent_mark_ink": "#ffffff", "late_mark": "#c77700",
    },
    Scheme.DARK: {
        "ink": "#e6edf1", "muted": "#b3c1ca", "heading": "#cfe6f2", "error": "#ff9a8f", "link": "#8cc8ea",
        "window": "#1b2226", "card": "#242d33", "line": "#3d4b54", "base": "#20292e", "alternate": "#273238",
        "selection": "#2f5d75", "selection_ink": "#ffffff",
        "header": "#11303f", "header_ink": "#ffffff", "header_button": "#2a5f7a", "header_button_hover": "#33708f",
        "header_button_line": "#6fa3bd", "nav": "#1f282d", "nav_selected": "#2f6f8f", "nav_selected_ink": "#ffffff",
        "app_title": "#8fc3dd",
        "button": "#2b363d", "button_line": "#5b6d78", "button_hover": "#34424a",
        "primary": "#2f6f8f", "primary_line": "#5fa3c4", "primary_ink": "#ffffff",
        "danger": "#b3261e", "danger_line": "#e57373", "danger_ink": "#ffffff",
        "disabled_ink": "#8d99a1", "disabled": "#262e33", "disabled_line": "#3a454c",
        "blocked": "#3a2c14", "blocked_line": "#c98a35", "crisis": "#3e1a1a", "crisis_line": "#ef5350",
        "info": "#16303d", "info_line": "#4f8fb0",
        "server": "#4a1b1b", "server_line": "#8c3a3a", "server_ink": "#ffdede",
        "clock": "#3d3213", "clock_line": "#8a7430", "clock_ink": "#ffecb0",
        "loading": "#3d3213", "loading_line": "#8a7430",
        "lock_cover": "#11303f", "tooltip": "#2b363d", "tooltip_ink": "#e6edf1",
        "focus": "#ffa24d", "focus_on_fill": "#ffd37a",
        "grid": "#1d2428", "grid_line": "#34414a", "grid_month_line": "#3a4852", "grid_ink": "#b3c1ca",
        "grid_heading": "#d6e6ef", "grid_today": "#203038", "grid_other_month": "#181e21",
        "grid_today_cell": "#1f3440", "today_ink": "#ff9a8f", "now_line": "#ef5350", "box_selected": "#ffffff",
        "urgent": "#ff6f61", "urgent_mark": "#c62828", "urgent_mark_ink": "#ffffff", "late_mark": "#ffb74d",
    },
}

# Status by colour AND text: (fill, border, text colour); every item also shows its label.
STATUS_COLOURS: dict[Scheme, dict[str, tuple[str, str, str]]] = {
    Scheme.LIGHT: {
        AppointmentStatus.SCHEDULED: ("#dcecf7", "#2f6f8f", "#12303f"),
        AppointmentStatus.CANCELLED_BY_CLIENT: ("#eceff1", "#78909c", "#37474f"),
        AppointmentStatus.LATE_CANCELLED: ("#fff0d9", "#c77700", "#4a2c00"),
        AppointmentStatus.NO_SHOW: ("#fde3e1", "#b3261e", "#5c130f"),
        AppointmentStatus.CANCELLED_BY_PROVIDER: ("#efe6f6", "#6a3d9a", "#2f1846"),
    },
    Scheme.DARK: {
        AppointmentStatus.SCHEDULED: ("#1f3d52", "#5fa8d3", "#e3f1fa"),
        AppointmentStatus.CANCELLED_BY_CLIENT: ("#30383d", "#90a4ae", "#dde4e8"),
        AppointmentStatus.LATE_CANCELLED: ("#43300f", "#f0a63a", "#ffe8c7"),
        AppointmentStatus.NO_SHOW: ("#4a1c19", "#ef6f66", "#ffdcd8"),
        AppointmentStatus.CANCELLED_BY_PROVIDER: ("#35264a", "#b48be0", "#eadcfa"),
    },
}
