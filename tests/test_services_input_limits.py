"""One declared set of input limits, enforced by the services (issue 9, item 5): the holes the
issue names — 100,000-character texts and NUL stored, a float amount, an overflow, a lone
surrogate — each refused as an InvalidInput that names the field, with nothing written."""

from __future__ import annotations

from datetime import timedelta

import pytest

from desktop.rules import limits
from desktop.rules.money import Money
from desktop.services import cancellation, fees, messaging, people, policy
from desktop.services import provider as provider_services
from desktop.services.errors import InvalidInput
from desktop.services.policy import PolicyChange
from desktop.store.models import ALL_MODELS, FeePolicy, LateCancellationRequest, Message
from tests import factories
from tests.factories import audit_count


@pytest.fixture
def team(db, now):
    return factories.make_team(now)


def snapshot() -> list[list[tuple]]:
    return [list(m.select().order_by(m._meta.primary_key).tuples()) for m in ALL_MODELS]


def refused(call, field: str, words: str) -> InvalidInput:
    """``call`` is refused naming ``field`` (and ``words`` in its message), nothing written."""
    before = snapshot()
    with pytest.raises(InvalidInput) as caught:
        call()
    assert caught.value.field == field
    assert words in caught.value.message
    assert snapshot() == before
    return caught.value


def test_invalid_input_names_no_field_unless_told():
    assert InvalidInput("x").field is None and InvalidInput("x", field="body").field == "body"


@pytest.fixture
def thread(team, now):
    return messaging.start_thread(team.client, "Hello", "First", now=now).value


# ---- texts ------------------------------------------------------------------------------------

def test_a_hundred_thousand_characters_are_refused_everywhere_text_goes(team, now, thread):
    huge = "x" * 100_000
    refused(lambda: messaging.reply(team.client, thread, huge, now=now), "body", "message can be at most 5,000")
    refused(lambda: messaging.start_thread(team.client, huge, "Hi", now=now), "subject", "subject")
    refused(lambda: people.add_person(team.owner, "client", "new.one", factories.PASSWORD, people.PersonForm(
        huge, provider_id=team.owner.provider_id), now=now), "name", "name can be at most 100")
    refused(lambda: people.edit_person(team.owner, team.client.user_id, people.PersonForm(
        "Casey", phone=huge, provider_id=team.owner.provider_id), now=now), "phone", "phone number")
    refused(lambda: policy.save_policy(team.owner, PolicyChange(24, Money(5000), Money(7500), 15, huge), now=now),
            "text", "policy text can be at most 20,000")


def test_nul_and_control_characters_are_refused(team, now, thread):
    refused(lambda: messaging.reply(team.client, thread, "before\x00after", now=now), "body", "U+0000")
    refused(lambda: messaging.start_thread(team.client, "Two\nlines", "Hi", now=now), "subject", "line break")
    refused(lambda: messaging.reply(team.client, thread, "\x1b[31mred", now=now), "body", "U+001B")
    # Multi-line text keeps its lines and tabs.
    messaging.reply(team.client, thread, "Line one\n\tLine two", now=now)
    assert Message.select().order_by(Message.id.desc()).get().body == "Line one\n\tLine two"


def test_a_lone_surrogate_is_refused_not_an_encoding_error(team, now, thread):
    refused(lambda: messaging.reply(team.client, thread, "half \ud800 a character", now=now), "body",
            "not a character")
    appt = factories.add_appointment(team.client, now - timedelta(days=2)).id
    charge = provider_services.mark_no_show(team.owner, appt, now=now).value
    refused(lambda: fees.dispute_charge(team.client, charge, "\udfff", now=now), "reason", "not a character")


# ---- amounts and numbers ------------------------------------------------------------------------

def _charge_request(team, now) -> int:
    appt = factories.add_appointment(team.client, now - timedelta(days=2)).id
    charge = provider_services.mark_no_show(team.owner, appt, now=now).value
    dispute = fees.dispute_charge(team.client, charge, "I was there", now=now).value
    return fees.ask_support_to_adjust(team.owner, dispute, "Fair", proposed=Money(1000), now=now).value


def test_a_float_amount_is_refused_not_an_attribute_error(team, now):
    request = _charge_request(team, now)
    refused(lambda: fees.adjust_fee(team.support, request, 12.5, "Lower", now=now), "new_amount",
            "must be an amount of money")
    refused(lambda: policy.save_policy(team.owner, PolicyChange(24, 50.0, Money(7500), 15, "Text"), now=now),
            "late_fee", "late-cancellation fee")


def test_amounts_are_within_the_declared_maximum(team, now):
    too_much = Money(limits.MAX_FEE.cents + 1)
    refused(lambda: policy.save_policy(team.owner, PolicyChange(24, Money(5000), too_much, 15, "Text"), now=now),
            "no_show_fee", "between $0.00 and $10,000.00")
    refused(lambda: policy.save_policy(team.owner, PolicyChange(24, Money(-1), Money(1), 15, "Text"), now=now),
            "late_fee", "between")
    refused(lambda: policy.save_policy(team.owner, PolicyChange(24, Money(1, "usd"), Money(1, "usd"), 15, "Text"),
                                       now=now), "late_fee", "three-letter currency code")
    policy.save_policy(team.owner, PolicyChange(24, limits.MAX_FEE, limits.MAX_FEE, 15, "Text"), now=now)
    assert FeePolicy.select().order_by(FeePolicy.version.desc()).get().late_cancellation_fee_cents == 1_000_000


def test_an_overflowing_number_is_refused_not_an_overflow_error(team, now, thread):
    refused(lambda: messaging.reply(team.client, 2**63, "Hello", now=now), "thread_id", "between 1 and")
    refused(lambda: cancellation.cancel_preview(team.client, 10**30, now=now), "appointment_id", "between 1 and")
    refused(lambda: policy.save_policy(team.owner, PolicyChange(10**30, Money(1), Money(1), 15, "Text"), now=now),
            "notice_hours", "notice window")


@pytest.mark.parametrize("hours", [24.5, -1, limits.MAX_NOTICE_HOURS + 1, True, "24"])
def test_notice_is_whole_hours_in_the_declared_range(team, now, hours):
    refused(lambda: policy.save_policy(team.owner, PolicyChange(hours, Money(1), Money(1), 15, "Text"), now=now),
            "notice_hours", "whole number of hours")


def test_a_naive_now_is_refused_by_name(team, now):
    refused(lambda: cancellation.cancel_preview(team.client, 1, now=now.replace(tzinfo=None)), "now",
            "current time must say its time zone")


# ---- a late-cancellation request's reason, like a cancellation's -------------------------------

@pytest.fixture
def in_window(team, now):
    return factories.book(team.owner, team.client, now + timedelta(hours=5), now=now)


def test_a_late_request_reason_must_be_in_the_catalogue(team, now, in_window):
    refused(lambda: cancellation.request_late_cancellation(team.client, in_window, "Sick", reason_code="bored",
                                                           now=now), "reason_code", "not a cancellation reason")
    refused(lambda: cancellation.request_late_cancellation(
        team.client, in_window, "Sick", reason_code="unwell", answers={"telehealth_instead": "maybe"}, now=now),
        "answers", "not an answer")
    refused(lambda: cancellation.request_late_cancellation(team.client, in_window, "Sick", reason_code="unwell",
                                                           now=now), "answers", "Please answer")
    refused(lambda: cancellation.request_late_cancellation(
        team.client, in_window, "Sick", answers={"telehealth_instead": "no"}, now=now), "answers", "reason first")
    refused(lambda: cancellation.request_late_cancellation(team.client, in_window, "", reason_code="other",
                                                           now=now), "answers", "say briefly why")


def test_a_late_request_with_a_valid_reason_is_stored_with_its_answers(team, now, in_window):
    before = audit_count()
    cancellation.request_late_cancellation(team.client, in_window, "Fever", reason_code="unwell",
                                           answers={"telehealth_instead": "no"}, now=now)
    request = LateCancellationRequest.get(LateCancellationRequest.appointment == in_window)
    assert (request.reason_code, request.answers) == ("unwell", {"telehealth_instead": "no"})
    assert audit_count() == before + 1
