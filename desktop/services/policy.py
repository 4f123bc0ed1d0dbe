"""The booking page's Worry-free booking policy (versioned) and working hours.

A policy change inserts the next version: appointments already booked keep the
version they were booked under (rule 4). Working hours are replaced as a whole.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time, timedelta

from peewee import JOIN, fn

from ..rules import limits
from ..rules.money import Money
from ..rules.policy import FeePolicySnapshot, full_policy_text, own_text_problem
from ..rules.slots import WorkingBlock
from ..rules.working_hours import check_blocks
from ..store.compiled import CompiledSelect, Param
from ..store.models import Appointment, FeePolicy, Provider, Role, User, WorkingHours
from .access import current_policy, snapshot
from .actor import Actor, current_actor, require_role
from .errors import Conflict, InvalidInput
from .result import Change, OpResult
from .tx import audit, utc_now, write_transaction
from .validation import entry_point

# The declared ranges, by the names the policy page reads.
MAX_NOTICE_HOURS = limits.MAX_NOTICE_HOURS
MAX_GRACE_MINUTES = limits.MAX_GRACE_MINUTES


@dataclass(frozen=True)
class PolicyView:
    version: int
    snapshot: FeePolicySnapshot
    text: str  # the provider's own words (no amounts); what the client reads is full_text
    created_at: datetime
    booked_under: int  # appointments booked under this version

    @property
    def full_text(self) -> str:
        """The whole policy as clients read it: built from the fields, then the provider's words."""
        return full_policy_text(self.snapshot, self.text)


def _view(row: FeePolicy) -> PolicyView:
    count = Appointment.select().where(Appointment.policy == row.id).count()
    return PolicyView(row.version, snapshot(row), row.policy_text, row.created_at, count)


@entry_point
def current(actor: Actor) -> PolicyView:
    current_actor(actor)
    require_role(actor, Role.PROVIDER)
    return _view(current_policy(actor.provider_id))


@entry_point
def history(actor: Actor) -> list[PolicyView]:
    """Every version, newest first, with how many appointments each one governs."""
    current_actor(actor)
    require_role(actor, Role.PROVIDER)
    q = (FeePolicy.select(FeePolicy, fn.COUNT(Appointment.id).alias("n"))
         .join(Appointment, on=(Appointment.policy == FeePolicy.id), join_type=JOIN.LEFT_OUTER)
         .where(FeePolicy.provider == actor.provider_id).group_by(FeePolicy.id)
         .order_by(FeePolicy.version.desc()))
    return [PolicyView(r.version, snapshot(r), r.policy_text, r.created_at, r.n) for r in q]


@dataclass(frozen=True)
class PolicyChange:
    notice_hours: int
    late_fee: Money
    no_show_fee: Money
    grace_minutes: int
    text: str


def _check(change: PolicyChange) -> None:
    if not 0 <= change.notice_hours <= MAX_NOTICE_HOURS:
        raise InvalidInput(f"The notice window is between 0 and {MAX_NOTICE_HOURS} hours.")
    if not 0 <= change.grace_minutes <= MAX_GRACE_MINUTES:
        raise InvalidInput(f"The grace period is between 0 and {MAX_GRACE_MINUTES} minutes.")
    if change.late_fee.cents < 0 or change.no_show_fee.cents < 0:
        raise InvalidInput("A fee cannot be negative.")
    if change.late_fee.currency != change.no_show_fee.currency:
        raise InvalidInput("Both fees are in the same currency.")
    problem = own_text_problem(change.text)
    if problem is not None:
        raise InvalidInput(problem, field="text")


@entry_point
def save_policy(actor: Actor, change: PolicyChange, *, expected_version: int | None = None,
                now: datetime | None = None) -> OpResult:
    """A new version of this provider's policy; existing rows are never edited."""
    now = utc_now(now)
    require_role(actor, Role.PROVIDER)
    _check(change)
    with write_transaction(actor):
        latest = current_policy(actor.provider_id)
        if expected_version is not None and latest.version != expected_version:
            raise Conflict(f"The policy was changed elsewhere (now version {latest.version}); "
                           "nothing was saved. Look at it again first.")
        same = (latest.notice_minutes == change.notice_hours * 60
                and latest.late_cancellation_fee_cents == change.late_fee.cents
                and latest.no_show_fee_cents == change.no_show_fee.cents
                and latest.currency == change.late_fee.currency
                and latest.grace_minutes == change.grace_minutes
                and latest.policy_text == change.text.strip())
        if same:
            raise InvalidInput("Nothing changed: the policy is already like this.")
        row = FeePolicy.create(
            provider=actor.provider_id, version=latest.version + 1, notice_minutes=change.notice_hours * 60,
            late_cancellation_fee_cents=change.late_fee.cents, no_show_fee_cents=change.no_show_fee.cents,
            currency=change.late_fee.currency, grace_minutes=change.grace_minutes,
            policy_text=change.text.strip(), created_at=now, created_by=actor.user_id,
        )
        audit(actor, "save_policy", "fee_policy", row.id, at=now, version=row.version,
              previous_version=latest.version, late_fee_cents=change.late_fee.cents,
              no_show_fee_cents=change.no_show_fee.cents, notice_minutes=row.notice_minutes,
              grace_minutes=row.grace_minutes)
    return OpResult(Change.POLICY, f"Policy version {row.version} saved: it applies to appointments booked "
                                   "from now on.", row.version)


@entry_point
def working_hours(actor: Actor) -> list[WorkingBlock]:
    current_actor(actor)
    require_role(actor, Role.PROVIDER)
    return working_blocks(actor.provider_id)


def working_blocks(provider_id: int) -> list[WorkingBlock]:
    """The provider's weekly working hours (what the slot rule offers clients)."""
    return [WorkingBlock(d, _t(s), _t(e)) for d, s, e in _BLOCKS.rows(provider=provider_id)]


def provider_zone(provider_id: int) -> str:
    """The provider's time zone: their working hours are wall-clock there."""
    found = _ZONE.rows(provider=provider_id)
    return found[0][0] if found else None


# Compiled once per database (store/compiled.py): the slot page reads both on every load.
_BLOCKS = CompiledSelect(lambda: (
    WorkingHours.select(WorkingHours.weekday, WorkingHours.start_minute, WorkingHours.end_minute)
    .where(WorkingHours.provider == Param("provider"))
    .order_by(WorkingHours.weekday, WorkingHours.start_minute)))
_ZONE = CompiledSelect(lambda: User.select(User.time_zone).join(Provider, on=(Provider.user == User.id)).where(
    Provider.id == Param("provider")))


def _t(minutes: int) -> time:
    return time(minutes // 60, minutes % 60) if minutes < 24 * 60 else time(23, 59)


def _m(value: time) -> int:
    return value.hour * 60 + value.minute


@entry_point
def save_working_hours(actor: Actor, blocks: list[WorkingBlock], *, expected: list[WorkingBlock] | None = None,
                       now: datetime | None = None) -> OpResult:
    """Replace this provider's weekly working hours (the booking page's open slots come from them).
    ``expected`` is what the page showed: if the hours changed since, nothing is saved (rule 10)."""
    now = utc_now(now)
    require_role(actor, Role.PROVIDER)
    # The booking page's rule, enforced here too: blocks built by other code are held to it.
    problem = check_blocks(blocks)
    if problem is not None:
        raise InvalidInput(problem.message)
    with write_transaction(actor):
        if expected is not None and working_blocks(actor.provider_id) != sorted(expected, key=lambda b: (b.weekday, b.start)):
            raise Conflict("The working hours were changed on another workstation a moment ago; nothing was saved. "
                           "Look at them again, then save.")
        WorkingHours.delete().where(WorkingHours.provider == actor.provider_id).execute()
        if blocks:
            WorkingHours.insert_many([
                {"provider": actor.provider_id, "weekday": b.weekday, "start_minute": _m(b.start),
                 "end_minute": _m(b.end)} for b in blocks]).execute()
        total = sum((datetime.combine(datetime.min, b.end) - datetime.combine(datetime.min, b.start)
                     for b in blocks), timedelta())
        audit(actor, "save_working_hours", "provider", actor.provider_id, at=now, blocks=len(blocks),
              hours=total.total_seconds() / 3600)
    return OpResult(Change.POLICY, "Working hours saved.", len(blocks))
