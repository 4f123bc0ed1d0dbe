"""Where the client's steps lead: Edit → options → cancel / reschedule / message,
and from the confirmation to the booking page or the dashboard.

One per page; the dialogs it opened are kept as attributes so a test (and the
screenshot script) can reach the real, open windows.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QObject

from ...rules.timefmt import format_instant
from ...services import client_portal
from ...services.errors import ServiceError
from ..dialogs import show_error
from .cancel.dialog import CancelDialog
from .options_dialog import AppointmentOptionsDialog


class ClientFlows(QObject):
    def __init__(self, page) -> None:
        super().__init__(page)
        self.page = page
        self.ctx = page.ctx
        self.options: AppointmentOptionsDialog | None = None
        self.cancel_dialog: CancelDialog | None = None

    def _portal(self):
        return self.page.window()

    def _with_row(self, appointment_id: int, then, *, quiet: bool = False) -> None:
        """Read the appointment as it is now on the reader, then go on with it (GUI thread).
        A refusal is shown (or, ``quiet``, the flow goes on without the row)."""
        actor, now = self.ctx.actor, self.ctx.service_now()

        def failed(exc: ServiceError) -> None:
            if quiet:
                then(None)
            else:
                show_error(self.page, exc)

        self.ctx.reads.run(lambda: client_portal.appointment(actor, appointment_id, now=now), owner=self.page,
                           slot="flow", on_done=then, on_error=failed)

    def _close(self) -> None:
        for dialog in (self.options, self.cancel_dialog):
            # A dialog the person closed with its title-bar button deletes itself.
            if dialog is not None and shiboken6.isValid(dialog) and dialog.isVisible():
                dialog.close()
        self.options = self.cancel_dialog = None

    def edit(self, appointment_id: int) -> None:
        """The appointment's options (``self.options`` once its row has been read)."""
        self._with_row(appointment_id, self._edit)

    def _edit(self, row) -> None:
        self._close()
        dialog = AppointmentOptionsDialog(self.ctx, row, self._portal())
        dialog.cancel_chosen.connect(self.cancel)
        dialog.reschedule_chosen.connect(self.move)
        dialog.message_chosen.connect(self.message)
        dialog.open()
        self.options = dialog

    def cancel(self, appointment_id: int, all_upcoming: bool = False) -> None:
        """The cancel flow (``self.cancel_dialog`` once the row has been read)."""
        self._with_row(appointment_id, lambda row: self._cancel(row, all_upcoming))

    def _cancel(self, row, all_upcoming: bool) -> None:
        self._close()
        dialog = CancelDialog(self.ctx, row, self._portal(), all_upcoming=all_upcoming)
        dialog.reschedule_requested.connect(self.book_again)
        dialog.move_requested.connect(self.move)
        dialog.message_requested.connect(self.message)
        dialog.return_requested.connect(self.to_dashboard)
        dialog.open()
        self.cancel_dialog = dialog

    def move(self, appointment_id: int) -> None:
        self._with_row(appointment_id, self._move)

    def _move(self, row) -> None:
        self._close()
        self._portal().go_to("book").begin_reschedule(row)

    def book_again(self, provider_id: int) -> None:
        self._close()
        self._portal().go_to("book").begin_booking(provider_id)

    def message(self, appointment_id: int) -> None:
        self._with_row(appointment_id, self._message, quiet=True)

    def _message(self, row) -> None:
        self._close()
        subject = "About my appointment"
        if row is not None:
            subject += f" on {format_instant(row.start, self.ctx.actor.time_zone)}"
        self._portal().go_to("messages").compose(subject)

    def to_dashboard(self) -> None:
        self._close()
        self._portal().go_to("dashboard")
