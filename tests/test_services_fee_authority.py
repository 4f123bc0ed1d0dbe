"""Rule 7 end to end: a charge's amount changes only by Support's decision, and every
change keeps its trail. Everything a client, a provider or the owner can do about a fee
is done for real; then every amount is compared with what it was."""

from __future__ import annotations

import pytest

from desktop.rules.money import Money
from desktop.services import fees, messaging
from desktop.services.errors import NotAllowed
from desktop.store.models import Charge, ChargeStatus, Client, FeeAdjustment, Provider, User
from tests.factories import actor


def _amounts() -> dict[int, tuple[int, int]]:
    return {c.id: (c.amount_cents, c.original_cents) for c in Charge.select()}


def _open_charge_of(provider_username: str) -> Charge:
    provider = Provider.select().join(User).where(User.username == provider_username).get()
    return (Charge.select().where(Charge.provider == provider, Charge.status == ChargeStatus.OPEN)
            .order_by(Charge.id).first())


def test_only_support_changes_an_amount_and_every_change_is_kept(demo_db, now):
    before = _amounts()
    charge = _open_charge_of("dr.chen")
    client = actor(Client.get_by_id(charge.client_id).user.username)
    chen, owner, support = actor("dr.chen"), actor("dr.rivera"), actor("support")
    assert owner.is_owner

    # The client disputes and writes in the dispute thread; the provider answers and asks
    # Support for a lower amount. None of it moves an amount.
    dispute_id = fees.dispute_charge(client, charge.id, "I was in hospital.", now=now).value
    thread_id = next(c.dispute_thread_id for c in fees.client_billing(client).charges if c.id == charge.id)
    messaging.reply(client, thread_id, "The letter from the hospital is attached.", now=now)
    messaging.reply(chen, thread_id, "Thank you, I will ask Support.", now=now)
    proposed = fees.ask_support_to_adjust(chen, dispute_id, "Documented.", proposed=Money(1000, "USD"),
                                          now=now).value
    # Nobody but Support can carry a request out, the owner included.
    for who in (client, chen, owner):
        for decide in (lambda a: fees.adjust_fee(a, proposed, Money(0, "USD"), "Mine", now=now),
                       lambda a: fees.waive_fee(a, proposed, "Mine", now=now),
                       lambda a: fees.decline_request(a, proposed, "Mine", now=now)):
            with pytest.raises(NotAllowed):
                decide(who)
    assert _amounts() == before
    assert FeeAdjustment.select().count() == 0

    # Support's decision is the one way, and it leaves old, new, who and why.
    fees.adjust_fee(support, proposed, Money(1000, "USD"), "Hospital letter seen.", now=now)
    after = _amounts()
    assert after[charge.id] == (1000, before[charge.id][1])
    assert {k: v for k, v in after.items() if k != charge.id} == {k: v for k, v in before.items() if k != charge.id}
    change = FeeAdjustment.get(FeeAdjustment.charge == charge.id)
    assert (change.old_cents, change.new_cents) == (before[charge.id][0], 1000)
    assert change.adjusted_by_id == support.user_id and change.reason == "Hospital letter seen."
