"""Start-up as the application does it (gui/app.py's Start): the sign-in window paints first,
before peewee, the store, the services or even Qt's own enum namespace are imported; the
database is opened after that frame; a sign-in typed meanwhile waits, behind the whole-file check."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt

from desktop.cli import parser
from desktop.gui.app import Start, make_application
from desktop.gui.settings import Settings
from desktop.gui.signin import OPENING
from desktop.store.db import close_database, open_database
from tests.guikit import end_session, quitting_application

ROOT = Path(__file__).resolve().parents[1]

# In a fresh process: what had been imported when the sign-in window's first frame was done.
FIRST_FRAME = textwrap.dedent("""
    import sys
    import PySide6.QtCore
    from PySide6.QtCore import QSettings
    from desktop.cli import parser
    from desktop.gui.app import Start, make_application
    from desktop.gui.settings import Settings

    app = make_application(follow_scheme=False)
    start = Start(app, parser().parse_args(["--database", sys.argv[1]]),
                  Settings(QSettings(sys.argv[2], QSettings.Format.IniFormat)))
    opening = Start.open_database
    def after_the_first_frame(self):
        heavy = sorted(m for m in sys.modules if m.split(".")[0] in ("peewee", "psycopg2", "argon2", "babel")
                       or m.startswith(("desktop.store", "desktop.services")))
        print("HEAVY", heavy, "QT-ENUMS", "Qt" in vars(PySide6.QtCore), flush=True)
        opening(self)
        print("READY", start.sign_in.ready, start.sign_in.ui.practiceName.text(), flush=True)
        app.quit()
    Start.open_database = after_the_first_frame
    start.begin()
    app.exec()
    start.controller.shutdown()
""")


def _args(path: Path, now) -> object:
    return parser().parse_args(["--database", str(path), "--now", now.isoformat()])


def _settings(tmp_path: Path) -> Settings:
    return Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))


def test_the_first_frame_comes_before_the_database_and_its_imports(demo_db, db_path, tmp_path):
    close_database()  # the child process opens the file itself
    out = subprocess.run([sys.executable, "-c", FIRST_FRAME, str(db_path), str(tmp_path / "s.ini")],
                         cwd=ROOT, capture_output=True, text=True, timeout=60,
                         env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin",
                              "PRACTICE_DESK_HOME": str(tmp_path / "home")})
    assert out.returncode == 0, out.stderr
    lines = dict(line.split(" ", 1) for line in out.stdout.splitlines())
    assert lines["HEAVY"] == "[] QT-ENUMS False"
    assert lines["READY"] == "True Riverside Counseling"
    open_database(db_path)  # for the fixture's own close


def test_a_sign_in_typed_while_the_practice_opens_goes_ahead_once_it_is_open(qtbot, demo_db, db_path, now,
                                                                            tmp_path):
    close_database()
    app = make_application()
    start = Start(app, _args(db_path, now), _settings(tmp_path))
    start.begin()
    window = start.sign_in
    qtbot.addWidget(window, before_close_func=lambda _w: start.controller and end_session(start.controller))
    assert not window.ready and window.ui.databaseLabel.text() == OPENING
    qtbot.keyClicks(window.ui.username, "dr.rivera")
    qtbot.keyClicks(window.ui.password, "demo-password")
    qtbot.keyClick(window.ui.password, Qt.Key.Key_Return)
    if not window.ready:  # typed faster than the file opened, as a person at a slow disk may
        assert window.ui.message.text() == OPENING
    qtbot.waitUntil(lambda: start.controller is not None and start.controller.window is not None, timeout=20000)
    assert start.controller.context.actor.username == "dr.rivera"
    assert window.ui.databaseLabel.text() == f"Data: {db_path}"


def test_a_database_that_cannot_be_opened_is_named_after_the_window_and_the_application_exits(
        qtbot, tmp_path, monkeypatch, now):
    path = tmp_path / "not-ours.db"
    path.write_bytes(b"This is a letter, not a practice.\n" * 200)
    before = path.read_bytes()
    app, shown, exits = quitting_application(monkeypatch)
    start = Start(app, _args(path, now), _settings(tmp_path))
    start.begin()
    qtbot.addWidget(start.sign_in)
    qtbot.waitUntil(lambda: exits == [2], timeout=10000)
    assert shown and shown[0][0] == "Cannot open the database"
    assert not start.sign_in.isVisible() and start.controller is None
    assert path.read_bytes() == before


@pytest.mark.parametrize("kind", ["missing", "empty"])
def test_a_new_file_shows_set_up_not_sign_in(qtbot, tmp_path, now, kind):
    path = tmp_path / "new.db"
    if kind == "empty":
        path.touch()
    app = make_application()
    start = Start(app, _args(path, now), _settings(tmp_path))
    start.begin()
    try:
        controller = start.controller
        assert controller is not None and controller.first_run is not None
        qtbot.addWidget(controller.first_run)
        assert controller.first_run.isVisible() and not controller.sign_in.isVisible()
    finally:
        if start.controller is not None:
            end_session(start.controller)
            start.controller.sign_in.close()
        close_database()


def test_a_sign_in_typed_while_opening_waits_behind_the_whole_file_check(qtbot, tmp_path, monkeypatch, now):
    """The file is sound to its header and schema but damaged further in: the sign-in typed while
    it opened never runs (nothing is written to the file), the damage is named and the
    application exits."""
    from tests.dbfiles import make_damaged_inside, snapshot

    folder = tmp_path / "data"
    path = make_damaged_inside(folder)
    before = snapshot(folder)
    app, shown, exits = quitting_application(monkeypatch)
    start = Start(app, _args(path, now), _settings(tmp_path))
    start.begin()
    window = start.sign_in
    qtbot.addWidget(window, before_close_func=lambda _w: start.controller and start.controller.shutdown())
    try:
        qtbot.keyClicks(window.ui.username, "someone")
        qtbot.keyClicks(window.ui.password, "a password")
        qtbot.keyClick(window.ui.password, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: exits == [2], timeout=15000)
        qtbot.waitUntil(start.controller.ops.is_idle, timeout=15000)
        assert shown and "damaged" in shown[0][1]
        assert "damaged" in window.ui.message.text()  # the sign-in was refused with it, never tried
    finally:
        close_database()
    assert snapshot(folder)["practice.db"] == before["practice.db"]
