"""Fees after they are charged: Billing, disputes, Support's adjustments and the trail (rule 7).

Only Support changes a charge's amount, and only through :func:`adjust_fee`,
:func:`waive_fee` or :func:`decline_request` (``adjustments``); each writes a FeeAdjustment
and exactly one audit event in one transaction, checks the charge's version and tells the
client and the provider in the dispute thread. There is deliberately no service by which a
client or a provider sets an amount.

=================  ==========================================================
``queries``        the shared joins, the charge row, Support's charge search
``billing``        a client's charges and balance
``disputes``       a client disputes; the provider's disputes; asking Support
``adjustments``    Support's queue, a request in detail, adjust/waive/decline
``history``        a charge's whole trail
``guards``         ownership, the charge's version, reason text: one copy each
=================  ==========================================================

The decisions themselves (may this be disputed, asked about, decided; what a decision
does to the fee) are pure rules in :mod:`desktop.rules.disputes`.
"""

from __future__ import annotations

from .adjustments import (
    RequestDetail,
    RequestRow,
    adjust_fee,
    adjustment_queue,
    decline_request,
    request_detail,
    waive_fee,
)
from .billing import Billing, client_billing
from .disputes import DisputeRow, ask_support_to_adjust, dispute_charge, dispute_refusal, provider_disputes
from .guards import MAX_TEXT
from .history import HistoryEntry, charge_history
from .queries import ChargeRow, ThreadMessage, join_parties, kind_label, party_names, search_charges

__all__ = [
    "MAX_TEXT",
    "Billing",
    "ChargeRow",
    "DisputeRow",
    "HistoryEntry",
    "RequestDetail",
    "RequestRow",
    "ThreadMessage",
    "adjust_fee",
    "adjustment_queue",
    "ask_support_to_adjust",
    "charge_history",
    "client_billing",
    "decline_request",
    "dispute_charge",
    "dispute_refusal",
    "join_parties",
    "kind_label",
    "party_names",
    "provider_disputes",
    "request_detail",
    "search_charges",
    "waive_fee",
]
