"""The actions every role window has, built outside the windows (STYLE habit 8)."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget


@dataclass
class CommonActions:
    sign_out: QAction
    change_password: QAction
    refresh: QAction
    quit: QAction
    about: QAction
    help: QAction


def build_common_actions(parent: QWidget) -> CommonActions:
    def action(text: str, shortcut: QKeySequence | QKeySequence.StandardKey | str | None, name: str) -> QAction:
        act = QAction(text, parent)
        act.setObjectName(name)
        if shortcut is not None:
            act.setShortcut(QKeySequence(shortcut))
        parent.addAction(act)
        return act

    return CommonActions(
        sign_out=action("&Sign out", "Ctrl+Shift+L", "actionSignOut"),
        change_password=action("Change &password…", None, "actionChangePassword"),
        refresh=action("&Refresh", QKeySequence.StandardKey.Refresh, "actionRefresh"),
        quit=action("&Quit", QKeySequence.StandardKey.Quit, "actionQuit"),
        about=action("&About Practice Desk", None, "actionAbout"),
        help=action("&Help", QKeySequence.StandardKey.HelpContents, "actionHelp"),  # F1
    )
