"""Rule 7 as pure decisions: who may dispute a fee, ask Support, decide a request, and what
a decision does to the fee."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.rules.disputes import (
    AskSupportRefusal,
    DisputeRefusal,
    RequestRefusal,
    TrailEntry,
    adjustment_outcome,
    ask_support_decision,
    dispute_decision,
    request_decision,
    settle,
)
from desktop.rules.money import Money
from desktop.rules.vocabulary import AdjustmentRequestStatus, ChargeStatus, DisputeStatus

USD = "USD"


@pytest.mark.parametrize(("status", "cents", "refusal"), [
    (ChargeStatus.OPEN, 7500, None),
    (ChargeStatus.OPEN, 0, DisputeRefusal.WAIVED),  # nothing owed: nothing to dispute
    (ChargeStatus.DISPUTED, 7500, DisputeRefusal.ALREADY_DISPUTED),
    (ChargeStatus.WAIVED, 0, DisputeRefusal.WAIVED),
    (ChargeStatus.ADJUSTED, 3000, DisputeRefusal.REVIEWED),
])
def test_only_an_open_fee_that_asks_for_money_can_be_disputed(status, cents, refusal):
    decision = dispute_decision(status, cents)
    assert decision.refusal is refusal
    assert decision.allowed is (refusal is None)
    assert bool(decision.why) is (refusal is not None)


def test_each_dispute_refusal_has_its_own_words():
    texts = {dispute_decision(s, c).why for s, c in ((ChargeStatus.DISPUTED, 1), (ChargeStatus.WAIVED, 0),
                                                      (ChargeStatus.ADJUSTED, 1))}
    assert len(texts) == 3 and all(t.endswith(".") for t in texts)
    assert "already disputed" in dispute_decision(ChargeStatus.DISPUTED, 1).why


@pytest.mark.parametrize(("status", "pending", "refusal"), [
    (ChargeStatus.DISPUTED, False, None),
    (ChargeStatus.DISPUTED, True, AskSupportRefusal.ALREADY_ASKED),
    (ChargeStatus.OPEN, False, AskSupportRefusal.SETTLED),
    (ChargeStatus.ADJUSTED, True, AskSupportRefusal.SETTLED),  # settled wins: the fee is no longer disputed
])
def test_a_provider_asks_support_once_while_the_fee_is_disputed(status, pending, refusal):
    decision = ask_support_decision(status, request_pending=pending)
    assert decision.refusal is refusal and decision.allowed is (refusal is None)
    assert ("wait for their decision" in decision.why) is (refusal is AskSupportRefusal.ALREADY_ASKED)


def test_support_decides_a_request_only_while_it_is_pending():
    assert request_decision(AdjustmentRequestStatus.PENDING).allowed
    decided = request_decision("waived", "Sam Patel")
    assert (decided.refusal, decided.status) == (RequestRefusal.ALREADY_DECIDED, AdjustmentRequestStatus.WAIVED)
    assert decided.why == "This request was already waived by Sam Patel; nothing was changed."
    assert "by someone;" in request_decision(AdjustmentRequestStatus.ADJUSTED).why
    with pytest.raises(ValueError):
        request_decision("approved")  # not a request status


def test_settle_adjust_waive_and_decline():
    original, current = Money(7500, USD), Money(7500, USD)
    adjusted = settle(AdjustmentRequestStatus.ADJUSTED, original, current, Money(3000, USD))
    assert (adjusted.new, adjusted.charge_status, adjusted.check.ok) == (Money(3000, USD), ChargeStatus.ADJUSTED, True)
    waived = settle(AdjustmentRequestStatus.WAIVED, original, current)
    assert (waived.new, waived.charge_status) == (Money(0, USD), ChargeStatus.WAIVED)
    declined = settle(AdjustmentRequestStatus.DECLINED, original, current)
    assert (declined.old, declined.new, declined.charge_status) == (current, current, ChargeStatus.OPEN)
    # A decline after an earlier adjustment keeps that adjustment.
    again = settle(AdjustmentRequestStatus.DECLINED, original, Money(3000, USD))
    assert (again.new, again.charge_status) == (Money(3000, USD), ChargeStatus.ADJUSTED)
    # Adjusting to zero is a waiver.
    assert settle(AdjustmentRequestStatus.ADJUSTED, original, current, Money(0, USD)).charge_status \
        is ChargeStatus.WAIVED


def test_settle_reports_an_amount_that_breaks_rule_7():
    original = Money(7500, USD)
    above = settle(AdjustmentRequestStatus.ADJUSTED, original, original, Money(7501, USD))
    assert not above.check.ok and "above its original" in above.check.why
    assert not settle(AdjustmentRequestStatus.ADJUSTED, original, original, Money(100, "EUR")).check.ok
    assert not settle(AdjustmentRequestStatus.WAIVED, original, Money(0, USD)).check.ok  # already zero
    with pytest.raises(ValueError):
        settle(AdjustmentRequestStatus.PENDING, original, original)
    with pytest.raises(ValueError):
        settle(AdjustmentRequestStatus.ADJUSTED, original, original, None)


@given(st.integers(0, 10_000), st.integers(0, 10_000))
def test_a_recorded_adjustment_reads_back_as_its_outcome(old_cents, new_cents):
    old, new = Money(old_cents, USD), Money(new_cents, USD)
    outcome = adjustment_outcome(old, new)
    if old_cents == new_cents:
        assert outcome is AdjustmentRequestStatus.DECLINED
    elif new_cents == 0:
        assert outcome is AdjustmentRequestStatus.WAIVED
    else:
        assert outcome is AdjustmentRequestStatus.ADJUSTED
    assert TrailEntry.of_outcome(outcome) == outcome.value


def test_labels_of_request_dispute_and_trail_vocabulary():
    assert [s.label for s in AdjustmentRequestStatus] == ["Pending", "Adjusted", "Waived", "Declined"]
    assert DisputeStatus.REFERRED.label == "With Support"
    assert TrailEntry.CREATED.label == "Charged" and TrailEntry.REQUESTED.label == "Asked Support"
    assert all(entry.label for entry in TrailEntry)
