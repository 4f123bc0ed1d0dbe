"""Demo data: a small practice with a realistic calendar around a given ``now``.

The same ``now`` (to the hour) always gives the same practice: names, series,
statuses and fees come from a seeded generator. Appointments sit both inside and
outside the 24-hour window of ``now`` so every state of the cancel screen shows.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

from argon2 import PasswordHasher

from ..rules import series as series_rules
from ..rules.fees import FeeKind
from ..rules.vocabulary import CancellationKind, DisputeStatus, ThreadKind
from .audit_chain import append_event
from .bulk import insert_dicts
from .models import (
    Appointment,
    AppointmentStatus,
    Cancellation,
    Charge,
    ChargeStatus,
    Client,
    Dispute,
    FeeAdjustmentRequest,
    FeePolicy,
    LateCancellationRequest,
    Message,
    Practice,
    Provider,
    Role,
    Series,
    Service,
    Thread,
    User,
    WorkingHours,
    database,
)

DEMO_PASSWORD = "demo-password"
PRACTICE_ZONE = "America/New_York"
HORIZON = timedelta(days=190)

PROVIDERS = (
    ("dr.rivera", "Dr. Maya Rivera", "Licensed Clinical Psychologist", True),
    ("dr.chen", "Dr. Daniel Chen", "Licensed Professional Counselor", False),
    ("dr.okafor", "Dr. Amara Okafor", "Licensed Marriage and Family Therapist", False),
)
SUPPORT = ("support", "Sam Patel (Support)")
FIRST = ("Alex", "Jordan", "Taylor", "Casey", "Riley", "Morgan", "Jamie", "Avery", "Quinn", "Drew",
         "Harper", "Rowan", "Sky", "Emerson", "Finley", "Hayden", "Reese", "Parker", "Sage", "Blake",
         "Cameron", "Dakota", "Elliot", "Frankie", "Gray", "Indigo", "Jules", "Kai", "Lane", "Marlow")
LAST = ("Morgan", "Lee", "Brooks", "Nguyen", "Garcia", "Kim", "Singh", "Cohen", "Ward", "Ellis",
        "Fischer", "Hughes", "Ito", "Jensen", "Khan", "Lopez", "Meyer", "Novak", "Olsen", "Price",
        "Quist", "Rossi", "Silva", "Tran", "Usman", "Vega", "Weber", "Xu", "Young", "Zimmer")
CLIENT_ZONES = ("America/New_York",) * 6 + ("America/Chicago", "America/Los_Angeles", "Europe/London")


@dataclass(frozen=True)
class DemoSummary:
    providers: int
    clients: int
    appointments: int
    primary_client: str


def _utc(local: datetime, zone: str) -> datetime:
    return series_rules.local_to_utc(local, ZoneInfo(zone))


def build_demo(now: datetime) -> DemoSummary:
    """Fill an empty, migrated database. Caller opens the database first."""
    now = now.astimezone(UTC).replace(minute=0, second=0, microsecond=0)
    rng = random.Random(now.strftime("%Y%m%d%H"))
    pw_hash = PasswordHasher().hash(DEMO_PASSWORD)
    with database.atomic():
        if Practice.select().exists():
            raise RuntimeError("the database already holds a practice")
        Practice.create(name="Riverside Counseling", time_zone=PRACTICE_ZONE, currency="USD", created_at=now)
        support = User.create(username=SUPPORT[0], display_name=SUPPORT[1], role=Role.SUPPORT,
                              password_hash=pw_hash, time_zone=PRACTICE_ZONE, email="support@riverside.example",
                              created_at=now)
        providers = []
        for username, name, title, owner in PROVIDERS:
            user = User.create(username=username, display_name=name, role=Role.PROVIDER, is_owner=owner,
                               password_hash=pw_hash, time_zone=PRACTICE_ZONE,
                               email=f"{username}@riverside.example", created_at=now)
            provider = Provider.create(user=user, title=title, location="12 River St, Suite 3, Hudson NY",
                                       booking_intro=f"{name} sees adults and families.",
                                       video_link=f"https://video.riverside.example/{username}")
            providers.append(provider)
            Service.create(provider=provider, name="Individual session (50 min)", duration_minutes=50)
            Service.create(provider=provider, name="Telehealth session (50 min)", duration_minutes=50, telehealth=True)
            Service.create(provider=provider, name="Initial consultation (30 min)", duration_minutes=30)
            WorkingHours.insert_many([
                {"provider": provider, "weekday": d, "start_minute": s, "end_minute": e}
                for d in range(5) for s, e in ((8 * 60, 12 * 60), (13 * 60, 18 * 60))
            ]).execute()
            FeePolicy.create(provider=provider, version=1, late_cancellation_fee_cents=4000,
                             no_show_fee_cents=6000, policy_text=_policy_text(1),
                             created_at=now - timedelta(days=400), created_by=user)
            FeePolicy.create(provider=provider, version=2, late_cancellation_fee_cents=5000,
                             no_show_fee_cents=7500, policy_text=_policy_text(2),
                             created_at=now - timedelta(days=120), created_by=user)
        clients = []
        for i in range(30):
            first, last = FIRST[i], LAST[i]
            username = f"{first}.{last}".lower()
            zone = PRACTICE_ZONE if i == 0 else rng.choice(CLIENT_ZONES)
            user = User.create(username=username, display_name=f"{first} {last}", role=Role.CLIENT,
                               password_hash=pw_hash, time_zone=zone, email=f"{username}@mail.example",
                               phone=f"555-01{i:02d}", created_at=now - timedelta(days=300))
            clients.append(Client.create(user=user, provider=providers[i % 3]))
        count = _calendar(rng, now, providers, clients)
        _money_and_messages(rng, now, clients, support)
        append_event(at=now, actor_id=None, action="build_demo", entity="practice", entity_id=1,
                     detail={"clients": len(clients), "appointments": count})
    return DemoSummary(len(providers), len(clients), Appointment.select().count(), clients[0].user.username)


# Clients whose calendar is chosen around now so that each seed flow can be walked at once
# (the README's demo table names them): the next appointment days away (cancel from the
# dashboard), and a weekly series whose next occurrence is inside the 24-hour window (the
# series preview: what is cancelled and what stays).
NEXT_OUTSIDE_WINDOW = "marlow.zimmer"
SERIES_INSIDE_WINDOW = "lane.young"
SEED_CLIENTS = {NEXT_OUTSIDE_WINDOW: "outside", SERIES_INSIDE_WINDOW: "inside"}


def _seed_slot(kind: str, now: datetime, used: set[tuple[int, int]]) -> tuple[int, int]:
    """A weekly (weekday, hour) for a seed client, free among the provider's series: "outside",
    two to six days from today; "inside", 2 to 22 elapsed hours from now (clear of the
    23-hour single of the second client), at a working hour if one is free."""
    local_now = now.astimezone(ZoneInfo(PRACTICE_ZONE))
    if kind == "outside":
        days = [local_now + timedelta(days=d) for d in range(2, 7)]
        candidates = [(d.weekday(), h) for d in days if d.weekday() < 5 for h in (10, 11, 14, 15, 9, 16)]
    else:
        times = [local_now + timedelta(hours=h) for h in range(22, 1, -1)]
        candidates = ([(t.weekday(), t.hour) for t in times if 8 <= t.hour < 18]
                      + [(t.weekday(), t.hour) for t in times])
    return next((c for c in candidates if c not in used), candidates[0])


def _policy_text(version: int) -> str:
    """The provider's own words under the policy (the fees and times come from its fields)."""
    text = ("Please let me know as early as you can if you need to change a time: another client may be "
            "waiting for it.")
    if version > 1:
        text += " If you are unwell, ask whether we can meet by telehealth instead of cancelling."
    return text


def _calendar(rng: random.Random, now: datetime, providers: list[Provider], clients: list[Client]) -> int:
    """Series for most clients across their provider's week, with history."""
    zone = ZoneInfo(PRACTICE_ZONE)
    today = now.astimezone(zone).date()
    monday = today - timedelta(days=today.weekday())
    policies = {p.id: FeePolicy.get(FeePolicy.provider == p, FeePolicy.version == 2) for p in providers}
    old_policies = {p.id: FeePolicy.get(FeePolicy.provider == p, FeePolicy.version == 1) for p in providers}
    slots_used: dict[int, set[tuple[int, int]]] = {p.id: set() for p in providers}
    rooms = {p.id: p.video_link for p in providers}  # telehealth appointments take their provider's room
    rows: list[dict] = []
    for idx, client in enumerate(clients):
        provider_id = client.provider_id
        if idx == 0:
            # The primary demo client: weekly, with the next one a few days out.
            local_now = now.astimezone(zone)
            weekday, hour = (local_now + timedelta(days=3)).weekday(), 10
            if weekday >= 5:
                weekday = 1
        elif client.user.username in SEED_CLIENTS:
            # The seed's walk-through clients: their week is chosen around now, not drawn.
            weekday, hour = _seed_slot(SEED_CLIENTS[client.user.username], now, slots_used[provider_id])
        else:
            while True:
                weekday, hour = rng.randrange(5), rng.choice((8, 9, 10, 11, 13, 14, 15, 16, 17))
                if (weekday, hour) not in slots_used[provider_id]:
                    break
        slots_used[provider_id].add((weekday, hour))
        frequency = series_rules.Frequency.EVERY_2_WEEKS if idx % 4 == 3 else series_rules.Frequency.WEEKLY
        first_day = monday - timedelta(weeks=10) + timedelta(days=weekday)
        first_local = datetime.combine(first_day, time(hour))
        rule = series_rules.build_rrule(frequency, first_day, count=52 if frequency.value == "weekly" else 26)
        series = Series.create(
            provider=provider_id, client=client, policy=policies[provider_id], rrule=rule,
            time_zone=PRACTICE_ZONE, first_local=first_local.isoformat(), duration_minutes=50,
            location="12 River St, Suite 3" if idx % 5 else "", telehealth=idx % 5 == 0,
            materialised_until=now + HORIZON, created_at=now - timedelta(weeks=11),
        )
        for occ in series_rules.expand(rule, first_local, PRACTICE_ZONE, timedelta(minutes=50),
                                       window_start=now - timedelta(weeks=11), window_end=now + HORIZON):
            status = AppointmentStatus.SCHEDULED
            if occ.end < now:
                roll = rng.random()
                status = (AppointmentStatus.NO_SHOW if roll < 0.05 else
                          AppointmentStatus.LATE_CANCELLED if roll < 0.09 else
                          AppointmentStatus.CANCELLED_BY_CLIENT if roll < 0.15 else status)
            rows.append({
                "provider": provider_id, "client": client.id, "series": series.id, "policy": policies[provider_id].id,
                "starts_at": occ.start, "ends_at": occ.end, "status": status, "location": series.location,
                "telehealth": series.telehealth, "video_link": rooms[provider_id] if series.telehealth else None,
                "created_at": now - timedelta(weeks=11), "updated_at": now,
            })
    # Singles inside the 24 h window, at a working hour tomorrow: one for the primary client
    # (booked under the old policy) and one for the second client, who has asked to cancel it.
    primary, second = clients[0], clients[1]
    for client, hours_ahead, policy in ((primary, 22, old_policies), (second, 23, policies)):
        soon = now + timedelta(hours=hours_ahead)  # elapsed hours: inside the window on DST days too
        rows.append({"provider": client.provider_id, "client": client.id, "series": None,
                     "policy": policy[client.provider_id].id, "starts_at": soon,
                     "ends_at": soon + timedelta(minutes=50), "status": AppointmentStatus.SCHEDULED,
                     "location": "" if client is primary else "12 River St, Suite 3", "telehealth": client is primary,
                     "video_link": rooms[client.provider_id] if client is primary else None,
                     "created_at": now - timedelta(days=30), "updated_at": now})
    far = _utc(datetime.combine(today + timedelta(days=12), time(15)), PRACTICE_ZONE)
    rows.append({"provider": primary.provider_id, "client": primary.id, "series": None,
                 "policy": policies[primary.provider_id].id, "starts_at": far, "ends_at": far + timedelta(minutes=30),
                 "status": AppointmentStatus.SCHEDULED, "location": "12 River St, Suite 3", "telehealth": False,
                 "video_link": None,
                 "created_at": now - timedelta(days=2), "updated_at": now})
    rows = _drop_clashes(rows)
    insert_dicts(Appointment, rows)  # the store's bulk path, as series materialisation uses
    return len(rows)


def _drop_clashes(rows: list[dict]) -> list[dict]:
    kept: list[dict] = []
    busy: dict[int, list[tuple[datetime, datetime]]] = {}
    for row in sorted(rows, key=lambda r: (r["series"] is not None, r["starts_at"])):
        spans = busy.setdefault(row["provider"], [])
        if row["status"] == AppointmentStatus.SCHEDULED and any(
                s < row["ends_at"] and row["starts_at"] < e for s, e in spans):
            continue
        if row["status"] == AppointmentStatus.SCHEDULED:
            spans.append((row["starts_at"], row["ends_at"]))
        kept.append(row)
    return kept


def _money_and_messages(rng: random.Random, now: datetime, clients: list[Client], support: User) -> None:
    """Cancellations, charges for past no-shows and late cancellations, a pending
    late-cancellation request, one open dispute and one adjustment request."""
    past = (Appointment.select().where(Appointment.status != AppointmentStatus.SCHEDULED,
                                       Appointment.starts_at < now).order_by(Appointment.starts_at))
    reasons = ("schedule_conflict", "unwell", "transportation", "weather")
    charges: list[Charge] = []
    for appt in past:
        provider_user = appt.provider.user_id
        if appt.status == AppointmentStatus.CANCELLED_BY_CLIENT:
            Cancellation.create(appointment=appt, cancelled_by=appt.client.user_id, kind=CancellationKind.CLIENT,
                                reason_code=rng.choice(reasons), created_at=appt.starts_at - timedelta(days=3))
            continue
        policy = appt.policy
        if appt.status == AppointmentStatus.LATE_CANCELLED:
            Cancellation.create(appointment=appt, cancelled_by=provider_user, kind=CancellationKind.LATE,
                                reason_code="unwell", created_at=appt.starts_at - timedelta(hours=6))
            amount, kind = policy.late_cancellation_fee_cents, FeeKind.LATE_CANCELLATION
        else:
            amount, kind = policy.no_show_fee_cents, FeeKind.NO_SHOW
        charges.append(Charge.create(
            appointment=appt, client=appt.client_id, provider=appt.provider_id, policy=policy, kind=kind,
            original_cents=amount, amount_cents=amount, currency=policy.currency,
            created_at=appt.starts_at + timedelta(hours=1)))
    primary = clients[0]
    primary_appt = (Appointment.select().where(Appointment.client == primary, Appointment.starts_at < now,
                                               Appointment.status == AppointmentStatus.SCHEDULED)
                    .order_by(Appointment.starts_at.desc()).first())
    if primary_appt is not None:
        # The primary client missed one: a no-show, disputed, with Support asked to adjust.
        Appointment.update(status=AppointmentStatus.NO_SHOW).where(Appointment.id == primary_appt.id).execute()
        policy = primary_appt.policy
        charge = Charge.create(
            appointment=primary_appt, client=primary, provider=primary.provider_id, policy=policy, kind=FeeKind.NO_SHOW,
            original_cents=policy.no_show_fee_cents, amount_cents=policy.no_show_fee_cents, currency=policy.currency,
            status=ChargeStatus.DISPUTED, created_at=primary_appt.starts_at + timedelta(hours=1))
        thread = Thread.create(client=primary, provider=primary.provider_id, kind=ThreadKind.DISPUTE, charge_id=charge.id,
                               subject="Dispute: no-show fee", created_at=now - timedelta(days=1),
                               updated_at=now - timedelta(hours=20))
        reason = "My car broke down on the way and I called the office at 9:50 to say so."
        Message.create(thread=thread, sender=primary.user_id, body=reason, created_at=now - timedelta(days=1))
        Message.create(thread=thread, sender=primary.provider.user_id, created_at=now - timedelta(hours=20),
                       body="Thank you for letting me know. I have asked Support to reduce the fee.")
        dispute = Dispute.create(charge=charge, client=primary, thread=thread, reason=reason, status=DisputeStatus.REFERRED,
                                 created_at=now - timedelta(days=1))
        FeeAdjustmentRequest.create(charge=charge, dispute=dispute, requested_by=primary.provider.user_id,
                                    proposed_cents=policy.no_show_fee_cents // 2, reason="Called ahead; car trouble.",
                                    created_at=now - timedelta(hours=20))
    # Another client, inside the window, has asked to cancel.
    other = clients[1]
    upcoming = (Appointment.select().where(Appointment.client == other, Appointment.starts_at > now,
                                           Appointment.starts_at < now + timedelta(hours=24),
                                           Appointment.status == AppointmentStatus.SCHEDULED)
                .order_by(Appointment.starts_at).first())
    if upcoming is not None:
        thread = Thread.create(client=other, provider=other.provider_id, kind=ThreadKind.LATE_CANCELLATION,
                               appointment=upcoming, subject="Late-cancellation request",
                               created_at=now - timedelta(hours=2), updated_at=now - timedelta(hours=2))
        Message.create(thread=thread, sender=other.user_id, created_at=now - timedelta(hours=2),
                       body="My child is sick and I have no one to watch her. Could we cancel this one?")
        LateCancellationRequest.create(appointment=upcoming, client=other, thread=thread,
                                       message="My child is sick and I have no one to watch her.",
                                       reason_code="unwell", created_at=now - timedelta(hours=2))
    welcome = Thread.create(client=primary, provider=primary.provider_id, subject="Welcome to Riverside",
                            created_at=now - timedelta(days=60), updated_at=now - timedelta(days=60))
    Message.create(thread=welcome, sender=primary.provider.user_id, created_at=now - timedelta(days=60),
                   body="Welcome! You can message me here any time between sessions.")
