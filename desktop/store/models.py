"""The schema: every entity of DESIGN.md as a peewee model.

Instants are aware UTC (``UTCDateTimeField``); money is integer minor units
plus an ISO currency code. Rows that two workstations may change at once
(appointments, charges, requests) carry a ``version`` checked on update.
"""

from __future__ import annotations

from datetime import UTC, datetime

from peewee import (
    AutoField,
    BooleanField,
    CharField,
    DatabaseProxy,
    ForeignKeyField,
    IntegerField,
    Model,
    TextField,
)

from ..rules.display_locale import DEFAULT_LOCALE
from ..rules.session import DEFAULT_LOCK_MINUTES, DEFAULT_OFFER_LAST_USERNAME

# The vocabulary lives in desktop.rules; the store names it so models and queries read as one.
from ..rules.vocabulary import (  # noqa: F401 (re-exported)
    AdjustmentRequestStatus,
    AppointmentStatus,
    CancellationKind,
    ChargeStatus,
    DisputeStatus,
    LateRequestStatus,
    Role,
    ThreadKind,
    UrgentKind,
)
from .fields import JSONField, UTCDateTimeField

database = DatabaseProxy()


def utcnow() -> datetime:
    return datetime.now(UTC)


class BaseModel(Model):
    class Meta:
        database = database
        legacy_table_names = False


class Practice(BaseModel):
    id = AutoField()
    name = CharField()
    time_zone = CharField()
    currency = CharField(max_length=3, default="USD")
    created_at = UTCDateTimeField(default=utcnow)
    locale = CharField(max_length=35, null=True, default=DEFAULT_LOCALE)  # how its words are written (0008)




class User(BaseModel):
    id = AutoField()
    username = CharField(unique=True)
    display_name = CharField()
    role = CharField(index=True)
    is_owner = BooleanField(default=False)
    password_hash = CharField()
    must_change_password = BooleanField(default=False)
    active = BooleanField(default=True)
    email = CharField(default="")
    phone = CharField(default="")
    time_zone = CharField()
    created_at = UTCDateTimeField(default=utcnow)


class Provider(BaseModel):
    id = AutoField()
    user = ForeignKeyField(User, unique=True, backref="provider_profile", on_delete="RESTRICT")
    title = CharField(default="")  # e.g. "Licensed Clinical Social Worker"
    location = CharField(default="")
    offers_telehealth = BooleanField(default=True)
    booking_intro = TextField(default="")
    video_link = TextField(null=True)  # the room new telehealth appointments take (0013)


class Client(BaseModel):
    id = AutoField()
    user = ForeignKeyField(User, unique=True, backref="client_profile", on_delete="RESTRICT")
    provider = ForeignKeyField(Provider, backref="clients", index=True, on_delete="RESTRICT")
    date_of_birth = CharField(default="")
    notes = TextField(default="")


class Service(BaseModel):
    id = AutoField()
    provider = ForeignKeyField(Provider, backref="services", on_delete="CASCADE")
    name = CharField()
    duration_minutes = IntegerField()
    telehealth = BooleanField(default=False)
    active = BooleanField(default=True)


class WorkingHours(BaseModel):
    """A weekly block of working time, wall-clock in the provider's zone."""

    id = AutoField()
    provider = ForeignKeyField(Provider, backref="working_hours", on_delete="CASCADE")
    weekday = IntegerField()  # 0 = Monday
    start_minute = IntegerField()  # minutes after local midnight
    end_minute = IntegerField()


class FeePolicy(BaseModel):
    """One version of a provider's Worry-free booking policy. Rows are never
    edited: a change inserts the next version, and appointments keep theirs."""

    id = AutoField()
    provider = ForeignKeyField(Provider, backref="policies", on_delete="RESTRICT")
    version = IntegerField()
    notice_minutes = IntegerField(default=24 * 60)
    late_cancellation_fee_cents = IntegerField()
    no_show_fee_cents = IntegerField()
    currency = CharField(max_length=3, default="USD")
    grace_minutes = IntegerField(default=15)
    policy_text = TextField()
    created_at = UTCDateTimeField(default=utcnow)
    created_by = ForeignKeyField(User, null=True, on_delete="SET NULL")

    class Meta:
        indexes = ((("provider", "version"), True),)


class Series(BaseModel):
    id = AutoField()
    provider = ForeignKeyField(Provider, backref="series", on_delete="RESTRICT")
    client = ForeignKeyField(Client, backref="series", on_delete="RESTRICT")
    service = ForeignKeyField(Service, null=True, on_delete="SET NULL")
    policy = ForeignKeyField(FeePolicy, on_delete="RESTRICT")
    rrule = CharField()  # RFC 5545 RRULE, without DTSTART
    time_zone = CharField()
    first_local = CharField()  # ISO wall-clock start of the first occurrence in time_zone
    duration_minutes = IntegerField()
    location = CharField(default="")
    telehealth = BooleanField(default=False)
    materialised_until = UTCDateTimeField()  # occurrences exist as rows up to here
    # No occurrence starts in [materialised_until, next_start); NULL: not known (the horizon
    # job works it out). Lets the job find the series that need it in SQL (migration 0010).
    next_start = UTCDateTimeField(null=True)
    ended = BooleanField(default=False)  # the rule has no more occurrences past the horizon
    created_at = UTCDateTimeField(default=utcnow)




class Appointment(BaseModel):
    """One occurrence: a single booking or one materialised row of a series."""

    id = AutoField()
    # The composite (…, starts_at) indexes below serve these columns: no single-column ones.
    provider = ForeignKeyField(Provider, backref="appointments", on_delete="RESTRICT", index=False)
    client = ForeignKeyField(Client, backref="appointments", on_delete="RESTRICT", index=False)
    series = ForeignKeyField(Series, null=True, backref="occurrences", on_delete="RESTRICT", index=False)
    service = ForeignKeyField(Service, null=True, on_delete="SET NULL")
    policy = ForeignKeyField(FeePolicy, on_delete="RESTRICT")  # the version shown when booking
    starts_at = UTCDateTimeField()
    ends_at = UTCDateTimeField()
    status = CharField(default=AppointmentStatus.SCHEDULED)
    location = CharField(default="")
    telehealth = BooleanField(default=False)
    video_link = TextField(null=True)  # only its client and provider read it (0013)
    notes = TextField(default="")
    version = IntegerField(default=1)
    created_at = UTCDateTimeField(default=utcnow)
    updated_at = UTCDateTimeField(default=utcnow)

    class Meta:
        indexes = (
            (("provider", "starts_at"), False),
            (("client", "starts_at"), False),
            (("series", "starts_at"), True),
        )


# The practice calendar reads every provider's range (migration 0009): an index that holds
# every column that read needs, so a month of the whole practice is one contiguous index scan
# rather than some 4,500 row lookups scattered over the table.
PRACTICE_RANGE_COLUMNS = ("starts_at", "ends_at", "provider", "client", "status", "series", "telehealth")
Appointment.add_index(Appointment.index(*(getattr(Appointment, c) for c in PRACTICE_RANGE_COLUMNS),
                                        name="appointment_practice_range"))


class Cancellation(BaseModel):
    id = AutoField()
    appointment = ForeignKeyField(Appointment, unique=True, backref="cancellation", on_delete="CASCADE")
    cancelled_by = ForeignKeyField(User, on_delete="RESTRICT")
    kind = CharField()  # CancellationKind
    reason_code = CharField()
    other_text = TextField(default="")
    answers = JSONField(default=dict)
    created_at = UTCDateTimeField(default=utcnow)


class Charge(BaseModel):
    """A late-cancellation or no-show fee. Self-pay by rule: never billable to insurance."""

    id = AutoField()
    appointment = ForeignKeyField(Appointment, backref="charges", on_delete="RESTRICT")
    client = ForeignKeyField(Client, backref="charges", on_delete="RESTRICT")
    provider = ForeignKeyField(Provider, backref="charges", on_delete="RESTRICT")
    policy = ForeignKeyField(FeePolicy, on_delete="RESTRICT")
    kind = CharField()  # FeeKind
    original_cents = IntegerField()
    amount_cents = IntegerField()
    currency = CharField(max_length=3)
    status = CharField(default=ChargeStatus.OPEN, index=True)
    version = IntegerField(default=1)
    created_at = UTCDateTimeField(default=utcnow, index=True)


class Thread(BaseModel):
    """A conversation between one client and one provider, maybe tied to an
    appointment (late-cancellation request) or a charge (dispute)."""

    id = AutoField()
    client = ForeignKeyField(Client, backref="threads", on_delete="RESTRICT")
    provider = ForeignKeyField(Provider, backref="threads", on_delete="RESTRICT")
    subject = CharField()
    kind = CharField(default=ThreadKind.GENERAL)
    appointment = ForeignKeyField(Appointment, null=True, on_delete="SET NULL")
    # The column is charge_id (queries say Thread.charge_id); a real foreign key since 0003.
    charge = ForeignKeyField(Charge, null=True, column_name="charge_id", on_delete="RESTRICT", index=False)
    created_at = UTCDateTimeField(default=utcnow)
    updated_at = UTCDateTimeField(default=utcnow, index=True)

    class Meta:
        # A charge's dispute thread is looked up by (charge_id, kind).
        indexes = ((("charge", "kind"), False),)


class Message(BaseModel):
    id = AutoField()
    thread = ForeignKeyField(Thread, backref="messages", on_delete="CASCADE")
    sender = ForeignKeyField(User, null=True, on_delete="SET NULL")  # null: the system
    body = TextField()
    created_at = UTCDateTimeField(default=utcnow)


class ThreadRead(BaseModel):
    """How far each participant has read a thread (for unread counts)."""

    id = AutoField()
    thread = ForeignKeyField(Thread, on_delete="CASCADE")
    user = ForeignKeyField(User, on_delete="CASCADE")
    last_read_message_id = IntegerField(default=0)

    class Meta:
        indexes = ((("thread", "user"), True),)


class LateCancellationRequest(BaseModel):
    id = AutoField()
    appointment = ForeignKeyField(Appointment, backref="late_requests", on_delete="CASCADE")
    client = ForeignKeyField(Client, on_delete="RESTRICT")
    thread = ForeignKeyField(Thread, on_delete="RESTRICT")
    message = TextField(default="")
    reason_code = CharField(default="")
    answers = JSONField(default=dict)
    status = CharField(default=LateRequestStatus.PENDING, index=True)
    reply = TextField(default="")
    decided_by = ForeignKeyField(User, null=True, on_delete="SET NULL")
    decided_at = UTCDateTimeField(null=True)
    version = IntegerField(default=1)
    created_at = UTCDateTimeField(default=utcnow)




class Dispute(BaseModel):
    id = AutoField()
    charge = ForeignKeyField(Charge, backref="disputes", on_delete="RESTRICT")
    client = ForeignKeyField(Client, on_delete="RESTRICT")
    thread = ForeignKeyField(Thread, on_delete="RESTRICT")
    reason = TextField()
    status = CharField(default=DisputeStatus.OPEN)
    created_at = UTCDateTimeField(default=utcnow)


class FeeAdjustmentRequest(BaseModel):
    id = AutoField()
    charge = ForeignKeyField(Charge, backref="adjustment_requests", on_delete="RESTRICT")
    dispute = ForeignKeyField(Dispute, null=True, on_delete="SET NULL")
    requested_by = ForeignKeyField(User, on_delete="RESTRICT")
    proposed_cents = IntegerField()
    waive = BooleanField(default=False)
    reason = TextField()
    status = CharField(default=AdjustmentRequestStatus.PENDING, index=True)
    decided_by = ForeignKeyField(User, null=True, on_delete="SET NULL")
    decided_at = UTCDateTimeField(null=True)
    note = TextField(default="")
    version = IntegerField(default=1)
    created_at = UTCDateTimeField(default=utcnow)


class FeeAdjustment(BaseModel):
    id = AutoField()
    charge = ForeignKeyField(Charge, backref="adjustments", on_delete="RESTRICT")
    request = ForeignKeyField(FeeAdjustmentRequest, null=True, on_delete="SET NULL")
    old_cents = IntegerField()
    new_cents = IntegerField()
    adjusted_by = ForeignKeyField(User, on_delete="RESTRICT")
    reason = TextField()
    created_at = UTCDateTimeField(default=utcnow)


class UrgentItem(BaseModel):
    """Something the provider must act on in person (a client asked to be contacted while
    cancelling). It stays in their Urgent list, flagged on the calendar, until they mark
    it handled; both the raising and the handling are audited."""

    id = AutoField()
    provider = ForeignKeyField(Provider, backref="urgent_items", on_delete="RESTRICT", index=False)
    client = ForeignKeyField(Client, on_delete="RESTRICT")
    appointment = ForeignKeyField(Appointment, null=True, on_delete="SET NULL")
    thread = ForeignKeyField(Thread, null=True, on_delete="SET NULL")  # the flagged message
    kind = CharField(default=UrgentKind.CONTACT_REQUESTED)
    reason_code = CharField(default="")
    summary = TextField()
    created_at = UTCDateTimeField(default=utcnow)
    handled_at = UTCDateTimeField(null=True)
    handled_by = ForeignKeyField(User, null=True, on_delete="SET NULL")
    handled_note = TextField(default="")
    version = IntegerField(default=1)

    class Meta:
        indexes = ((("provider", "handled_at"), False),)


class SignInThrottle(BaseModel):
    """Consecutive wrong passwords for one user name as typed, account or not (so the wait
    reveals nothing about which accounts exist). ``key`` is the SHA-256 of the normalised
    name. A right password deletes the row; desktop.rules.sign_in turns it into the wait."""

    key = CharField(max_length=64, primary_key=True)
    failures = IntegerField(default=0)
    last_failure_at = UTCDateTimeField(null=True, index=True)


class WorkstationPolicy(BaseModel):
    """How every workstation of the practice locks and what its sign-in offers: the owner's
    choice (desktop.rules.session holds the bounds and defaults). No row: the defaults."""

    practice = ForeignKeyField(Practice, primary_key=True, on_delete="CASCADE")
    lock_after_minutes = IntegerField(default=DEFAULT_LOCK_MINUTES)
    offer_last_username = BooleanField(default=DEFAULT_OFFER_LAST_USERNAME)
    changed_at = UTCDateTimeField(default=utcnow)
    changed_by = ForeignKeyField(User, null=True, on_delete="SET NULL")


class AuditEvent(BaseModel):
    """One audited change, chained to the one before (desktop/rules/audit_chain.py). Written only
    by :func:`desktop.store.audit_chain.append_event`, in the transaction of the change."""

    id = AutoField()
    at = UTCDateTimeField(default=utcnow, index=True)
    actor = ForeignKeyField(User, null=True, on_delete="SET NULL")
    action = CharField(index=True)
    entity = CharField()
    entity_id = IntegerField(null=True)
    detail = JSONField(default=dict)
    # The chain: 1, 2, 3 … without gaps (unique: two appends can never take one place), the
    # predecessor's hash and this event's own. Null only on a row written outside the chain.
    seq = IntegerField(null=True, unique=True)
    prev_hash = CharField(max_length=64, null=True)
    event_hash = CharField(max_length=64, null=True)

    class Meta:
        indexes = ((("entity", "entity_id"), False),)


class AuditChainHead(BaseModel):
    """One row (id 1): the newest event's place and hash. Appends lock it, so on PostgreSQL two
    workstations never chain onto the same predecessor; verifying compares it with the newest event."""

    id = IntegerField(primary_key=True)
    seq = IntegerField()
    event_hash = CharField(max_length=64)


from .reminder_models import ReminderSetting, ReminderShown  # noqa: E402 (they build on the models above)
from .waitlist_models import WaitlistEntry, WaitlistOffer  # noqa: E402

ALL_MODELS = (
    Practice, User, Provider, Client, Service, WorkingHours, FeePolicy, Series, Appointment,
    Cancellation, Thread, Message, ThreadRead, LateCancellationRequest, Charge, Dispute,
    FeeAdjustmentRequest, FeeAdjustment, UrgentItem, SignInThrottle, WorkstationPolicy,
    AuditEvent, AuditChainHead, ReminderSetting, ReminderShown, WaitlistEntry, WaitlistOffer,
)
