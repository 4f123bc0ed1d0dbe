"""Rule 6: the cancellation-reasons catalogue is data, validated on load."""

from __future__ import annotations

import copy
import json

import pytest

from desktop.paths import resource
from desktop.rules.reasons import ACTIONS, CatalogueError, load_catalogue, parse_catalogue

SHIPPED_REASONS = ["schedule_conflict", "unwell", "transportation", "cost", "no_longer_needed", "unsafe",
                   "weather", "other"]
SHIPPED_PROVIDER_REASONS = ["provider_unavailable", "provider_unwell", "practice_closed", "client_asked",
                            "provider_other"]


@pytest.fixture(scope="module")
def shipped():
    return load_catalogue(resource("reasons.json"))


def test_shipped_catalogue_has_the_reasons(shipped):
    assert [r.id for r in shipped.reasons] == SHIPPED_REASONS
    assert all(r.label.strip() for r in shipped.reasons)
    assert [r.id for r in shipped.provider_reasons] == SHIPPED_PROVIDER_REASONS
    assert [r.id for r in shipped.provider_reasons if r.free_text] == ["provider_other"]


def test_every_shipped_reference_resolves_and_actions_are_known(shipped):
    for reason in shipped.reasons:
        ids = list(reason.resources) + [rid for q in reason.questions for a in q.answers for rid in a.resources]
        assert all(rid in shipped.resources for rid in ids), reason.id
    assert all(r.action is None or r.action in ACTIONS for r in shipped.resources.values())


def test_unsafe_is_a_crisis_reason_and_its_crisis_resources_come_first(shipped):
    unsafe = shipped.reason("unsafe")
    assert unsafe.crisis
    shown = shipped.resources_for("unsafe", {"provider_contact": "yes"})
    assert shown[0].urgent and shown[0].phone == "988"
    urgent = [r.urgent for r in shown]
    assert urgent == sorted(urgent, reverse=True)  # every urgent one before any other
    assert [r.id for r in shown] == ["crisis_988", "emergency", "crisis_text", "telehealth_offer"]
    assert not any(r.crisis for r in shipped.reasons if r.id != "unsafe")


def test_resources_follow_the_answers(shipped):
    assert [r.id for r in shipped.resources_for("transportation", {})] == []
    assert [r.id for r in shipped.resources_for("transportation", {"telehealth_instead": "no"})] == [
        "transport_help", "reschedule_offer"]
    # Each resource once, even when the reason and the answer both name it.
    ids = [r.id for r in shipped.resources_for("cost", {"help_wanted": "sliding_scale"})]
    assert ids == ["sliding_scale", "payment_plan"]


def test_the_catalogue_decides_which_answers_ask_to_be_contacted(shipped):
    # "Feeling unsafe or in crisis" → "Yes, please contact me" raises an urgent item (rule 6).
    asked = shipped.contact_requests("unsafe", {"provider_contact": "yes"})
    assert [(q.id, a.id, a.label) for q, a in asked] == [("provider_contact", "yes", "Yes, please contact me")]
    assert shipped.contact_requests("unsafe", {"provider_contact": "no"}) == ()
    assert shipped.contact_requests("unsafe", {}) == ()
    assert shipped.contact_requests("no_such_reason", {"provider_contact": "yes"}) == ()
    assert shipped.contact_requests("unsafe", {"provider_contact": "maybe"}) == ()
    # Only answers the data file marks: no other shipped answer asks for contact.
    marked = [(r.id, q.id, a.id) for r in shipped.reasons for q in r.questions for a in q.answers if a.asks_contact]
    assert marked == [("unsafe", "provider_contact", "yes")]


def test_any_answer_can_be_marked_in_the_data_file():
    data = copy.deepcopy(BASE)
    data["reasons"][0]["questions"][0]["answers"][1]["asks_contact"] = True
    cat = parse_catalogue(data)
    q = data["reasons"][0]["questions"][0]
    assert [a.id for _, a in cat.contact_requests("busy", {q["id"]: q["answers"][1]["id"]})] == [
        q["answers"][1]["id"]]


def test_validate_answers(shipped):
    assert shipped.validate_answers("schedule_conflict", {}, "") == []
    assert shipped.validate_answers("unwell", {}, "") == ["Please answer: Would a telehealth session work instead?"]
    assert shipped.validate_answers("unwell", {"telehealth_instead": "no"}, "") == []
    assert shipped.validate_answers("unwell", {"telehealth_instead": "maybe"}, "")
    assert shipped.validate_answers("unwell", {"telehealth_instead": "no", "bogus": "x"}, "")
    assert shipped.validate_answers("other", {}, "   ") == ["Please say briefly why you are cancelling."]
    assert shipped.validate_answers("other", {}, "Moving away") == []
    assert shipped.validate_answers("nope", {}, "") == ["“nope” is not a cancellation reason."]


# ---- bad catalogues ----------------------------------------------------------------

BASE = {
    "resources": [
        {"id": "line", "title": "Crisis line", "body": "Call 988.", "urgent": True, "phone": "988"},
        {"id": "later", "title": "Pick another time", "body": "Reschedule.", "action": "reschedule"},
    ],
    "reasons": [
        {"id": "busy", "label": "Busy", "resources": ["later"],
         "questions": [{"id": "q", "text": "Why?", "answers": [
             {"id": "a", "label": "A", "resources": ["line"]},
             {"id": "b", "label": "B"},
         ]}]},
        {"id": "other", "label": "Other", "free_text": True},
    ],
    "provider_reasons": [
        {"id": "away", "label": "I am away"},
        {"id": "provider_other", "label": "Another reason", "free_text": True},
    ],
}


def test_base_catalogue_is_valid_and_urgent_first():
    cat = parse_catalogue(BASE)
    # The reason lists "later" and the answer adds the urgent "line": the urgent one is shown first.
    assert [r.id for r in cat.resources_for("busy", {"q": "a"})] == ["line", "later"]


def test_provider_reasons_are_validated_against_the_catalogue():
    cat = parse_catalogue(BASE)
    assert [(r.id, r.label, r.free_text) for r in cat.provider_reasons] == [
        ("away", "I am away", False), ("provider_other", "Another reason", True)]
    assert cat.validate_provider_reason("away", "") == []
    assert cat.validate_provider_reason("provider_other", "Closed for a funeral") == []
    assert cat.validate_provider_reason("provider_other", "  ") == ["Say briefly why you are cancelling."]
    assert cat.validate_provider_reason("", "") == ["Pick a reason for cancelling."]
    # A client's reason is not a provider's: the provider list is its own section.
    assert "“busy” is not a reason a provider can give" in cat.validate_provider_reason("busy", "")[0]
    assert (cat.label_for("away"), cat.label_for("busy"), cat.label_for("late_request")) == (
        "I am away", "Busy", "Late request")


def broken(change):
    data = copy.deepcopy(BASE)
    change(data)
    return data


BAD = {
    "unknown resource in a reason": (
        lambda d: d["reasons"][0]["resources"].append("nowhere"), ["busy", "nowhere"]),
    "unknown resource in an answer": (
        lambda d: d["reasons"][0]["questions"][0]["answers"][1].update(resources=["ghost"]), ["busy", "b", "ghost"]),
    "duplicate reason id": (
        lambda d: d["reasons"].append({"id": "busy", "label": "Busy again"}), ["busy", "twice"]),
    "duplicate resource id": (
        lambda d: d["resources"].append({"id": "line", "title": "T", "body": "B"}), ["line", "twice"]),
    "duplicate answer id": (
        lambda d: d["reasons"][0]["questions"][0]["answers"].append({"id": "a", "label": "A2"}), ["busy", "q"]),
    "unknown action": (
        lambda d: d["resources"][1].update(action="teleport"), ["later", "teleport"]),
    "missing reason label": (
        lambda d: d["reasons"][1].pop("label"), ["other", "label"]),
    "blank reason label": (
        lambda d: d["reasons"][1].update(label="  "), ["other", "label"]),
    "missing answer label": (
        lambda d: d["reasons"][0]["questions"][0]["answers"][0].pop("label"), ["busy", "a", "label"]),
    "missing resource title": (
        lambda d: d["resources"][0].pop("title"), ["line", "title"]),
    "missing reason id": (
        lambda d: d["reasons"][1].pop("id"), ["reasons[1]", "id"]),
    "resources not a list": (
        lambda d: d["reasons"][0].update(resources="later"), ["busy", "list"]),
    "no reasons": (
        lambda d: d.update(reasons=[]), ["reasons"]),
    "no provider reasons": (
        lambda d: d.pop("provider_reasons"), ["provider_reasons"]),
    "empty provider reasons": (
        lambda d: d.update(provider_reasons=[]), ["provider_reasons"]),
    "provider reason not an object": (
        lambda d: d["provider_reasons"].append("away"), ["provider_reasons[2]", "object"]),
    "missing provider reason id": (
        lambda d: d["provider_reasons"][1].pop("id"), ["provider_reasons[1]", "id"]),
    "blank provider reason label": (
        lambda d: d["provider_reasons"][0].update(label=" "), ["provider reason", "away", "label"]),
    "duplicate provider reason id": (
        lambda d: d["provider_reasons"].append({"id": "away", "label": "Away again"}), ["away", "twice"]),
    "provider reason id taken by a client reason": (
        lambda d: d["provider_reasons"].append({"id": "busy", "label": "Busy"}),
        ["provider reason", "busy", "client reason"]),
    "asks_contact not a boolean": (
        lambda d: d["reasons"][0]["questions"][0]["answers"][0].update(asks_contact="yes"),
        ["busy", "a", "asks_contact"]),
    "provider reason free_text not a boolean": (
        lambda d: d["provider_reasons"][0].update(free_text="yes"), ["away", "free_text"]),
}


@pytest.mark.parametrize("case", sorted(BAD))
def test_bad_catalogue_names_the_bad_entry(case, tmp_path):
    change, names = BAD[case]
    path = tmp_path / "reasons.json"
    path.write_text(json.dumps(broken(change)), encoding="utf-8")
    with pytest.raises(CatalogueError) as info:
        load_catalogue(path)
    for name in names:
        assert name in str(info.value), (case, str(info.value))


def test_invalid_json_names_the_file_and_position(tmp_path):
    path = tmp_path / "reasons.json"
    path.write_text('{"resources": [], "reasons": [\n  {"id": "busy", "label": "Busy",}\n]}', encoding="utf-8")
    with pytest.raises(CatalogueError) as info:
        load_catalogue(path)
    message = str(info.value)
    assert str(path) in message
    assert "line 2" in message
    assert "not valid JSON" in message


def test_a_catalogue_that_is_not_an_object_is_refused():
    with pytest.raises(CatalogueError):
        parse_catalogue(["busy"])  # type: ignore[arg-type]


def test_catalogue_error_is_a_value_error():
    assert issubclass(CatalogueError, ValueError)
