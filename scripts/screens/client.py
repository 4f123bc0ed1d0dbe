"""Drive a signed-in ClientPortal (alex.morgan on the demo) into the states the
README shows, by the same buttons a person clicks. Each returns the widget to capture."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from .settle import settle


def _first_cancellable_repeating(window):
    page = window.go_to("appointments")
    page.tabs.setCurrentIndex(0)
    settle(window)
    index = next(i for i, r in enumerate(page.upcoming_model.rows) if r.is_scheduled and r.decision.allowed and r.repeats)
    return page, index


def _open_cancel(window):
    page, index = _first_cancellable_repeating(window)
    page.edit_button(index).click()
    settle(window)  # the options dialog reads the appointment before it opens
    page.flows.options.cancel_button.click()
    settle(window)
    return page.flows.cancel_dialog


def show_dashboard(window) -> QWidget:
    window.go_to("dashboard")
    settle(window)
    return window


def show_cancel_dialog_with_followup(window) -> QWidget:
    dialog = _open_cancel(window)
    dialog.form.select_reason("unwell")
    dialog.form.answer("telehealth_instead", "yes").click()
    settle(window)
    return dialog


def show_blocked_state(window) -> QWidget:
    page = window.go_to("dashboard")
    settle(window)
    page.edit_button.click()
    settle(window)
    return page.flows.options


def show_series_preview(window) -> QWidget:
    dialog = _open_cancel(window)
    dialog.form.all_radio.click()
    dialog.form.select_reason("schedule_conflict")
    dialog.form.confirm_button.click()
    settle(window)  # the preview is read on the reader
    return dialog


def show_confirm_one(window) -> QWidget:
    """A single cancellation's second step: "Then, confirm your cancellation"."""
    dialog = _open_cancel(window)
    dialog.form.select_reason("schedule_conflict")
    dialog.form.confirm_button.click()
    settle(window)
    return dialog


def show_confirmation(window) -> QWidget:
    dialog = show_confirm_one(window)
    dialog.confirm_one.confirm_button.click()
    settle(window)
    return dialog


def show_booking_page(window) -> QWidget:
    page = window.go_to("book")
    page.begin_booking(None)
    settle(window)
    page.select_slot(0)
    return window


def show_booking_review(window) -> QWidget:
    """The review before booking, on a time inside the notice window (the warning shows)."""
    page = window.go_to("book")
    page.begin_booking(None)
    settle(window)
    page.select_slot(0)
    page.book_button.click()
    settle(window)
    return page.review


def show_crisis_confirmation(window) -> QWidget:
    """Rule 6: cancelling "in crisis" and asking to be contacted; the confirmation says who will."""
    dialog = _open_cancel(window)
    dialog.form.select_reason("unsafe")
    dialog.form.answer("provider_contact", "yes").click()
    dialog.form.confirm_button.click()
    dialog.confirm_one.confirm_button.click()
    settle(window)
    return dialog


def show_reminder(window) -> QWidget:
    """The dashboard at the moment the client's next reminder comes due (a fixed clock moved on to
    it): the reminder strip under the header."""
    from desktop.services import reminders

    ctx = window.ctx
    plan = reminders.reminder_plan(ctx.actor, now=ctx.service_now())
    if not plan.due and plan.next_at is not None:
        ctx.clock.advance(plan.next_at - ctx.clock.now())
    window.go_to("dashboard")
    window.reminders.check()
    settle(window)
    return window


def show_waitlist_offer(window) -> QWidget:
    """Join the waitlist from the Book page (every weekday, all day, by the dialog's Save), then
    another demo client of the same provider books and cancels a time three days on (their
    workstation, through the same services): the dashboard offers it."""
    from datetime import timedelta

    from desktop.services import cancellation, client_portal
    from desktop.services.auth import actor_for
    from desktop.services.booking import BookingRequest, book_appointment
    from desktop.store.models import Client, Service

    ctx = window.ctx
    book = window.go_to("book")
    settle(window)
    book.open_waitlist()
    settle(window)
    book.waitlist_dialog.save()
    settle(window)
    now = ctx.service_now()
    provider_id = Client.get_by_id(ctx.actor.client_id).provider_id
    neighbour = (Client.select().where(Client.provider == provider_id, Client.id != ctx.actor.client_id)
                 .order_by(Client.id).first())
    other = actor_for(neighbour.user)
    service = Service.select().where(Service.provider == provider_id, Service.active == True).first()  # noqa: E712
    length = timedelta(minutes=service.duration_minutes)
    start = next(s.start for s in client_portal.slots(other, provider_id, length, now=now) if s.start > now + timedelta(days=3))
    appt = book_appointment(other, BookingRequest(provider_id, other.client_id, start, length, service_id=service.id),
                            now=now).value
    cancellation.client_cancel_one(other, appt, "schedule_conflict", now=now)
    page = window.go_to("dashboard")
    page.refresh_now()
    settle(window)
    return window


def show_join_video(window) -> QWidget:
    """The dashboard five minutes before the client's next telehealth appointment (a fixed clock
    moved on to it, the page woken by its own timer): Join video on the next-appointment card."""
    from datetime import timedelta

    from desktop.services import client_portal

    ctx = window.ctx
    rows = client_portal.upcoming(ctx.actor, now=ctx.service_now())
    video = next(r for r in rows if r.telehealth and r.video_link)
    ctx.clock.advance(video.start - timedelta(minutes=5) - ctx.clock.now())
    page = window.go_to("dashboard")
    page.refresh_now()
    settle(window)
    return window
