"""One declared set of input limits: how long each text may be, which numbers, lengths of
time, instants and amounts a person (or a caller) may give, and the problem when they do not.

Every field a service accepts is declared here by its name (the parameter or dataclass field
it arrives in), with the human name a refusal uses. The services check every argument against
this table (:mod:`desktop.services.validation`); the forms read the same constants for their
``setMaxLength`` and spin-box ranges, so what a form lets through is what a service accepts.

Pure: plain values in, an :class:`InputProblem` (or None) out.
"""

from __future__ import annotations

import enum
import re
import unicodedata
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from .money import Money
from .session import MAX_LOCK_MINUTES, MIN_LOCK_MINUTES


class ProblemKind(enum.Enum):
    WRONG_TYPE = "wrong_type"
    TOO_LONG = "too_long"
    CONTROL_CHARACTER = "control_character"
    NOT_TEXT = "not_text"  # a lone surrogate: no encoding can store it
    OUT_OF_RANGE = "out_of_range"
    NOT_WHOLE = "not_whole"
    NAIVE = "naive"  # an instant without a time zone
    AWARE = "aware"  # a wall-clock time that carries a time zone
    TOO_MANY = "too_many"
    CURRENCY = "currency"


@dataclass(frozen=True)
class InputProblem:
    field: str  # the parameter or field name (what a form maps to its widget)
    kind: ProblemKind
    message: str  # names the field in words and says what to do


# ---- declared limits -------------------------------------------------------------------------


@dataclass(frozen=True)
class Text:
    label: str
    max_length: int
    multiline: bool = False  # newline and tab allowed


@dataclass(frozen=True)
class Whole:
    label: str
    minimum: int
    maximum: int
    unit: str = ""  # "hours": "a whole number of hours"


@dataclass(frozen=True)
class Span:
    """A length of time in whole minutes."""

    label: str
    minimum: timedelta
    maximum: timedelta


@dataclass(frozen=True)
class Amount:
    label: str
    maximum_cents: int


# Integers land in 32-bit columns on PostgreSQL (and SQLite refuses anything past 64 bits).
DB_INT_MAX = 2**31 - 1

# How far ahead the booking page offers times ("the coming weeks"), from today in the provider's zone.
BOOKING_DAYS = 21

# Appointments: a provider may book outside working hours, never shorter or longer than this.
MIN_APPOINTMENT = timedelta(minutes=5)
MAX_APPOINTMENT = timedelta(hours=12)

# Series (rule 5): a repeating appointment has at most this many occurrences and ends within
# this many years of its first one.
MAX_OCCURRENCES = 520
MAX_SERIES_YEARS = 10

# The booking policy.
MAX_NOTICE_HOURS = 14 * 24
MAX_GRACE_MINUTES = 120
MAX_REMINDER_BEFORE_START_MINUTES = 24 * 60
MAX_REMINDER_BEFORE_DEADLINE_HOURS = 72
MAX_FEE = Money(1_000_000)  # 10,000.00 in the policy's currency: any fee, any adjustment

# Instants a caller may give at all: far enough either side of today that arithmetic on them
# (a horizon, a series' end) never leaves the calendar.
EARLIEST = datetime(2000, 1, 1, tzinfo=UTC)
LATEST = datetime(2100, 1, 1, tzinfo=UTC)

# Collections: a list of ids, working blocks, a reason's answers.
MAX_ITEMS = 1000
MAX_ANSWERS = 50

# Lengths of texts. A name is a person's or practice's; a message body the longest free text
# outside the policy itself.
NAME = Text("name", 100)
SUBJECT = Text("subject", 200)
BODY = Text("message", 5000, multiline=True)
REASON_TEXT = Text("reason", 2000, multiline=True)
NOTE = Text("note", 2000, multiline=True)
POLICY_TEXT = Text("policy text", 20_000, multiline=True)
LOCATION = Text("location", 200)
PHONE = Text("phone number", 40)
EMAIL = Text("e-mail address", 254)
USERNAME = Text("user name", 40)
PASSWORD = Text("password", 256)
TIME_ZONE = Text("time zone", 64)
SEARCH = Text("search text", 200)
CODE = Text("choice", 64)  # an id from a list: a reason, a question, an answer, a status

TEXTS: dict[str, Text] = {
    "name": NAME,
    "owner_name": Text("your name", NAME.max_length),
    "practice_name": Text("practice name", 200),
    "provider_name": Text("provider's name", NAME.max_length),
    "username": USERNAME,
    "password": PASSWORD,
    "first_password": Text("first password", PASSWORD.max_length),
    "old_password": Text("current password", PASSWORD.max_length),
    "new_password": Text("new password", PASSWORD.max_length),
    "email": EMAIL,
    "phone": PHONE,
    "time_zone": TIME_ZONE,
    "zone": TIME_ZONE,
    "currency": Text("currency", 3),
    "locale": Text("locale", 35),
    "subject": SUBJECT,
    "body": BODY,
    "message": Text("message to your provider", 2000, multiline=True),
    "reply": Text("reply to the client", 2000, multiline=True),
    "reason": REASON_TEXT,
    "note": NOTE,
    "other_text": Text("description of your reason", 2000, multiline=True),
    "text": POLICY_TEXT,
    "location": LOCATION,
    "video_link": Text("video link", 500),  # an https address (rules/telehealth.py checks its form)
    "notes": Text("notes", 5000, multiline=True),
    "search": SEARCH,
    "reason_code": Text("reason", CODE.max_length),
    "answers": Text("answer", CODE.max_length),  # every key and value of the mapping
    "role": Text("role", CODE.max_length),
    "kind": Text("kind of conversation", CODE.max_length),
    "status": Text("status", CODE.max_length),
    "toggle_refusal": Text("account note", 500),
    "destination": Text("backup file", 4096),
    "backup": Text("backup file", 4096),
}

MAX_REPORT_MONTHS = 24  # a report's period: up to two years, month by month

WHOLES: dict[str, Whole] = {
    "notice_hours": Whole("notice window", 0, MAX_NOTICE_HOURS, "hours"),
    "grace_minutes": Whole("grace period", 0, MAX_GRACE_MINUTES, "minutes"),
    "count": Whole("number of appointments", 1, MAX_OCCURRENCES),
    "days": Whole("number of days", 1, BOOKING_DAYS),
    "limit": Whole("number of rows", 1, 1000),
    "lock_after_minutes": Whole("lock timeout", MIN_LOCK_MINUTES, MAX_LOCK_MINUTES, "minutes"),
    "months": Whole("number of months", 1, MAX_REPORT_MONTHS),
    "weekdays": Whole("day of the week", 0, 6),
    "before_start_minutes": Whole("reminder before the start", 1, MAX_REMINDER_BEFORE_START_MINUTES, "minutes"),
    "before_deadline_hours": Whole("reminder before free cancellation ends", 1, MAX_REMINDER_BEFORE_DEADLINE_HOURS,
                                   "hours"),
}
# Not here: a working block's weekday. rules/working_hours.py refuses a day outside Monday to
# Sunday in the words the booking page uses; the entry point only checks it is a whole number.

SPANS: dict[str, Span] = {
    "duration": Span("length of the appointment", MIN_APPOINTMENT, MAX_APPOINTMENT),
}

AMOUNTS: dict[str, Amount] = {
    "late_fee": Amount("late-cancellation fee", MAX_FEE.cents),
    "no_show_fee": Amount("no-show fee", MAX_FEE.cents),
    "new_amount": Amount("new amount", MAX_FEE.cents),
    "proposed": Amount("proposed amount", MAX_FEE.cents),
}

# Words for fields that are not texts, where the name alone reads badly.
LABELS: dict[str, str] = {
    "now": "current time",
    "start": "start",
    "end": "end",
    "new_start": "new time",
    "first_local": "first appointment",
    "until": "end date",
    "frequency": "repeat frequency",
    "decision": "decision",
    "expected_ids": "list of appointments",
    "provider_ids": "list of providers",
    "blocks": "working hours",
    "expected": "what you were looking at",
}


def label_for(name: str) -> str:
    """The human name of a field: declared, else its name in words (``appointment_id`` → appointment)."""
    for table in (TEXTS, WHOLES, SPANS, AMOUNTS):
        if name in table:
            return table[name].label
    if name in LABELS:
        return LABELS[name]
    base = name.removeprefix("expected_").removesuffix("_id")
    return base.replace("_", " ")


def whole_for(name: str) -> Whole:
    """The declared range of an integer field; ids and versions fit the database's integers."""
    if name in WHOLES:
        return WHOLES[name]
    low = 1 if name.endswith("_id") or name.endswith("_ids") else 0
    return Whole(label_for(name), low, DB_INT_MAX)


# ---- checks ------------------------------------------------------------------------------------

_CURRENCY = re.compile(r"[A-Z]{3}", re.ASCII)


def _problem(name: str, kind: ProblemKind, message: str) -> InputProblem:
    return InputProblem(name, kind, message)


def _the(label: str) -> str:
    return f"The {label}"


def wrong_type(name: str, expected: str, value: object, label: str | None = None) -> InputProblem:
    return _problem(name, ProblemKind.WRONG_TYPE,
                    f"{_the(label or label_for(name))} must be {expected}, not {type(value).__name__}.")


def text_problem(name: str, value: object, limit: Text) -> InputProblem | None:
    """Too long, a control character (newline and tab only where the text has lines), or a
    lone surrogate (not text at all: no database encoding can store it)."""
    if not isinstance(value, str):
        return wrong_type(name, "text", value, limit.label)
    if len(value) > limit.max_length:
        return _problem(name, ProblemKind.TOO_LONG,
                        f"{_the(limit.label)} can be at most {limit.max_length:,} characters "
                        f"(this one has {len(value):,}).")
    allowed = "\n\t" if limit.multiline else ""
    for ch in value:
        category = unicodedata.category(ch)
        if category == "Cs":
            return _problem(name, ProblemKind.NOT_TEXT,
                            f"{_the(limit.label)} contains U+{ord(ch):04X}, which is not a character; "
                            "type or paste the text again.")
        if category == "Cc" and ch not in allowed:
            what = "a line break or tab" if ch in "\n\r\t" else f"the control character U+{ord(ch):04X}"
            return _problem(name, ProblemKind.CONTROL_CHARACTER,
                            f"{_the(limit.label)} cannot contain {what}; remove it.")
    return None


def whole_problem(name: str, value: object, limit: Whole) -> InputProblem | None:
    unit = f" of {limit.unit}" if limit.unit else ""
    if isinstance(value, bool) or not isinstance(value, int):
        return _problem(name, ProblemKind.NOT_WHOLE, f"{_the(limit.label)} must be a whole number{unit}.")
    if not limit.minimum <= value <= limit.maximum:
        return _problem(name, ProblemKind.OUT_OF_RANGE,
                        f"{_the(limit.label)} must be a whole number{unit} between {limit.minimum:,} and "
                        f"{limit.maximum:,}.")
    return None


def span_problem(name: str, value: object, limit: Span) -> InputProblem | None:
    if not isinstance(value, timedelta):
        return wrong_type(name, "a length of time", value)
    if value % timedelta(minutes=1):
        return _problem(name, ProblemKind.NOT_WHOLE, f"{_the(limit.label)} must be whole minutes.")
    if not limit.minimum <= value <= limit.maximum:
        return _problem(name, ProblemKind.OUT_OF_RANGE,
                        f"{_the(limit.label)} must be between {_minutes(limit.minimum)} and "
                        f"{_minutes(limit.maximum)}.")
    return None


def _minutes(span: timedelta) -> str:
    minutes = int(span.total_seconds() // 60)
    if minutes % 60 == 0:
        hours = minutes // 60
        return f"{hours} hour{'s' if hours != 1 else ''}"
    return f"{minutes} minutes"


def currency_problem(name: str, value: object) -> InputProblem | None:
    if not isinstance(value, str) or not _CURRENCY.fullmatch(value):
        return _problem(name, ProblemKind.CURRENCY,
                        f"{_the(label_for(name))} must be a three-letter currency code such as USD.")
    return None


def amount_problem(name: str, value: object, limit: Amount) -> InputProblem | None:
    """Money only (never a float), whole minor units, from zero to the declared maximum."""
    if not isinstance(value, Money):
        return wrong_type(name, "an amount of money", value)
    if isinstance(value.cents, bool) or not isinstance(value.cents, int):
        return _problem(name, ProblemKind.NOT_WHOLE, f"{_the(limit.label)} must be whole cents.")
    if (problem := currency_problem(name, value.currency)) is not None:
        return problem
    if not 0 <= value.cents <= limit.maximum_cents:
        return _problem(name, ProblemKind.OUT_OF_RANGE,
                        f"{_the(limit.label)} must be between {Money(0, value.currency).format()} and "
                        f"{Money(limit.maximum_cents, value.currency).format()}.")
    return None


def instant_problem(name: str, value: object) -> InputProblem | None:
    """An aware instant inside [EARLIEST, LATEST)."""
    if not isinstance(value, datetime):
        return wrong_type(name, "a date and time", value)
    if value.tzinfo is None or value.utcoffset() is None:
        return _problem(name, ProblemKind.NAIVE, f"{_the(label_for(name))} must say its time zone.")
    if not EARLIEST <= value < LATEST:
        return _out_of_years(name)
    return None


def wall_clock_problem(name: str, value: object) -> InputProblem | None:
    """A naive wall-clock date and time (read in a named zone) inside the same years."""
    if not isinstance(value, datetime):
        return wrong_type(name, "a date and time", value)
    if value.tzinfo is not None:
        return _problem(name, ProblemKind.AWARE,
                        f"{_the(label_for(name))} is a wall-clock time; its zone is given separately.")
    if not EARLIEST.replace(tzinfo=None) <= value < LATEST.replace(tzinfo=None):
        return _out_of_years(name)
    return None


def day_problem(name: str, value: object) -> InputProblem | None:
    if isinstance(value, datetime) or not isinstance(value, date):
        return wrong_type(name, "a date", value)
    if not EARLIEST.date() <= value < LATEST.date():
        return _out_of_years(name)
    return None


def time_of_day_problem(name: str, value: object) -> InputProblem | None:
    if not isinstance(value, time):
        return wrong_type(name, "a time of day", value)
    if value.tzinfo is not None:
        return _problem(name, ProblemKind.AWARE,
                        f"{_the(label_for(name))} is a wall-clock time; its zone is given separately.")
    return None


def _out_of_years(name: str) -> InputProblem:
    return _problem(name, ProblemKind.OUT_OF_RANGE,
                    f"{_the(label_for(name))} must lie between {EARLIEST.year} and {LATEST.year - 1}.")


def too_many(name: str, limit: int) -> InputProblem:
    return _problem(name, ProblemKind.TOO_MANY, f"{_the(label_for(name))} can hold at most {limit:,} entries.")
