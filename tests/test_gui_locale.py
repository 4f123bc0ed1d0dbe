"""Item 10 of issue 11 in the windows: the first-run set-up chooses the practice's locale (the
system's preselected), it is stored with the practice, and every screen writes in it."""

from __future__ import annotations

from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QPushButton

from desktop.gui.client.rows import when
from desktop.rules.display_locale import DEFAULT_LOCALE, SUPPORTED_LOCALES, normalise_locale, shown_locale
from desktop.rules.timefmt import format_instant, format_range
from desktop.services import client_portal
from desktop.services.practice import practice_details
from desktop.store.models import Practice
from tests.factories import actor
from tests.guikit import click, make_controller, sign_in, wait_ops


def test_first_run_offers_the_locales_with_the_systems_chosen_and_stores_the_choice(qtbot, db, now, tmp_path):
    controller = make_controller(qtbot, db, now, tmp_path)
    controller.start()
    dialog = controller.first_run
    qtbot.addWidget(dialog)
    ui = dialog.ui
    assert [ui.locale.itemData(i) for i in range(ui.locale.count())] == list(SUPPORTED_LOCALES)
    assert ui.locale.currentData() == (normalise_locale(QLocale.system().name()) or DEFAULT_LOCALE)
    qtbot.keyClicks(ui.practiceName, "Harbour Therapy")
    ui.timeZone.setCurrentText("Europe/Berlin")
    # Each choice shows what it makes of now in the chosen zone.
    german = SUPPORTED_LOCALES.index("de_DE")
    assert ui.locale.itemText(german) == f"Deutsch (Deutschland) — {format_instant(now, 'Europe/Berlin', locale='de_DE')}"
    ui.locale.setFocus()
    qtbot.keyClick(ui.locale, Qt.Key.Key_Home)
    for _ in range(german):
        qtbot.keyClick(ui.locale, Qt.Key.Key_Down)
    assert ui.locale.currentData() == "de_DE"
    qtbot.keyClicks(ui.ownerName, "Ruth Adeyemi")
    qtbot.keyClicks(ui.username, "ruth")
    qtbot.keyClicks(ui.password, "harbour-2026")
    qtbot.keyClicks(ui.confirm, "harbour-2026")
    click(qtbot, ui.buttons.button(ui.buttons.StandardButton.Ok))
    qtbot.waitUntil(lambda: controller.window is not None)
    wait_ops(qtbot, controller)
    assert Practice.get().locale == "de_DE" and practice_details().locale == "de_DE"
    assert shown_locale() == "de_DE"


def test_the_screens_write_in_the_practices_locale(qtbot, demo_db, now, tmp_path):
    Practice.update(locale="en_US").execute()
    controller = make_controller(qtbot, demo_db, now, tmp_path)
    window = sign_in(qtbot, controller, "alex.morgan")
    page = window.go_to("dashboard")
    nxt = client_portal.dashboard(actor("alex.morgan"), now=now).next
    zone = window.ctx.actor.time_zone
    assert page.next_when.text() == when(nxt, zone) == format_range(nxt.start, nxt.end, zone, locale="en_US")
    assert page.next_when.text().startswith("Wed, Nov 25, 8:00 AM")  # the demo's next one, at 13:00 UTC
    click(qtbot, window.findChild(QPushButton, "signOutButton"))
    wait_ops(qtbot, controller)
