"""Item 7 of issue 11: the app follows the system's light or dark scheme, and on every main
screen the text of labels, buttons, table cells and headers meets WCAG AA (4.5:1) against what
it is painted on, in both; the calendar's painter colours too."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QPushButton

from desktop.gui.app import make_application
from desktop.gui.palettes import COLOURS, STATUS_COLOURS, Scheme
from desktop.gui.theme import apply_scheme, current_scheme, scheme_for
from scripts.screens import client as client_screens
from scripts.screens import practice as practice_screens
from scripts.screens import provider as provider_screens
from scripts.screens import support as support_screens
from tests.contrast import AA, low_contrast, ratio
from tests.guikit import click, make_controller, sign_in, wait_ops, wait_reads


@pytest.fixture
def scheme(request):
    """The scheme of the test (by parameter), put back to light afterwards."""
    app = make_application()  # the theme set up first, as at start-up
    apply_scheme(app, request.param)
    yield request.param
    apply_scheme(app, Scheme.LIGHT)


def check(qtbot, window, what: str, controller=None) -> None:
    wait_reads(qtbot, controller or window)
    window.repaint()
    problems = low_contrast(window)
    assert not problems, f"{what}: text below {AA}:1\n" + "\n".join(problems)


def sign_out(qtbot, controller, window) -> None:
    click(qtbot, window.findChild(QPushButton, "signOutButton"))
    wait_ops(qtbot, controller)


@pytest.mark.parametrize("scheme", [Scheme.DARK, Scheme.LIGHT], indirect=True)
def test_every_main_screen_is_readable(qtbot, demo_db, now, tmp_path, scheme):
    controller = make_controller(qtbot, demo_db, now, tmp_path)
    controller.start()
    check(qtbot, controller.sign_in, "sign-in", controller)

    window = sign_in(qtbot, controller, "alex.morgan")
    window.go_to("dashboard")
    check(qtbot, window, "client dashboard")
    page = window.go_to("appointments")
    check(qtbot, window, "client appointments, upcoming (cancelled ones struck out)")
    page.tabs.setCurrentIndex(1)
    check(qtbot, window, "client appointments, past")
    page.calendar_button.click()
    check(qtbot, window, "client calendar")
    support_screens.show_billing(window)
    check(qtbot, window, "client billing")
    client_screens.show_booking_page(window)
    check(qtbot, window, "client booking page (Worry-free booking)")
    dialog = client_screens.show_cancel_dialog_with_followup(window)
    check(qtbot, dialog, "cancel dialog: follow-up question and resource", controller)
    dialog.form.select_reason("unsafe")
    check(qtbot, dialog, "cancel dialog: crisis resources", controller)
    dialog.reject()
    options = client_screens.show_blocked_state(window)
    check(qtbot, options, "blocked cancellation (inside the notice window)", controller)
    options.reject()
    sign_out(qtbot, controller, window)

    window = sign_in(qtbot, controller, "dr.rivera")
    provider_screens.show_week(window)
    check(qtbot, window, "provider week (legend, detail)")
    provider_screens.show_month(window)
    check(qtbot, window, "provider month")
    provider_screens.show_urgent(window)
    check(qtbot, window, "provider urgent")
    window.go_to("people")
    check(qtbot, window, "owner's people (inactive greyed)")
    practice_screens.show_week(window)
    check(qtbot, window, "practice calendar, week")
    provider_screens.show_server_gone(window)
    check(qtbot, window, "the server-gone and clock banners")
    sign_out(qtbot, controller, window)

    window = sign_in(qtbot, controller, "dr.chen")
    provider_screens.show_requests(window)
    check(qtbot, window, "provider requests")
    sign_out(qtbot, controller, window)

    window = sign_in(qtbot, controller, "support")
    support_screens.show_support_desk(window)
    check(qtbot, window, "support desk")


@pytest.mark.parametrize("which", list(Scheme))
def test_the_calendar_paints_readable_boxes_and_labels(which):
    """The painter's colours (gui/widgets/calendar/grid.py): each status box's text on its fill,
    the hours and day names on every background the grid paints, the urgent mark."""
    c = COLOURS[which]
    for status, (fill, _border, ink) in STATUS_COLOURS[which].items():
        assert ratio(_q(ink), _q(fill)) >= AA, (which, status)
    for ink in ("grid_ink", "grid_heading"):
        for ground in ("grid", "grid_today", "grid_other_month", "grid_today_cell"):
            assert ratio(_q(c[ink]), _q(c[ground])) >= AA, (which, ink, ground)
    assert ratio(_q(c["today_ink"]), _q(c["grid_today_cell"])) >= AA
    assert ratio(_q(c["urgent_mark_ink"]), _q(c["urgent_mark"])) >= AA
    for ink, ground in (("ink", "window"), ("ink", "card"), ("ink", "base"), ("ink", "alternate"),
                        ("muted", "window"), ("muted", "card"), ("muted", "base"), ("muted", "alternate"),
                        ("heading", "card"), ("error", "card"), ("link", "card"), ("selection_ink", "selection"),
                        ("primary_ink", "primary"), ("danger_ink", "danger"), ("header_ink", "header"),
                        ("header_ink", "header_button"), ("nav_selected_ink", "nav_selected"), ("ink", "nav"),
                        ("ink", "blocked"), ("ink", "crisis"), ("ink", "info"), ("server_ink", "server"),
                        ("clock_ink", "clock"), ("ink", "loading"), ("tooltip_ink", "tooltip"), ("ink", "button")):
        assert ratio(_q(c[ink]), _q(c[ground])) >= AA, (which, ink, ground)


def _q(name: str) -> QColor:
    return QColor(name)


def test_the_app_follows_the_system_scheme_as_it_changes(qtbot):
    app = make_application()
    hints = app.styleHints()
    assert scheme_for(Qt.ColorScheme.Unknown) is Scheme.LIGHT
    try:
        hints.colorSchemeChanged.emit(Qt.ColorScheme.Dark)  # what the platform sends when the user switches
        assert current_scheme() is Scheme.DARK
        assert app.palette().color(QPalette.ColorRole.Window).name() == COLOURS[Scheme.DARK]["window"]
        assert COLOURS[Scheme.DARK]["card"] in app.styleSheet()
        hints.colorSchemeChanged.emit(Qt.ColorScheme.Light)
        assert current_scheme() is Scheme.LIGHT
        assert app.palette().color(QPalette.ColorRole.Base).name() == COLOURS[Scheme.LIGHT]["base"]
    finally:
        apply_scheme(app, Scheme.LIGHT)
