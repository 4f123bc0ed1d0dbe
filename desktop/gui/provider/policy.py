"""Booking page: the Worry-free booking policy (a change makes a new version) and working hours."""

from __future__ import annotations

import re
from datetime import time, timedelta
from html import escape

from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ...rules.money import AmountError, parse_amount
from ...rules.policy import FeePolicySnapshot, worry_free_lines
from ...rules.slots import WorkingBlock
from ...rules.timefmt import format_instant
from ...services import policy as policy_service
from ...services.result import Change
from ..dialogs import show_error
from ..widgets.page import Page, muted, page_layout

DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_BLOCK = re.compile(r"^\s*(\d{1,2}):(\d{2})\s*[-–]\s*(\d{1,2}):(\d{2})\s*$")


def parse_blocks(weekday: int, text: str) -> list[WorkingBlock]:
    """'09:00-12:00, 13:00-17:00' → blocks; raises ValueError with a sentence."""
    out = []
    for part in filter(None, (p.strip() for p in text.split(","))):
        m = _BLOCK.match(part)
        if m is None:
            raise ValueError(f"{DAYS[weekday]}: “{part}” is not a time range such as 09:00-12:00.")
        h1, m1, h2, m2 = map(int, m.groups())
        if h1 > 23 or h2 > 23 or m1 > 59 or m2 > 59:
            raise ValueError(f"{DAYS[weekday]}: “{part}” is not a time of day.")
        out.append(WorkingBlock(weekday, time(h1, m1), time(h2, m2)))
    return out


class BookingSettingsPage(Page):
    title = "Booking page"
    interests = Change.POLICY

    def __init__(self, ctx, parent=None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("bookingSettingsPage")
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        inner = QWidget(scroll)
        scroll.setWidget(inner)
        outer.addWidget(scroll)
        layout = page_layout(inner, "Booking page settings")
        layout.addWidget(muted("The Worry-free booking policy clients see when they book. Saving a change makes a "
                               "new version: it applies to appointments booked from then on, never to ones already "
                               "booked.", inner))
        self.version_label = QLabel("", inner)
        self.version_label.setObjectName("policyVersion")
        self.version_label.setProperty("role", "subheading")
        layout.addWidget(self.version_label)
        body = QHBoxLayout()
        form_box = QFrame(inner)
        form_box.setProperty("card", True)
        form = QFormLayout(form_box)
        self.notice = self._spin(form_box, "noticeSpin", "Notice window in hours", 0, policy_service.MAX_NOTICE_HOURS,
                                 " h")
        form.addRow("&Notice window:", self.notice)
        self.late_fee = QLineEdit(form_box)
        self.late_fee.setObjectName("lateFeeEdit")
        self.late_fee.setAccessibleName("Late-cancellation fee")
        form.addRow("&Late-cancellation fee:", self.late_fee)
        self.no_show_fee = QLineEdit(form_box)
        self.no_show_fee.setObjectName("noShowFeeEdit")
        self.no_show_fee.setAccessibleName("No-show fee")
        form.addRow("N&o-show fee:", self.no_show_fee)
        self.grace = self._spin(form_box, "graceSpin", "Grace period in minutes", 0,
                                policy_service.MAX_GRACE_MINUTES, " min")
        form.addRow("&Grace period:", self.grace)
        self.text = QPlainTextEdit(form_box)
        self.text.setObjectName("policyTextEdit")
        self.text.setAccessibleName("Policy text")
        self.text.setMinimumHeight(160)
        form.addRow("Policy &text:", self.text)
        self.save_button = QPushButton("&Save as new version", form_box)
        self.save_button.setObjectName("savePolicyButton")
        self.save_button.setAccessibleName("Save policy as new version")
        self.save_button.setProperty("primary", True)
        self.save_button.clicked.connect(self.save_policy)
        form.addRow("", self.save_button)
        body.addWidget(form_box, 3)
        preview_box = QFrame(inner)
        preview_box.setProperty("notice", "info")
        pv = QVBoxLayout(preview_box)
        pv.addWidget(QLabel("<b>What clients see</b>", preview_box))
        self.preview = QTextBrowser(preview_box)
        self.preview.setObjectName("policyPreview")
        self.preview.setAccessibleName("Preview of what clients see")
        self.preview.setFrameShape(QFrame.Shape.NoFrame)
        pv.addWidget(self.preview, 1)
        body.addWidget(preview_box, 2)
        layout.addLayout(body)
        self.history = muted("", inner)
        self.history.setObjectName("policyHistory")
        layout.addWidget(self.history)

        layout.addWidget(QLabel("<b>Working hours</b> (the booking page's open slots come from them; "
                                f"wall-clock in {ctx.actor.time_zone}; e.g. 09:00-12:00, 13:00-17:00)", inner))
        hours = QFrame(inner)
        hours.setProperty("card", True)
        grid = QGridLayout(hours)
        self.day_edits: list[QLineEdit] = []
        for i, day in enumerate(DAYS):
            edit = QLineEdit(hours)
            edit.setObjectName(f"hours{day}")
            edit.setAccessibleName(f"Working hours on {day}")
            grid.addWidget(QLabel(day, hours), i, 0)
            grid.addWidget(edit, i, 1)
            self.day_edits.append(edit)
        self.save_hours_button = QPushButton("Save wor&king hours", hours)
        self.save_hours_button.setObjectName("saveHoursButton")
        self.save_hours_button.setAccessibleName("Save working hours")
        self.save_hours_button.clicked.connect(self.save_hours)
        grid.addWidget(self.save_hours_button, len(DAYS), 1)
        layout.addWidget(hours)
        layout.addStretch(1)
        for w in (self.notice, self.grace):
            w.valueChanged.connect(lambda _=0: self._update_preview())
        for w in (self.late_fee, self.no_show_fee):
            w.textChanged.connect(lambda _="": self._update_preview())
        self.text.textChanged.connect(self._update_preview)
        self.current: policy_service.PolicyView | None = None
        self.shown_hours: list[WorkingBlock] | None = None

    @staticmethod
    def _spin(parent, name, accessible, lo, hi, suffix) -> QSpinBox:
        spin = QSpinBox(parent)
        spin.setObjectName(name)
        spin.setAccessibleName(accessible)
        spin.setRange(lo, hi)
        spin.setSuffix(suffix)
        return spin

    def refresh(self) -> None:
        actor = self.ctx.actor
        cur = self.current = policy_service.current(actor)
        snap = cur.snapshot
        self.version_label.setText(f"Current policy: version {cur.version}, since "
                                   f"{format_instant(cur.created_at, actor.time_zone, with_year=True)}")
        self.notice.setValue(int(snap.notice.total_seconds() // 3600))
        self.late_fee.setText(snap.late_cancellation_fee.plain())
        self.no_show_fee.setText(snap.no_show_fee.plain())
        self.grace.setValue(int(snap.grace.total_seconds() // 60))
        self.text.setPlainText(cur.text)
        self.history.setText("Versions: " + "; ".join(
            f"v{v.version} (late {v.snapshot.late_cancellation_fee.format()}, no-show {v.snapshot.no_show_fee.format()})"
            f": {v.booked_under} appointment{'s' if v.booked_under != 1 else ''} booked under it"
            for v in policy_service.history(actor)))
        by_day: dict[int, list[str]] = {}
        self.shown_hours = policy_service.working_hours(actor)
        for b in self.shown_hours:
            by_day.setdefault(b.weekday, []).append(f"{b.start:%H:%M}-{b.end:%H:%M}")
        for i, edit in enumerate(self.day_edits):
            edit.setText(", ".join(by_day.get(i, [])))
        self._update_preview()

    def _change(self) -> policy_service.PolicyChange:
        currency = self.current.snapshot.currency if self.current else "USD"
        return policy_service.PolicyChange(self.notice.value(), parse_amount(self.late_fee.text(), currency),
                                           parse_amount(self.no_show_fee.text(), currency), self.grace.value(),
                                           self.text.toPlainText())

    def _update_preview(self) -> None:
        try:
            c = self._change()
        except AmountError as exc:
            self.preview.setHtml(escape(str(exc)))
            return
        try:
            lines = worry_free_lines(FeePolicySnapshot(
                version=0, notice=timedelta(hours=c.notice_hours), late_cancellation_fee=c.late_fee,
                no_show_fee=c.no_show_fee, grace=timedelta(minutes=c.grace_minutes)))
        except ValueError as exc:  # e.g. a negative number typed: the snapshot refuses it
            self.preview.setHtml(escape(str(exc)))
            return
        # The same wording as the client's booking page (rules.policy.worry_free_lines).
        self.preview.setHtml(
            "<b>Worry-free booking</b><br>" + "<br>".join(escape(t) for t in (
                lines.notice, lines.late_cancellation_fee, lines.no_show_fee, lines.insurance))
            + "<br><br>" + escape(c.text).replace("\n", "<br>"))

    def save_policy(self) -> None:
        try:
            change = self._change()
        except AmountError as exc:
            show_error(self, str(exc), "Please check")
            return
        actor, expected = self.ctx.actor, self.current.version if self.current else None
        self.ctx.ops.run(lambda: policy_service.save_policy(actor, change, expected_version=expected,
                                                            now=self.ctx.now()), parent=self)

    def save_hours(self) -> None:
        blocks: list[WorkingBlock] = []
        try:
            for i, edit in enumerate(self.day_edits):
                blocks.extend(parse_blocks(i, edit.text()))
        except ValueError as exc:
            show_error(self, str(exc), "Please check")
            return
        actor = self.ctx.actor
        expected = self.shown_hours
        self.ctx.ops.run(lambda: policy_service.save_working_hours(actor, blocks, expected=expected,
                                                                   now=self.ctx.now()), parent=self)
