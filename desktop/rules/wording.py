"""The rules' own words, one source each: every screen, message and export that states a
rule says it in these words, so the client, provider and Support windows cannot drift."""

from __future__ import annotations

# Rule 4: cancellation and no-show fees are self-pay.
NOT_COVERED_BY_INSURANCE = "Not covered by insurance: you pay the full fee"
INSURANCE_SENTENCE = "Cancellation and no-show fees are not covered by insurance: you pay the full fee."
SELF_PAY = "Self-pay (not covered by insurance)"

# Rule 4: a provider-side cancellation never carries a fee.
PROVIDER_CANCELLATION_NO_FEE = "There is no fee for this cancellation."
PROVIDER_CANCELLATION_RULE = "A cancellation by the provider never carries a fee."
