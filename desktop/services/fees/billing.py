"""A client's Billing: their own charges, newest first, and what they owe."""

from __future__ import annotations

from dataclasses import dataclass

from ...rules.money import Money
from ...rules.vocabulary import Role
from ...store.compiled import CompiledSelect, Param
from ...store.models import Appointment, Charge
from ..actor import Actor, current_actor, require_role
from ..validation import entry_point
from .queries import ChargeRow, charge_rows_of, charges_query


@dataclass(frozen=True)
class Billing:
    charges: tuple[ChargeRow, ...]
    balance: tuple[Money, ...]  # one total per currency (normally one)

    def balance_text(self) -> str:
        if not self.balance:
            return Money.zero().format()
        return " + ".join(m.format() for m in self.balance)


_BILLING = CompiledSelect(lambda: charges_query().where(Charge.client == Param("client"))
                         .order_by(Appointment.starts_at.desc(), Charge.id.desc()))


@entry_point
def client_billing(actor: Actor) -> Billing:
    """The client's own charges, newest first, and what they owe (one query)."""
    current_actor(actor)
    require_role(actor, Role.CLIENT)
    rows = charge_rows_of(_BILLING.rows(client=actor.client_id))
    totals: dict[str, int] = {}
    for row in rows:
        totals[row.amount.currency] = totals.get(row.amount.currency, 0) + row.amount.cents
    return Billing(tuple(rows), tuple(Money(c, cur) for cur, c in sorted(totals.items())))
