"""Helpers for driving the real windows as a person would (pytest-qt)."""

from __future__ import annotations

from collections import Counter
from datetime import datetime

import shiboken6
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QMessageBox, QTabBar, QWidget

from desktop.gui.app import make_application
from desktop.gui.clock import FixedClock
from desktop.gui.session import SessionController
from desktop.gui.settings import Settings
from desktop.store.db import Opened


def make_controller(qtbot, opened: Opened, now: datetime, tmp_path) -> SessionController:
    """A session controller on the test's database, a fixed clock and throwaway settings."""
    app = make_application()
    settings = Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    controller = SessionController(app, opened.location, FixedClock(now), settings)
    # At teardown: end the session (its window is the controller's to delete), then close sign-in.
    qtbot.addWidget(controller.sign_in, before_close_func=lambda _w: end_session(controller))
    return controller


def quitting_application(monkeypatch):
    """The application with its exit and its critical message boxes recorded instead of done:
    returns (app, shown, exits), shown holding (title, text) pairs and exits the codes."""
    shown, exits = [], []
    monkeypatch.setattr(QMessageBox, "critical", lambda _parent, title, text: shown.append((title, text)))
    app = make_application()
    monkeypatch.setattr(app, "exit", lambda code=0: exits.append(code))
    return app, shown, exits


def end_session(controller: SessionController) -> None:
    if controller.window is not None:
        controller.sign_out()
    controller.shutdown()
    controller.idle.detach()


def type_credentials(qtbot, controller: SessionController, username: str, password: str = "demo-password"):
    """Show the real sign-in window, type the user name and password, click Sign in, and
    wait for the answer (sign-in runs on the write runner)."""
    controller.start()
    form = controller.sign_in.ui
    form.username.clear()
    qtbot.keyClicks(form.username, username)
    form.password.clear()
    qtbot.keyClicks(form.password, password)
    qtbot.mouseClick(form.signInButton, Qt.MouseButton.LeftButton)
    wait_ops(qtbot, controller)
    return form


def sign_in(qtbot, controller: SessionController, username: str, password: str = "demo-password"):
    """Sign in through the real window and wait for the role window and its first operations."""
    type_credentials(qtbot, controller, username, password)
    qtbot.waitUntil(lambda: controller.window is not None, timeout=5000)
    window = controller.window
    wait_ops(qtbot, controller)
    return window


def wait_ops(qtbot, controller: SessionController, timeout: int = 10000) -> None:
    """Wait until every background write and every read it led to (pages refreshed by the
    change bus, dialogs that read before opening) has delivered its result to the GUI thread."""
    qtbot.waitUntil(lambda: controller.ops.is_idle() and controller.reads.is_idle(), timeout=timeout)


def wait_reads(qtbot, window_or_ctx, timeout: int = 10000) -> None:
    """Wait until the reads a click asked for (a page's refresh, the calendar's next period, a
    detail, a preview) have been shown; also the writes, since a write's change asks for reads."""
    ctx = window_or_ctx if hasattr(window_or_ctx, "ops") else session_context(window_or_ctx)
    qtbot.waitUntil(lambda: ctx.ops.is_idle() and ctx.reads.is_idle(), timeout=timeout)


def click(qtbot, button: QAbstractButton) -> None:
    """Click as a person would, then wait for what the click reads (the next period, a detail,
    a dialog that reads before it opens): a person sees it a moment later, a test waits for it.
    Writes are not waited for (tests see the button disabled while one runs; wait_ops)."""
    assert button.isVisible(), f"{button.objectName() or button.text()} is not visible"
    assert button.isEnabled(), f"{button.objectName() or button.text()} is disabled"
    ctx = session_context(button)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    if ctx is not None:
        qtbot.waitUntil(ctx.reads.is_idle, timeout=10000)


def session_context(widget: QWidget | None):
    """The AppContext of the session ``widget`` belongs to (its page's, dialog's or window's)."""
    while widget is not None:
        ctx = getattr(widget, "ctx", None)
        if ctx is not None and hasattr(ctx, "reads"):
            return ctx
        widget = widget.parentWidget()
    return None


def find_button(parent: QWidget, text: str) -> QAbstractButton:
    """The visible button whose text (without &) is ``text``."""
    for button in parent.findChildren(QAbstractButton):
        if button.text().replace("&", "") == text and button.isVisible():
            return button
    raise AssertionError(f"no visible button “{text}” in {parent.objectName() or parent}")


def message_boxes() -> list[QMessageBox]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]


def _key(text: str) -> str:
    return QKeySequence.mnemonic(text).toString()


def _mnemonics(window) -> list[str]:
    """Every Alt+letter the window answers right now: menus, visible buttons, tabs, labels with a buddy."""
    keys = [_key(a.text()) for a in window.menuBar().actions()]
    keys += [_key(b.text()) for b in window.findChildren(QAbstractButton) if b.isVisible()]
    for bar in window.findChildren(QTabBar):
        if bar.isVisible():
            keys += [_key(bar.tabText(i)) for i in range(bar.count())]
    keys += [_key(label.text()) for label in window.findChildren(QLabel) if label.isVisible() and label.buddy()]
    return [k for k in keys if k]


def assert_main_actions_have_their_own_keys(window, buttons) -> None:
    """No Alt+letter is answered by two controls, and each of ``buttons`` has one."""
    keys = _mnemonics(window)
    clashes = [k for k, n in Counter(keys).items() if n > 1]
    assert not clashes, f"the same Alt+letter on several controls: {clashes}"
    for button in buttons:
        assert _key(button.text()), f"“{button.text()}” has no Alt+letter"
        assert "&" not in button.accessibleName()


def show_page(window, key: str):
    """Go to a page and wait until what it reads is shown."""
    page = window.go_to(key)
    QApplication.processEvents()
    window.ctx.reads.wait()
    return page


# ---- the keyboard alone ---------------------------------------------------------------------
def activate(qtbot, window) -> None:
    """Make ``window`` the active window (offscreen too), as a person's click on its title would."""
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=3000)


def focused() -> QWidget | None:
    return QApplication.focusWidget()


def press(qtbot, key, modifier=Qt.KeyboardModifier.NoModifier, *, text: str = "") -> None:
    """One key press on the focused widget (what a person's keyboard reaches)."""
    widget = QApplication.focusWidget() or QApplication.activeWindow()
    assert widget is not None, "nothing has the keyboard focus"
    if text:
        qtbot.keyClicks(widget, text)
    else:
        qtbot.keyClick(widget, key, modifier)


def wait_for_window(qtbot, predicate, timeout: int = 5000) -> QWidget:
    """Wait until the active window is one ``predicate`` accepts (a dialog that opened), and return it."""
    qtbot.waitUntil(lambda: QApplication.activeWindow() is not None and predicate(QApplication.activeWindow()),
                    timeout=timeout)
    return QApplication.activeWindow()


def closed(widget: QWidget) -> bool:
    """The window is gone: hidden, or (closed with WA_DeleteOnClose) already deleted."""
    return not shiboken6.isValid(widget) or not widget.isVisible()


def assert_focus_ring(widget: QWidget) -> None:
    """The focused ``widget`` looks different from the same widget without focus (its ring)."""
    assert widget.hasFocus(), f"{widget.objectName() or widget} does not have the focus"
    with_focus = widget.grab().toImage()
    widget.clearFocus()
    QApplication.processEvents()
    without = widget.grab().toImage()
    # Back as it was: not a Tab focus again (a link label would move on to its next link).
    widget.setFocus(Qt.FocusReason.OtherFocusReason)
    QApplication.processEvents()
    assert with_focus != without, f"no visible focus ring on {widget.objectName() or widget}"


def _reads_after(a: QWidget, b: QWidget) -> bool:
    """``b`` comes after ``a`` in reading order: below it, or beside it to the right."""
    pa, pb = a.mapToGlobal(a.rect().topLeft()), b.mapToGlobal(b.rect().topLeft())
    same_line = pb.y() < pa.y() + a.height() and pa.y() < pb.y() + b.height()
    return pb.x() > pa.x() if same_line else pb.y() > pa.y()


def tab_to(qtbot, target: QWidget, *, limit: int = 40) -> list[QWidget]:
    """Press Tab until ``target`` has the focus. Every control passed shows a focus ring, and
    the focus moves in reading order (top to bottom, left to right). Returns the controls passed."""
    chain: list[QWidget] = []
    while QApplication.focusWidget() is not target:
        assert len(chain) < limit, f"Tab never reached {target.objectName() or target}: " + ", ".join(
            w.objectName() or type(w).__name__ for w in chain)
        before = QApplication.focusWidget()
        press(qtbot, Qt.Key.Key_Tab)
        now = QApplication.focusWidget()
        assert now is not None and now is not before, "Tab did not move the focus"
        assert_focus_ring(now)
        if before is not None and before.window() is now.window():
            assert _reads_after(before, now), (f"Tab went back up from {before.objectName() or before} "
                                               f"to {now.objectName() or now}")
        chain.append(now)
    return chain
