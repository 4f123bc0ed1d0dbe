"""The client's waitlist: the dialog that puts them on it (days and times they could come) or
takes them off, and the dashboard card of the times offered to them, with Accept and Decline."""

from __future__ import annotations

from datetime import time

from PySide6.QtCore import QTime
from PySide6.QtWidgets import QCheckBox, QDialogButtonBox, QHBoxLayout, QLabel, QWidget

from ...rules.timefmt import format_instant, format_range
from ...rules.waitlist import Wish
from ...services import waitlist
from ...services.errors import ServiceError
from ..context import AppContext
from ..forms.ui_waitlist import Ui_WaitlistDialog
from ..save_dialog import SaveFormDialog
from ..widgets.page import card
from .controls import button, label


class WaitlistDialog(SaveFormDialog):
    """``current`` is the client's wish as read just before it opens (None: not on the waitlist)."""

    def __init__(self, ctx: AppContext, current: Wish | None, provider_zone: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.ui = Ui_WaitlistDialog()
        self.ui.setupUi(self)
        self._ctx = ctx
        self.days: list[QCheckBox] = [getattr(self.ui, f"day{d}") for d in range(7)]
        wish = current or Wish(frozenset(range(5)), time(9), time(17))
        for d, box in enumerate(self.days):
            box.setChecked(d in wish.weekdays)
        self.ui.earliest.setTime(QTime(wish.start.hour, wish.start.minute))
        self.ui.latest.setTime(QTime(wish.end.hour, wish.end.minute))
        self.ui.zoneNote.setText(f"Times as your provider's calendar shows them ({provider_zone}).")
        self.ui.zoneNote.setProperty("muted", True)
        self.ui.leaveButton.setVisible(current is not None)
        self.ui.leaveButton.clicked.connect(self.leave)
        self.setWindowTitle("Change your waitlist times" if current else "Join the waitlist")
        self.connect_buttons()

    def call(self):
        actor, now = self._ctx.actor, self._ctx.service_now()
        days = [d for d, box in enumerate(self.days) if box.isChecked()]
        lo, hi = self.ui.earliest.time(), self.ui.latest.time()
        earliest, latest = time(lo.hour(), lo.minute()), time(hi.hour(), hi.minute())
        return lambda: waitlist.join_waitlist(actor, days, earliest, latest, now=now)

    def saved(self, result) -> None:
        self._ctx.bus.status.emit(result.summary)

    def leave(self) -> None:
        actor, now = self._ctx.actor, self._ctx.service_now()
        self.ui.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(False)
        self._ctx.ops.run(lambda: waitlist.leave_waitlist(actor, now=now), parent=self,
                          on_done=lambda r: (self._ctx.bus.status.emit(r.summary), self.accept()),
                          on_error=self._refused)


class OffersCard(QWidget):
    """Times offered to the client from the waitlist; hidden while there are none."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None, *, on_refused=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._on_refused = on_refused  # read again: an offer refused as taken has gone meanwhile
        outer = QHBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.frame, self.box = card(self, "offersCard", "A time opened up for you")
        outer.addWidget(self.frame)
        self.message = label("", "offersMessage", self.frame)
        self.rows: list[tuple[waitlist.Offer, OfferButtons]] = []
        self.offers: list[waitlist.Offer] = []
        self.hide()

    def show_offers(self, offers: list[waitlist.Offer]) -> None:
        self.offers = offers
        for _offer, pair in self.rows:
            pair.row.deleteLater()
        self.rows = []
        self.box.removeWidget(self.message)
        zone = self.ctx.actor.time_zone
        for offer in offers:
            row = QWidget(self.frame)
            line = QHBoxLayout(row)
            line.setContentsMargins(0, 0, 0, 0)
            text = QLabel(f"{format_range(offer.start, offer.end, zone)} · {offer.service_name} with "
                          f"{offer.provider_name} · answer before {format_instant(offer.expires_at, zone)}", row)
            text.setWordWrap(True)
            accept = button("&Accept", f"acceptOffer{offer.id}", row, primary=True)
            accept.setAccessibleName(f"Accept {format_range(offer.start, offer.end, zone)}")
            decline = button("Decline", f"declineOffer{offer.id}", row)
            decline.setAccessibleName(f"Decline {format_range(offer.start, offer.end, zone)}")
            accept.clicked.connect(lambda _c=False, o=offer: self._answer(o, accept=True))
            decline.clicked.connect(lambda _c=False, o=offer: self._answer(o, accept=False))
            line.addWidget(text, 1)
            line.addWidget(accept)
            line.addWidget(decline)
            self.box.addWidget(row)
            row.show()  # at once, not on the layout's next turn (the card is already on screen)
            self.rows.append((offer, OfferButtons(row, accept, decline)))
        self.box.addWidget(self.message)
        self.message.setVisible(bool(self.message.text()))
        self.setVisible(bool(offers) or bool(self.message.text()))

    def buttons_for(self, offer_id: int) -> OfferButtons:
        return next(pair for offer, pair in self.rows if offer.id == offer_id)

    def _answer(self, offer: waitlist.Offer, *, accept: bool) -> None:
        actor, now = self.ctx.actor, self.ctx.service_now()
        call = waitlist.accept_offer if accept else waitlist.decline_offer
        pair = self.buttons_for(offer.id)
        pair.accept.setEnabled(False)
        pair.decline.setEnabled(False)
        self.ctx.ops.run(lambda: call(actor, offer.id, now=now), parent=self,
                         on_done=lambda r: self._said(r.summary), on_error=self._refused)

    def _said(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()
        self.message.setProperty("error", False)
        self.setVisible(True)

    def _refused(self, exc: ServiceError) -> None:
        self.message.setText(exc.message)
        self.message.show()
        self.message.setProperty("error", True)
        self.message.style().polish(self.message)
        self.setVisible(True)
        for _offer, pair in self.rows:
            pair.accept.setEnabled(True)
            pair.decline.setEnabled(True)
        if self._on_refused is not None:
            self._on_refused()


class OfferButtons:
    """One offer's row and its two buttons."""

    def __init__(self, row: QWidget, accept, decline) -> None:
        self.row, self.accept, self.decline = row, accept, decline
