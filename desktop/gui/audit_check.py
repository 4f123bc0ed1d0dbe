"""Account → Verify audit trail… (owner): the chain is checked off the GUI thread, then the
window says it is intact or names the first event that was altered, inserted or removed."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from ..rules.audit_chain import ChainReport
from ..services.audit_trail import verify_audit_trail
from .context import AppContext
from .dialogs import show_error, show_info


class AuditCheck(QObject):
    reported = Signal(object)  # the ChainReport, once shown

    def __init__(self, ctx: AppContext, parent: QWidget) -> None:
        super().__init__(parent)
        self.ctx, self.parent_widget = ctx, parent
        self.box: QMessageBox | None = None

    def start(self) -> None:
        self.ctx.ops.run(lambda: verify_audit_trail(self.ctx.actor), parent=self.parent_widget,
                         on_done=self._show)

    def _show(self, report: ChainReport) -> None:
        if report.ok:
            self.box = show_info(self.parent_widget, "Audit trail intact", report.message())
        else:
            self.box = show_error(self.parent_widget, report.message() + "\n\nKeep this database as it is and "
                                  "compare it with a backup to see what changed.", title="Audit trail tampered with")
        self.reported.emit(report)
