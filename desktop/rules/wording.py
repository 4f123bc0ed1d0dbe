"""The rules' own words, one source each: every screen, message and export that states a
rule says it in these words, so the client, provider and Support windows cannot drift."""

from __future__ import annotations

# Rule 4: cancellation and no-show fees are self-pay.
NOT_COVERED = "Not covered by insurance"
NOT_COVERED_BY_INSURANCE = f"{NOT_COVERED}: you pay the full fee"  # to the client
INSURANCE_SENTENCE = "Cancellation and no-show fees are not covered by insurance: you pay the full fee."
INSURANCE_SENTENCE_FOR_PROVIDER = ("Cancellation and no-show fees are not covered by insurance: "
                                   "the client pays the full fee.")
SELF_PAY = f"Self-pay ({NOT_COVERED.lower()})"
FEES_ARE_SELF_PAY = "Late-cancellation and no-show fees are self-pay: they are never billed to an insurer."

# Rule 4: a provider-side cancellation never carries a fee.
PROVIDER_CANCELLATION_NO_FEE = "There is no fee for this cancellation."
PROVIDER_CANCELLATION_RULE = "A cancellation by the provider never carries a fee."

# Rule 1: the way on once the notice window has closed.
LATE_REQUEST_WAY_ON = "You can send your provider a late-cancellation request instead."

# Where a telehealth appointment takes place, in a calendar file and on a day sheet.
TELEHEALTH_PLACE = "Telehealth (video session)"
