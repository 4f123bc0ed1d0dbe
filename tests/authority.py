"""Who may call each public service function, on whose objects (rule 8), as one table.

``TABLE`` has a row for every public function of ``desktop/services`` that acts for a person:
the roles that may call it, how far their reach goes (their own data, objects they name that
must be theirs, or anyone's), and how to call it on a given pair's objects. Functions that act
for nobody are listed in ``NO_ACTOR`` and ``ACTOR_STEPS``, each with the reason.
tests/test_services_authority_matrix.py fails when a public function is in neither.

The objects come from :func:`build_world`: two client–provider pairs (A: the owner and their
client; B: another provider and theirs) and Support, each pair holding one object of every kind
in the state its use cases need. Another test may call ``entry.call(actor, world.own(who))``
as any actor (say, a deactivated one) to try a row's allowed path.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from enum import StrEnum
from pathlib import Path
from types import MappingProxyType
from typing import Any
from zoneinfo import ZoneInfo

from desktop.rules import series as series_rules
from desktop.rules.money import Money
from desktop.rules.reminders import ReminderKind
from desktop.rules.slots import WorkingBlock
from desktop.services import (
    access,
    actor,
    audit_trail,
    auth,
    booking,
    calendar,
    cancellation,
    catalogue,
    client_portal,
    clock,
    day_sheet,
    dberrors,
    exports,
    ical,
    late_outcomes,
    live,
    maintenance,
    messaging,
    passwords,
    people,
    policy,
    practice,
    practice_calendar,
    reminders,
    reports,
    reschedule,
    restore,
    search,
    session_policy,
    telehealth,
    threads,
    throttle,
    tx,
    urgent,
    validation,
    waitlist,
    waitlist_offers,
)
from desktop.services import guards as appointment_guards
from desktop.services.actor import Actor
from desktop.services.errors import InvalidInput, NotAllowed, NotFound, ServiceError
from desktop.services.fees import adjustments, billing, disputes, history, queries
from desktop.services.fees import guards as fee_guards
from desktop.services.provider import cancel as provider_cancel
from desktop.services.provider import charges as provider_charges
from desktop.services.provider import detail, edits, no_show
from desktop.store.models import Appointment, Role
from desktop.store.waitlist_models import WaitlistOffer
from tests import factories
from tests.factories import PASSWORD, SESSION, ZONE

# The package re-exports a function of the same name, which hides the module as an attribute.
late_requests = importlib.import_module("desktop.services.provider.late_requests")


class Who(StrEnum):
    """The kinds of caller rule 8 distinguishes (an owner is a provider who manages people; the
    front desk sees the practice calendar and nothing clinical)."""

    CLIENT = "client"
    PROVIDER = "provider"
    OWNER = "owner"
    SUPPORT = "support"
    FRONT_DESK = "front_desk"


class Reach(StrEnum):
    SELF = "self"  # names no object: acts on the caller's own data (their calendar, their inbox)
    OWN = "own"  # names an object, which must be the caller's (or their client's)
    ANY = "any"  # names an object, anyone's (Support's fee work, the owner's people)


@dataclass(frozen=True)
class Objects:
    """What one client–provider pair owns, each in the state its use cases need; plus the
    instant every call is made at and a folder for files (a backup)."""

    client_id: int
    client_user_id: int
    provider_id: int
    appointment: int  # scheduled days ahead: free to cancel, move, preview
    soon: int  # scheduled inside the notice window, no request yet
    late_request: int  # a pending late-cancellation request (on another appointment in the window)
    past: int  # started past the grace period, still scheduled: a no-show may be marked
    series_appointment: int  # the first occurrence of a weekly series, in the future
    series_start: datetime  # its start (UTC)
    charge: int  # an open no-show fee, never disputed
    dispute: int  # a disputed fee's dispute, not referred to Support yet
    adjustment_request: int  # a referred dispute's request, pending with Support
    thread: int  # a general conversation between the pair
    urgent_item: int  # an open urgent item: the client cancelled in crisis and asked to be contacted
    waitlist_offer: int  # a freed time offered to the client, who is on the waitlist
    now: datetime
    scratch: Path

    def slot(self, n: int) -> datetime:
        """The n-th free start (n < 6) inside the default working hours on the Monday after next, UTC."""
        local = self.now.astimezone(ZoneInfo(ZONE))
        monday = local.date() + timedelta(days=14 - local.weekday())
        hour = (9, 10, 11, 13, 14, 15)[n]
        return datetime.combine(monday, time(hour), tzinfo=ZoneInfo(ZONE)).astimezone(self.now.tzinfo)

    def wall_clock(self, n: int) -> datetime:
        """The same free slot as naive wall-clock time in the practice's zone (series are written so)."""
        return self.slot(n).astimezone(ZoneInfo(ZONE)).replace(tzinfo=None)


Call = Callable[[Actor, Objects], Any]


@dataclass(frozen=True)
class Authority:
    """One row: who may call ``function`` (roles not named may not), how far they reach, how to
    call it on a pair's objects, and which refusal a call on another pair's object gets."""

    function: Callable[..., Any]
    who: Mapping[Who, Reach]
    call: Call
    foreign: type[ServiceError] = NotAllowed
    # Besides success, what an allowed call may meet in the world (and only there), with why.
    allowed_errors: tuple[type[ServiceError], ...] = ()
    note: str = ""


@dataclass(frozen=True)
class World:
    actors: Mapping[Who, Actor]
    a: Objects  # the owner's pair
    b: Objects  # the other provider's pair

    def own(self, who: Who) -> Objects:
        """The pair whose objects are this caller's (Support: any pair; A is used)."""
        return self.b if who is Who.PROVIDER else self.a

    def others(self, who: Who) -> Objects:
        return self.a if who is Who.PROVIDER else self.b


def qualified_name(function: Callable[..., Any]) -> str:
    return f"{function.__module__}.{function.__name__}"


PARTIES = {Who.CLIENT: Reach.OWN, Who.PROVIDER: Reach.OWN, Who.OWNER: Reach.OWN}  # the client and their provider
CLIENT_OWN = {Who.CLIENT: Reach.OWN}
CLIENT_SELF = {Who.CLIENT: Reach.SELF}
PROVIDERS_OWN = {Who.PROVIDER: Reach.OWN, Who.OWNER: Reach.OWN}
PROVIDERS_SELF = {Who.PROVIDER: Reach.SELF, Who.OWNER: Reach.SELF}
PARTICIPANTS_SELF = {Who.CLIENT: Reach.SELF, Who.PROVIDER: Reach.SELF, Who.OWNER: Reach.SELF}
SUPPORT_ANY = {Who.SUPPORT: Reach.ANY}
SUPPORT_SELF = {Who.SUPPORT: Reach.SELF}
OWNER_SELF = {Who.OWNER: Reach.SELF}
OWNER_ANY = {Who.OWNER: Reach.ANY}
PRACTICE_VIEWERS = {Who.OWNER: Reach.SELF, Who.FRONT_DESK: Reach.SELF}
EVERYONE_SELF = {w: Reach.SELF for w in Who}
CHARGE_READERS = {**PARTIES, Who.SUPPORT: Reach.ANY}

CLIENT_REASON = "schedule_conflict"  # a catalogue reason that asks nothing more
PROVIDER_REASON = "provider_unavailable"


def _series_change(o: Objects) -> edits.SeriesChange:
    first = o.series_start.astimezone(ZoneInfo(ZONE)).replace(hour=15, tzinfo=None)
    return edits.SeriesChange(first, ZONE, SESSION, series_rules.Frequency.WEEKLY, count=3)


def _row(function, who, call, **extra) -> Authority:
    return Authority(function, MappingProxyType(dict(who)), call, **extra)


ENTRIES: tuple[Authority, ...] = (
    # -- guards other modules build on ------------------------------------------------------
    _row(access.appointment_for, PARTIES, lambda a, o: access.appointment_for(a, o.appointment)),
    _row(access.client_for_provider, PROVIDERS_OWN, lambda a, o: access.client_for_provider(a, o.client_id)),
    _row(actor.current_actor, EVERYONE_SELF, lambda a, o: actor.current_actor(a),
         note="the account check every other use case makes first"),
    _row(actor.require_owner, OWNER_SELF, lambda a, o: actor.require_owner(a)),
    _row(actor.require_role, CLIENT_SELF, lambda a, o: actor.require_role(a, Role.CLIENT),
         note="a generic check; the row tries it for the client role"),
    _row(fee_guards.charge_for, CHARGE_READERS, lambda a, o: fee_guards.charge_for(a, o.charge)),
    _row(messaging.thread_for, PARTIES, lambda a, o: messaging.thread_for(a, o.thread)),
    _row(appointment_guards.own_appointment, PARTIES,
         lambda a, o: appointment_guards.own_appointment(a, o.appointment)),
    _row(appointment_guards.own_occurrence_in_series_order, PARTIES,
         lambda a, o: appointment_guards.own_occurrence_in_series_order(a, o.appointment),
         note="own_appointment, taken in the series lock order"),
    # -- signing in, accounts, the practice -------------------------------------------------
    _row(auth.change_password, EVERYONE_SELF,
         lambda a, o: auth.change_password(a, PASSWORD, "another good password", now=o.now)),
    _row(auth.unlock, EVERYONE_SELF, lambda a, o: auth.unlock(a, PASSWORD, now=o.now),
         note="the locked window's own person, by their password; names no object"),
    _row(practice.set_practice_locale, OWNER_SELF, lambda a, o: practice.set_practice_locale(a, "en_US", now=o.now)),
    _row(session_policy.set_session_policy, OWNER_SELF, lambda a, o: session_policy.set_session_policy(
        a, lock_after_minutes=10, offer_last_username=True, now=o.now)),
    _row(people.add_person, OWNER_SELF, lambda a, o: people.add_person(
        a, Role.SUPPORT, "new.support", "first password 1", people.PersonForm("New Support"), now=o.now)),
    _row(people.edit_person, OWNER_ANY, lambda a, o: people.edit_person(
        a, o.client_user_id, people.PersonForm("Renamed Client", provider_id=o.provider_id), now=o.now)),
    _row(people.list_people, OWNER_SELF, lambda a, o: people.list_people(a)),
    _row(people.provider_choices, OWNER_SELF, lambda a, o: people.provider_choices(a)),
    _row(people.set_active, OWNER_ANY, lambda a, o: people.set_active(a, o.client_user_id, False, now=o.now)),
    _row(maintenance.backup_database, OWNER_SELF,
         lambda a, o: maintenance.backup_database(a, o.scratch / "backup.db", now=o.now),
         allowed_errors=(InvalidInput,), note="on PostgreSQL the owner is told to use pg_dump"),
    _row(maintenance.backup_plan, OWNER_SELF, lambda a, o: maintenance.backup_plan(a)),
    _row(restore.inspect_backup, OWNER_SELF, lambda a, o: restore.inspect_backup(a, o.scratch / "no-such-backup.db"),
         allowed_errors=(InvalidInput,), note="the allowed call names a missing file, which is refused as such"),
    _row(restore.restore_practice_database, OWNER_SELF,
         lambda a, o: restore.restore_practice_database(a, o.scratch / "no-such-backup.db", now=o.now),
         allowed_errors=(InvalidInput,), note="the allowed call names a missing file: the matrix never swaps the "
                                              "database it runs on"),
    _row(audit_trail.verify_audit_trail, OWNER_SELF, lambda a, o: audit_trail.verify_audit_trail(a)),
    _row(reports.practice_report, OWNER_SELF, lambda a, o: reports.practice_report(a, o.now.date(), 3, now=o.now)),
    _row(reports.report_providers, OWNER_SELF, lambda a, o: reports.report_providers(a)),
    # -- booking and the calendars -----------------------------------------------------------
    _row(booking.book_appointment, PARTIES, lambda a, o: booking.book_appointment(a, booking.BookingRequest(
        o.provider_id, o.client_id, o.slot(1), SESSION), now=o.now)),
    _row(booking.create_series, PROVIDERS_OWN, lambda a, o: booking.create_series(a, booking.SeriesRequest(
        o.client_id, o.wall_clock(2), ZONE, SESSION, series_rules.Frequency.WEEKLY, count=3), now=o.now)),
    _row(calendar.client_range, CLIENT_SELF, lambda a, o: calendar.client_range(a, o.now, o.now + timedelta(7))),
    _row(practice_calendar.require_practice_viewer, PRACTICE_VIEWERS,
         lambda a, o: practice_calendar.require_practice_viewer(a)),
    _row(practice_calendar.practice_providers, PRACTICE_VIEWERS, lambda a, o: practice_calendar.practice_providers(a)),
    _row(practice_calendar.practice_range, PRACTICE_VIEWERS,
         lambda a, o: practice_calendar.practice_range(a, o.now, o.now + timedelta(7))),
    _row(search.find_appointments, PROVIDERS_SELF, lambda a, o: search.find_appointments(a, "#1", now=o.now)),
    _row(waitlist.my_wish, CLIENT_SELF, lambda a, o: waitlist.my_wish(a)),
    _row(waitlist.join_waitlist, CLIENT_SELF, lambda a, o: waitlist.join_waitlist(
        a, [0, 2], time(9), time(12), now=o.now)),
    _row(waitlist.leave_waitlist, CLIENT_SELF, lambda a, o: waitlist.leave_waitlist(a, now=o.now)),
    _row(waitlist.my_offers, CLIENT_SELF, lambda a, o: waitlist.my_offers(a, now=o.now)),
    _row(waitlist.accept_offer, CLIENT_OWN, lambda a, o: waitlist.accept_offer(a, o.waitlist_offer, now=o.now)),
    _row(waitlist.decline_offer, CLIENT_OWN, lambda a, o: waitlist.decline_offer(a, o.waitlist_offer, now=o.now)),
    _row(reminders.reminder_settings, PARTICIPANTS_SELF, lambda a, o: reminders.reminder_settings(a)),
    _row(reminders.set_reminder_settings, PARTICIPANTS_SELF, lambda a, o: reminders.set_reminder_settings(
        a, before_start_minutes=30, before_deadline_hours=None, now=o.now)),
    _row(reminders.reminder_plan, PARTICIPANTS_SELF, lambda a, o: reminders.reminder_plan(a, now=o.now)),
    _row(reminders.mark_reminded, PARTIES, lambda a, o: reminders.mark_reminded(
        a, o.appointment, ReminderKind.START, now=o.now)),
    _row(search.find_in_practice, PRACTICE_VIEWERS, lambda a, o: search.find_in_practice(a, "#1", now=o.now)),
    _row(calendar.provider_range, PROVIDERS_SELF,
         lambda a, o: calendar.provider_range(a, o.now, o.now + timedelta(7))),
    _row(edits.book_for_client, PROVIDERS_OWN,
         lambda a, o: edits.book_for_client(a, o.client_id, o.slot(3), SESSION, now=o.now)),
    _row(edits.move_occurrence, PROVIDERS_OWN,
         lambda a, o: edits.move_occurrence(a, o.appointment, o.slot(4), now=o.now)),
    _row(edits.change_series_from, PROVIDERS_OWN,
         lambda a, o: edits.change_series_from(a, o.series_appointment, _series_change(o), now=o.now)),
    _row(reschedule.reschedule_appointment, CLIENT_OWN,
         lambda a, o: reschedule.reschedule_appointment(a, o.appointment, o.slot(5), now=o.now)),
    # -- the client portal --------------------------------------------------------------------
    _row(client_portal.appointment, CLIENT_OWN, lambda a, o: client_portal.appointment(a, o.appointment, now=o.now)),
    _row(client_portal.booked_policy_text, CLIENT_OWN,
         lambda a, o: client_portal.booked_policy_text(a, o.appointment)),
    _row(client_portal.booking_page, CLIENT_OWN, lambda a, o: client_portal.booking_page(a, o.provider_id)),
    _row(client_portal.dashboard, CLIENT_SELF, lambda a, o: client_portal.dashboard(a, now=o.now)),
    _row(client_portal.past, CLIENT_SELF, lambda a, o: client_portal.past(a, now=o.now)),
    _row(client_portal.upcoming, CLIENT_SELF, lambda a, o: client_portal.upcoming(a, now=o.now)),
    _row(client_portal.slots, CLIENT_OWN, lambda a, o: client_portal.slots(
        a, o.provider_id, SESSION, now=o.now, exclude_appointment_id=o.appointment)),
    _row(ical.client_calendar_file, CLIENT_SELF, lambda a, o: ical.client_calendar_file(a, now=o.now)),
    _row(ical.provider_calendar_file, PROVIDERS_SELF, lambda a, o: ical.provider_calendar_file(a, now=o.now)),
    _row(day_sheet.provider_day_sheet, PROVIDERS_SELF, lambda a, o: day_sheet.provider_day_sheet(a, o.now.date())),
    # -- cancelling ---------------------------------------------------------------------------
    _row(cancellation.cancel_preview, PARTIES, lambda a, o: cancellation.cancel_preview(a, o.appointment, now=o.now)),
    _row(cancellation.client_cancel_one, CLIENT_OWN,
         lambda a, o: cancellation.client_cancel_one(a, o.appointment, CLIENT_REASON, now=o.now)),
    _row(cancellation.client_cancel_upcoming, CLIENT_OWN,
         lambda a, o: cancellation.client_cancel_upcoming(a, o.series_appointment, CLIENT_REASON, now=o.now)),
    _row(cancellation.request_late_cancellation, CLIENT_OWN,
         lambda a, o: cancellation.request_late_cancellation(a, o.soon, "Sorry", now=o.now)),
    _row(provider_cancel.cancel_for_client, PROVIDERS_OWN,
         lambda a, o: provider_cancel.cancel_for_client(a, o.appointment, PROVIDER_REASON, now=o.now)),
    _row(provider_cancel.cancel_series_from_for_client, PROVIDERS_OWN,
         lambda a, o: provider_cancel.cancel_series_from_for_client(a, o.series_appointment, PROVIDER_REASON,
                                                                    now=o.now)),
    _row(provider_cancel.series_cancel_preview, PROVIDERS_OWN,
         lambda a, o: provider_cancel.series_cancel_preview(a, o.series_appointment, now=o.now)),
    _row(late_requests.decide_late_request, PROVIDERS_OWN, lambda a, o: late_requests.decide_late_request(
        a, o.late_request, late_requests.LateDecision.DECLINE, now=o.now)),
    _row(late_requests.late_requests, PROVIDERS_SELF, lambda a, o: late_requests.late_requests(a)),
    _row(no_show.mark_no_show, PROVIDERS_OWN, lambda a, o: no_show.mark_no_show(a, o.past, now=o.now)),
    # -- the provider's reads -----------------------------------------------------------------
    _row(detail.appointment_detail, PROVIDERS_OWN,
         lambda a, o: detail.appointment_detail(a, o.appointment, now=o.now)),
    _row(detail.charge_summary, PROVIDERS_OWN, lambda a, o: detail.charge_summary(a, o.charge), foreign=NotFound,
         note="another provider's charge reads as not one of yours"),
    _row(telehealth.set_video_link, PROVIDERS_OWN, lambda a, o: telehealth.set_video_link(
        a, o.appointment, "https://meet.example.com/room-1", now=o.now)),
    _row(telehealth.set_default_video_link, PROVIDERS_SELF,
         lambda a, o: telehealth.set_default_video_link(a, "https://meet.example.com/mine", now=o.now)),
    _row(telehealth.default_video_link, PROVIDERS_SELF, lambda a, o: telehealth.default_video_link(a)),
    _row(detail.my_clients, PROVIDERS_SELF, lambda a, o: detail.my_clients(a)),
    _row(detail.my_services, PROVIDERS_SELF, lambda a, o: detail.my_services(a)),
    _row(policy.current, PROVIDERS_SELF, lambda a, o: policy.current(a)),
    _row(policy.history, PROVIDERS_SELF, lambda a, o: policy.history(a)),
    _row(policy.working_hours, PROVIDERS_SELF, lambda a, o: policy.working_hours(a)),
    _row(policy.save_policy, PROVIDERS_SELF, lambda a, o: policy.save_policy(a, policy.PolicyChange(
        12, Money(1000, "USD"), Money(2000, "USD"), 10, "A new policy."), now=o.now)),
    _row(policy.save_working_hours, PROVIDERS_SELF, lambda a, o: policy.save_working_hours(
        a, [WorkingBlock(0, time(9), time(17))], now=o.now)),
    # -- messages -----------------------------------------------------------------------------
    _row(messaging.list_threads, PARTICIPANTS_SELF, lambda a, o: messaging.list_threads(a)),
    _row(messaging.unread_total, PARTICIPANTS_SELF, lambda a, o: messaging.unread_total(a)),
    _row(messaging.thread_messages, PARTIES, lambda a, o: messaging.thread_messages(a, o.thread)),
    _row(messaging.mark_thread_read, PARTIES, lambda a, o: messaging.mark_thread_read(a, o.thread, now=o.now)),
    _row(messaging.reply, PARTIES, lambda a, o: messaging.reply(a, o.thread, "Thank you.", now=o.now)),
    _row(messaging.start_thread, {Who.CLIENT: Reach.SELF, Who.PROVIDER: Reach.OWN, Who.OWNER: Reach.OWN},
         lambda a, o: messaging.start_thread(a, "Hello", "A question.", client_id=o.client_id, now=o.now),
         note="a client always writes to their own provider; a provider names their client"),
    # -- fees ---------------------------------------------------------------------------------
    _row(billing.client_billing, CLIENT_SELF, lambda a, o: billing.client_billing(a)),
    _row(exports.client_statement, CLIENT_SELF, lambda a, o: exports.client_statement(a)),
    _row(disputes.dispute_charge, CLIENT_OWN,
         lambda a, o: disputes.dispute_charge(a, o.charge, "I was there.", now=o.now)),
    _row(disputes.provider_disputes, PROVIDERS_SELF, lambda a, o: disputes.provider_disputes(a)),
    _row(disputes.ask_support_to_adjust, PROVIDERS_OWN, lambda a, o: disputes.ask_support_to_adjust(
        a, o.dispute, "The bus broke down.", proposed=Money(2000, "USD"), now=o.now)),
    _row(history.charge_history, CHARGE_READERS, lambda a, o: history.charge_history(a, o.charge)),
    _row(queries.search_charges, SUPPORT_SELF, lambda a, o: queries.search_charges(a)),
    _row(adjustments.adjustment_queue, SUPPORT_SELF, lambda a, o: adjustments.adjustment_queue(a)),
    _row(adjustments.request_detail, SUPPORT_ANY, lambda a, o: adjustments.request_detail(a, o.adjustment_request)),
    _row(adjustments.adjust_fee, SUPPORT_ANY, lambda a, o: adjustments.adjust_fee(
        a, o.adjustment_request, Money(1000, "USD"), "Agreed with the provider.", now=o.now)),
    _row(adjustments.waive_fee, SUPPORT_ANY,
         lambda a, o: adjustments.waive_fee(a, o.adjustment_request, "First time.", now=o.now)),
    _row(adjustments.decline_request, SUPPORT_ANY,
         lambda a, o: adjustments.decline_request(a, o.adjustment_request, "The fee stands.", now=o.now)),
    # -- urgent items (rule 6) ----------------------------------------------------------------
    _row(urgent.urgent_items, PROVIDERS_SELF, lambda a, o: urgent.urgent_items(a, include_handled=True)),
    _row(urgent.open_urgent_count, PROVIDERS_SELF, lambda a, o: urgent.open_urgent_count(a)),
    _row(urgent.mark_urgent_handled, PROVIDERS_OWN,
         lambda a, o: urgent.mark_urgent_handled(a, o.urgent_item, "Called.", now=o.now)),
    _row(exports.export_size, SUPPORT_SELF,
         lambda a, o: exports.export_size(a, o.now - timedelta(days=30), o.now + timedelta(days=1))),
    _row(exports.export_fee_rows, SUPPORT_SELF,
         lambda a, o: list(exports.export_fee_rows(a, o.now - timedelta(days=30), o.now + timedelta(days=1)))),
)

TABLE: Mapping[str, Authority] = MappingProxyType({qualified_name(e.function): e for e in ENTRIES})

# Why a public function has no row: it acts for nobody (the matrix test checks that none of
# these takes an Actor). A new helper gets a line here, a new use case a row above.
PURE = "pure: computes from its arguments, reads and writes nothing"
STEP = "a step inside a use case (its query, write or guard), run after that use case checked the actor"
DATA = "the practice's catalogue data under resources/, the same for everyone"
NO_ACTOR: Mapping[Callable[..., Any], str] = MappingProxyType({
    access.current_policy: STEP,
    access.snapshot: PURE,
    auth.actor_for: "builds the Actor of a user that sign-in (or a test) already identified; grants nothing",
    auth.check_zone: PURE,
    auth.create_default_policy: STEP + " (first-run set-up, the owner adding a provider)",
    auth.create_default_working_hours: STEP + " (first-run set-up, the owner adding a provider)",
    auth.set_up_practice: "first run, before any account exists: refused once the database has a practice",
    auth.sign_in: "the door itself: refused unless the password matches an active account",
    clock.server_clock_offset: "how far this workstation's clock is from the database's; says nothing about "
                               "any person",
    clock.clock_is_off: PURE,
    late_outcomes.late_request_outcomes: STEP + " (the client's rows and their late request, already checked)",
    late_outcomes.client_late_request_outcomes: STEP + " (the signed-in client's own rows, already checked)",
    tx.on_server: PURE,
    tx.database_now: "the database's clock; says nothing about any person",
    dberrors.forget_connection: "closes this thread's failed connection; reads and grants nothing",
    dberrors.guarded: "runs an entry point (whose own row says who may call it), translating database errors",
    dberrors.sqlstate: PURE,
    dberrors.write_started: STEP,
    dberrors.translate: PURE,
    dberrors.committed: STEP,
    dberrors.committing: STEP,
    dberrors.classify: PURE,
    dberrors.is_database_error: PURE,
    appointment_guards.lock_appointments: STEP + " (rows the use case already checked are the actor's)",
    appointment_guards.lock_series: STEP + " (the series of an appointment the use case checked)",
    session_policy.session_policy: "how every workstation signs in and locks, read by the sign-in window before "
                                   "anyone signs in; it says nothing about any person",
    throttle.throttle_key: PURE,
    throttle.lock_row: STEP + " (sign-in or unlock, before any password is checked)",
    throttle.current: PURE,
    throttle.record_failure: STEP + " (sign-in or unlock, on the row it locked)",
    throttle.reset: STEP + " (sign-in or unlock, on the row it locked)",
    booking.busy_overlap: STEP,
    telehealth.checked_link: PURE,
    telehealth.link_for_new: STEP + " (booking, for the provider or client it checked)",
    booking.require_active_client: STEP + " (a deactivated client is booked by nobody)",
    booking.extend_horizons: "the application's background job: extends every open series, no person acts",
    booking.materialise: STEP,
    booking.require_offered_slot: STEP + " (booking and rescheduling, for the client they checked)",
    policy.provider_zone: STEP,
    policy.working_blocks: STEP + " (the slot rule's input)",
    validation.entry_point: "the decorator that checks a use case's arguments; not a use case",
    booking.provider_display: "a provider's display name, which every client of the practice sees",
    cancellation.blocked_message: PURE,
    catalogue.reasons_catalogue: DATA,
    disputes.dispute_refusal: PURE,
    fee_guards.apply_at_version: STEP,
    fee_guards.provider_sees_charge: STEP + " (the condition for the charges a provider reads)",
    fee_guards.changed_since_opened: STEP,
    fee_guards.clean_text: PURE,
    fee_guards.require_version: PURE,
    queries.charges_query: STEP,
    queries.join_parties: STEP,
    queries.kind_label: PURE,
    queries.party_names: STEP,
    queries.thread_messages: STEP,
    queries.charge_rows_of: STEP,
    queries.compiled_search_condition: STEP,
    queries.search_params: PURE,
    appointment_guards.check_version: PURE,
    appointment_guards.client_moved: STEP + " (whether an appointment's client has another provider now)",
    appointment_guards.enforce: PURE,
    appointment_guards.pending_late_request: STEP,
    appointment_guards.refused: PURE,
    appointment_guards.require_scheduled: PURE,
    appointment_guards.update_scheduled: STEP,
    appointment_guards.update_all_scheduled: STEP,
    appointment_guards.lock_appointment_ids: STEP,
    messaging.notify: STEP,
    waitlist_offers.offer_freed: STEP + " (offers a time the calling use case freed, in its transaction)",
    passwords.hash_password: PURE,
    passwords.needs_rehash: PURE,
    passwords.password_problem: PURE,
    passwords.verify_password: PURE,
    provider_cancel.provider_reasons: DATA,
    provider_cancel.require_no_provider_fee: STEP,
    provider_charges.create_charge: STEP,
    detail.client_zone: STEP,
    threads.mark_read: STEP,
    threads.open_thread: STEP,
    threads.post: STEP,
    tx.locked: STEP,
    maintenance.automatic_daily_backup: "start-up, before anyone signs in: the day's copy of the file",
    maintenance.check_database_file: "start-up, before anyone signs in: reads the file's pages, writes nothing",
    maintenance.flush_to_file: "sign-out and quit: moves SQLite's write-ahead log into the file; no person acts",
    restore.release_connection: STEP + " (the owner's restore, on the write worker)",
    restore.restore_from_command_line: "the workstation's command line with Practice Desk closed: whoever can run "
                                       "it can copy the file itself",
    practice.practice_details: "the practice's name and zone, shown on the sign-in window before anyone signs in",
    practice.open_practice_database: "start-up, before anyone signs in: opens the file the workstation names",
    practice.close_practice_database: "shutting down: closes the connection, no person acts",
    tx.utc_now: PURE,
    live.changes_of: PURE,
    live.encode: PURE,
    live.decode: PURE,
    live.writing_for: "marks the writes on the runner's thread as one session's; grants nothing",
    live.announce: STEP + " (every write transaction, once its audit events are chained: NOTIFY)",
    live.committed: STEP + " (every write transaction, after its commit)",
    live.lost_connection: "turns a lost connection into a refusal and drops that connection; reads nothing",
    live.reset_connection: "drops the calling thread's dead connection after the server is back; no person acts",
})

# Public functions that take an Actor but decide nothing about it.
ACTOR_STEPS: Mapping[Callable[..., Any], str] = MappingProxyType({
    tx.audit: "records who made a change that its use case has already allowed",
    tx.write_transaction: "opens the transaction a use case runs in and re-checks its actor's account in it; "
                          "what the actor may do there is the use case's to decide",
    booking.book_within: STEP + " (booking, and accepting a waitlist offer: checks the booker as book_appointment's "
                              "row says, inside that use case's transaction)",
    urgent.raise_contact_request: STEP + " (the client's cancellation, on the appointment it locked as theirs)",
    provider_cancel.close_pending_requests: STEP + " (the provider's cancellation, on appointments it locked "
                                            "as the actor's)",
    messaging.unread_total_checked: STEP + " (the client dashboard's unread count, after upcoming checked the "
                                           "account)",
})


# ---- the world the table is tried in --------------------------------------------------------


def _pair(provider: Actor, client: Actor, now: datetime, scratch: Path) -> Objects:
    """One pair's objects, made through the services as the application makes them (rows written
    directly only for appointments already in the past)."""
    days = timedelta(days=1)
    appointment = factories.book(client, client, _working_start(now, 3), now=now)
    soon = factories.book(provider, client, now + timedelta(hours=5), now=now)
    requested = factories.book(provider, client, now + timedelta(hours=3), now=now)
    late_request = cancellation.request_late_cancellation(client, requested, "Something came up.", now=now).value
    past = factories.add_appointment(client, now - timedelta(hours=3)).id

    def no_show_fee(day: int) -> int:
        appt = factories.add_appointment(client, now - day * days).id
        return no_show.mark_no_show(provider, appt, now=now).value

    charge, disputed, referred = no_show_fee(1), no_show_fee(2), no_show_fee(3)
    dispute = disputes.dispute_charge(client, disputed, "I was there.", now=now).value
    referred_dispute = disputes.dispute_charge(client, referred, "I called ahead.", now=now).value
    request = disputes.ask_support_to_adjust(provider, referred_dispute, "They did call.",
                                             proposed=Money(1000, "USD"), now=now).value
    series_id = factories.weekly_series(provider, client, _working_start(now, 8).astimezone(ZoneInfo(ZONE))
                                        .replace(tzinfo=None), now=now, count=4)
    first = Appointment.select().where(Appointment.series == series_id).order_by(Appointment.starts_at).get()
    thread = messaging.start_thread(client, "A question", "Can we talk?", now=now).value
    in_crisis = factories.book(client, client, _working_start(now, 4), now=now)
    cancellation.client_cancel_one(client, in_crisis, "unsafe", {"provider_contact": "yes"}, now=now)
    (item,) = urgent.urgent_items(provider)
    waitlist.join_waitlist(client, list(range(7)), time(0), time(23, 59), now=now)
    friend = factories.add_client(now, provider, f"{client.username}.friend")
    freed = factories.book(provider, friend, _working_start(now, 5), now=now)
    provider_cancel.cancel_for_client(provider, freed, provider_cancel.provider_reasons()[0].id, now=now)
    offer = WaitlistOffer.get(WaitlistOffer.client == client.client_id).id
    return Objects(client.client_id, client.user_id, factories.provider_of(client), appointment,
                   soon, late_request, past, first.id, first.starts_at, charge, dispute, request, thread,
                   item.id, offer, now, scratch)


def _working_start(now: datetime, days_ahead: int) -> datetime:
    """10:00 in the practice's zone ``days_ahead`` days from now, moved to the Monday after when
    it falls on a weekend: inside the default working hours."""
    day = now.astimezone(ZoneInfo(ZONE)).date() + timedelta(days=days_ahead)
    while day.weekday() >= 5:
        day += timedelta(days=1)
    return datetime.combine(day, time(10), tzinfo=ZoneInfo(ZONE)).astimezone(now.tzinfo)


def build_world(now: datetime, scratch: Path) -> World:
    """A practice with both pairs and Support, every object in place, on the open database."""
    team = factories.make_team(now)
    actors = {Who.CLIENT: team.client, Who.PROVIDER: team.other_provider, Who.OWNER: team.owner,
              Who.SUPPORT: team.support, Who.FRONT_DESK: factories.add_front_desk(now)}
    return World(MappingProxyType(actors), _pair(team.owner, team.client, now, scratch),
                 _pair(team.other_provider, team.other_client, now, scratch))


@dataclass(frozen=True)
class Case:
    """One call the matrix makes: ``who`` on ``pair``'s objects, and the refusal it must get
    (None: it must be allowed)."""

    entry: Authority
    who: Who
    pair: str  # "own" or "another's"
    refusal: type[ServiceError] | None = None

    @property
    def id(self) -> str:
        return f"{qualified_name(self.entry.function).removeprefix('desktop.services.')}-{self.who}-{self.pair}"


def refusal_cases() -> list[Case]:
    """Every role that may not call a function (on what would be its own objects), and every role
    that reaches only its own objects, on the other pair's."""
    cases = []
    for entry in ENTRIES:
        for who in Who:
            reach = entry.who.get(who)
            if reach is None:
                cases.append(Case(entry, who, "own", NotAllowed))
            elif reach is Reach.OWN:
                cases.append(Case(entry, who, "another's", entry.foreign))
    return cases


def allowed_cases() -> list[Case]:
    return [Case(entry, who, "own") for entry in ENTRIES for who in entry.who]
