"""The frame every role window shares: left navigation, pages, header, status bar."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ...services.result import Change
from ..actions import build_common_actions
from ..context import AppContext
from ..dialogs import show_info
from .banner import Banners
from .geometry import place_main_window, remember_geometry
from .page import Page


class NavigationWindow(QMainWindow):
    sign_out_requested = Signal()
    change_password_requested = Signal()
    quit_requested = Signal()
    restore_requested = Signal(object)  # the owner chose and confirmed a backup (a Path)

    def __init__(self, ctx: AppContext, role_title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.pages: dict[str, Page] = {}
        # The page part only: Qt adds the application's display name ("— Practice Desk").
        self.setWindowTitle(f"{role_title} — {ctx.actor.display_name}")

        central = QWidget(self)
        outer = QVBoxLayout(central)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        outer.addWidget(self._header(role_title))
        self.banners = Banners(ctx, central)  # the server gone, the clock off: one strip each
        outer.addWidget(self.banners)
        body = QHBoxLayout()
        body.setContentsMargins(0, 0, 0, 0)
        body.setSpacing(0)
        self.nav = QListWidget(central)
        self.nav.setObjectName("navigation")
        self.nav.setAccessibleName("Navigation")
        self.nav.setFixedWidth(200)
        self.stack = QStackedWidget(central)
        body.addWidget(self.nav)
        body.addWidget(self.stack, 1)
        outer.addLayout(body, 1)
        self.setCentralWidget(central)
        self.nav.currentRowChanged.connect(self.stack.setCurrentIndex)

        self.actions_ = build_common_actions(self)
        self.actions_.sign_out.triggered.connect(self.sign_out_requested)
        self.actions_.change_password.triggered.connect(self.change_password_requested)
        self.actions_.quit.triggered.connect(self.quit_requested)
        self.actions_.refresh.triggered.connect(self.refresh_current)
        self.actions_.about.triggered.connect(self._about)
        self.actions_.help.triggered.connect(self.open_help)
        menu = self.menuBar().addMenu("&Account")
        menu.addAction(self.actions_.change_password)
        if ctx.actor.is_owner:
            from ..backup import BackupController

            self.backup = BackupController(ctx, self)
            self.backup.finished.connect(self.show_status)
            backup_action = menu.addAction("&Back up database…")
            backup_action.setObjectName("actionBackup")
            backup_action.triggered.connect(self.backup.choose_and_start)
            from ..audit_check import AuditCheck

            self.audit_check = AuditCheck(ctx, self)
            verify_action = menu.addAction("&Verify audit trail…")
            verify_action.setObjectName("actionVerifyAudit")
            verify_action.triggered.connect(self.audit_check.start)
            from ..restore import RestoreController

            self.restore = RestoreController(ctx, self)
            self.restore.chosen.connect(self.restore_requested)
            restore_action = menu.addAction("&Restore from backup…")
            restore_action.setObjectName("actionRestore")
            restore_action.triggered.connect(self.restore.choose_and_start)
            session_action = menu.addAction("Sign-in and &locking…")
            session_action.setObjectName("actionSessionPolicy")
            session_action.triggered.connect(self.open_session_settings)
            locale_action = menu.addAction("Date and &money format…")
            locale_action.setObjectName("actionLocale")
            locale_action.triggered.connect(self.open_locale_settings)
        if ctx.actor.is_client or ctx.actor.is_provider:  # people with appointments of their own
            from ..reminders import ReminderStrip, ReminderWatcher

            self.reminder_strip = ReminderStrip(self.banners)
            self.banners.layout().addWidget(self.reminder_strip)
            self.reminders = ReminderWatcher(ctx, self.reminder_strip, self)
            reminders_action = menu.addAction("Re&minders…")
            reminders_action.setObjectName("actionReminders")
            reminders_action.triggered.connect(self.open_reminder_settings)
            self.reminders.start()
        menu.addSeparator()
        for act in (self.actions_.sign_out, self.actions_.quit):
            menu.addAction(act)
        self.view_menu = self.menuBar().addMenu("&View")
        self.view_menu.addAction(self.actions_.refresh)
        help_menu = self.menuBar().addMenu("&Help")
        help_menu.addAction(self.actions_.help)
        help_menu.addAction(self.actions_.about)

        self.statusBar().showMessage(f"Signed in as {ctx.actor.display_name}. Times in {ctx.actor.time_zone}.")
        ctx.bus.changed.connect(self.on_changed)
        ctx.bus.status.connect(self.show_status)
        ctx.bus.reachable.connect(self._server_back)
        place_main_window(self, ctx.settings)

    def closeEvent(self, event) -> None:  # noqa: N802
        remember_geometry(self, self.ctx.settings)
        super().closeEvent(event)

    def open_session_settings(self) -> None:
        """Read the practice's sign-in policy (on the reader), then open its dialog
        (``self.session_settings``)."""
        from ...services.session_policy import session_policy
        from ..session_settings import SessionSettingsDialog

        def show(current) -> None:
            self.session_settings = SessionSettingsDialog(self.ctx, current, self)
            self.session_settings.open()

        self.ctx.reads.run(session_policy, owner=self, slot="session-policy", on_done=show)

    def open_locale_settings(self) -> None:
        """Read the practice's locale (on the reader), then open its dialog (``self.locale_settings``)."""
        from ...services.practice import practice_details
        from ..locale_settings import LocaleSettingsDialog

        def show(details) -> None:
            self.locale_settings = LocaleSettingsDialog(self.ctx, details.locale, self)
            self.locale_settings.open()

        self.ctx.reads.run(practice_details, owner=self, slot="practice-locale", on_done=show)

    def open_reminder_settings(self) -> None:
        """Read the person's reminder times (on the reader), then open their dialog
        (``self.reminder_settings``); saving asks again what is due."""
        from ...services import reminders
        from ..reminder_settings import ReminderSettingsDialog

        actor = self.ctx.actor

        def show(current) -> None:
            self.reminder_settings = ReminderSettingsDialog(self.ctx, current, self)
            self.reminder_settings.accepted.connect(self.reminders.check)
            self.reminder_settings.open()

        self.ctx.reads.run(lambda: reminders.reminder_settings(actor), owner=self, slot="reminder-settings",
                           on_done=show)

    def _server_back(self) -> None:
        self.show_status("Connected to the practice server again.")

    def show_status(self, text: str) -> None:
        self.statusBar().showMessage(text, 8000)

    def _header(self, role_title: str) -> QWidget:
        bar = QWidget(self)
        bar.setObjectName("header")
        layout = QHBoxLayout(bar)
        layout.setContentsMargins(16, 8, 16, 8)
        practice = QLabel(self.ctx.practice_name or "Practice Desk", bar)
        practice.setObjectName("headerPractice")
        who = QLabel(f"{self.ctx.actor.display_name} · {role_title}", bar)
        who.setObjectName("headerUser")
        sign_out = QPushButton("Sign out", bar)
        sign_out.setObjectName("signOutButton")
        sign_out.setAccessibleName("Sign out")
        sign_out.clicked.connect(self.sign_out_requested)
        layout.addWidget(practice)
        layout.addStretch(1)
        layout.addWidget(who)
        layout.addWidget(sign_out)
        return bar

    def add_page(self, key: str, page: Page) -> Page:
        index = self.stack.addWidget(page)
        item = QListWidgetItem(page.title)
        item.setData(Qt.ItemDataRole.UserRole, key)
        item.setData(Qt.ItemDataRole.AccessibleTextRole, page.title)
        self.nav.addItem(item)
        self.pages[key] = page
        if index < 9:
            shortcut = QShortcut(QKeySequence(f"Ctrl+{index + 1}"), self)
            shortcut.activated.connect(lambda i=index: self.nav.setCurrentRow(i))
        if self.nav.currentRow() < 0:
            self.nav.setCurrentRow(0)
        return page

    def set_badge(self, key: str, count: int) -> None:
        """A count on a navigation entry, in bold and spoken by screen readers (0: none)."""
        page = self.pages[key]
        item = self.nav.item(self.stack.indexOf(page))
        item.setText(f"{page.title} ({count})" if count else page.title)
        font = item.font()
        font.setBold(count > 0)
        item.setFont(font)
        item.setData(Qt.ItemDataRole.AccessibleTextRole, f"{page.title}, {count} waiting" if count else page.title)

    def badge_text(self, key: str) -> str:
        return self.nav.item(self.stack.indexOf(self.pages[key])).text()

    def go_to(self, key: str) -> Page:
        page = self.pages[key]
        self.nav.setCurrentRow(self.stack.indexOf(page))
        return page

    def current_page(self) -> Page:
        return self.stack.currentWidget()

    def on_changed(self, changes: Change) -> None:
        for page in self.pages.values():
            if page.interests & changes:
                page.mark_stale()

    def refresh_current(self) -> None:
        page = self.current_page()
        if page is not None:
            page.refresh_now()

    def open_help(self) -> None:
        """The role's help pages (``self.help``), beside the window, not blocking it."""
        from ..help import HelpDialog

        self.help = HelpDialog(self.ctx.actor, self)
        self.help.open()

    def _about(self) -> None:
        from ... import __version__

        show_info(self, "About",
                  f"Practice Desk {__version__}\nAppointments, cancellations and fees for small practices.\n"
                  f"Data: {self.ctx.practice_name}")
