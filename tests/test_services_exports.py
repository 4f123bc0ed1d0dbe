"""Exports: CSV rows of fees and adjustments, a client's statement as self-pay."""

from __future__ import annotations

from datetime import timedelta

import pytest

from desktop.rules.money import Money
from desktop.services import exports, fees
from desktop.services.errors import InvalidInput, NotAllowed
from desktop.store.models import Charge, FeeAdjustmentRequest
from tests.factories import actor


def test_export_lists_charges_then_adjustments_with_progress(demo_db, now):
    support = actor("support")
    request = FeeAdjustmentRequest.get(FeeAdjustmentRequest.status == "pending")
    fees.adjust_fee(support, request.id, Money(3000, "USD"), "Called ahead.", now=now)
    start, end = now - timedelta(days=400), now + timedelta(days=1)
    seen: list[tuple[int, int]] = []
    rows = list(exports.export_fee_rows(support, start, end, progress=lambda d, t: seen.append((d, t))))
    assert rows[0] == exports.HEADER
    charges = [r for r in rows[1:] if r[0] == "charge"]
    adjustments = [r for r in rows[1:] if r[0] == "adjustment"]
    assert len(charges) == Charge.select().count() and len(adjustments) == 1
    assert adjustments[0][9:12] == ("75.00", "30.00", "USD")
    assert {r[13] for r in rows[1:]} == {"no"}  # never insurance-billable
    total = exports.export_size(support, start, end)
    assert seen[0] == (0, total) and seen[-1] == (total, total) and total == len(rows) - 1
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)


def test_export_range_is_half_open_and_checked(demo_db, now):
    support = actor("support")
    charge = Charge.select().order_by(Charge.created_at).first()
    rows = list(exports.export_fee_rows(support, charge.created_at, charge.created_at + timedelta(seconds=1)))
    assert [r[2] for r in rows[1:]] == [str(charge.id)]
    assert len(list(exports.export_fee_rows(support, charge.created_at - timedelta(hours=1), charge.created_at))) == 1
    with pytest.raises(InvalidInput):
        list(exports.export_fee_rows(support, now, now - timedelta(days=1)))


def test_export_can_stop_early(demo_db, now):
    rows = list(exports.export_fee_rows(actor("support"), now - timedelta(days=400), now, should_stop=lambda: True))
    assert 1 < len(rows) <= exports.PAGE + 1


@pytest.mark.parametrize("who", ["alex.morgan", "dr.rivera"])
def test_only_support_exports(demo_db, now, who):
    with pytest.raises(NotAllowed):
        list(exports.export_fee_rows(actor(who), now - timedelta(days=1), now))
    with pytest.raises(NotAllowed):
        exports.export_size(actor(who), now - timedelta(days=1), now)


def test_client_statement_is_self_pay_only(demo_db):
    alex = actor("alex.morgan")
    statement = exports.client_statement(alex)
    assert statement.lines and all(line.payer == exports.SELF_PAY for line in statement.lines)
    assert statement.coverage.startswith("Not covered by insurance") and statement.insurance_billable is False
    assert statement.balance == fees.client_billing(alex).balance_text()
    for who in ("dr.rivera", "support"):
        with pytest.raises(NotAllowed):
            exports.client_statement(actor(who))
