"""Bad input at every service entry point (issue 9, item 5): wrong types and extreme values,
one argument (or one field of a request dataclass) at a time, on top of a table of valid base
arguments per function. The only acceptable outcomes are success or a ServiceError, and a
refusal writes nothing (every table compared) — except a wrong password at sign-in or unlock,
which by design writes its throttle count and audit event and nothing else.

The entry points are found by introspection: every public function of ``desktop.services``
is either an entry point (``@entry_point``) with a row in BASE, or a declared internal helper
in HELPERS. A new public service function in neither fails ``test_every_public_service_function_is_covered``.
"""

from __future__ import annotations

import dataclasses
import importlib
import inspect
import os
import pkgutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from conftest import BACKEND_ENV, NOW
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import desktop.services
from desktop.rules.late_requests import LateDecision
from desktop.rules.money import Money
from desktop.rules.reminders import ReminderKind
from desktop.rules.series import Frequency
from desktop.rules.slots import WorkingBlock
from desktop.rules.vocabulary import AdjustmentRequestStatus, Role
from desktop.services import booking, cancellation, fees, messaging
from desktop.services import provider as provider_services
from desktop.services.actor import Actor
from desktop.services.booking import BookingRequest, SeriesRequest
from desktop.services.errors import ServiceError, SignInFailed
from desktop.services.people import PersonForm
from desktop.services.policy import PolicyChange
from desktop.services.provider import SeriesChange
from desktop.services.validation import ENTRY_POINTS
from desktop.store.db import close_database, open_database
from desktop.store.models import ALL_MODELS, Appointment, AuditChainHead, AuditEvent, Service, SignInThrottle
from tests import factories
from tests.factories import PASSWORD, SESSION

NY = ZoneInfo("America/New_York")
FRIDAY_10 = datetime(2026, 11, 27, 10, tzinfo=NY)  # an open slot three days after NOW
SUNDAY_03 = datetime(2026, 11, 29, 3, tzinfo=NY)


# ---- the world every call acts on ---------------------------------------------------------------

@dataclass(frozen=True)
class World:
    team: factories.Team
    toggled: factories.Actor  # a client the owner may deactivate and reactivate
    appointment: int  # the client's, bookable and cancellable with notice
    provider_appointment: int  # booked by the provider, for provider-side writes
    in_window: int  # inside the notice window, no request yet
    late_request: int  # pending, on another appointment inside the window
    series_appointment: int  # an occurrence of a weekly series
    other_series_appointment: int
    past: int  # over, not marked yet
    charge: int  # a no-show fee, disputed
    dispute: int
    adjustment_request: int
    thread: int
    backups: Path


def _build_world(backups: Path) -> World:
    now = NOW
    team = factories.make_team(now)
    owner, client = team.owner, team.client
    earlier = now - timedelta(days=2)
    in_window = factories.book(owner, client, now + timedelta(hours=5), now=earlier)
    requested = factories.book(owner, client, now + timedelta(hours=7), now=earlier)
    late = cancellation.request_late_cancellation(client, requested, "Sick", now=now).value
    series = booking.create_series(owner, SeriesRequest(client.client_id, datetime(2026, 12, 8, 15), "America/New_York",
                                                        SESSION, Frequency.WEEKLY, count=6), now=now).value
    other = booking.create_series(owner, SeriesRequest(client.client_id, datetime(2026, 12, 9, 15),
                                                       "America/New_York", SESSION, Frequency.WEEKLY, count=6),
                                  now=now).value
    past = factories.add_appointment(client, now - timedelta(days=2)).id
    no_show = factories.add_appointment(client, now - timedelta(days=3)).id
    charge = provider_services.mark_no_show(owner, no_show, now=now).value
    dispute = fees.dispute_charge(client, charge, "I was there", now=now).value
    request = fees.ask_support_to_adjust(owner, dispute, "Fair point", proposed=Money(2500), now=now).value
    thread = messaging.start_thread(client, "Hello", "A first message", now=now).value
    Service.create(provider=team.other_provider.provider_id, name="Elsewhere", duration_minutes=50)

    def first_of(series_id: int) -> int:
        return (Appointment.select(Appointment.id).where(Appointment.series == series_id)
                .order_by(Appointment.starts_at).scalar())

    return World(
        team=team, toggled=factories.add_client(now, owner, "toggle.me"),
        appointment=factories.book(client, client, FRIDAY_10, now=now),
        provider_appointment=factories.book(owner, client, SUNDAY_03, now=now),
        in_window=in_window, late_request=late, series_appointment=first_of(series),
        other_series_appointment=first_of(other), past=past, charge=charge, dispute=dispute,
        adjustment_request=request, thread=thread, backups=backups,
    )


@pytest.fixture(scope="module")
def world(tmp_path_factory) -> Iterator[World]:
    """One database for the module (SQLite, or PostgreSQL with the test backend set): the calls
    change it as they succeed, which only makes later calls meet more states."""
    folder = tmp_path_factory.mktemp("bad_input")
    cwd = Path.cwd()
    os.chdir(folder)  # a mutated file name for a backup lands here, not in the checkout
    try:
        if os.environ.get(BACKEND_ENV) == "postgresql":
            from tests.postgres import server_url, temporary_database

            with temporary_database(server_url()) as url:
                open_database(url)
                yield _build_world(folder)
                close_database()
        else:
            open_database(folder / "practice.db")
            yield _build_world(folder)
            close_database()
    finally:
        os.chdir(cwd)


# ---- valid base arguments, one row per entry point ------------------------------------------------

def _policy_change() -> PolicyChange:
    return PolicyChange(notice_hours=24, late_fee=Money(5000), no_show_fee=Money(7500), grace_minutes=15,
                        text="Worry-free booking, revised.")


def _hours() -> list[WorkingBlock]:
    return [WorkingBlock(d, start, end) for d in range(5) for start, end in ((time(9), time(12)), (time(13), time(17)))]


Base = Callable[[World], dict[str, Any]]

BASE: dict[str, Base] = {
    "urgent.urgent_items": lambda w: {"actor": w.team.owner, "include_handled": True, "limit": 50},
    "urgent.open_urgent_count": lambda w: {"actor": w.team.owner},
    "urgent.mark_urgent_handled": lambda w: {"actor": w.team.owner, "item_id": 1, "note": "Called.",
                                             "expected_version": None, "now": NOW},
    "maintenance.backup_plan": lambda w: {"actor": w.team.owner},
    "restore.inspect_backup": lambda w: {"actor": w.team.owner, "backup": w.backups / "no-such-backup.db"},
    "restore.restore_practice_database": lambda w: {"actor": w.team.owner, "backup": w.backups / "no-such.db",
                                                    "now": NOW},
    "audit_trail.verify_audit_trail": lambda w: {"actor": w.team.owner},
    "auth.sign_in": lambda w: {"username": "owner", "password": PASSWORD, "now": NOW},
    "auth.unlock": lambda w: {"actor": w.team.owner, "password": PASSWORD, "now": NOW},
    "session_policy.session_policy": lambda w: {},
    "clock.server_clock_offset": lambda w: {},
    "practice.set_practice_locale": lambda w: {"actor": w.team.owner, "locale": "en_US", "now": NOW},
    "session_policy.set_session_policy": lambda w: {"actor": w.team.owner, "lock_after_minutes": 10,
                                                    "offer_last_username": True, "now": NOW},
    "auth.change_password": lambda w: {"actor": w.toggled, "old_password": PASSWORD,
                                       "new_password": "another good password", "now": NOW},
    "auth.set_up_practice": lambda w: {"practice_name": "Again", "time_zone": "America/New_York",
                                       "owner_name": "Second Owner", "username": "second.owner",
                                       "password": PASSWORD, "currency": "USD", "locale": "en_US", "now": NOW},
    "booking.book_appointment": lambda w: {"actor": w.team.client, "request": BookingRequest(
        factories.provider_of(w.team.client), w.team.client.client_id, FRIDAY_10.replace(hour=14), SESSION,
        location="At the practice", notes=""), "now": NOW},
    "booking.create_series": lambda w: {"actor": w.team.owner, "request": SeriesRequest(
        w.team.client.client_id, datetime(2027, 1, 5, 8), "America/New_York", SESSION, Frequency.WEEKLY,
        count=3, location="Room 2"), "now": NOW},
    "booking.extend_horizons": lambda w: {"now": NOW},
    "search.find_appointments": lambda w: {"actor": w.team.owner, "search": "alex", "now": NOW},
    "search.find_in_practice": lambda w: {"actor": w.team.owner, "search": "alex", "now": NOW},
    "reminders.reminder_settings": lambda w: {"actor": w.team.client},
    "waitlist.my_wish": lambda w: {"actor": w.team.client},
    "waitlist.join_waitlist": lambda w: {"actor": w.team.client, "weekdays": [0, 2], "earliest": time(9),
                                         "latest": time(12), "now": NOW},
    "waitlist.leave_waitlist": lambda w: {"actor": w.team.client, "now": NOW},
    "waitlist.my_offers": lambda w: {"actor": w.team.client, "now": NOW},
    "waitlist.accept_offer": lambda w: {"actor": w.team.client, "offer_id": 1, "now": NOW},
    "waitlist.decline_offer": lambda w: {"actor": w.team.client, "offer_id": 1, "now": NOW},
    "reminders.set_reminder_settings": lambda w: {"actor": w.team.client, "before_start_minutes": 30,
                                                  "before_deadline_hours": 24, "now": NOW},
    "reminders.reminder_plan": lambda w: {"actor": w.team.client, "now": NOW},
    "reminders.mark_reminded": lambda w: {"actor": w.team.client, "appointment_id": w.appointment,
                                          "kind": ReminderKind.START, "now": NOW},
    "calendar.provider_range": lambda w: {"actor": w.team.owner, "start": NOW, "end": NOW + timedelta(days=7)},
    "calendar.client_range": lambda w: {"actor": w.team.client, "start": NOW, "end": NOW + timedelta(days=7)},
    "practice_calendar.practice_range": lambda w: {"actor": w.team.owner, "start": NOW,
                                                   "end": NOW + timedelta(days=7),
                                                   "provider_ids": [w.team.owner.provider_id]},
    "practice_calendar.practice_providers": lambda w: {"actor": w.team.owner},
    "cancellation.cancel_preview": lambda w: {"actor": w.team.client, "appointment_id": w.appointment, "now": NOW},
    "cancellation.client_cancel_one": lambda w: {
        "actor": w.team.client, "appointment_id": w.appointment, "reason_code": "unwell",
        "answers": {"telehealth_instead": "no"}, "other_text": "", "expected_version": None, "now": NOW},
    "cancellation.client_cancel_upcoming": lambda w: {
        "actor": w.team.client, "appointment_id": w.series_appointment, "reason_code": "other", "answers": {},
        "other_text": "Moving away", "expected_ids": None, "now": NOW},
    "cancellation.request_late_cancellation": lambda w: {
        "actor": w.team.client, "appointment_id": w.in_window, "message": "I am unwell",
        "reason_code": "unwell", "answers": {"telehealth_instead": "no"}, "now": NOW},
    "client_portal.upcoming": lambda w: {"actor": w.team.client, "now": NOW},
    "client_portal.past": lambda w: {"actor": w.team.client, "now": NOW, "limit": 50},
    "client_portal.appointment": lambda w: {"actor": w.team.client, "appointment_id": w.appointment, "now": NOW},
    "client_portal.booked_policy_text": lambda w: {"actor": w.team.client, "appointment_id": w.appointment},
    "client_portal.dashboard": lambda w: {"actor": w.team.client, "now": NOW},
    "client_portal.booking_page": lambda w: {"actor": w.team.client, "provider_id": None},
    "client_portal.slots": lambda w: {"actor": w.team.client, "provider_id": factories.provider_of(w.team.client),
                                      "duration": SESSION, "now": NOW, "days": 7,
                                      "exclude_appointment_id": w.appointment},
    "exports.export_size": lambda w: {"actor": w.team.support, "start": NOW - timedelta(days=30),
                                      "end": NOW + timedelta(days=1)},
    "exports.export_fee_rows": lambda w: {"actor": w.team.support, "start": NOW - timedelta(days=30),
                                          "end": NOW + timedelta(days=1), "progress": lambda done, total: None,
                                          "should_stop": lambda: False},
    "exports.client_statement": lambda w: {"actor": w.team.client},
    "fees.adjustments.adjustment_queue": lambda w: {"actor": w.team.support, "status": AdjustmentRequestStatus.PENDING, "search": "Casey"},
    "fees.adjustments.request_detail": lambda w: {"actor": w.team.support, "request_id": w.adjustment_request},
    "fees.adjustments.adjust_fee": lambda w: {"actor": w.team.support, "request_id": w.adjustment_request,
                                              "new_amount": Money(2500), "reason": "Agreed with the provider",
                                              "expected_version": None, "now": NOW},
    "fees.adjustments.waive_fee": lambda w: {"actor": w.team.support, "request_id": w.adjustment_request,
                                             "reason": "Waived", "expected_version": None, "now": NOW},
    "fees.adjustments.decline_request": lambda w: {"actor": w.team.support, "request_id": w.adjustment_request,
                                                   "note": "The fee stands", "expected_version": None, "now": NOW},
    "fees.billing.client_billing": lambda w: {"actor": w.team.client},
    "fees.disputes.dispute_charge": lambda w: {"actor": w.team.client, "charge_id": w.charge,
                                               "reason": "I was there", "now": NOW},
    "fees.disputes.provider_disputes": lambda w: {"actor": w.team.owner},
    "fees.disputes.ask_support_to_adjust": lambda w: {"actor": w.team.owner, "dispute_id": w.dispute,
                                                      "reason": "Fair point", "proposed": Money(1000),
                                                      "waive": False, "now": NOW},
    "fees.history.charge_history": lambda w: {"actor": w.team.support, "charge_id": w.charge},
    "fees.queries.search_charges": lambda w: {"actor": w.team.support, "search": "Casey", "limit": 50},
    "ical.client_calendar_file": lambda w: {"actor": w.team.client, "practice_name": "Test Practice", "now": NOW},
    "ical.provider_calendar_file": lambda w: {"actor": w.team.owner, "practice_name": "Test Practice", "now": NOW},
    "day_sheet.provider_day_sheet": lambda w: {"actor": w.team.owner, "day": NOW.date()},
    "reports.practice_report": lambda w: {"actor": w.team.owner, "first_month": NOW.date(), "months": 3,
                                          "provider_id": None, "now": NOW},
    "reports.report_providers": lambda w: {"actor": w.team.owner},
    "maintenance.backup_database": lambda w: {"actor": w.team.owner, "destination": w.backups / "backup.db",
                                              "progress": None, "now": NOW},
    "messaging.list_threads": lambda w: {"actor": w.team.client, "kind": None},
    "messaging.unread_total": lambda w: {"actor": w.team.client},
    "messaging.thread_messages": lambda w: {"actor": w.team.client, "thread_id": w.thread},
    "messaging.mark_thread_read": lambda w: {"actor": w.team.client, "thread_id": w.thread, "now": NOW},
    "messaging.reply": lambda w: {"actor": w.team.client, "thread_id": w.thread, "body": "A reply", "now": NOW},
    "messaging.start_thread": lambda w: {"actor": w.team.owner, "subject": "About Friday", "body": "See you then",
                                         "client_id": w.team.client.client_id, "now": NOW},
    "people.list_people": lambda w: {"actor": w.team.owner},
    "people.provider_choices": lambda w: {"actor": w.team.owner},
    "people.add_person": lambda w: {"actor": w.team.owner, "role": Role.CLIENT, "username": "new.person",
                                    "first_password": PASSWORD, "form": PersonForm(
                                        "New Person", "new@example.org", "555 0100", "America/New_York",
                                        w.team.owner.provider_id), "now": NOW},
    "people.edit_person": lambda w: {"actor": w.team.owner, "user_id": w.toggled.user_id, "form": PersonForm(
        "Toggle Me", "toggle@example.org", "", "America/New_York", w.team.owner.provider_id),
        "expected": None, "now": NOW},
    "people.set_active": lambda w: {"actor": w.team.owner, "user_id": w.toggled.user_id, "active": False,
                                    "now": NOW},
    "policy.current": lambda w: {"actor": w.team.owner},
    "policy.history": lambda w: {"actor": w.team.owner},
    "policy.save_policy": lambda w: {"actor": w.team.owner, "change": _policy_change(), "expected_version": None,
                                     "now": NOW},
    "policy.working_hours": lambda w: {"actor": w.team.owner},
    "policy.save_working_hours": lambda w: {"actor": w.team.owner, "blocks": _hours(), "expected": None,
                                            "now": NOW},
    "provider.cancel.provider_reasons": lambda w: {},
    "provider.cancel.cancel_for_client": lambda w: {"actor": w.team.owner, "appointment_id": w.provider_appointment,
                                                    "reason_code": "provider_unwell", "note": "",
                                                    "expected_version": None, "now": NOW},
    "provider.cancel.series_cancel_preview": lambda w: {"actor": w.team.owner,
                                                        "appointment_id": w.other_series_appointment, "now": NOW},
    "provider.cancel.cancel_series_from_for_client": lambda w: {
        "actor": w.team.owner, "appointment_id": w.other_series_appointment, "reason_code": "provider_other",
        "note": "Leave", "expected_version": None, "expected_count": None, "now": NOW},
    "provider.detail.my_clients": lambda w: {"actor": w.team.owner},
    "provider.detail.my_services": lambda w: {"actor": w.team.owner},
    "provider.detail.appointment_detail": lambda w: {"actor": w.team.owner, "appointment_id": w.appointment,
                                                     "now": NOW},
    "provider.detail.charge_summary": lambda w: {"actor": w.team.owner, "charge_id": w.charge},
    "provider.edits.book_for_client": lambda w: {"actor": w.team.owner, "client_id": w.team.client.client_id,
                                                 "start": SUNDAY_03 + timedelta(days=7), "duration": SESSION,
                                                 "service_id": None, "location": "Room 1", "telehealth": False,
                                                 "now": NOW},
    "provider.edits.move_occurrence": lambda w: {"actor": w.team.owner, "appointment_id": w.provider_appointment,
                                                 "new_start": SUNDAY_03 + timedelta(hours=2),
                                                 "expected_version": None, "now": NOW},
    "provider.edits.change_series_from": lambda w: {
        "actor": w.team.owner, "appointment_id": w.series_appointment, "change": SeriesChange(
            datetime(2026, 12, 8, 16), "America/New_York", SESSION, Frequency.EVERY_2_WEEKS, count=3),
        "expected_version": None, "now": NOW},
    "provider.late_requests.late_requests": lambda w: {"actor": w.team.owner, "pending_only": True},
    "provider.late_requests.decide_late_request": lambda w: {
        "actor": w.team.owner, "request_id": w.late_request, "decision": LateDecision.DECLINE,
        "reply": "It stands", "expected_version": None, "now": NOW},
    "provider.no_show.mark_no_show": lambda w: {"actor": w.team.owner, "appointment_id": w.past, "waive": False,
                                                "expected_version": None, "now": NOW},
    "telehealth.set_video_link": lambda w: {"actor": w.team.owner, "appointment_id": w.provider_appointment,
                                            "video_link": "https://meet.example.com/r", "make_default": False,
                                            "expected_version": None, "now": NOW},
    "telehealth.set_default_video_link": lambda w: {"actor": w.team.owner, "video_link": None, "now": NOW},
    "telehealth.default_video_link": lambda w: {"actor": w.team.owner},
    "reschedule.reschedule_appointment": lambda w: {"actor": w.team.client, "appointment_id": w.appointment,
                                                    "new_start": FRIDAY_10.replace(hour=15),
                                                    "expected_version": None, "now": NOW},
}

# Public functions that are not entry points: they run inside another use case's transaction
# (guards, writers of rows), or are pure helpers that take no caller input.
HELPERS = {
    "access.appointment_for", "access.client_for_provider", "access.current_policy", "access.snapshot",
    "actor.current_actor", "actor.require_owner", "actor.require_role", "practice_calendar.require_practice_viewer",
    "auth.actor_for", "auth.check_zone", "auth.create_default_policy", "auth.create_default_working_hours",
    "booking.busy_overlap", "booking.book_within", "waitlist_offers.offer_freed", "booking.materialise", "booking.provider_display", "booking.require_offered_slot",
    "booking.require_active_client", "telehealth.checked_link", "telehealth.link_for_new", "guards.client_moved", "fees.guards.provider_sees_charge",
    "cancellation.blocked_message", "late_outcomes.late_request_outcomes",
    "late_outcomes.client_late_request_outcomes", "clock.clock_is_off", "tx.on_server", "tx.database_now",
    "dberrors.forget_connection", "dberrors.guarded", "dberrors.sqlstate", "dberrors.write_started",
    "dberrors.translate", "dberrors.committed", "dberrors.committing", "dberrors.classify",
    "dberrors.is_database_error", "guards.lock_appointments", "guards.lock_series",
    "guards.own_occurrence_in_series_order",
    "fees.disputes.dispute_refusal",
    "fees.guards.apply_at_version", "fees.guards.changed_since_opened", "fees.guards.charge_for",
    "fees.guards.clean_text", "fees.guards.require_version",
    "fees.queries.charges_query", "fees.queries.join_parties",
    "fees.queries.kind_label", "fees.queries.party_names",
    "fees.queries.thread_messages", "fees.queries.charge_rows_of", "fees.queries.compiled_search_condition",
    "fees.queries.search_params",
    "guards.check_version", "guards.enforce", "guards.own_appointment", "guards.pending_late_request",
    "guards.refused", "guards.require_scheduled", "guards.update_scheduled", "guards.update_all_scheduled", "guards.lock_appointment_ids",
    "messaging.notify", "messaging.thread_for", "messaging.unread_total_checked",
    "passwords.hash_password", "passwords.needs_rehash", "passwords.password_problem", "passwords.verify_password",
    "policy.provider_zone", "policy.working_blocks",
    "provider.cancel.close_pending_requests", "provider.cancel.require_no_provider_fee",
    "provider.charges.create_charge", "provider.detail.client_zone",
    "threads.mark_read", "threads.open_thread", "threads.post",
    "throttle.current", "throttle.lock_row", "throttle.record_failure", "throttle.reset", "throttle.throttle_key",
    "tx.audit", "tx.locked", "tx.utc_now", "tx.write_transaction",
    "validation.entry_point",
    "urgent.raise_contact_request",
    "practice.practice_details", "practice.open_practice_database", "practice.close_practice_database",
    "maintenance.automatic_daily_backup", "maintenance.check_database_file", "maintenance.flush_to_file",
    "restore.release_connection", "restore.restore_from_command_line",
    "live.changes_of", "live.encode", "live.decode", "live.writing_for", "live.announce", "live.committed",
    "live.lost_connection", "live.reset_connection",
}

PREFIX = "desktop.services."


def _short(func: Callable[..., Any]) -> str:
    return func.__module__.removeprefix(PREFIX) + "." + func.__name__


def _public_service_functions() -> set[str]:
    """Every public function defined in a module of desktop.services (importing them all, which
    also registers every entry point)."""
    names = set()
    for info in pkgutil.walk_packages(desktop.services.__path__, PREFIX):
        module = importlib.import_module(info.name)
        for name, value in vars(module).items():
            if inspect.isfunction(value) and value.__module__ == module.__name__ and not name.startswith("_"):
                names.add(_short(value))
    return names


PUBLIC = _public_service_functions()
ENTRIES = {_short(f): f for f in ENTRY_POINTS}


def test_every_public_service_function_is_covered():
    public = PUBLIC
    assert set(ENTRIES) <= public
    unknown = public - set(ENTRIES) - HELPERS
    assert not unknown, f"public service functions neither entry points with a BASE row nor helpers: {unknown}"
    assert set(BASE) == set(ENTRIES), (f"entry points without base arguments: {set(ENTRIES) - set(BASE)}; "
                                       f"rows for no entry point: {set(BASE) - set(ENTRIES)}")
    assert not (HELPERS & set(ENTRIES)) and HELPERS <= public


# ---- wrong types and extreme values -------------------------------------------------------------

class Opaque:
    """Something no service expects."""


EXTREMES = [
    None, True, False, 0, -1, 2**31, 2**63, -(2**63) - 1, 10**30, 1.5, -0.0, float("nan"), float("inf"),
    "", " ", "weekly", "x" * 100_000, "\x00", "a\x00b", "\ud800", "tab\there", "line\nbreak", "\x1b[31m", "\u202e",
    datetime(2026, 12, 1, 10), datetime(9999, 12, 31, 23, 59, tzinfo=UTC), datetime(1, 1, 2, tzinfo=UTC),
    datetime(2099, 12, 31, tzinfo=UTC), date(9999, 12, 31), date(1, 1, 1), time(1, 0, tzinfo=UTC),
    timedelta(days=30), timedelta(0), timedelta(seconds=-1), timedelta(minutes=50, seconds=1),
    timedelta.max, [], [None], [2**63], {}, {"a": "\x00"}, {"telehealth_instead": "maybe"}, b"\x00bytes",
    Opaque(), Money(-1), Money(10**15), Money(100, "XXX"), Money(100, "usd"), Money(2**63),
    Frequency.WEEKLY, LateDecision.APPROVE_WITH_FEE, Path("/"), Path("x" * 5000),
]

VALUES = st.one_of(
    st.sampled_from(EXTREMES),
    st.integers(),
    st.floats(),
    st.text(max_size=300),
    st.text(alphabet=st.characters(min_codepoint=0, max_codepoint=0x1F) | st.sampled_from("\ud800\udfff\x7f"),
            min_size=1, max_size=20),
    st.datetimes(timezones=st.sampled_from([UTC, NY])),
    st.datetimes(),
    st.timedeltas(),
    st.builds(Money, st.integers(), st.sampled_from(["USD", "EUR", "ABC"])),
    st.lists(st.integers(), max_size=5),
)


def _targets(base: dict[str, Any]) -> list[tuple[str, str | None]]:
    """(parameter, field): each parameter, and each field of a request dataclass. The actor is
    replaced whole but never edited: it comes from sign-in, and checking it against the
    database is the authority matrix's business."""
    out: list[tuple[str, str | None]] = []
    for name, value in base.items():
        out.append((name, None))
        if dataclasses.is_dataclass(value) and not isinstance(value, type | Money | Actor):
            out.extend((name, f.name) for f in dataclasses.fields(value))
    return out


def _mutated(base: dict[str, Any], target: tuple[str, str | None], value: object) -> dict[str, Any]:
    name, field = target
    args = dict(base)
    if field is None:
        args[name] = value
    else:  # a frozen request with one field replaced, whatever its type (no __post_init__ here)
        copy = dataclasses.replace(args[name])
        object.__setattr__(copy, field, value)
        args[name] = copy
    return args


# A wrong password is a refusal that is recorded by design: the throttle counts it and the
# audit trail keeps it. Those functions' SignInFailed may write those tables, and nothing else.
RECORDED_REFUSALS = {"auth.sign_in", "auth.unlock"}
REFUSAL_RECORDS = (SignInThrottle, AuditEvent, AuditChainHead)


def _database(leaving_out: tuple[type, ...] = ()) -> list[list[tuple]]:
    return [list(model.select().order_by(model._meta.primary_key).tuples())
            for model in ALL_MODELS if model not in leaving_out]


def _call(func: Callable[..., Any], args: dict[str, Any]) -> None:
    result = func(**args)
    if inspect.isgenerator(result):  # an export yields its rows: the work happens as they are read
        list(result)


@pytest.mark.parametrize("name", sorted(BASE))
def test_bad_input_is_refused_as_a_service_error_and_writes_nothing(world, name):
    func = ENTRIES[name]
    base = BASE[name](world)
    targets = _targets(base)

    @settings(max_examples=12, deadline=None, database=None,
              suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
    @given(data=st.data())
    def check(data):
        args = base
        if targets:
            target = data.draw(st.sampled_from(targets), label="target")
            args = _mutated(base, target, data.draw(VALUES, label="value"))
        before, before_rest = _database(), _database(REFUSAL_RECORDS)
        try:
            _call(func, args)
        except ServiceError as exc:
            if name in RECORDED_REFUSALS and isinstance(exc, SignInFailed):
                assert _database(REFUSAL_RECORDS) == before_rest, \
                    f"{name} refused a password but wrote more than its throttle and audit trail"
            else:
                assert _database() == before, f"{name} refused but wrote to the database"

    check()
