"""Fees after they are charged: disputes, Support's decisions, the trail (rule 7, rule 8)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from peewee import fn

from desktop.rules.money import Money
from desktop.services import fees, messaging
from desktop.services.errors import Conflict, InvalidInput, NotAllowed
from desktop.store.models import (
    AuditEvent,
    Charge,
    ChargeStatus,
    Client,
    Dispute,
    FeeAdjustment,
    FeeAdjustmentRequest,
    Message,
    Provider,
    Thread,
    User,
)
from tests.factories import actor


def _open_charge_of(provider_username: str) -> Charge:
    provider = Provider.select().join(User).where(User.username == provider_username).get()
    return (Charge.select().where(Charge.provider == provider, Charge.status == ChargeStatus.OPEN)
            .order_by(Charge.id).first())


def _username_of_client(client_id: int) -> str:
    return Client.get_by_id(client_id).user.username


def _pending_request() -> FeeAdjustmentRequest:
    return FeeAdjustmentRequest.get(FeeAdjustmentRequest.status == "pending")


def _audits(charge_id: int, action: str) -> int:
    return AuditEvent.select().where(AuditEvent.entity == "charge", AuditEvent.entity_id == charge_id,
                                     AuditEvent.action == action).count()


# ---- client billing and disputes ---------------------------------------------


def test_client_billing_lists_own_charges_as_self_pay_with_balance(demo_db):
    alex = actor("alex.morgan")
    billing = fees.client_billing(alex)
    own = {c.id for c in Charge.select().where(Charge.client == alex.client_id)}
    assert {c.id for c in billing.charges} == own and own
    assert all(not c.insurance_billable and c.coverage.startswith("Not covered by insurance") for c in billing.charges)
    total = sum(c.amount_cents for c in Charge.select().where(Charge.client == alex.client_id))
    assert billing.balance == (Money(total, "USD"),)
    disputed = next(c for c in billing.charges if c.status == ChargeStatus.DISPUTED)
    assert disputed.dispute_thread_id is not None and not disputed.can_dispute


def test_only_clients_read_a_client_billing(demo_db):
    for who in ("dr.rivera", "support"):
        with pytest.raises(NotAllowed):
            fees.client_billing(actor(who))


def test_client_disputes_own_charge_opens_thread_tied_to_it(demo_db, now):
    charge = _open_charge_of("dr.chen")
    client = actor(_username_of_client(charge.client_id))
    before = AuditEvent.select().count()
    result = fees.dispute_charge(client, charge.id, "I was in hospital that day.", now=now)
    dispute = Dispute.get_by_id(result.value)
    thread = Thread.get_by_id(dispute.thread_id)
    assert (thread.kind, thread.charge_id, thread.provider_id) == ("dispute", charge.id, charge.provider_id)
    assert "I was in hospital that day." in Message.get(Message.thread == thread).body
    assert Charge.get_by_id(charge.id).status == ChargeStatus.DISPUTED
    assert AuditEvent.select().count() == before + 1
    # The provider sees it among their disputes, with the thread.
    provider = actor("dr.chen")
    rows = fees.provider_disputes(provider)
    assert any(r.id == dispute.id and r.thread_id == thread.id and r.can_ask_support for r in rows)
    assert messaging.thread_messages(provider, thread.id)


def test_a_charge_cannot_be_disputed_twice(demo_db, now):
    charge = _open_charge_of("dr.chen")
    client = actor(_username_of_client(charge.client_id))
    fees.dispute_charge(client, charge.id, "Not me.", now=now)
    with pytest.raises(Conflict):
        fees.dispute_charge(client, charge.id, "Again.", now=now)


def test_dispute_needs_a_reason(demo_db, now):
    charge = _open_charge_of("dr.chen")
    with pytest.raises(InvalidInput):
        fees.dispute_charge(actor(_username_of_client(charge.client_id)), charge.id, "   ", now=now)


def test_nobody_disputes_someone_elses_charge(demo_db, now):
    charge = _open_charge_of("dr.chen")
    with pytest.raises(NotAllowed):
        fees.dispute_charge(actor("alex.morgan"), charge.id, "Not mine but still.", now=now)
    for who in ("dr.chen", "support"):
        with pytest.raises(NotAllowed):
            fees.dispute_charge(actor(who), charge.id, "No.", now=now)
    assert Charge.get_by_id(charge.id).status == ChargeStatus.OPEN


# ---- provider asks Support ------------------------------------------------------


def _disputed_by_chen_client(now) -> tuple[Charge, int]:
    charge = _open_charge_of("dr.chen")
    client = actor(_username_of_client(charge.client_id))
    return charge, fees.dispute_charge(client, charge.id, "I was ill.", now=now).value


def test_provider_asks_support_with_a_proposed_amount(demo_db, now):
    charge, dispute_id = _disputed_by_chen_client(now)
    chen = actor("dr.chen")
    result = fees.ask_support_to_adjust(chen, dispute_id, "Was ill, documented.", proposed=Money(1000, "USD"),
                                        now=now)
    request = FeeAdjustmentRequest.get_by_id(result.value)
    assert (request.proposed_cents, request.status, request.waive) == (1000, "pending", False)
    assert Charge.get_by_id(charge.id).amount_cents == charge.amount_cents  # a request changes nothing
    assert _audits(charge.id, "request_fee_adjustment") == 1
    with pytest.raises(Conflict):
        fees.ask_support_to_adjust(chen, dispute_id, "Again", proposed=Money(500, "USD"), now=now)


def test_provider_proposal_cannot_exceed_the_original(demo_db, now):
    charge, dispute_id = _disputed_by_chen_client(now)
    with pytest.raises(InvalidInput, match="above its original"):
        fees.ask_support_to_adjust(actor("dr.chen"), dispute_id, "More!",
                                   proposed=Money(charge.original_cents + 1, "USD"), now=now)


def test_provider_can_propose_a_waiver(demo_db, now):
    _, dispute_id = _disputed_by_chen_client(now)
    result = fees.ask_support_to_adjust(actor("dr.chen"), dispute_id, "First time.", waive=True, now=now)
    request = FeeAdjustmentRequest.get_by_id(result.value)
    assert request.waive and request.proposed_cents == 0


def test_only_the_clients_provider_asks_support(demo_db, now):
    _, dispute_id = _disputed_by_chen_client(now)
    for who in ("dr.rivera", "support", _username_of_client(Dispute.get_by_id(dispute_id).client_id)):
        with pytest.raises(NotAllowed):
            fees.ask_support_to_adjust(actor(who), dispute_id, "x", proposed=Money(100, "USD"), now=now)


def test_provider_disputes_are_only_their_own_clients(demo_db):
    rows = fees.provider_disputes(actor("dr.chen"))
    assert all(Charge.get_by_id(r.charge_id).provider.user.username == "dr.chen" for r in rows)
    assert fees.provider_disputes(actor("dr.rivera"))  # the demo's disputed charge
    for who in ("alex.morgan", "support"):
        with pytest.raises(NotAllowed):
            fees.provider_disputes(actor(who))


# ---- Support decides ------------------------------------------------------------


@pytest.mark.parametrize("who", ["alex.morgan", "dr.rivera", "dr.chen"])
def test_clients_and_providers_cannot_adjust_waive_or_decline(demo_db, now, who):
    request = _pending_request()
    charge_before = Charge.get_by_id(request.charge_id)
    with pytest.raises(NotAllowed):
        fees.adjust_fee(actor(who), request.id, Money(100, "USD"), "Please", now=now)
    with pytest.raises(NotAllowed):
        fees.waive_fee(actor(who), request.id, "Please", now=now)
    with pytest.raises(NotAllowed):
        fees.decline_request(actor(who), request.id, "No", now=now)
    for reader in (fees.adjustment_queue, fees.search_charges):
        with pytest.raises(NotAllowed):
            reader(actor(who))
    with pytest.raises(NotAllowed):
        fees.request_detail(actor(who), request.id)
    after = Charge.get_by_id(request.charge_id)
    assert (after.amount_cents, after.version) == (charge_before.amount_cents, charge_before.version)
    assert FeeAdjustment.select().count() == 0


def test_support_cannot_raise_a_fee_above_the_original(demo_db, now):
    request = _pending_request()
    charge = Charge.get_by_id(request.charge_id)
    with pytest.raises(InvalidInput, match="above its original"):
        fees.adjust_fee(actor("support"), request.id, Money(charge.original_cents + 1, "USD"), "Up", now=now)
    assert Charge.get_by_id(charge.id).amount_cents == charge.original_cents
    assert FeeAdjustment.select().count() == 0 and _audits(charge.id, "adjust_fee") == 0


def test_support_cannot_adjust_in_another_currency(demo_db, now):
    request = _pending_request()
    with pytest.raises(InvalidInput):
        fees.adjust_fee(actor("support"), request.id, Money(100, "EUR"), "x", now=now)


def test_adjust_writes_one_adjustment_one_audit_event_and_tells_both(demo_db, now):
    request = _pending_request()
    charge = Charge.get_by_id(request.charge_id)
    thread = Thread.get(Thread.charge_id == charge.id)
    messages_before = Message.select().where(Message.thread == thread).count()
    audits_before = AuditEvent.select().count()
    later = now + timedelta(minutes=5)
    result = fees.adjust_fee(actor("support"), request.id, Money(3000, "USD"), "Car trouble, called ahead.",
                             expected_version=charge.version, now=later)
    adj = FeeAdjustment.get_by_id(result.value)
    assert (adj.old_cents, adj.new_cents, adj.adjusted_by.username, adj.reason, adj.created_at) == (
        7500, 3000, "support", "Car trouble, called ahead.", later)
    after = Charge.get_by_id(charge.id)
    assert (after.amount_cents, after.original_cents, after.status, after.version) == (
        3000, 7500, ChargeStatus.ADJUSTED, charge.version + 1)
    assert FeeAdjustmentRequest.get_by_id(request.id).status == "adjusted"
    assert AuditEvent.select().count() == audits_before + 1
    event = AuditEvent.get(AuditEvent.action == "adjust_fee")
    assert (event.entity_id, event.detail["old"], event.detail["new"]) == (charge.id, 7500, 3000)
    notes = list(Message.select().where(Message.thread == thread).order_by(Message.id))
    assert len(notes) == messages_before + 1 and "$30.00" in notes[-1].body
    # Client and provider both read it, and see the new amount.
    alex, rivera = actor("alex.morgan"), actor("dr.rivera")
    assert "$30.00" in messaging.thread_messages(alex, thread.id)[-1].body
    assert next(c for c in fees.client_billing(alex).charges if c.id == charge.id).amount == Money(3000, "USD")
    assert next(d for d in fees.provider_disputes(rivera) if d.charge_id == charge.id).amount == Money(3000, "USD")


def test_each_decision_has_exactly_one_audit_event(demo_db, now):
    support = actor("support")
    request = _pending_request()
    fees.waive_fee(support, request.id, "Goodwill.", now=now)
    charge, dispute_id = _disputed_by_chen_client(now)
    req2 = fees.ask_support_to_adjust(actor("dr.chen"), dispute_id, "Hmm", proposed=Money(100, "USD"), now=now)
    fees.decline_request(support, req2.value, "Policy was clear.", now=now)
    for adj in FeeAdjustment.select():
        action = {0: "waive_fee"}.get(adj.new_cents, "decline_fee_request")
        events = AuditEvent.select().where(AuditEvent.entity == "charge", AuditEvent.entity_id == adj.charge_id,
                                           AuditEvent.action == action)
        assert events.count() == 1 and events.get().detail["adjustment"] == adj.id
    assert Charge.get_by_id(request.charge_id).status == ChargeStatus.WAIVED
    declined = Charge.get_by_id(charge.id)
    assert (declined.amount_cents, declined.status) == (charge.amount_cents, ChargeStatus.OPEN)


def test_second_decision_is_refused_with_who_decided(demo_db, now):
    support = actor("support")
    request = _pending_request()
    version = Charge.get_by_id(request.charge_id).version
    fees.adjust_fee(support, request.id, Money(3000, "USD"), "ok", expected_version=version, now=now)
    with pytest.raises(Conflict, match="already adjusted by Sam Patel"):
        fees.waive_fee(support, request.id, "also", expected_version=version, now=now)
    assert FeeAdjustment.select().count() == 1
    assert Charge.get_by_id(request.charge_id).amount_cents == 3000


def test_stale_version_is_refused(demo_db, now):
    request = _pending_request()
    with pytest.raises(Conflict):
        fees.adjust_fee(actor("support"), request.id, Money(100, "USD"), "x",
                        expected_version=Charge.get_by_id(request.charge_id).version + 5, now=now)


def test_decision_needs_a_reason(demo_db, now):
    with pytest.raises(InvalidInput):
        fees.decline_request(actor("support"), _pending_request().id, "  ", now=now)


def test_queue_filters_and_searches(demo_db, now):
    support = actor("support")
    pending = fees.adjustment_queue(support)
    assert [r.client_name for r in pending] == ["Alex Morgan"]
    assert fees.adjustment_queue(support, search="rivera") == pending
    assert fees.adjustment_queue(support, search=f"#{pending[0].charge_id}") == pending
    assert fees.adjustment_queue(support, search="nobody-like-this") == []
    fees.adjust_fee(support, pending[0].id, Money(100, "USD"), "ok", now=now)
    assert fees.adjustment_queue(support) == []
    assert [r.status for r in fees.adjustment_queue(support, status="adjusted")] == ["adjusted"]
    assert len(fees.adjustment_queue(support, status=None)) == 1


def test_detail_shows_policy_version_thread_and_proposal(demo_db):
    request = _pending_request()
    detail = fees.request_detail(actor("support"), request.id)
    assert detail.policy_version == Charge.get_by_id(request.charge_id).policy.version
    assert detail.request.proposed == Money(request.proposed_cents, "USD")
    assert detail.messages and detail.dispute_reason and detail.pending


def test_history_in_order_for_support_client_and_provider(demo_db, now):
    request = _pending_request()
    fees.adjust_fee(actor("support"), request.id, Money(3000, "USD"), "Called ahead.", now=now)
    trail = fees.charge_history(actor("support"), request.charge_id)
    whats = [e.what for e in trail]
    assert whats[0] == "created" and "disputed" in whats and "requested" in whats and "adjusted" in whats
    assert whats.index("disputed") < whats.index("requested") < whats.index("adjusted")
    assert [e.at for e in trail] == sorted(e.at for e in trail)
    assert [e.what for e in fees.charge_history(actor("alex.morgan"), request.charge_id)] == whats
    assert [e.what for e in fees.charge_history(actor("dr.rivera"), request.charge_id)] == whats
    for who in ("dr.chen", "jordan.lee"):
        with pytest.raises(NotAllowed):
            fees.charge_history(actor(who), request.charge_id)


# ---- list reads: a fixed number of queries, however many rows ---------------


def _queries(read) -> tuple[object, int]:
    from playhouse.test_utils import count_queries

    with count_queries() as counter:
        result = read()
    return result, counter.count


def test_list_reads_are_one_query_each(demo_db, now):
    # Every read first checks the account against the database (services/actor.current_actor): one query.
    busiest = (Charge.select(Charge.client).group_by(Charge.client)
               .order_by(fn.COUNT(Charge.id).desc()).scalar())
    client = actor(_username_of_client(busiest))
    support, rivera = actor("support"), actor("dr.rivera")
    billing, n = _queries(lambda: fees.client_billing(client))
    assert len(billing.charges) >= 2 and n == 2
    charges, n = _queries(lambda: fees.search_charges(support))
    assert len(charges) >= 3 and n == 2
    queue, n = _queries(lambda: fees.adjustment_queue(support, status=None))
    assert len(queue) >= 1 and n == 2
    disputes, n = _queries(lambda: fees.provider_disputes(rivera))
    assert len(disputes) >= 1 and n == 2


def test_charge_history_reads_a_fixed_number_of_queries(demo_db, now):
    request = _pending_request()
    support = actor("support")
    _, before = _queries(lambda: fees.charge_history(support, request.charge_id))
    fees.adjust_fee(support, request.id, Money(3000, "USD"), "Called ahead.", now=now)
    for i in range(3):
        messaging.reply(actor("alex.morgan"), Dispute.get(Dispute.charge == request.charge_id).thread_id,
                        f"Thanks {i}", now=now)
    trail, after = _queries(lambda: fees.charge_history(support, request.charge_id))
    assert len(trail) > 4 and after == before


def test_a_disputed_charge_offers_no_dispute_and_the_service_agrees(demo_db, now):
    """The Billing button and the service give the same answer for every charge."""
    alex = actor("alex.morgan")
    for row in fees.client_billing(alex).charges:
        refusal = fees.dispute_refusal(row.status, row.amount.cents)
        assert row.can_dispute is (refusal is None)
        assert row.disputed is (row.status == ChargeStatus.DISPUTED)
        if refusal is not None:
            with pytest.raises(Conflict, match=refusal.split(";")[0].split(":")[0]):
                fees.dispute_charge(alex, row.id, "I was there.", now=now)
