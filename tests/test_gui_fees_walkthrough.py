"""One dispute through all three roles' real windows, by clicking their buttons."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton, QTableView

from desktop.rules.money import Money
from desktop.services import fees
from desktop.services.errors import Conflict
from desktop.store.models import (
    Charge,
    ChargeStatus,
    Client,
    FeeAdjustment,
    FeeAdjustmentRequest,
    Provider,
    User,
)
from tests.factories import actor
from tests.guikit import click, make_controller, show_page, sign_in, wait_ops, wait_reads


def open_charge_with_people() -> tuple[Charge, str, str]:
    """An undisputed fee of a demo client, with the client's and the provider's user names."""
    charge = Charge.select().where(Charge.status == ChargeStatus.OPEN).order_by(Charge.id).first()
    client = User.get_by_id(Client.get_by_id(charge.client_id).user_id).username
    provider = User.get_by_id(Provider.get_by_id(charge.provider_id).user_id).username
    return charge, client, provider


def click_row(qtbot, table: QTableView, predicate) -> object:
    model = table.model()
    for i in range(model.rowCount()):
        row = model.row_at(i)
        if predicate(row):
            table.scrollTo(model.index(i, 0))
            rect = table.visualRect(model.index(i, 1))
            qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
            wait_reads(qtbot, table)  # the selected row's detail is read
            return row
    raise AssertionError("no such row")


def sign_out(qtbot, controller, window) -> None:
    click(qtbot, window.findChild(QPushButton, "signOutButton"))
    wait_ops(qtbot, controller)
    assert controller.window is None


def test_one_dispute_through_client_provider_and_support(qtbot, demo_db, now, tmp_path):
    charge, client_name, provider_name = open_charge_with_people()
    controller = make_controller(qtbot, demo_db, now, tmp_path)

    # 1. The client disputes the fee from Billing.
    window = sign_in(qtbot, controller, client_name)
    billing = show_page(window, "billing")
    assert "Not covered by insurance" in billing.coverage.text()
    row = click_row(qtbot, billing.table, lambda r: r.id == charge.id)
    assert row.amount.cents == charge.amount_cents
    click(qtbot, billing.dispute_button)
    dialog = billing.dialog
    qtbot.waitUntil(dialog.isVisible)
    click(qtbot, dialog.ui.submitButton)  # no reason yet: the dialog says so and stays
    assert dialog.ui.errorLabel.isVisible() and "why" in dialog.ui.errorLabel.text()
    qtbot.keyClicks(dialog.ui.disputeReason, "I was stuck in a snowstorm and phoned ahead.")
    click(qtbot, dialog.ui.submitButton)
    wait_ops(qtbot, controller)
    assert billing.dialog is None  # closed once the dispute was sent
    assert Charge.get_by_id(charge.id).status == ChargeStatus.DISPUTED
    assert not billing.dispute_button.isEnabled()  # the row is disputed now
    assert "snowstorm" in billing.history.toPlainText()
    sign_out(qtbot, controller, window)

    # 2. The provider opens Disputes and asks Support to adjust.
    window = sign_in(qtbot, controller, provider_name)
    disputes = show_page(window, "disputes")
    click_row(qtbot, disputes.table, lambda r: r.charge_id == charge.id)
    assert "snowstorm" in disputes.thread.toPlainText()
    click(qtbot, disputes.ask_button)
    ask = disputes.dialog
    qtbot.waitUntil(ask.isVisible)
    qtbot.keyClicks(ask.ui.proposedAmount, "-5")
    qtbot.keyClicks(ask.ui.adjustReason, "Weather; phoned ahead.")
    click(qtbot, ask.ui.submitButton)
    assert ask.ui.errorLabel.isVisible() and "negative" in ask.ui.errorLabel.text()
    ask.ui.proposedAmount.clear()
    qtbot.keyClicks(ask.ui.proposedAmount, "12.345")
    click(qtbot, ask.ui.submitButton)
    assert "two decimals" in ask.ui.errorLabel.text()
    ask.ui.proposedAmount.clear()
    qtbot.keyClicks(ask.ui.proposedAmount, f"{charge.original_cents / 100 + 1:.2f}")
    click(qtbot, ask.ui.submitButton)
    assert "more than the original" in ask.ui.errorLabel.text()
    ask.ui.proposedAmount.clear()
    qtbot.keyClicks(ask.ui.proposedAmount, "20")
    click(qtbot, ask.ui.submitButton)
    wait_ops(qtbot, controller)
    assert disputes.dialog is None
    request = FeeAdjustmentRequest.get(FeeAdjustmentRequest.charge == charge.id)
    assert (request.proposed_cents, request.status) == (2000, "pending")
    assert Charge.get_by_id(charge.id).amount_cents == charge.amount_cents  # the provider changed nothing
    assert not disputes.ask_button.isEnabled()
    sign_out(qtbot, controller, window)

    # 3. Support opens the request and adjusts.
    window = sign_in(qtbot, controller, "support")
    queue = show_page(window, "queue")
    qtbot.keyClicks(queue.search, f"#{charge.id}")
    wait_reads(qtbot, queue)
    assert [r.charge_id for r in queue.model.rows] == [charge.id]
    click_row(qtbot, queue.table, lambda r: r.id == request.id)
    assert queue.detail is not None and queue.detail.request.id == request.id
    assert queue.ui.detail_proposal.isVisible() and "$20.00" in queue.ui.detail_proposal.text()
    assert f"Policy version {charge.policy.version}" in queue.ui.detail_policy.text()
    assert "snowstorm" in queue.ui.requestThread.toPlainText()
    assert queue.ui.newAmount.text() == "20.00"
    queue.ui.newAmount.clear()
    qtbot.keyClicks(queue.ui.newAmount, "15.5")
    qtbot.keyClicks(queue.ui.decisionReason, "Severe weather warning that day.")
    click(qtbot, queue.ui.adjustButton)
    wait_ops(qtbot, controller)
    after = Charge.get_by_id(charge.id)
    assert (after.amount_cents, after.status) == (1550, ChargeStatus.ADJUSTED)
    adjustment = FeeAdjustment.get(FeeAdjustment.charge == charge.id)
    assert (adjustment.old_cents, adjustment.new_cents) == (charge.amount_cents, 1550)
    assert queue.model.rowCount() == 0  # no longer pending
    # Its history, from the History page.
    history = show_page(window, "history")
    history.show_charge(charge.id)
    wait_reads(qtbot, history)
    trail = history.history.toPlainText()
    assert trail.index("Disputed") < trail.index("Asked Support") < trail.index("Adjusted from")
    sign_out(qtbot, controller, window)

    # 4. Client and provider both see the new amount and the history.
    for username, page_key in ((client_name, "billing"), (provider_name, "disputes")):
        window = sign_in(qtbot, controller, username)
        page = show_page(window, page_key)
        row = click_row(qtbot, page.table, lambda r: getattr(r, "charge_id", getattr(r, "id", None)) == charge.id)
        assert row.amount.format() == "$15.50"
        if page_key == "disputes":
            page.tabs.setCurrentWidget(page.history)
        text = page.history.toPlainText()
        assert "Adjusted from" in text and "$15.50" in text and "Severe weather" in text
        sign_out(qtbot, controller, window)


def test_provider_replies_in_the_dispute_thread(qtbot, demo_db, now, tmp_path):
    controller = make_controller(qtbot, demo_db, now, tmp_path)
    window = sign_in(qtbot, controller, "dr.rivera")
    disputes = show_page(window, "disputes")
    assert disputes.model.rowCount() == 1  # the demo's disputed no-show of Alex Morgan
    click_row(qtbot, disputes.table, lambda r: r.client_name == "Alex Morgan")
    assert not disputes.ask_button.isEnabled()  # Support already has a pending request for it
    qtbot.keyClicks(disputes.reply_text, "Support will decide within two days.")
    click(qtbot, disputes.reply_button)
    wait_ops(qtbot, controller)
    assert disputes.reply_text.toPlainText() == ""
    assert "within two days" in disputes.thread.toPlainText()
    sign_out(qtbot, controller, window)
    window = sign_in(qtbot, controller, "alex.morgan")
    billing = show_page(window, "billing")
    click_row(qtbot, billing.table, lambda r: r.dispute_thread_id is not None)
    assert "within two days" in billing.history.toPlainText()


def test_blocked_buttons_say_what_the_service_refuses_with(qtbot, demo_db, now, tmp_path):
    """The Billing and Disputes buttons render the very decision the services enforce."""
    controller = make_controller(qtbot, demo_db, now, tmp_path)
    window = sign_in(qtbot, controller, "alex.morgan")
    billing = show_page(window, "billing")
    row = click_row(qtbot, billing.table, lambda r: r.status == ChargeStatus.DISPUTED)
    assert not billing.dispute_button.isEnabled()
    with pytest.raises(Conflict) as refused:
        fees.dispute_charge(actor("alex.morgan"), row.id, "Again.", now=now)
    assert billing.dispute_button.toolTip() == refused.value.message and "already disputed" in refused.value.message
    sign_out(qtbot, controller, window)

    window = sign_in(qtbot, controller, "dr.rivera")
    disputes = show_page(window, "disputes")
    row = click_row(qtbot, disputes.table, lambda r: r.client_name == "Alex Morgan")
    assert not disputes.ask_button.isEnabled()
    with pytest.raises(Conflict) as refused:
        fees.ask_support_to_adjust(actor("dr.rivera"), row.id, "Again.", proposed=Money(100, "USD"), now=now)
    assert disputes.ask_button.toolTip() == refused.value.message and "wait for" in refused.value.message
