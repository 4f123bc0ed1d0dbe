"""What the dialogs that are a form with a Save button share (the owner's settings, a person's
reminders, a client's waitlist entry): saving through the write runner, the button held while
it runs, a refusal shown in the dialog's message line."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QDialog, QDialogButtonBox

from ..services.errors import ServiceError
from ..services.result import OpResult
from .context import AppContext


class SaveFormDialog(QDialog):
    """``self.ui`` has ``buttons`` (Save and Cancel) and ``message``; subclasses give
    :meth:`call`, the service call that saves what the form holds."""

    _ctx: AppContext

    def connect_buttons(self) -> None:
        self.ui.buttons.accepted.connect(self.save)
        self.ui.buttons.rejected.connect(self.reject)

    def _save_button(self):
        return self.ui.buttons.button(QDialogButtonBox.StandardButton.Save)

    def call(self) -> Callable[[], OpResult]:
        raise NotImplementedError

    def save(self) -> None:
        if not self._save_button().isEnabled():
            return
        call = self.call()
        self._save_button().setEnabled(False)
        self.ui.message.setText("")
        self._ctx.ops.run(call, parent=self, on_done=self._saved, on_error=self._refused)

    def saved(self, result: OpResult) -> None:
        """After a successful save, before the dialog closes."""

    def _saved(self, result: OpResult) -> None:
        self._save_button().setEnabled(True)
        self.saved(result)
        self.accept()

    def _refused(self, exc: ServiceError) -> None:
        self._save_button().setEnabled(True)
        self.ui.message.setText(exc.message)
