"""Booking page: the Worry-free booking policy (a change makes a new version) and working hours.

The page is a Designer form (ui/bookingsettings.ui); the code fills it from the services,
renders the preview in the client's words (rules.policy) and the working-hours rule's
problems (rules.working_hours), and saves through the write runner.
"""

from __future__ import annotations

from datetime import timedelta
from html import escape

from ...rules.money import AmountError, parse_amount
from ...rules.policy import FeePolicySnapshot, full_policy_text, own_text_problem, worry_free_lines
from ...rules.slots import WorkingBlock
from ...rules.timefmt import format_instant
from ...rules.working_hours import DAYS, format_day, parse_week
from ...services import policy as policy_service
from ...services.result import Change
from ..dialogs import show_error
from ..forms.ui_bookingsettings import Ui_BookingSettingsPage
from ..widgets.page import Page


class BookingSettingsPage(Page):
    title = "Booking page"
    interests = Change.POLICY

    def __init__(self, ctx, parent=None) -> None:
        super().__init__(ctx, parent)
        self.ui = ui = Ui_BookingSettingsPage()
        ui.setupUi(self)
        # The limits are the service's, so the spin boxes cannot offer what it refuses.
        ui.noticeSpin.setMaximum(policy_service.MAX_NOTICE_HOURS)
        ui.graceSpin.setMaximum(policy_service.MAX_GRACE_MINUTES)
        ui.hoursZone.setText(f"Wall-clock times in {ctx.actor.time_zone}; leave a day empty for a day off.")
        self.day_edits = [getattr(ui, f"hours{day}") for day in DAYS]
        ui.savePolicyButton.clicked.connect(self.save_policy)
        ui.saveHoursButton.clicked.connect(self.save_hours)
        for spin in (ui.noticeSpin, ui.graceSpin):
            spin.valueChanged.connect(lambda _=0: self._update_preview())
        for edit in (ui.lateFeeEdit, ui.noShowFeeEdit):
            edit.textChanged.connect(lambda _="": self._update_preview())
        ui.policyTextEdit.textChanged.connect(self._update_preview)
        self.current: policy_service.PolicyView | None = None
        self.shown_hours: list[WorkingBlock] | None = None

    def loader(self):
        actor = self.ctx.actor
        return lambda: (policy_service.current(actor), policy_service.history(actor),
                        policy_service.working_hours(actor))

    def show_loaded(self, data) -> None:
        actor, ui = self.ctx.actor, self.ui
        cur, history, hours = data
        self.current = cur
        snap = cur.snapshot
        ui.policyVersion.setText(f"Current policy: version {cur.version}, since "
                                 f"{format_instant(cur.created_at, actor.time_zone, with_year=True)}")
        ui.noticeSpin.setValue(int(snap.notice.total_seconds() // 3600))
        ui.lateFeeEdit.setText(snap.late_cancellation_fee.plain())
        ui.noShowFeeEdit.setText(snap.no_show_fee.plain())
        ui.graceSpin.setValue(int(snap.grace.total_seconds() // 60))
        ui.policyTextEdit.setPlainText(cur.text)
        ui.policyHistory.setText("Versions: " + "; ".join(
            f"v{v.version} (late {v.snapshot.late_cancellation_fee.format()}, no-show {v.snapshot.no_show_fee.format()})"
            f": {v.booked_under} appointment{'s' if v.booked_under != 1 else ''} booked under it"
            for v in history))
        self.shown_hours = hours
        for weekday, edit in enumerate(self.day_edits):
            edit.setText(format_day(self.shown_hours, weekday))
        self._update_preview()

    def _change(self) -> policy_service.PolicyChange:
        ui = self.ui
        currency = self.current.snapshot.currency if self.current else "USD"
        return policy_service.PolicyChange(ui.noticeSpin.value(), parse_amount(ui.lateFeeEdit.text(), currency),
                                           parse_amount(ui.noShowFeeEdit.text(), currency), ui.graceSpin.value(),
                                           ui.policyTextEdit.toPlainText())

    def _update_preview(self) -> None:
        preview = self.ui.policyPreview
        try:
            c = self._change()
        except AmountError as exc:
            preview.setHtml(escape(str(exc)))
            return
        try:
            snap = FeePolicySnapshot(
                version=0, notice=timedelta(hours=c.notice_hours), late_cancellation_fee=c.late_fee,
                no_show_fee=c.no_show_fee, grace=timedelta(minutes=c.grace_minutes))
        except ValueError as exc:  # e.g. a negative number typed: the snapshot refuses it
            preview.setHtml(escape(str(exc)))
            return
        # The same wording as the client's booking page and the full policy the client opens
        # (rules.policy), with what the service would refuse in the provider's own text.
        lines = worry_free_lines(snap)
        problem = own_text_problem(c.text)
        preview.setHtml(
            "<b>Worry-free booking</b><br>" + "<br>".join(escape(t) for t in (
                lines.notice, lines.late_cancellation_fee, lines.no_show_fee, lines.insurance))
            + (f"<br><br><i>{escape(problem)}</i>" if problem else "")
            + "<br><br><b>Full policy</b><br>" + escape(full_policy_text(snap, c.text)).replace("\n", "<br>"))

    def save_policy(self) -> None:
        try:
            change = self._change()
        except AmountError as exc:
            show_error(self, str(exc), "Please check")
            return
        actor, expected = self.ctx.actor, self.current.version if self.current else None
        self.ctx.ops.run(lambda: policy_service.save_policy(actor, change, expected_version=expected,
                                                            now=self.ctx.service_now()), parent=self)

    def save_hours(self) -> None:
        parsed = parse_week([edit.text() for edit in self.day_edits])
        if parsed.problem is not None:
            # The rule names the day: take the person to that field.
            self.day_edits[parsed.problem.weekday].setFocus()
            show_error(self, parsed.problem.message, "Please check")
            return
        actor, blocks, expected = self.ctx.actor, list(parsed.blocks), self.shown_hours
        self.ctx.ops.run(lambda: policy_service.save_working_hours(actor, blocks, expected=expected,
                                                                   now=self.ctx.service_now()), parent=self)
