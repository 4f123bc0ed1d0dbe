"""Rules 4 and 7: fees from the booking snapshot, money as integer cents."""

from __future__ import annotations

import dataclasses
from datetime import timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.rules.fees import (
    NOT_COVERED_BY_INSURANCE,
    CancellationBy,
    FeeDecision,
    FeeKind,
    check_adjustment,
    fee_decision,
)
from desktop.rules.money import AmountError, Money, parse_amount
from desktop.rules.policy import DEFAULT_POLICY, FeePolicySnapshot

# A snapshot deliberately different from today's default policy.
SNAPSHOT = FeePolicySnapshot(
    version=3, notice=timedelta(hours=48), late_cancellation_fee=Money(3500, "CAD"),
    no_show_fee=Money(9000, "CAD"), grace=timedelta(minutes=10),
)


# ---- fee_decision ------------------------------------------------------------

@pytest.mark.parametrize("waive", [False, True])
def test_provider_cancellation_never_carries_a_fee(waive):
    d = fee_decision(CancellationBy.PROVIDER, SNAPSHOT, waive=waive)
    assert d.kind is None
    assert d.amount == Money(0, "CAD")
    assert not d.charges
    assert not d.waived
    assert d.insurance_billable is False


def test_cancelling_with_notice_is_free():
    d = fee_decision(CancellationBy.CLIENT_WITH_NOTICE, SNAPSHOT)
    assert (d.kind, d.amount, d.charges) == (None, Money(0, "CAD"), False)


def test_late_cancellation_fee_comes_from_the_snapshot():
    d = fee_decision(CancellationBy.CLIENT_LATE, SNAPSHOT)
    assert d.kind is FeeKind.LATE_CANCELLATION
    assert d.amount == Money(3500, "CAD")
    assert d.amount != DEFAULT_POLICY.late_cancellation_fee
    assert d.charges and not d.waived
    assert NOT_COVERED_BY_INSURANCE in d.note


def test_no_show_fee_comes_from_the_snapshot():
    d = fee_decision(CancellationBy.NO_SHOW, SNAPSHOT)
    assert d.kind is FeeKind.NO_SHOW
    assert d.amount == Money(9000, "CAD")
    assert d.charges
    assert "CA$90.00" in d.note


@pytest.mark.parametrize("by", [CancellationBy.CLIENT_LATE, CancellationBy.NO_SHOW])
def test_waive_gives_zero(by):
    d = fee_decision(by, SNAPSHOT, waive=True)
    assert d.waived
    assert d.amount == Money(0, "CAD")
    assert d.kind is not None  # still recorded as that kind of event
    assert not d.charges


def test_a_zero_fee_policy_charges_nothing():
    free = dataclasses.replace(SNAPSHOT, late_cancellation_fee=Money(0, "CAD"))
    assert not fee_decision(CancellationBy.CLIENT_LATE, free).charges


@given(by=st.sampled_from(list(CancellationBy)), waive=st.booleans(),
       late=st.integers(0, 10**7), noshow=st.integers(0, 10**7))
def test_insurance_billable_is_always_false(by, waive, late, noshow):
    policy = dataclasses.replace(SNAPSHOT, late_cancellation_fee=Money(late, "CAD"), no_show_fee=Money(noshow, "CAD"))
    d = fee_decision(by, policy, waive=waive)
    assert d.insurance_billable is False
    assert 0 <= d.amount.cents <= max(late, noshow)
    assert d.amount.currency == "CAD"


def test_no_caller_can_make_a_fee_insurance_billable():
    with pytest.raises(TypeError):
        FeeDecision(FeeKind.NO_SHOW, Money(100), False, insurance_billable=True)  # type: ignore[call-arg]


def test_policy_snapshot_validates():
    with pytest.raises(ValueError):
        FeePolicySnapshot(1, timedelta(hours=24), Money(100, "USD"), Money(100, "EUR"), timedelta(0))
    with pytest.raises(ValueError):
        FeePolicySnapshot(1, timedelta(hours=24), Money(-1), Money(100), timedelta(0))
    with pytest.raises(ValueError):
        FeePolicySnapshot(1, -timedelta(hours=1), Money(1), Money(1), timedelta(0))


# ---- check_adjustment (Support) ---------------------------------------------

ORIGINAL = Money(7500)


@pytest.mark.parametrize("new, ok", [
    (0, True), (1, True), (3750, True), (7499, True), (7500, True),
    (7501, False), (10**6, False), (-1, False),
])
def test_adjustment_bounds(new, ok):
    current = Money(5000)
    check = check_adjustment(ORIGINAL, current, Money(new))
    assert check.ok is ok
    if not ok:
        assert check.why


def test_adjustment_to_the_current_amount_is_refused():
    check = check_adjustment(ORIGINAL, Money(5000), Money(5000))
    assert not check.ok
    assert "$50.00" in check.why


def test_adjustment_in_another_currency_is_refused():
    check = check_adjustment(ORIGINAL, ORIGINAL, Money(100, "EUR"))
    assert not check.ok
    assert "EUR" in check.why


def test_raising_back_up_to_the_original_is_allowed():
    assert check_adjustment(ORIGINAL, Money(2000), ORIGINAL).ok


# ---- Money ----------------------------------------------------------------------

def test_money_is_integer_cents():
    with pytest.raises(TypeError):
        Money(12.5)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        Money(True)  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        Money(100, "US")


def test_money_arithmetic_and_formatting():
    assert Money(1050) + Money(25) == Money(1075)
    assert Money(1050) - Money(2000) == Money(-950)
    with pytest.raises(ValueError):
        Money(1) + Money(1, "EUR")
    assert Money(123456).format() == "$1,234.56"
    assert Money(-5).format() == "-$0.05"
    assert Money(500, "CHF").format() == "5.00 CHF"
    assert str(Money(7500, "GBP")) == "£75.00"
    assert Money.zero("EUR").is_zero


# ---- parse_amount -------------------------------------------------------------------

@pytest.mark.parametrize("text, cents", [
    ("12", 1200),
    ("12.5", 1250),
    ("12.50", 1250),
    ("$12.50", 1250),
    ("12,50", 1250),
    ("  7.05 ", 705),
    ("0", 0),
    ("0.01", 1),
    ("$ 3", 300),
])
def test_parse_amount_accepts(text, cents):
    assert parse_amount(text, "USD") == Money(cents, "USD")


def test_parse_amount_keeps_the_currency():
    assert parse_amount("€4,20", "EUR") == Money(420, "EUR")


@pytest.mark.parametrize("text, why", [
    ("-5", "negative"),
    ("$-5.00", "negative"),
    ("12.345", "two decimals"),
    ("12,345", "two decimals"),
    ("abc", "not an amount"),
    ("12.3.4", "not an amount"),
    ("1,234.56", "not an amount"),
    ("12.", "not an amount"),
    (".5", "not an amount"),
    ("1e3", "not an amount"),
    ("12 50", "not an amount"),
    ("１２", "not an amount"),  # full-width digits look like 12 but are not ASCII
    ("١٢", "not an amount"),  # Arabic-Indic digits
    ("", "Type an amount"),
    ("   ", "Type an amount"),
    ("$", "Type an amount"),
])
def test_parse_amount_refuses(text, why):
    with pytest.raises(AmountError, match=why):
        parse_amount(text, "USD")


def test_parse_amount_refuses_above_the_maximum():
    assert parse_amount("75", "USD", maximum=Money(7500)) == Money(7500)
    with pytest.raises(AmountError, match=r"\$75.00"):
        parse_amount("75.01", "USD", maximum=Money(7500))


@given(cents=st.integers(min_value=0, max_value=999_999_999_99))
def test_parse_amount_round_trips_property(cents):
    whole, frac = divmod(cents, 100)
    assert parse_amount(f"{whole}.{frac:02d}", "USD") == Money(cents)
    assert parse_amount(f"{whole},{frac:02d}", "USD") == Money(cents)


@given(text=st.text(max_size=12))
def test_parse_amount_never_fails_with_anything_but_amount_error_property(text):
    try:
        amount = parse_amount(text, "USD")
    except AmountError as exc:
        assert str(exc)
    else:
        assert isinstance(amount.cents, int) and amount.cents >= 0
