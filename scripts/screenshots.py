"""Render the README's screenshots from the real windows, headless.

    .venv/bin/python scripts/screenshots.py [OUTPUT_DIR]     (default: docs/screenshots)

Builds the demo practice in a temporary folder at a fixed instant, signs in as
each role through the real sign-in window, drives each screen into the state
shown in the README and saves ``QWidget.grab()`` of it as PNG. Runs offscreen;
no display needed.
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QSettings  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from desktop.gui.app import make_application, open_target  # noqa: E402
from desktop.gui.clock import FixedClock  # noqa: E402
from desktop.gui.session import SessionController  # noqa: E402
from desktop.gui.settings import Settings  # noqa: E402
from desktop.services.practice import close_practice_database  # noqa: E402

# A Tuesday afternoon in New York: the demo has an appointment inside 24 hours then.
NOW = datetime(2026, 11, 24, 15, 0, tzinfo=UTC)


def settle(app: QApplication, controller: SessionController) -> None:
    for _ in range(20):
        app.processEvents()
    for _ in range(3):  # a write's result can ask for reads (a sign-in: the practice, then the pages)
        controller.ops.wait()
        for _ in range(20):
            app.processEvents()
        controller.reads.wait()
        for _ in range(20):
            app.processEvents()


def save(widget: QWidget, out: Path, name: str) -> None:
    path = out / f"{name}.png"
    if not widget.grab().save(str(path)):
        raise RuntimeError(f"could not write {path}")
    print(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)


def series_preview_with_one_inside_window(window, clock: FixedClock) -> QWidget:
    """The preview is most telling when the next occurrence is already inside the window:
    move the clock to 20 hours before it, show the preview, then put the clock back."""
    from scripts.screens import client as client_screens

    page = window.go_to("appointments")
    page.refresh_now()
    window.ctx.reads.wait()
    nxt = min(r.start for r in page.upcoming_model.rows if r.is_scheduled and r.repeats and r.decision.allowed)
    saved = clock.now()
    clock._now = nxt - timedelta(hours=20)
    try:
        page.refresh_now()
        window.ctx.reads.wait()
        return client_screens.show_series_preview(window)
    finally:
        clock._now = saved
        page.refresh_now()


def main(argv: list[str]) -> int:
    out = Path(argv[1]) if len(argv) > 1 else ROOT / "docs" / "screenshots"
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["PRACTICE_DESK_HOME"] = tmp
        app = make_application()
        clock = FixedClock(NOW)
        location = open_target(str(Path(tmp) / "demo.db"), demo=True, clock=clock)
        settings = Settings(QSettings(str(Path(tmp) / "settings.ini"), QSettings.Format.IniFormat))
        controller = SessionController(app, location, clock, settings)
        controller.start(prefill="alex.morgan")
        controller.sign_in.resize(460, 420)
        settle(app, controller)
        save(controller.sign_in, out, "sign-in")

        def session(username: str, shots: list[tuple[str, Callable[[QWidget], QWidget]]]) -> None:
            form = controller.sign_in.ui
            form.username.setText(username)
            form.password.setText("demo-password")
            form.signInButton.click()
            settle(app, controller)  # sign-in runs on the write runner
            window = controller.window
            if window is None:
                raise RuntimeError(f"could not sign in as {username}: {form.message.text()}")
            window.showNormal()  # a first start opens maximized
            window.resize(1280, 800)
            settle(app, controller)
            for name, drive in shots:
                target = drive(window)
                settle(app, controller)
                save(target, out, name)
                # Close whatever dialog the shot opened before the next one.
                for widget in QApplication.topLevelWidgets():
                    if widget is not window and widget is not controller.sign_in and widget.isVisible():
                        widget.close()
                settle(app, controller)
            controller.sign_out()
            settle(app, controller)

        from scripts.screens import client as client_screens
        from scripts.screens import dark as dark_screens
        from scripts.screens import practice as practice_screens
        from scripts.screens import provider as provider_screens
        from scripts.screens import reports as reports_screens
        from scripts.screens import support as support_screens

        session("alex.morgan", [
            ("client-dashboard", lambda w: (w.go_to("dashboard"), w)[1]),
            ("client-cancel-followup", client_screens.show_cancel_dialog_with_followup),
            ("client-blocked", client_screens.show_blocked_state),
            ("client-series-preview", lambda w: series_preview_with_one_inside_window(w, clock)),
            ("client-confirm-one", client_screens.show_confirm_one),
            ("client-confirmation", client_screens.show_confirmation),
            ("client-crisis-confirmation", client_screens.show_crisis_confirmation),
            ("client-booking", client_screens.show_booking_page),
            ("client-booking-review", client_screens.show_booking_review),
            ("client-billing", support_screens.show_billing),
        ])
        session("dr.rivera", [
            ("provider-urgent", provider_screens.show_urgent),
            ("provider-week", provider_screens.show_week),
            ("provider-month", provider_screens.show_month),
            ("provider-week-dark", dark_screens.show_week_dark),
            ("practice-day", lambda w: (dark_screens.light(), practice_screens.show_day(w))[1]),
            ("practice-week", practice_screens.show_week),
            ("practice-month", practice_screens.show_month),
            ("practice-month-one-provider", practice_screens.show_one_provider_month),
            ("owner-reports", reports_screens.show_reports),
            ("provider-server-gone", provider_screens.show_server_gone),  # last: its banners stay
        ])
        # The demo's pending late-cancellation request is for Dr. Chen's client.
        session("dr.chen", [("provider-requests", provider_screens.show_requests)])
        session("support", [("support-desk", support_screens.show_support_desk)])
        session("alex.morgan", [("client-waitlist-offer", client_screens.show_waitlist_offer)])
        # Last, since it moves the clock on: the reminder before the free cancellation ends.
        session("marlow.zimmer", [("client-reminder", client_screens.show_reminder)])
        # After it, since it moves the clock on again: Join video five minutes before a telehealth session.
        session("alex.morgan", [("client-join-video", client_screens.show_join_video)])
        controller.shutdown()
        close_practice_database()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
