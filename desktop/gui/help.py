"""Help (F1): a few short pages on the signed-in role's main tasks, from text files under
resources/help/<role>/ (Markdown), shown in Qt's text browser. The owner also gets owner/."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QListWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ..paths import resource
from ..rules.vocabulary import Role
from ..services.actor import Actor


@dataclass(frozen=True)
class HelpPage:
    title: str
    markdown: str


def help_folders(actor: Actor) -> list[str]:
    folders = [{Role.CLIENT: "client", Role.PROVIDER: "provider", Role.SUPPORT: "support"}[Role(actor.role)]]
    if actor.is_owner:
        folders.append("owner")
    return folders


def help_pages(actor: Actor) -> list[HelpPage]:
    """The role's pages in file-name order; a page's title is its first line's heading."""
    pages = []
    for folder in help_folders(actor):
        for path in sorted(resource(f"help/{folder}").glob("*.md")):
            text = path.read_text(encoding="utf-8")
            first = text.splitlines()[0] if text else path.stem
            pages.append(HelpPage(first.lstrip("# ").strip(), text))
    return pages


class HelpDialog(QDialog):
    def __init__(self, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("helpDialog")
        self.setWindowTitle("Help")
        self.resize(760, 480)
        self.pages = help_pages(actor)
        layout = QVBoxLayout(self)
        body = QHBoxLayout()
        self.contents = QListWidget(self)
        self.contents.setObjectName("helpContents")
        self.contents.setAccessibleName("Help topics")
        self.contents.setFixedWidth(260)
        self.contents.setWordWrap(True)
        self.contents.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.contents.addItems([p.title for p in self.pages])
        self.browser = QTextBrowser(self)
        self.browser.setObjectName("helpText")
        self.browser.setAccessibleName("Help text")
        self.browser.setOpenExternalLinks(False)
        body.addWidget(self.contents)
        body.addWidget(self.browser, 1)
        layout.addLayout(body, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.contents.currentRowChanged.connect(self.show_page)
        self.contents.setCurrentRow(0)
        self.contents.setFocus(Qt.FocusReason.OtherFocusReason)

    def show_page(self, row: int) -> None:
        if 0 <= row < len(self.pages):
            self.browser.setMarkdown(self.pages[row].markdown)
