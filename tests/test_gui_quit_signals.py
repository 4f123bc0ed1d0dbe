"""SIGTERM and Ctrl+C (SIGINT) end a real application process cleanly: the pending writes
finish, the WAL is checkpointed, the exit code is 0 and nothing is printed as a traceback.
The proof: the .db file copied alone, without its -wal, holds what the session wrote."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from desktop.store.db import close_database, open_database
from desktop.store.demo import build_demo

ROOT = Path(__file__).resolve().parents[1]

# The real entry point (python -m desktop), with a timer that signs in through the sign-in
# window once it is shown, as a person would; sign-in writes the session's first rows (on the
# write runner), and SIGNED-IN is printed once the role window is on screen.
DRIVER = textwrap.dedent("""
    import sys
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication
    from desktop.__main__ import main
    from desktop.gui.app import make_application
    from desktop.gui.signin import SignInWindow
    from desktop.gui.widgets.navwindow import NavigationWindow

    app = make_application()

    def visible(kind):
        return [w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()]

    def sign_in():
        windows = visible(SignInWindow)
        if not windows:
            QTimer.singleShot(100, sign_in)
            return
        form = windows[0].ui
        form.username.setText("dr.rivera")
        form.password.setText("demo-password")
        form.signInButton.click()
        QTimer.singleShot(50, signed_in)

    def signed_in():
        if not visible(NavigationWindow):
            QTimer.singleShot(50, signed_in)
            return
        print("SIGNED-IN", flush=True)

    QTimer.singleShot(100, sign_in)
    sys.exit(main(["--database", sys.argv[1]]))
""")


def sign_ins(path: Path) -> int:
    conn = sqlite3.connect(f"file:{path}?mode=ro&immutable=1", uri=True)
    try:
        return conn.execute("SELECT COUNT(*) FROM audit_event WHERE action = 'sign_in'").fetchone()[0]
    finally:
        conn.close()


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT], ids=["SIGTERM", "SIGINT"])
def test_a_signal_quits_cleanly_and_the_db_file_alone_holds_the_session(tmp_path, now, signum):
    path = tmp_path / "practice.db"
    open_database(path)
    build_demo(now)
    close_database()  # the last connection: SQLite moved everything into the file
    assert not Path(f"{path}-wal").exists() and sign_ins(path) == 0
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PRACTICE_DESK_HOME": str(tmp_path / "home")}
    app = subprocess.Popen([sys.executable, "-c", DRIVER, str(path)], cwd=ROOT, env=env,
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert app.stdout.readline().strip() == "SIGNED-IN"
        app.send_signal(signum)
        _out, err = app.communicate(timeout=60)
    finally:
        if app.poll() is None:
            app.kill()
    assert app.returncode == 0, err
    assert "Traceback" not in err and "KeyboardInterrupt" not in err, err
    assert f"{signal.Signals(signum).name} received: quitting" in err
    alone = tmp_path / "alone" / "practice.db"
    alone.parent.mkdir()
    alone.write_bytes(path.read_bytes())  # the file without its -wal
    assert sign_ins(alone) == 1
