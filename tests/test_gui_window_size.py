"""Item 8 of issue 11: the main window fits a 1366×768 screen, opens maximized or where it
was left, keeps its size when the view changes, uses a large screen's width; titles say the
application's name once."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QPushButton

from desktop.gui.widgets.geometry import shown_title
from tests.guikit import click, make_controller, sign_in, wait_ops, wait_reads

ROLES = ("alex.morgan", "dr.rivera", "support")
# A 1366×768 screen less a title bar (about 32 px), a desktop panel (about 36 px)
SMALL = QSize(1366 - 6, 768 - 32 - 36)  # and the frame
NAME = "Practice Desk"


def visit_every_view(qtbot, window) -> None:
    for row in range(window.nav.count()):
        window.nav.setCurrentRow(row)
        wait_reads(qtbot, window)
        calendar = getattr(window.current_page(), "calendar", None)
        for name in ("dayModeButton", "weekModeButton", "monthModeButton"):
            button = calendar.findChild(QPushButton, name) if calendar is not None else None
            if button is not None and button.isVisible():
                click(qtbot, button)


def test_every_role_window_fits_a_small_screen_and_never_resizes_itself(qtbot, demo_db, now, tmp_path):
    assert QGuiApplication.primaryScreen().size() == QSize(1366, 768)  # tests/conftest.py's screen
    controller = make_controller(qtbot, demo_db, now, tmp_path)
    for username in ROLES:
        window = sign_in(qtbot, controller, username)
        if username == ROLES[0]:
            assert window.isMaximized(), "first start, nothing remembered: maximized"
        else:
            assert window.size() == SMALL, "where the last window was left"
        window.showNormal()
        window.resize(SMALL)
        wait_reads(qtbot, window)
        hint = window.minimumSizeHint().expandedTo(window.minimumSize())
        assert hint.width() <= SMALL.width() and hint.height() <= SMALL.height(), (username, hint)
        assert window.statusBar().isVisible()
        visit_every_view(qtbot, window)
        assert window.size() == SMALL, f"{username}: the window resized itself to {window.size()}"
        assert window.statusBar().geometry().bottom() < window.height()
        click(qtbot, window.findChild(QPushButton, "signOutButton"))
        wait_ops(qtbot, controller)


def test_the_window_opens_where_it_was_left(qtbot, demo_db, now, tmp_path):
    controller = make_controller(qtbot, demo_db, now, tmp_path)
    window = sign_in(qtbot, controller, "dr.rivera")
    window.showNormal()
    window.setGeometry(40, 60, 1280, 650)
    qtbot.waitUntil(lambda: window.size() == QSize(1280, 650), timeout=2000)
    click(qtbot, window.findChild(QPushButton, "signOutButton"))
    wait_ops(qtbot, controller)
    window = sign_in(qtbot, controller, "alex.morgan")  # another role window, the same workstation
    assert not window.isMaximized()
    assert window.size() == QSize(1280, 650) and window.geometry().x() == 40


def test_a_large_screen_gives_the_pages_its_width(qtbot, demo_db, now, tmp_path):
    controller = make_controller(qtbot, demo_db, now, tmp_path)
    window = sign_in(qtbot, controller, "alex.morgan")
    window.showNormal()
    page = window.go_to("appointments")
    window.resize(SMALL)
    wait_reads(qtbot, window)
    small_table = page.upcoming_view.viewport().width()
    window.resize(1920, 1080 - 80)
    qtbot.waitUntil(lambda: page.upcoming_view.viewport().width() > small_table)
    assert page.upcoming_view.viewport().width() - small_table >= 1920 - SMALL.width() - 40
    assert window.nav.width() == 200  # the navigation stays; the page takes the width


def test_titles_name_the_application_once(qtbot, demo_db, now, tmp_path):
    assert QGuiApplication.applicationDisplayName() == NAME
    controller = make_controller(qtbot, demo_db, now, tmp_path)
    controller.start()
    assert shown_title(controller.sign_in) == f"Sign in — {NAME}"
    for username in ROLES:
        window = sign_in(qtbot, controller, username)
        assert shown_title(window).count(NAME) == 1, shown_title(window)
        assert window.windowTitle() and NAME not in window.windowTitle()
        click(qtbot, window.findChild(QPushButton, "signOutButton"))
        wait_ops(qtbot, controller)
    for widget in QApplication.topLevelWidgets():
        assert NAME not in widget.windowTitle(), widget.windowTitle()


def test_no_form_puts_the_application_name_in_its_title():
    forms = Path(__file__).resolve().parents[1] / "ui"
    for ui in forms.glob("*.ui"):
        text = ui.read_text(encoding="utf-8")
        start = text.find('name="windowTitle"')
        if start >= 0:
            assert NAME not in text[start:text.find("</property>", start)], ui.name
