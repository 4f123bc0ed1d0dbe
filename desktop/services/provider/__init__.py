"""A provider's use cases on their own clients' appointments, one module per use case.

Cancel on a client's behalf (never a fee), decide late-cancellation requests, mark no-shows
after the grace period, move one occurrence or change a series from a date on, book single
appointments. Every call checks that the actor is a provider and that the appointment or
client is theirs. The public API is re-exported here: ``provider.cancel_for_client(...)``.
"""

from __future__ import annotations

from ...rules.late_requests import LateDecision
from .cancel import (
    SeriesCancelPreview,
    cancel_for_client,
    cancel_series_from_for_client,
    provider_reasons,
    series_cancel_preview,
)
from .detail import (
    AppointmentDetail,
    ChargeLine,
    ClientChoice,
    ServiceChoice,
    appointment_detail,
    charge_summary,
    my_clients,
    my_services,
)
from .edits import SeriesChange, book_for_client, change_series_from, move_occurrence
from .late_requests import LateRequestRow, decide_late_request, late_requests
from .no_show import mark_no_show

__all__ = [
    "AppointmentDetail", "ChargeLine", "ClientChoice", "LateDecision", "LateRequestRow", "SeriesCancelPreview",
    "SeriesChange", "ServiceChoice", "appointment_detail", "book_for_client", "cancel_for_client",
    "cancel_series_from_for_client", "change_series_from", "charge_summary", "decide_late_request",
    "late_requests", "mark_no_show", "move_occurrence", "my_clients", "my_services",
    "provider_reasons", "series_cancel_preview",
]
