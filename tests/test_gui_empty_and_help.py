"""Item 9 of issue 11: an empty table says what would be there and how to get it; Help (F1)
explains each role's main tasks in a few short pages."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QAbstractItemView, QApplication, QHeaderView, QPushButton

from desktop.gui.help import HelpDialog
from desktop.gui.widgets.empty import PlaceholderListView, PlaceholderTableView
from desktop.paths import resource
from tests.factories import PASSWORD, make_team
from tests.guikit import click, make_controller, sign_in, wait_ops, wait_reads

# What each role's empty pages must say (a part of the words), by page key and view name.
EXPECTED = {
    "casey.client": {
        ("appointments", "upcomingTable"): "Book one on the Book page",
        ("appointments", "pastTable"): "No past appointments yet",
        ("messages", "threadList"): "Choose New message",
        ("billing", "chargesTable"): "No fees",
    },
    "owner": {
        ("urgent", "urgentTable"): "Nobody is waiting to be contacted",
        ("requests", "requestsTable"): "No requests are waiting for you",
        ("messages", "threadList"): "No conversations yet",
        ("disputes", "disputesTable"): "No disputed fees",
    },
    "support": {
        ("queue", "requestsTable"): "choose All under Show",
        ("history", "chargesTable"): "No fees match",
    },
}


def item_views(widget):
    """The window's tables and lists (not the navigation, headers or drop-down lists)."""
    window = widget.window()
    return [v for v in widget.findChildren(QAbstractItemView)
            if not isinstance(v, QHeaderView) and v is not window.nav and v.window() is window
            and v.objectName() != "qt_calendar_calendarview"]  # a date picker's days, never empty


def test_every_empty_table_says_what_would_be_there_and_how(qtbot, db, now, tmp_path):
    make_team(now)
    controller = make_controller(qtbot, db, now, tmp_path)
    for username, expected in EXPECTED.items():
        window = sign_in(qtbot, controller, username, PASSWORD)
        # Every list and table of the window has its words.
        for view in item_views(window):
            assert isinstance(view, PlaceholderTableView | PlaceholderListView), view.objectName()
            assert view.placeholder(), f"{username}: {view.objectName()} has no empty-state words"
        for (key, name), words in expected.items():
            page = window.go_to(key)
            wait_reads(qtbot, window)
            view = next(v for v in item_views(page) if v.objectName() == name)
            assert view.showing_placeholder(), (username, key, name)
            assert words in view.placeholder() and view.accessibleDescription() == view.placeholder()
            # The words are painted in the view, not only kept in an attribute.
            if view.isVisible():
                image = view.viewport().grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
                colours = {image.pixel(x, y) for x in range(0, image.width(), 2) for y in range(0, 60)}
                assert len(colours) > 2, f"{name}: nothing painted"
        click(qtbot, window.findChild(QPushButton, "signOutButton"))
        wait_ops(qtbot, controller)


def test_a_table_with_rows_shows_them_not_the_words(qtbot, demo_db, now, tmp_path):
    controller = make_controller(qtbot, demo_db, now, tmp_path)
    window = sign_in(qtbot, controller, "alex.morgan")
    page = window.go_to("appointments")
    wait_reads(qtbot, window)
    assert page.upcoming_model.rowCount() > 0
    assert not page.upcoming_view.showing_placeholder() and page.upcoming_view.accessibleDescription() == ""


def test_help_opens_with_f1_and_explains_the_role(qtbot, demo_db, now, tmp_path):
    controller = make_controller(qtbot, demo_db, now, tmp_path)
    for username, topics in (("alex.morgan", ["Your appointments", "Cancelling or rescheduling",
                                              "Booking an appointment", "Fees, disputes and messages"]),
                             ("dr.rivera", ["Your calendar", "Requests and urgent items",
                                            "Disputes and your booking page", "Running the practice (owner)"]),
                             ("dr.chen", ["Your calendar", "Requests and urgent items", "Disputes and your booking page"]),
                             ("support", ["The fee-request queue", "Charge history and exports"])):
        window = sign_in(qtbot, controller, username)
        window.activateWindow()
        qtbot.keyClick(window, Qt.Key.Key_F1)
        qtbot.waitUntil(lambda w=window: getattr(w, "help", None) is not None and w.help.isVisible())
        dialog: HelpDialog = window.help
        titles = [dialog.contents.item(i).text() for i in range(dialog.contents.count())]
        assert titles == topics, username
        assert dialog.browser.toPlainText().startswith(topics[0])
        qtbot.keyClick(dialog.contents, Qt.Key.Key_Down)  # the next page, by keyboard
        assert dialog.browser.toPlainText().startswith(topics[1])
        assert len(dialog.browser.toPlainText()) > 200
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)
        assert not dialog.isVisible()
        # The menu entry opens it too.
        assert [a.text() for a in window.menuBar().actions()][-1] == "&Help"
        window.actions_.help.trigger()
        qtbot.waitUntil(lambda w=window: w.help.isVisible())
        window.help.close()
        click(qtbot, window.findChild(QPushButton, "signOutButton"))
        wait_ops(qtbot, controller)
    assert not [w for w in QApplication.topLevelWidgets() if isinstance(w, HelpDialog) and w.isVisible()]


def test_help_pages_are_short_text_files_under_resources():
    for folder in ("client", "provider", "owner", "support"):
        files = sorted(resource(f"help/{folder}").glob("*.md"))
        assert 1 <= len(files) <= 6, folder
        for path in files:
            text = path.read_text(encoding="utf-8")
            assert text.startswith("# ") and len(text.split()) < 260, path.name
