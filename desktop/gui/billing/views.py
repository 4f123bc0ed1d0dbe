"""View helpers for fees: HTML for a thread or a charge's history, the save dialog."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QWidget

from ...rules.timefmt import format_instant
from ...services.fees import HistoryEntry
from ..theme import colour


def open_save_dialog(parent: QWidget, title: str, name: str, name_filter: str, suffix: str, file_name: str,
                     on_chosen) -> QFileDialog:
    """A Qt (non-native) save dialog opened with ``open()``: ``on_chosen(path)`` runs when a file is picked."""
    dialog = QFileDialog(parent, title)
    dialog.setObjectName(name)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    dialog.setNameFilter(name_filter)
    dialog.setDefaultSuffix(suffix)
    dialog.selectFile(file_name)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.fileSelected.connect(on_chosen)
    dialog.open()
    return dialog


def _body(text: str) -> str:
    return escape(text).replace("\n", "<br>")


def thread_html(messages, zone: str) -> str:
    parts, grey = [], colour("muted").name()
    for m in messages:
        parts.append(f"<p><b>{escape(m.sender)}</b> <span style='color:{grey}'>· "
                     f"{escape(format_instant(m.created_at, zone))}</span><br>{_body(m.body)}</p>")
    return "".join(parts) or "<p><i>No messages yet.</i></p>"


def history_html(entries: list[HistoryEntry], zone: str) -> str:
    rows = "".join(
        f"<tr><td style='padding-right:8px;white-space:nowrap'>{escape(format_instant(e.at, zone, with_year=True))}"
        f"</td><td style='padding-right:8px'><b>{e.what.label}</b></td>"
        f"<td style='padding-right:8px'>{escape(e.who)}</td><td>{_body(e.text)}</td></tr>"
        for e in entries)
    return f"<table cellspacing='0' cellpadding='3'>{rows}</table>" if rows else "<p><i>Select a charge.</i></p>"
