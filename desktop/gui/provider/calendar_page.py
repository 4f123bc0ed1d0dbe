"""Calendar: the provider's appointments by day, week and month, and what to do with one."""

from __future__ import annotations

from datetime import date
from html import escape
from zoneinfo import ZoneInfo

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ...rules import series as series_rules
from ...rules.telehealth import PLACE
from ...rules.timefmt import format_instant, format_range
from ...rules.vocabulary import AppointmentStatus
from ...rules.wording import NOT_COVERED
from ...services import booking, day_sheet, provider, telehealth
from ...services import ical as services_ical
from ...services.errors import AccountChanged, ServiceError
from ...services.result import Change
from ..calendar_file import CalendarFileSaver
from ..printing import print_html
from ..widgets.calendar import CalendarMode, ProviderCalendar
from ..widgets.page import Page, muted, page_layout
from .appointment_dialogs import (
    CancelForClientDialog,
    MoveDialog,
    MoveRequest,
    NewAppointment,
    NewAppointmentDialog,
    NoShowDialog,
)
from .day_sheet import day_sheet_html, day_sheet_title
from .video_link import VideoLinkDialog


class CalendarPage(Page):
    title = "Calendar"
    interests = Change.APPOINTMENTS | Change.LATE_REQUESTS | Change.CHARGES | Change.PEOPLE

    def __init__(self, ctx, parent=None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("calendarPage")
        layout = page_layout(self, self.title)
        top = QHBoxLayout()
        top.addWidget(muted("Your appointments across all your clients. " + ProviderCalendar.shortcuts_help(), self),
                        1)
        self.new_button = QPushButton("&New appointment…", self)
        self.new_button.setObjectName("newAppointmentButton")
        self.new_button.setAccessibleName("New appointment")
        self.new_button.setProperty("primary", True)
        self.new_button.setToolTip("New single or repeating appointment (Ctrl+N)")
        self.new_button.clicked.connect(lambda: self.open_new())
        top.addWidget(self.new_button)
        layout.addLayout(top)
        body = QHBoxLayout()
        self.calendar = ProviderCalendar(ctx, self)
        body.addWidget(self.calendar, 1)
        side = QVBoxLayout()
        side.addWidget(self._detail_panel(), 1)
        side.addWidget(self._calendar_panel())
        body.addLayout(side)
        layout.addLayout(body, 1)
        self.calendar.appointment_selected.connect(self.show_detail)
        self.calendar.appointment_activated.connect(self.show_detail)
        self.calendar.day_activated.connect(self._day_activated)
        QShortcut(QKeySequence.StandardKey.New, self, activated=lambda: self.open_new())
        QShortcut(QKeySequence.StandardKey.Print, self, activated=self.print_day_sheet)
        self.detail: provider.AppointmentDetail | None = None
        self.dialog = None
        self._render_detail()

    def print_day_sheet(self) -> None:
        """The calendar's day (the one shown in Day view; else the day it is on), read on the
        reader, then the print dialog (Ctrl+P)."""
        actor, day = self.ctx.actor, self.calendar.anchor
        self.read(lambda: day_sheet.provider_day_sheet(actor, day), self._print_day_sheet, slot="print")

    def _print_day_sheet(self, sheet) -> None:
        issued = format_instant(self.ctx.now(), self.ctx.actor.time_zone, with_year=True)
        said = print_html(self, day_sheet_html(sheet, issued), day_sheet_title(sheet))
        if said is not None:
            self.window().statusBar().showMessage(said, 8000)

    def _ics_read(self):
        actor, practice, now = self.ctx.actor, self.ctx.practice_name, self.ctx.service_now()
        return lambda: services_ical.provider_calendar_file(actor, practice_name=practice, now=now)

    def _calendar_panel(self) -> QWidget:
        """Under the detail panel: what concerns the whole calendar (its file, the day's sheet)."""
        panel, v = self._card("calendarActionsPanel")
        self.ics_button = self._action(panel, "Save calendar &file…", "icsButton", lambda: self.ics.choose())
        self.ics_button.setAccessibleName("Save calendar file (.ics)")
        self.ics_button.setToolTip("Save your appointments as an .ics file another calendar program can import; "
                                   "saving it again updates the events there (moved and cancelled ones too)")
        self.ics = CalendarFileSaver(self, self._ics_read, title="Save calendar file",
                                     file_name="my-practice-appointments.ics",
                                     saved_text="import it into your calendar program.")
        self.print_button = self._action(panel, "&Print day sheet…", "printDaySheetButton", self.print_day_sheet)
        self.print_button.setToolTip("Print the day the calendar is on: times, clients, services, places and "
                                     "statuses (Ctrl+P)")
        for w in (self.ics_button, self.print_button):
            v.addWidget(w)
        return panel

    # ------------------------------------------------------------ detail panel

    def _card(self, name: str) -> tuple[QFrame, QVBoxLayout]:
        """A card of the side column, 280 px wide, and its layout."""
        panel = QFrame(self)
        panel.setObjectName(name)
        panel.setProperty("card", True)
        panel.setFixedWidth(280)
        return panel, QVBoxLayout(panel)

    def _detail_panel(self) -> QWidget:
        panel, v = self._card("appointmentPanel")
        self.detail_title = QLabel("", panel)
        self.detail_title.setObjectName("detailTitle")
        self.detail_title.setProperty("role", "subheading")
        self.detail_title.setWordWrap(True)
        self.detail_text = QLabel("", panel)
        self.detail_text.setObjectName("detailText")
        self.detail_text.setWordWrap(True)
        self.detail_text.setTextFormat(Qt.TextFormat.RichText)
        v.addWidget(self.detail_title)
        v.addWidget(self.detail_text)
        self.move_button = self._action(panel, "&Move / change…", "moveButton", self.open_move)
        self.cancel_button = self._action(panel, "&Cancel for client…", "cancelForClientButton", self.open_cancel)
        self.no_show_button = self._action(panel, "Mark n&o-show…", "noShowButton", self.open_no_show)
        self.no_show_why = muted("", panel)
        self.no_show_why.setObjectName("noShowWhy")
        self.link_button = self._action(panel, "Video lin&k…", "videoLinkButton", self.open_video_link)
        for w in (self.move_button, self.cancel_button, self.no_show_button, self.no_show_why, self.link_button):
            v.addWidget(w)
        v.addStretch(1)
        return panel

    def _action(self, parent: QWidget, text: str, name: str, slot) -> QPushButton:
        b = QPushButton(text, parent)
        b.setObjectName(name)
        b.setAccessibleName(text.replace("&", "").rstrip("…"))
        b.clicked.connect(slot)
        return b

    def show_detail(self, appointment_id: int) -> None:
        """Read the appointment's detail on the reader; the panel shows it when it comes."""
        actor, now = self.ctx.actor, self.ctx.service_now()
        self.read(lambda: provider.appointment_detail(actor, appointment_id, now=now), self._detail_loaded,
                  slot="detail", on_error=lambda _e: self._detail_loaded(None))

    def _detail_loaded(self, detail: provider.AppointmentDetail | None) -> None:
        self.detail = detail
        self._render_detail()

    def _render_detail(self) -> None:
        d, zone = self.detail, self.ctx.actor.time_zone
        if d is None:
            self.detail_title.setText("No appointment selected")
            self.detail_text.setText("Click an appointment to see it here, or double-click a day to add one.")
            for b in (self.move_button, self.cancel_button, self.no_show_button, self.link_button):
                b.setEnabled(False)
            self.no_show_why.setText("")
            return
        self.detail_title.setText(d.client_name)
        lines = [format_range(d.start, d.end, zone), f"<b>{d.status_label}</b>"]
        if d.series_summary:
            lines.append(f"↻ {d.series_summary}")
        lines.append(f"Policy version {d.policy.version}: late-cancellation {d.policy.late_cancellation_fee.format()}, "
                     f"no-show {d.policy.no_show_fee.format()}")
        if d.telehealth or d.video_link:
            lines.append(f"{PLACE}: {escape(d.video_link)}" if d.video_link else f"{PLACE}: no link yet")
        if d.pending_request_id:
            lines.append("<b>Late-cancellation request pending</b> (see Requests)")
        if d.cancellation:
            lines.append(f"Reason: {d.cancellation}")
        for kind, amount, status in d.charges:
            lines.append(f"Charge: {kind.replace('_', ' ')} {amount.format()} ({status}), {NOT_COVERED.lower()}")
        self.detail_text.setText("<br>".join(lines))
        # The service says what is possible now; the panel only renders its refusals.
        for button, refusal in ((self.move_button, d.move_refusal), (self.cancel_button, d.cancel_refusal),
                                (self.no_show_button, d.no_show_refusal), (self.link_button, d.link_refusal)):
            button.setEnabled(not refusal)
            button.setToolTip(refusal)
        self.no_show_why.setText(d.no_show_refusal if d.status == AppointmentStatus.SCHEDULED else "")

    # ------------------------------------------------------------ refresh

    def refresh_now(self) -> None:
        super().refresh_now()
        self.calendar.reload()
        if self.detail is not None:
            self.show_detail(self.detail.id)

    # ------------------------------------------------------------ actions

    def _day_activated(self, day: date) -> None:
        if self.calendar.mode is not CalendarMode.MONTH:
            self.open_new(day)

    def open_new(self, day: date | None = None) -> None:
        """Read the clients and services on the reader, then open the dialog (``self.dialog``)."""
        actor = self.ctx.actor
        day = day or self.calendar.anchor
        self.read(lambda: (provider.my_clients(actor), provider.my_services(actor)),
                  lambda choices: self._open_new(day, *choices), slot="dialog")

    def _open_new(self, day: date, clients, services) -> None:
        dialog = NewAppointmentDialog(clients, services, day, self.ctx.actor.time_zone, self)
        dialog.submitted.connect(lambda value: self._create(dialog, value))
        self._show(dialog)

    def _create(self, dialog: NewAppointmentDialog, value: NewAppointment) -> None:
        actor, now = self.ctx.actor, self.ctx.service_now()
        if value.frequency is None:
            start = series_rules.local_to_utc(value.local_start, ZoneInfo(actor.time_zone))
            fn = lambda: provider.book_for_client(actor, value.client_id, start, value.duration,  # noqa: E731
                                                  service_id=value.service_id, telehealth=value.telehealth, now=now)
        else:
            request = booking.SeriesRequest(value.client_id, value.local_start, actor.time_zone, value.duration,
                                            value.frequency, until=value.until, count=value.count,
                                            service_id=value.service_id, telehealth=value.telehealth)
            fn = lambda: booking.create_series(actor, request, now=now)  # noqa: E731
        self.ctx.ops.run(fn, parent=self, on_done=lambda _r: self._done(dialog, value.local_start.date()),
                         on_error=lambda e: dialog.show_error(e.message))

    def open_cancel(self) -> None:
        """Read the series preview (for an occurrence of a series) on the reader, then open the
        dialog (``self.dialog``)."""
        if self.detail is None:
            return
        d, actor, now = self.detail, self.ctx.actor, self.ctx.service_now()

        def preview() -> provider.SeriesCancelPreview | None:
            if d.series_id is None:
                return None
            try:
                return provider.series_cancel_preview(actor, d.id, now=now)
            except AccountChanged:
                raise
            except ServiceError:
                return None  # offer only "this appointment"; the service refuses what is no longer possible

        self.read(preview, lambda p: self._open_cancel(d, p), slot="dialog")

    def _open_cancel(self, d: provider.AppointmentDetail, preview: provider.SeriesCancelPreview | None) -> None:
        dialog = CancelForClientDialog(d, self.ctx.actor.time_zone, self, series_preview=preview)
        dialog.submitted.connect(lambda code, note, whole: self._cancel(dialog, d, preview, code, note, whole))
        self._show(dialog)

    def _cancel(self, dialog: CancelForClientDialog, d: provider.AppointmentDetail,
                preview: provider.SeriesCancelPreview | None, code: str, note: str, whole_series: bool) -> None:
        actor, now = self.ctx.actor, self.ctx.service_now()
        if whole_series and preview is not None:
            fn = lambda: provider.cancel_series_from_for_client(  # noqa: E731
                actor, d.id, code, note, expected_version=d.version, expected_count=preview.count, now=now)
        else:
            fn = lambda: provider.cancel_for_client(actor, d.id, code, note,  # noqa: E731
                                                    expected_version=d.version, now=now)
        self.ctx.ops.run(fn, parent=self, on_done=lambda _r: self._done(dialog),
                         on_error=lambda e: dialog.show_error(e.message))

    def open_no_show(self) -> NoShowDialog | None:
        if self.detail is None:
            return None
        d = self.detail
        dialog = NoShowDialog(d, self.ctx.actor.time_zone, self)
        actor = self.ctx.actor
        dialog.submitted.connect(lambda waive: self.ctx.ops.run(
            lambda: provider.mark_no_show(actor, d.id, waive=waive, expected_version=d.version, now=self.ctx.service_now()),
            parent=self, on_done=lambda _r: self._done(dialog), on_error=lambda e: dialog.show_error(e.message)))
        self._show(dialog)
        return dialog

    def open_move(self) -> MoveDialog | None:
        if self.detail is None:
            return None
        d = self.detail
        dialog = MoveDialog(d, self.ctx.actor.time_zone, self)
        dialog.submitted.connect(lambda req: self._move(dialog, d, req))
        self._show(dialog)
        return dialog

    def _move(self, dialog: MoveDialog, d: provider.AppointmentDetail, req: MoveRequest) -> None:
        actor, now = self.ctx.actor, self.ctx.service_now()
        if req.whole_series:
            change = provider.SeriesChange(req.local_start, actor.time_zone, req.duration, req.frequency,
                                           until=req.until, count=req.count)
            fn = lambda: provider.change_series_from(actor, d.id, change, expected_version=d.version,  # noqa: E731
                                                     now=now)
        else:
            start = series_rules.local_to_utc(req.local_start, ZoneInfo(actor.time_zone))
            fn = lambda: provider.move_occurrence(actor, d.id, start, expected_version=d.version,  # noqa: E731
                                                  now=now)
        self.ctx.ops.run(fn, parent=self, on_done=lambda _r: self._done(dialog, req.local_start.date()),
                         on_error=lambda e: dialog.show_error(e.message))

    def open_video_link(self) -> None:
        """Read the provider's default room on the reader, then open the dialog (``self.dialog``)."""
        if self.detail is None:
            return
        d, actor = self.detail, self.ctx.actor
        self.read(lambda: telehealth.default_video_link(actor), lambda room: self._open_video_link(d, room),
                  slot="dialog")

    def _open_video_link(self, d: provider.AppointmentDetail, room: str | None) -> None:
        dialog = VideoLinkDialog(d, room, self.ctx.actor.time_zone, self)
        actor = self.ctx.actor
        dialog.submitted.connect(lambda link, make_default: self.ctx.ops.run(
            lambda: telehealth.set_video_link(actor, d.id, link, make_default=make_default, expected_version=d.version,
                                              now=self.ctx.service_now()),
            parent=self, on_done=lambda _r: self._done(dialog), on_error=lambda e: dialog.show_error(e.message)))
        self._show(dialog)

    def _show(self, dialog) -> None:
        if self.dialog is not None:
            self.dialog.close()
        self.dialog = dialog
        dialog.finished.connect(lambda _=0: setattr(self, "dialog", None) if self.dialog is dialog else None)
        dialog.open()

    def _done(self, dialog, day: date | None = None) -> None:
        dialog.accept()
        if day is not None:
            self.calendar.go_to(day)
