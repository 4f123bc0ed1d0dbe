"""Book: the provider's services, open times by date (a calendar of the coming weeks and the
chosen day's free times), and the Worry-free booking policy; booking goes through a review
step (``booking_review``). Also where Reschedule leads (move mode)."""

from __future__ import annotations

from datetime import date, timedelta
from zoneinfo import ZoneInfo

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QBrush, QFont, QTextCharFormat
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCalendarWidget,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
)

from ...rules.datefmt import weekday_and_day
from ...rules.policy import worry_free_lines
from ...rules.timefmt import format_day, format_instant
from ...services import client_portal
from ...services.booking import BookingRequest, book_appointment
from ...services.client_portal import AppointmentRow, BookingPageData
from ...services.errors import ServiceError
from ...services.reschedule import reschedule_appointment
from ...services.result import Change
from ..dialogs import show_error
from ..theme import colour
from ..widgets.empty import PlaceholderListView
from ..widgets.page import Page, muted, page_layout
from ..widgets.page import card as titled_card
from .booking_review import BookingChoice, BookingReviewDialog
from .controls import button, label
from .models import SlotListModel
from .policy_dialog import open_policy, policy_link


class BookingPage(Page):
    title = "Book"
    interests = Change.APPOINTMENTS | Change.POLICY

    def __init__(self, ctx, parent=None) -> None:
        super().__init__(ctx, parent)
        self.provider_id: int | None = None
        self.moving: AppointmentRow | None = None
        self.data: BookingPageData | None = None
        layout = page_layout(self, self.title)
        self.provider_label = label("", "bookingProvider", self)
        self.provider_label.setProperty("role", "subheading")
        self.intro = muted("", self)
        layout.addWidget(self.provider_label)
        layout.addWidget(self.intro)

        self.banner = QFrame(self)
        self.banner.setObjectName("rescheduleBanner")
        self.banner.setProperty("notice", "info")
        banner = QHBoxLayout(self.banner)
        self.banner_text = label("", "rescheduleText", self.banner)
        self.stop_button = button("&Stop rescheduling", "stopRescheduleButton", self.banner)
        self.stop_button.clicked.connect(lambda: self.begin_booking(self.provider_id))
        banner.addWidget(self.banner_text, 1)
        banner.addWidget(self.stop_button)
        self.banner.hide()
        layout.addWidget(self.banner)

        body = QHBoxLayout()
        left = QVBoxLayout()
        service_label = QLabel("Se&rvice", self)
        left.addWidget(service_label)
        self.service_combo = QComboBox(self)
        service_label.setBuddy(self.service_combo)
        self.service_combo.setObjectName("serviceCombo")
        self.service_combo.setAccessibleName("Service")
        self.service_combo.currentIndexChanged.connect(self._load_slots)
        left.addWidget(self.service_combo)
        self.slots_title = label("", "slotsTitle", self)
        left.addWidget(self.slots_title)
        self.all_slots: list = []
        self.days: dict[date, list] = {}  # the client's local day → its free times
        self.chosen_day: date | None = None  # the day the person picked (kept across re-reads)
        pick = QHBoxLayout()
        day_box = QVBoxLayout()
        day_label = QLabel("&Date", self)
        day_box.addWidget(day_label)
        self.day_picker = QCalendarWidget(self)
        self.day_picker.setObjectName("dayPicker")
        self.day_picker.setAccessibleName("Date")
        self.day_picker.setGridVisible(False)
        self.day_picker.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)
        self.day_picker.setFirstDayOfWeek(Qt.DayOfWeek.Monday)
        self.day_picker.selectionChanged.connect(self._day_chosen)
        day_label.setBuddy(self.day_picker)
        day_box.addWidget(self.day_picker)
        day_box.addStretch(1)
        pick.addLayout(day_box)
        times_box = QVBoxLayout()
        self.times_label = QLabel("&Free times", self)
        times_box.addWidget(self.times_label)
        self.slot_model = SlotListModel(ctx.actor.time_zone, self, time_only=True)
        self.slot_view = PlaceholderListView(self)
        self.slot_view.set_placeholder("No free times on this day: pick a date shown in bold.")
        self.slot_view.setObjectName("slotList")
        self.slot_view.setAccessibleName("Free times on the chosen day")
        self.slot_view.setModel(self.slot_model)
        self.slot_view.setAlternatingRowColors(True)
        self.slot_view.setTabKeyNavigation(False)
        self.slot_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.slot_view.selectionModel().currentChanged.connect(self._slot_changed)
        self.slot_view.activated.connect(lambda _i: self._book())  # double-click or Enter: review it
        self.times_label.setBuddy(self.slot_view)
        times_box.addWidget(self.slot_view, 1)
        pick.addLayout(times_box, 1)
        left.addLayout(pick, 1)
        line = QHBoxLayout()
        self.book_button = button("&Book this time…", "bookSlotButton", self, primary=True)
        self.book_button.setEnabled(False)
        self.book_button.clicked.connect(self._book)
        line.addWidget(self.book_button)
        self.waitlist_button = button("&Waitlist…", "waitlistButton", self)
        self.waitlist_button.setToolTip("Be offered a time like the ones you could come for when one opens up")
        self.waitlist_button.clicked.connect(self.open_waitlist)
        line.addWidget(self.waitlist_button)
        line.addStretch(1)
        left.addLayout(line)
        self.result = label("", "bookingResult", self)
        left.addWidget(self.result)
        body.addLayout(left, 3)
        body.addWidget(self._worry_free(), 2)
        layout.addLayout(body, 1)

    def _worry_free(self) -> QFrame:
        card, box = titled_card(self, "worryFree", "Worry-free booking")
        self.policy_notice = label("", "policyNotice", card)
        self.policy_late = label("", "policyLateFee", card)
        self.policy_no_show = label("", "policyNoShowFee", card)
        self.policy_insurance = label("", "policyInsurance", card)
        for w in (self.policy_notice, self.policy_late, self.policy_no_show, self.policy_insurance):
            box.addWidget(w)
        self.policy_link = policy_link("Read the full policy", card)
        self.policy_link.linkActivated.connect(self._open_policy)
        box.addWidget(self.policy_link)
        box.addStretch(1)
        return card

    # ---- entry points (Book in the navigation, Reschedule) ---------------------------------
    def begin_booking(self, provider_id: int | None) -> None:
        self.moving = None
        self.chosen_day = None
        self.provider_id = provider_id
        self.result.setText("")
        self.refresh_now()

    def begin_reschedule(self, row: AppointmentRow) -> None:
        self.moving = row
        self.chosen_day = None
        self.provider_id = row.provider_id
        self.result.setText("")
        self.refresh_now()

    def loader(self):
        actor, provider_id = self.ctx.actor, self.provider_id
        return lambda: client_portal.booking_page(actor, provider_id)

    def load_failed(self, error: ServiceError) -> None:
        self.provider_label.setText(error.message)

    def show_loaded(self, data: BookingPageData) -> None:
        self.data = data
        self.provider_id = data.provider_id
        self.provider_label.setText(f"{data.provider_name}" + (f" — {data.title}" if data.title else ""))
        self.intro.setText(data.intro)
        lines = worry_free_lines(data.policy.snapshot)
        self.policy_notice.setText(lines.notice)
        self.policy_late.setText(lines.late_cancellation_fee)
        self.policy_no_show.setText(lines.no_show_fee)
        self.policy_insurance.setText(lines.insurance)
        moving = self.moving
        self.banner.setVisible(moving is not None)
        if moving is not None:
            self.banner_text.setText(f"Rescheduling your appointment on "
                                     f"{format_instant(moving.start, self.ctx.actor.time_zone)}. Pick a new time.")
        self.book_button.setText("&Move to this time…" if moving else "&Book this time…")
        self.book_button.setAccessibleName(self.book_button.text().replace("&", ""))
        self.service_combo.setEnabled(moving is None)
        current = self.service_combo.currentData()
        self.service_combo.blockSignals(True)
        self.service_combo.clear()
        for s in data.services:
            self.service_combo.addItem(s.name, s)
        index = next((i for i, s in enumerate(data.services) if current and s.id == current.id), 0)
        self.service_combo.setCurrentIndex(index)
        self.service_combo.blockSignals(False)
        self._load_slots()

    def _load_slots(self) -> None:
        if self.data is None:
            return
        service = self.service_combo.currentData()
        length = (self.moving.end - self.moving.start) if self.moving else service.duration
        actor, provider_id, now = self.ctx.actor, self.data.provider_id, self.ctx.service_now()
        exclude = self.moving.id if self.moving else None
        self.book_button.setEnabled(False)
        self.read(lambda: client_portal.slots(actor, provider_id, length, now=now, exclude_appointment_id=exclude),
                  self._show_slots, slot="slots")

    def _show_slots(self, slots) -> None:
        zone = ZoneInfo(self.ctx.actor.time_zone)
        self.all_slots = list(slots)
        self.days = {}
        for slot in self.all_slots:
            self.days.setdefault(slot.start.astimezone(zone).date(), []).append(slot)
        self.slots_title.setText(f"Open times, next {client_portal.BOOKING_DAYS // 7} weeks "
                                 f"({len(slots)}), in {self.ctx.actor.time_zone}. Pick a date, then a time.")
        today = self.ctx.now().astimezone(zone).date()
        last = today + timedelta(days=client_portal.BOOKING_DAYS)
        picker = self.day_picker
        picker.blockSignals(True)
        picker.setDateTextFormat(QDate(), QTextCharFormat())  # forget the last read's marks
        picker.setDateRange(QDate(today.year, today.month, today.day), QDate(last.year, last.month, last.day))
        empty, free = QTextCharFormat(), QTextCharFormat()
        empty.setForeground(QBrush(colour("muted")))  # days without a free time
        weekend = QTextCharFormat()
        weekend.setForeground(QBrush(colour("ink")))  # not Qt's red, unreadable in either scheme
        for day_of_week in (Qt.DayOfWeek.Saturday, Qt.DayOfWeek.Sunday):
            picker.setWeekdayTextFormat(day_of_week, weekend)
        free.setFontWeight(QFont.Weight.Bold)
        for offset in range(client_portal.BOOKING_DAYS + 1):
            day = today + timedelta(days=offset)
            picker.setDateTextFormat(QDate(day.year, day.month, day.day), free if day in self.days else empty)
        chosen = self.chosen_day
        if chosen not in self.days:  # keep the person's day while it still has free times
            chosen = min(self.days) if self.days else today
        picker.setSelectedDate(QDate(chosen.year, chosen.month, chosen.day))
        picker.blockSignals(False)
        self._day_changed()

    def _day_chosen(self) -> None:
        self.chosen_day = self.day_picker.selectedDate().toPython()
        self._day_changed()

    def _day_changed(self) -> None:
        day = self.day_picker.selectedDate().toPython()
        slots = self.days.get(day, [])
        zone = self.ctx.actor.time_zone
        self.slot_model.set_slots(slots)
        name = format_day(slots[0].start, zone) if slots else weekday_and_day(day)
        self.times_label.setText(f"&Free times on {name}" + (f" ({len(slots)})" if slots else ""))
        self.slot_view.setAccessibleName(self.times_label.text().replace("&", ""))
        self.book_button.setEnabled(False)

    def _slot_changed(self, current, _previous) -> None:
        self.book_button.setEnabled(current.isValid())

    def select_day(self, day: date) -> None:
        """Choose a date in the picker (what a person does with a click or the arrow keys)."""
        self.day_picker.setSelectedDate(QDate(day.year, day.month, day.day))

    def select_slot(self, row: int) -> None:
        """Choose the ``row``-th free time of the chosen day."""
        self.slot_view.setCurrentIndex(self.slot_model.index(row, 0))

    def selected_slot(self):
        index = self.slot_view.currentIndex()
        return self.slot_model.slots[index.row()] if index.isValid() else None

    def open_waitlist(self) -> None:
        """Read the client's place on the waitlist (on the reader), then open its dialog
        (``self.waitlist_dialog``)."""
        from ...services import waitlist
        from .waitlist import WaitlistDialog

        actor = self.ctx.actor
        zone = self.data.zone if self.data is not None else actor.time_zone

        def show(current) -> None:
            self.waitlist_dialog = WaitlistDialog(self.ctx, current, zone, self)
            self.waitlist_dialog.open()

        self.read(lambda: waitlist.my_wish(actor), show, slot="waitlist")

    def _open_policy(self, _href: str = "") -> None:
        if self.data is not None:
            self.policy_dialog = open_policy(self, f"Worry-free booking — {self.data.provider_name}",
                                             self.data.policy.full_text)

    def _book(self) -> None:
        """Book this time…: the review step first (when, with whom, where, the policy and what
        cancelling will mean); nothing is written until the person confirms there."""
        slot, data, ctx = self.selected_slot(), self.data, self.ctx
        if slot is None or data is None:
            return
        moving = self.moving
        service = self.service_combo.currentData()
        if moving is not None:
            choice = BookingChoice(slot.start, moving.end - moving.start, data.provider_name, moving.service_name,
                                   moving.place, data.policy.snapshot, data.policy.full_text, moving.start)
        else:
            place = "Telehealth (video session)" if service.telehealth else (data.location or "At the practice")
            choice = BookingChoice(slot.start, service.duration, data.provider_name, service.name, place,
                                   data.policy.snapshot, data.policy.full_text)
        self.review = BookingReviewDialog(choice, ctx.actor.time_zone, ctx.now(), self.window())
        self.review.confirmed.connect(lambda: self._run_booking(slot, service, moving))
        self.review.open()

    def _run_booking(self, slot, service, moving) -> None:
        data, ctx = self.data, self.ctx
        zone = ctx.actor.time_zone
        self.book_button.setEnabled(False)
        if moving is not None:
            def run():
                return reschedule_appointment(ctx.actor, moving.id, slot.start, expected_version=moving.version,
                                              now=ctx.service_now())
            done_text = f"Moved: your appointment is now {format_instant(slot.start, zone)}."
        else:
            request = BookingRequest(
                provider_id=data.provider_id, client_id=ctx.actor.client_id, start=slot.start,
                duration=service.duration, service_id=service.id,
                location="" if service.telehealth else data.location, telehealth=service.telehealth)

            def run():
                return book_appointment(ctx.actor, request, now=ctx.service_now())
            done_text = f"Booked: {format_instant(slot.start, zone)} with {data.provider_name}."

        def done(result) -> None:
            self.moving = None
            self.refresh_now()
            self.result.setProperty("error", False)
            # The service says what cancelling it will mean (never a free cancellation the rule refuses).
            self.result.setText(f"{done_text} {getattr(result, 'notice', '')}".strip())

        def failed(exc: ServiceError) -> None:
            self.result.setProperty("error", True)
            self.result.setText(exc.message)
            self.result.style().polish(self.result)
            self.refresh_now()
            show_error(self, exc)

        ctx.ops.run(run, parent=self, on_done=done, on_error=failed)
