"""Several workstations at once, for tests/test_services_workstations_stress.py.

:func:`build` makes one practice with a provider per scenario and every round's objects, in the
test's process. :func:`work` runs in each spawned process (a workstation): it opens the database
itself, and for every scenario and round waits at the barrier with the others, then makes its one
call. It reports each outcome ("ok", a ServiceError's class name, or "RAW …" for anything else).
"""

from __future__ import annotations

import logging
import time
import traceback
from datetime import datetime, timedelta

from desktop.rules.late_requests import LateDecision
from desktop.rules.money import Money
from desktop.rules.series import Frequency
from desktop.services import cancellation, client_portal
from desktop.services.booking import BookingRequest, SeriesRequest, book_appointment, create_series
from desktop.services.errors import ServiceError
from desktop.services.fees import adjustments, disputes
from desktop.services.provider import cancel
from desktop.services.provider.late_requests import decide_late_request
from desktop.services.provider.no_show import mark_no_show
from desktop.store.models import Appointment, AppointmentStatus, Charge, FeeAdjustmentRequest
from tests import factories

WORKERS = 4
SESSION = factories.SESSION
REASON = "schedule_conflict"
SCENARIOS = ("same_slot", "client_vs_provider_cancel", "no_show_vs_approval", "two_support_adjust",
             "cancel_upcoming_vs_series_from", "waitlist_accept")
SUPPORT_AMOUNTS = (1000, 2000, 3000, 4000)  # each Support user's new amount, in cents


def build(now: datetime, rounds: int) -> dict:
    """The practice and every round's objects; returns the plan the workers follow (ids only)."""
    owner = factories.make_practice(now)
    provider_reason = cancel.provider_reasons()[0].id
    plan: dict = {"now": now, "rounds": rounds, "provider_reason": provider_reason, "owner": owner.username}

    # 1. the same slot, one client per workstation
    p1 = factories.add_provider(now, "dr.slot")
    clients = [factories.add_client(now, p1, f"slot.client{i}") for i in range(WORKERS)]
    offered = client_portal.slots(clients[0], p1.provider_id, SESSION, now=now)
    plan["same_slot"] = {"provider_id": p1.provider_id, "clients": [c.username for c in clients],
                         "starts": [s.start for s in offered[:rounds]]}
    assert len(plan["same_slot"]["starts"]) == rounds

    # 2. one appointment, cancelled by its client and its provider
    p2 = factories.add_provider(now, "dr.cancel")
    c2 = factories.add_client(now, p2, "cancel.client")
    plan["client_vs_provider_cancel"] = {"client": c2.username, "provider": p2.username, "appointments": [
        factories.book(p2, c2, now + timedelta(days=10 + r // 6, hours=r % 6), now=now) for r in range(rounds)]}

    # 3. a started appointment with a pending late-cancellation request: no-show versus approval
    p3 = factories.add_provider(now, "dr.noshow", late_fee_cents=5000, no_show_fee_cents=7000)
    c3 = factories.add_client(now, p3, "noshow.client")
    appts, requests = [], []
    for r in range(rounds):
        start = now - timedelta(days=1 + r // 6, hours=r % 6)
        appt = factories.add_appointment(c3, start, created_at=start - timedelta(days=7))
        requests.append(cancellation.request_late_cancellation(c3, appt.id, "sorry",
                                                               now=start - timedelta(hours=1)).value)
        appts.append(appt.id)
    plan["no_show_vs_approval"] = {"provider": p3.username, "appointments": appts, "requests": requests}

    # 4. one fee Support is asked to adjust, two Support users at once (each twice)
    p4 = factories.add_provider(now, "dr.fee", no_show_fee_cents=9000)
    c4 = factories.add_client(now, p4, "fee.client")
    supports = [factories.add_support(now, f"support{i}") for i in range(WORKERS // 2)]
    requests, charges = [], []
    for r in range(rounds):
        start = now - timedelta(days=1 + r // 6, hours=r % 6)
        appt = factories.add_appointment(c4, start, created_at=start - timedelta(days=7))
        charge_id = mark_no_show(p4, appt.id, now=now).value
        dispute_id = disputes.dispute_charge(c4, charge_id, "I was there", now=now).value
        requests.append(disputes.ask_support_to_adjust(p4, dispute_id, "fair", proposed=Money(1000, "USD"),
                                                       now=now).value)
        charges.append(charge_id)
    plan["two_support_adjust"] = {"supports": [s.username for s in supports], "requests": requests,
                                  "charges": charges,
                                  "versions": [Charge.get_by_id(c).version for c in charges]}

    # 5. a series: the client's "cancel all upcoming" versus the provider's "this and all later"
    p5 = factories.add_provider(now, "dr.series")
    c5 = factories.add_client(now, p5, "series.client")
    firsts = []
    for r in range(rounds):
        first_local = datetime(2027, 1, 4 + r % 5, 8 + r // 5, 0)  # weekdays, one hour apart: no overlap
        series_id = create_series(p5, SeriesRequest(
            client_id=c5.client_id, first_local=first_local, time_zone=factories.ZONE, duration=SESSION,
            frequency=Frequency.WEEKLY, count=6), now=now).value
        occ = [a.id for a in Appointment.select().where(Appointment.series == series_id)
               .order_by(Appointment.starts_at)]
        firsts.append((occ[-1], occ[1]))  # the client clicks a later one than the provider
    plan["cancel_upcoming_vs_series_from"] = {"client": c5.username, "provider": p5.username, "occurrences": firsts}

    # 6. a freed time offered to every workstation's waitlisted client: all accept at once
    from datetime import time as time_of_day

    from desktop.services import waitlist
    from desktop.store.waitlist_models import WaitlistOffer

    p6 = factories.add_provider(now, "dr.waitlist")
    waiting = [factories.add_client(now, p6, f"waiting.client{i}") for i in range(WORKERS)]
    for c in waiting:
        waitlist.join_waitlist(c, list(range(7)), time_of_day(0), time_of_day(23, 59), now=now)
    c6 = factories.add_client(now, p6, "freeing.client")
    free = [s.start for s in client_portal.slots(c6, p6.provider_id, SESSION, now=now) if s.start > now + timedelta(days=2)]
    offers = []
    for start in free[:rounds]:
        appt = book_appointment(c6, BookingRequest(provider_id=p6.provider_id, client_id=c6.client_id, start=start,
                                                   duration=SESSION), now=now).value
        cancellation.client_cancel_one(c6, appt, REASON, now=now)
        offers.append([WaitlistOffer.get(WaitlistOffer.client == c.client_id, WaitlistOffer.starts_at == start).id
                       for c in waiting])
    assert len(offers) == rounds
    plan["waitlist_accept"] = {"provider_id": p6.provider_id, "clients": [c.username for c in waiting],
                               "offers": offers, "starts": free[:rounds]}
    return plan


def _call(worker: int, scenario: str, r: int, plan: dict, actors: dict):
    now, step = plan["now"], plan[scenario]
    if scenario == "same_slot":
        who = actors[step["clients"][worker]]
        return book_appointment(who, BookingRequest(provider_id=step["provider_id"], client_id=who.client_id,
                                                    start=step["starts"][r], duration=SESSION), now=now)
    if scenario == "client_vs_provider_cancel":
        appt = step["appointments"][r]
        if worker % 2 == 0:
            return cancellation.client_cancel_one(actors[step["client"]], appt, REASON, now=now)
        return cancel.cancel_for_client(actors[step["provider"]], appt, plan["provider_reason"], now=now)
    if scenario == "no_show_vs_approval":
        who = actors[step["provider"]]
        if worker % 2 == 0:
            return mark_no_show(who, step["appointments"][r], now=now)
        return decide_late_request(who, step["requests"][r], LateDecision.APPROVE_WITH_FEE, now=now)
    if scenario == "two_support_adjust":
        who = actors[step["supports"][worker % len(step["supports"])]]
        return adjustments.adjust_fee(who, step["requests"][r], Money(SUPPORT_AMOUNTS[worker], "USD"),
                                      f"decided at desk {worker}", expected_version=step["versions"][r], now=now)
    if scenario == "waitlist_accept":
        from desktop.services import waitlist

        return waitlist.accept_offer(actors[step["clients"][worker]], step["offers"][r][worker], now=now)
    clicked_by_client, clicked_by_provider = step["occurrences"][r]
    if worker % 2 == 0:
        return cancellation.client_cancel_upcoming(actors[step["client"]], clicked_by_client, REASON, now=now)
    return cancel.cancel_series_from_for_client(actors[step["provider"]], clicked_by_provider,
                                                plan["provider_reason"], now=now)


def _actors(plan: dict) -> dict:
    names = {plan["owner"]}
    for scenario in SCENARIOS:
        step = plan[scenario]
        for key in ("client", "provider"):
            if key in step:
                names.add(step[key])
        names.update(step.get("clients", ()), step.get("supports", ()))
    return {n: factories.actor(n) for n in names}


class _RetryCounter(logging.Handler):
    """Counts the use cases the guard ran again after a deadlock (services.dberrors logs each)."""

    def __init__(self) -> None:
        super().__init__(logging.INFO)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += "running it again" in record.getMessage()


def work(worker: int, target: str, plan: dict, barrier, results) -> None:
    """One workstation: open the database, then one call per scenario and round, in step with the others."""
    outcomes, calls, loop = [], 0, 0.0
    retries = _RetryCounter()
    guard_log = logging.getLogger("desktop.services.dberrors")
    guard_log.addHandler(retries)
    guard_log.setLevel(logging.INFO)
    try:
        from desktop.store.db import close_database, open_database

        open_database(target)
        actors = _actors(plan)
        barrier.wait(timeout=120)
        started = time.perf_counter()
        for scenario in SCENARIOS:
            for r in range(plan["rounds"]):
                barrier.wait(timeout=120)
                try:
                    _call(worker, scenario, r, plan, actors)
                    outcome = "ok"
                except ServiceError as exc:
                    outcome = type(exc).__name__
                except Exception as exc:  # a raw database error (or a bug): the test counts it
                    outcome = f"RAW {type(exc).__name__}: {exc}".splitlines()[0]
                calls += 1
                outcomes.append((scenario, r, outcome))
        loop = time.perf_counter() - started
        close_database()
    except Exception:
        outcomes.append(("worker", -1, "RAW " + traceback.format_exc().splitlines()[-1]))
        barrier.abort()
    results.put((worker, outcomes, calls, loop, retries.count))


def check_state(plan: dict) -> dict:
    """Counts read back from the database after the run: what must be zero, and what was written."""
    from desktop.store.models import Cancellation, FeeAdjustment

    double_bookings = 0
    for scenario in ("same_slot", "waitlist_accept"):
        step = plan[scenario]
        for start in step["starts"]:
            n = Appointment.select().where(Appointment.provider == step["provider_id"], Appointment.starts_at == start,
                                           Appointment.status == AppointmentStatus.SCHEDULED).count()
            double_bookings += max(0, n - 1)
    double_fees = 0
    for appt in plan["no_show_vs_approval"]["appointments"]:
        double_fees += max(0, Charge.select().where(Charge.appointment == appt).count() - 1)
    lost_updates = 0
    step = plan["two_support_adjust"]
    for request, charge_id, version in zip(step["requests"], step["charges"], step["versions"], strict=True):
        adjusted = list(FeeAdjustment.select().where(FeeAdjustment.charge == charge_id))
        charge = Charge.get_by_id(charge_id)
        decided = FeeAdjustmentRequest.get_by_id(request)
        if len(adjusted) != 1 or charge.version != version + 1 or charge.amount_cents != adjusted[0].new_cents \
                or decided.decided_by_id != adjusted[0].adjusted_by_id:
            lost_updates += 1
    for appt in plan["client_vs_provider_cancel"]["appointments"]:
        if Cancellation.select().where(Cancellation.appointment == appt).count() != 1:
            lost_updates += 1
    for first, _third in plan["cancel_upcoming_vs_series_from"]["occurrences"]:
        series = Appointment.get_by_id(first).series_id
        for occ in Appointment.select().where(Appointment.series == series):
            cancelled = Cancellation.select().where(Cancellation.appointment == occ.id).count()
            if cancelled != (occ.status != AppointmentStatus.SCHEDULED) or cancelled > 1:
                lost_updates += 1
    return {"double_bookings": double_bookings, "double_fees": double_fees, "lost_updates": lost_updates}
