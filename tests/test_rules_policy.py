"""The full policy text is built from the policy's fields: it agrees with the summary whatever the fields."""

from __future__ import annotations

import re
from datetime import timedelta

from hypothesis import given
from hypothesis import strategies as st

from desktop.rules.money import Money
from desktop.rules.notice import hours_phrase
from desktop.rules.policy import (
    DEFAULT_POLICY,
    OWN_TEXT_HEADING,
    FeePolicySnapshot,
    full_policy_text,
    own_text_problem,
    worry_free_lines,
)

policies = st.builds(
    lambda notice, late, noshow, grace, currency: FeePolicySnapshot(
        1, timedelta(hours=notice), Money(late, currency), Money(noshow, currency), timedelta(minutes=grace)),
    st.integers(0, 24 * 14), st.integers(0, 1_000_000), st.integers(0, 1_000_000), st.integers(0, 120),
    st.sampled_from(["USD", "EUR", "GBP"]))


@given(policies)
def test_full_text_says_what_the_summary_says(policy):
    full, lines = full_policy_text(policy), worry_free_lines(policy)
    assert lines.notice in full and lines.insurance in full
    assert policy.late_cancellation_fee.format() in full and policy.late_cancellation_fee.format() in lines.late_cancellation_fee
    assert policy.no_show_fee.format() in full and policy.no_show_fee.format() in lines.no_show_fee
    assert f"Within {hours_phrase(policy.notice)} of the start" in full
    minutes = int(policy.grace.total_seconds() // 60)
    assert f"{minutes} minute" in full and f"after {minutes} minutes" in lines.no_show_fee
    assert "not covered by insurance" in full.lower()
    assert OWN_TEXT_HEADING not in full


@given(st.text(alphabet=st.characters(blacklist_categories=("Nd",)), max_size=200))
def test_own_text_without_numbers_is_accepted_and_follows_under_its_heading(text):
    assert own_text_problem(text) is None
    full = full_policy_text(DEFAULT_POLICY, text)
    if text.strip():
        assert full.endswith(f"{OWN_TEXT_HEADING}\n\n{text.strip()}")


def test_amounts_and_times_in_own_text_are_refused_with_the_words_found():
    for text, found in [("A fee of $50.00 applies.", "$50.00"), ("Cancel 24 hours ahead.", "24 hours"),
                        ("Cost: 40 EUR", "40 EUR"), ("1.000,00 €", "1.000,00 €"), ("after 15 min", "15 min"),
                        ("seventy-five dollars or 75 dollars", "75 dollars")]:
        problem = own_text_problem(text)
        assert problem is not None and f"“{found}”" in problem
    for fine in ("Room 4 is upstairs.", "Call 555-0100 to reach us.", "Please arrive early."):
        assert own_text_problem(fine) is None


def test_only_the_fields_amounts_appear():
    policy = FeePolicySnapshot(2, timedelta(hours=48), Money(6500), Money(8000), timedelta(minutes=10))
    full = full_policy_text(policy, "Please arrive early.")
    assert set(re.findall(r"\$[\d,]+\.\d\d", full)) == {"$65.00", "$80.00"}


def test_status_label_at_reads_attended_once_over():
    from datetime import UTC, datetime

    from desktop.rules.vocabulary import AppointmentStatus, status_label_at

    start = datetime(2026, 11, 24, 15, 0, tzinfo=UTC)
    end = start + timedelta(minutes=50)
    assert status_label_at(AppointmentStatus.SCHEDULED, start, end, start - timedelta(seconds=1)) == "Scheduled"
    assert status_label_at(AppointmentStatus.SCHEDULED, start, end, start) == "In progress"
    assert status_label_at(AppointmentStatus.SCHEDULED, start, end, end) == "Attended"
    for status in AppointmentStatus:
        if status is not AppointmentStatus.SCHEDULED:
            assert status_label_at(status, start, end, end + timedelta(days=1)) == status.label
