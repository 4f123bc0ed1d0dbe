"""Exports: Support's CSV of fees and adjustments, and a client's statement (data only).

Rows are produced incrementally (keyset pages) so the caller can write them as
they come and report progress; nothing here knows about files or Qt.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime

from ..rules import wording
from ..rules.disputes import adjustment_outcome
from ..rules.money import Money
from ..rules.vocabulary import ChargeStatus, Role
from ..rules.wording import NOT_COVERED_BY_INSURANCE
from ..store.models import Appointment, Charge, FeeAdjustment, Practice, User
from .actor import Actor, require_role
from .errors import InvalidInput
from .fees import Billing, client_billing, join_parties, kind_label, party_names
from .validation import entry_point

HEADER = (
    "record", "id", "charge_id", "recorded_at_utc", "client", "provider", "kind", "appointment_start_utc",
    "original", "old_amount", "amount", "currency", "status", "insurance_billable", "by", "reason",
)
PAGE = 200

Progress = Callable[[int, int], None]  # (done, total)


def _decimal(cents: int, currency: str) -> str:
    """Minor units as a plain decimal string, without ever going through a float."""
    return Money(cents, currency).plain()


def _check_range(start: datetime, end: datetime) -> None:
    if start.tzinfo is None or end.tzinfo is None:
        raise ValueError("export range must be aware instants")
    if end <= start:
        raise InvalidInput("The end of the range must be after its start.")


@entry_point
def export_size(actor: Actor, start: datetime, end: datetime) -> int:
    """How many data rows an export of [start, end) will hold."""
    require_role(actor, Role.SUPPORT)
    _check_range(start, end)
    charges = Charge.select().where(Charge.created_at >= start, Charge.created_at < end).count()
    adjustments = FeeAdjustment.select().where(FeeAdjustment.created_at >= start,
                                               FeeAdjustment.created_at < end).count()
    return charges + adjustments


@entry_point
def export_fee_rows(actor: Actor, start: datetime, end: datetime, *, progress: Progress | None = None,
                    should_stop: Callable[[], bool] | None = None) -> Iterator[tuple[str, ...]]:
    """The header, then every charge created and every adjustment made in [start, end).

    Fees are self-pay: ``insurance_billable`` is always ``no``.
    """
    require_role(actor, Role.SUPPORT)
    _check_range(start, end)
    total = export_size(actor, start, end)
    done = 0
    yield HEADER
    if progress:
        progress(0, total)
    ClientUser, ProviderUser = party_names()
    base = join_parties(Charge.select(Charge.id, Charge.created_at, ClientUser.display_name.alias("client_name"),
                                      ProviderUser.display_name.alias("provider_name"), Charge.kind,
                                      Appointment.starts_at, Charge.original_cents, Charge.amount_cents,
                                      Charge.currency, Charge.status),
                        ClientUser, ProviderUser).where(Charge.created_at >= start, Charge.created_at < end)
    last = 0
    while True:
        page = list(base.where(Charge.id > last).order_by(Charge.id).limit(PAGE).namedtuples())
        if not page:
            break
        for c in page:
            yield ("charge", str(c.id), str(c.id), c.created_at.isoformat(), c.client_name, c.provider_name,
                   kind_label(c.kind), c.starts_at.isoformat(), _decimal(c.original_cents, c.currency), "",
                   _decimal(c.amount_cents, c.currency), c.currency, ChargeStatus(c.status).label, "no", "", "")
            last = c.id
        done += len(page)
        if progress:
            progress(done, total)
        if should_stop and should_stop():
            return
    (ClientUser, ProviderUser), By = party_names(), User.alias()
    adj = join_parties(FeeAdjustment.select(FeeAdjustment.id, FeeAdjustment.charge.alias("charge_id"),
                                            FeeAdjustment.created_at, ClientUser.display_name.alias("client_name"),
                                            ProviderUser.display_name.alias("provider_name"), Charge.kind,
                                            Appointment.starts_at, Charge.original_cents, FeeAdjustment.old_cents,
                                            FeeAdjustment.new_cents, Charge.currency, By.display_name.alias("by"),
                                            FeeAdjustment.reason)
                       .join(Charge, on=(FeeAdjustment.charge == Charge.id)), ClientUser, ProviderUser)
    adj = (adj.switch(FeeAdjustment).join(By, on=(FeeAdjustment.adjusted_by == By.id))
           .where(FeeAdjustment.created_at >= start, FeeAdjustment.created_at < end))
    last = 0
    while True:
        page = list(adj.where(FeeAdjustment.id > last).order_by(FeeAdjustment.id).limit(PAGE).namedtuples())
        if not page:
            break
        for a in page:
            outcome = adjustment_outcome(Money(a.old_cents, a.currency), Money(a.new_cents, a.currency))
            yield ("adjustment", str(a.id), str(a.charge_id), a.created_at.isoformat(), a.client_name,
                   a.provider_name, kind_label(a.kind), a.starts_at.isoformat(), _decimal(a.original_cents, a.currency),
                   _decimal(a.old_cents, a.currency), _decimal(a.new_cents, a.currency), a.currency, outcome.label,
                   "no", a.by, a.reason)
            last = a.id
        done += len(page)
        if progress:
            progress(done, total)
        if should_stop and should_stop():
            return


@dataclass(frozen=True)
class StatementLine:
    appointment_start: datetime
    kind_label: str
    provider_name: str
    original: Money
    amount: Money
    status_label: str
    payer: str  # always self-pay


@dataclass(frozen=True)
class Statement:
    practice_name: str
    client_name: str
    time_zone: str
    lines: tuple[StatementLine, ...]
    balance: str
    coverage: str = NOT_COVERED_BY_INSURANCE
    insurance_billable: bool = False  # by rule 4, never


SELF_PAY = wording.SELF_PAY


@entry_point
def client_statement(actor: Actor) -> Statement:
    """A client's own statement: every charge as self-pay, and the balance."""
    billing: Billing = client_billing(actor)
    practice = Practice.select(Practice.name).scalar() or "Practice Desk"
    lines = tuple(StatementLine(c.appointment_start, c.kind_label, c.provider_name, c.original, c.amount,
                                c.status_label, SELF_PAY) for c in billing.charges)
    return Statement(practice, actor.display_name, actor.time_zone, lines, billing.balance_text())
