"""The reference practice: the size a busy group practice reaches, for benchmarks and for
trying the screens at scale. 20 providers, 1,000 clients, five years of weekly and
every-2-weeks series (about 215,000 appointments) with cancellations, no-shows, late
cancellations and their fees, disputes, late-cancellation requests and messages.

Built through the store's bulk path (:mod:`desktop.store.bulk`): every table is one INSERT
compiled once and given all its rows, ids chosen here so that rows can name each other
without reading anything back. Deterministic for a given ``now`` and ``seed``. The calendar
obeys the rules the services keep: a provider's scheduled appointments never overlap, nor a
client's (each client has one series in a slot of their own), so the PostgreSQL exclusion
constraints accept it.

    .venv/bin/python scripts/reference_practice.py reference.db
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

from argon2 import PasswordHasher

from ..rules import series as series_rules
from ..rules.fees import FeeKind
from ..rules.vocabulary import (
    AppointmentStatus,
    CancellationKind,
    ChargeStatus,
    DisputeStatus,
    LateRequestStatus,
    Role,
    ThreadKind,
)
from .audit_chain import append_event
from .bulk import BulkInsert, defaults, reset_sequences
from .models import (
    Appointment,
    Cancellation,
    Charge,
    Client,
    Dispute,
    FeePolicy,
    LateCancellationRequest,
    Message,
    Practice,
    Provider,
    Series,
    Service,
    Thread,
    User,
    WorkingHours,
    database,
)

ZONE = "America/New_York"
PASSWORD = "demo-password"
HORIZON = timedelta(days=190)  # as far ahead as the services materialise series
SLOTS_PER_WEEK = 40  # Monday to Friday, 8:00 to 15:00 on the hour: 50-minute sessions never overlap
SESSION = timedelta(minutes=50)
LATE_FEE, NO_SHOW_FEE = 5000, 7500


@dataclass(frozen=True)
class ReferenceSummary:
    providers: int
    clients: int
    appointments: int
    cancellations: int
    charges: int
    disputes: int
    late_requests: int
    messages: int


def _rows(model, names: list[str], rows: list[tuple]) -> int:
    """Insert ``rows`` of ``names`` plus the model's defaults for every other field."""
    filled = defaults(model, names)
    fixed = tuple(filled.values())
    return BulkInsert(model, names + list(filled)).run([row + fixed for row in rows])


def build_reference(now: datetime, *, providers: int = 20, clients: int = 1000, years: int = 5,
                    seed: int = 7) -> ReferenceSummary:
    """Fill an empty, migrated, open database with the reference practice around ``now``."""
    if clients > providers * 50:
        raise ValueError("at most 50 clients per provider fit a provider's week")
    now = now.astimezone(UTC).replace(minute=0, second=0, microsecond=0)
    rng = random.Random(seed)
    pw_hash = PasswordHasher().hash(PASSWORD)
    start = now - timedelta(days=365 * years)
    with database.atomic():
        if Practice.select().exists():
            raise RuntimeError("the database already holds a practice")
        _rows(Practice, ["id", "name", "time_zone", "created_at"], [(1, "Reference Practice", ZONE, start)])
        users = [(1, "support", "Support Desk", Role.SUPPORT, False, pw_hash, ZONE, start)]
        users += [(1 + p, f"provider{p:02d}", f"Provider {p:02d}", Role.PROVIDER, p == 1, pw_hash, ZONE, start)
                  for p in range(1, providers + 1)]
        first_client_user = providers + 2
        users += [(first_client_user + c, f"client{c:04d}", f"Client {c:04d}", Role.CLIENT, False, pw_hash, ZONE,
                   start) for c in range(clients)]
        _rows(User, ["id", "username", "display_name", "role", "is_owner", "password_hash", "time_zone",
                     "created_at"], users)
        _rows(Provider, ["id", "user", "location"], [(p, 1 + p, "Main office") for p in range(1, providers + 1)])
        _rows(Service, ["id", "provider", "name", "duration_minutes"],
              [(p, p, "Individual session (50 min)", 50) for p in range(1, providers + 1)])
        _rows(WorkingHours, ["provider", "weekday", "start_minute", "end_minute"],
              [(p, d, 8 * 60, 16 * 60) for p in range(1, providers + 1) for d in range(5)])
        _rows(FeePolicy, ["id", "provider", "version", "late_cancellation_fee_cents", "no_show_fee_cents",
                          "policy_text", "created_at"],
              [(p, p, 1, LATE_FEE, NO_SHOW_FEE, "Please tell me early if you need to change a time.", start)
               for p in range(1, providers + 1)])
        _rows(Client, ["id", "user", "provider"],
              [(c + 1, first_client_user + c, c % providers + 1) for c in range(clients)])
        counts = _calendar(rng, now, start, providers, clients, first_client_user)
        append_event(at=now, actor_id=None, action="build_reference_practice", entity="practice", entity_id=1,
                     detail={"clients": clients, "appointments": counts.appointments})
        reset_sequences(Practice, User, Provider, Service, WorkingHours, FeePolicy, Client, Series, Appointment,
                        Cancellation, Charge, Thread, Message, Dispute, LateCancellationRequest)
    database.execute_sql("ANALYZE")  # the planner's statistics for the tables just filled
    return counts


def _series_slot(index: int) -> tuple[int, int, int]:
    """Client ``index`` of a provider (0–49): (slot in the week, interval in weeks, week offset).
    The first 25 come weekly in slots 0–24; the next 25 every two weeks, two to a slot."""
    if index < 25:
        return index, 1, 0
    pair, offset = divmod(index - 25, 2)
    return 25 + pair, 2, offset


def _calendar(rng: random.Random, now: datetime, start: datetime, providers: int, clients: int,
              first_client_user: int) -> ReferenceSummary:
    zone = ZoneInfo(ZONE)
    until = now + HORIZON
    first_monday = start.astimezone(zone).date()
    first_monday -= timedelta(days=first_monday.weekday())
    series_rows, appts, cancels, charges, threads, messages, disputes, requests = [], [], [], [], [], [], [], []
    appt_id = thread_id = 0
    for c in range(clients):
        client_id, provider_id = c + 1, c % providers + 1
        client_user, provider_user = first_client_user + c, 1 + provider_id
        slot, interval, offset = _series_slot(c // providers)
        day = first_monday + timedelta(days=slot % 5, weeks=offset + rng.randrange(0, 8) * interval)
        first_local = datetime.combine(day, time(8 + slot // 5))
        frequency = series_rules.Frequency.WEEKLY if interval == 1 else series_rules.Frequency.EVERY_2_WEEKS
        rule = series_rules.build_rrule(frequency, day, count=(52 // interval) * 8)
        series_rows.append((client_id, provider_id, client_id, provider_id, provider_id, rule, ZONE,
                            first_local.isoformat(), 50, until, start))
        for occ in series_rules.expand(rule, first_local, ZONE, SESSION, window_start=start, window_end=until):
            appt_id += 1
            status, created = AppointmentStatus.SCHEDULED, occ.start - timedelta(days=30)
            roll = rng.random()
            past = occ.end <= now
            if roll < 0.05:
                status = AppointmentStatus.CANCELLED_BY_CLIENT
                cancels.append((appt_id, client_user, CancellationKind.CLIENT, "schedule_conflict",
                                occ.start - timedelta(days=rng.randrange(2, 10))))
            elif roll < 0.065:
                status = AppointmentStatus.CANCELLED_BY_PROVIDER
                cancels.append((appt_id, provider_user, CancellationKind.PROVIDER, "provider_unavailable",
                                occ.start - timedelta(days=rng.randrange(1, 5))))
            elif past and roll < 0.085:
                status = AppointmentStatus.LATE_CANCELLED
                cancels.append((appt_id, client_user, CancellationKind.LATE, "illness",
                                occ.start - timedelta(hours=rng.randrange(2, 20))))
                charges.append((appt_id, FeeKind.LATE_CANCELLATION, LATE_FEE, occ.start))
            elif past and roll < 0.095:
                status = AppointmentStatus.NO_SHOW
                charges.append((appt_id, FeeKind.NO_SHOW, NO_SHOW_FEE, occ.start + timedelta(minutes=20)))
            elif not past and occ.start - now < timedelta(hours=24) and roll < 0.2:
                thread_id += 1
                threads.append((thread_id, client_id, provider_id, "Late-cancellation request",
                                 ThreadKind.LATE_CANCELLATION, appt_id, None, now - timedelta(hours=1)))
                messages.append((thread_id, client_user, "I am unwell; may I cancel?", now - timedelta(hours=1)))
                requests.append((appt_id, client_id, thread_id, "I am unwell; may I cancel?",
                                 LateRequestStatus.PENDING, now - timedelta(hours=1)))
            appts.append((appt_id, provider_id, client_id, client_id, provider_id, provider_id, occ.start, occ.end,
                          status, "Main office", created, created))
        thread_id += 1  # every client wrote to their provider at least once
        threads.append((thread_id, client_id, provider_id, "Question about my sessions", ThreadKind.GENERAL, None,
                        None, now - timedelta(days=3)))
        messages.append((thread_id, client_user, "Could we talk about moving to mornings?", now - timedelta(days=4)))
        messages.append((thread_id, provider_user, "Yes: let's look at it next time.", now - timedelta(days=3)))
    charge_rows = []
    for charge_id, (aid, kind, cents, at) in enumerate(charges, start=1):
        row = appts[aid - 1]
        client_id, provider_id = row[2], row[1]
        disputed = rng.random() < 0.1
        charge_rows.append((charge_id, aid, client_id, provider_id, provider_id, kind, cents, cents, "USD",
                            ChargeStatus.DISPUTED if disputed else ChargeStatus.OPEN, at))
        if disputed:
            thread_id += 1
            threads.append((thread_id, client_id, provider_id, "Fee dispute", ThreadKind.DISPUTE, aid, charge_id, at))
            messages.append((thread_id, first_client_user + client_id - 1, "I was in hospital that day.", at))
            disputes.append((charge_id, client_id, thread_id, "I was in hospital that day.", DisputeStatus.OPEN, at))
    _rows(Series, ["id", "provider", "client", "service", "policy", "rrule", "time_zone", "first_local",
                   "duration_minutes", "materialised_until", "created_at"], series_rows)
    _rows(Appointment, ["id", "provider", "client", "series", "service", "policy", "starts_at", "ends_at",
                        "status", "location", "created_at", "updated_at"], appts)
    _rows(Cancellation, ["appointment", "cancelled_by", "kind", "reason_code", "created_at"], cancels)
    _rows(Charge, ["id", "appointment", "client", "provider", "policy", "kind", "original_cents", "amount_cents",
                   "currency", "status", "created_at"], charge_rows)
    _rows(Thread, ["id", "client", "provider", "subject", "kind", "appointment", "charge", "updated_at"], threads)
    _rows(Message, ["thread", "sender", "body", "created_at"], messages)
    _rows(Dispute, ["charge", "client", "thread", "reason", "status", "created_at"], disputes)
    _rows(LateCancellationRequest, ["appointment", "client", "thread", "message", "status", "created_at"], requests)
    return ReferenceSummary(providers, clients, len(appts), len(cancels), len(charge_rows), len(disputes),
                            len(requests), len(messages))

