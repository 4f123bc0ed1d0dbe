"""The practice's words for states and kinds: one StrEnum each, used by store, services and GUI.

The values are what the database stores, so they never change once released (a new
member is a new value). ``tests/test_vocabulary.py`` fails when one of these values
appears as a string literal anywhere else in ``desktop/``.
"""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum


class Role(StrEnum):
    CLIENT = "client"
    PROVIDER = "provider"
    SUPPORT = "support"
    FRONT_DESK = "front_desk"  # reception: the practice calendar (names, times, status), nothing clinical

    @property
    def label(self) -> str:
        return {Role.CLIENT: "Client", Role.PROVIDER: "Provider", Role.SUPPORT: "Support",
                Role.FRONT_DESK: "Front desk"}[self]


class AppointmentStatus(StrEnum):
    SCHEDULED = "scheduled"
    CANCELLED_BY_CLIENT = "cancelled_by_client"
    LATE_CANCELLED = "late_cancelled"
    NO_SHOW = "no_show"
    CANCELLED_BY_PROVIDER = "cancelled_by_provider"

    @property
    def label(self) -> str:
        return _APPOINTMENT_LABELS[self]

    @property
    def is_cancelled(self) -> bool:
        return self in (AppointmentStatus.CANCELLED_BY_CLIENT, AppointmentStatus.LATE_CANCELLED,
                        AppointmentStatus.CANCELLED_BY_PROVIDER)


_APPOINTMENT_LABELS = {
    AppointmentStatus.SCHEDULED: "Scheduled",
    AppointmentStatus.CANCELLED_BY_CLIENT: "Cancelled by client",
    AppointmentStatus.LATE_CANCELLED: "Late-cancelled",
    AppointmentStatus.NO_SHOW: "No-show",
    AppointmentStatus.CANCELLED_BY_PROVIDER: "Cancelled by provider",
}


ATTENDED = "Attended"  # a scheduled appointment that has ended and was not marked a no-show
IN_PROGRESS = "In progress"


def status_label_at(status: str, start: datetime, end: datetime, now: datetime) -> str:
    """What a person reads for an appointment's status at ``now``: a scheduled appointment that
    is over reads *Attended* (never *Scheduled*), one under way *In progress*."""
    state = AppointmentStatus(status)
    if state is AppointmentStatus.SCHEDULED:
        if end <= now:
            return ATTENDED
        if start <= now:
            return IN_PROGRESS
    return state.label


class CancellationKind(StrEnum):
    """Who cancelled, as recorded with the cancellation."""

    CLIENT = "client"  # with notice, by the client
    LATE = "late"  # an approved late-cancellation request
    PROVIDER = "provider"


class LateRequestStatus(StrEnum):
    PENDING = "pending"
    APPROVED_WITH_FEE = "approved_with_fee"
    APPROVED_WAIVED = "approved_waived"
    DECLINED = "declined"
    CLOSED_CANCELLED = "closed_cancelled"  # the provider cancelled the appointment meanwhile (no fee)

    @property
    def label(self) -> str:
        return {
            LateRequestStatus.PENDING: "Waiting for your provider",
            LateRequestStatus.APPROVED_WITH_FEE: "Approved, with the late-cancellation fee",
            LateRequestStatus.APPROVED_WAIVED: "Approved, fee waived",
            LateRequestStatus.DECLINED: "Declined: the appointment stands",
            LateRequestStatus.CLOSED_CANCELLED: "Closed: your provider cancelled the appointment",
        }[self]


class ChargeStatus(StrEnum):
    OPEN = "open"
    DISPUTED = "disputed"
    ADJUSTED = "adjusted"
    WAIVED = "waived"

    @property
    def label(self) -> str:
        return self.value.capitalize()


class DisputeStatus(StrEnum):
    OPEN = "open"
    REFERRED = "referred"  # the provider asked Support to adjust the fee
    RESOLVED = "resolved"

    @property
    def label(self) -> str:
        return {DisputeStatus.OPEN: "Open", DisputeStatus.REFERRED: "With Support",
                DisputeStatus.RESOLVED: "Resolved"}[self]


class AdjustmentRequestStatus(StrEnum):
    """A provider's request to Support to adjust a disputed fee."""

    PENDING = "pending"
    ADJUSTED = "adjusted"
    WAIVED = "waived"
    DECLINED = "declined"

    @property
    def label(self) -> str:
        return self.value.capitalize()


class ThreadKind(StrEnum):
    GENERAL = "general"
    LATE_CANCELLATION = "late_cancellation"
    DISPUTE = "dispute"
    NOTICE = "notice"  # a message the system sends (cancelled, moved, fee decided)
    URGENT = "urgent"  # a flagged message: the client asked to be contacted (rule 6)


class UrgentKind(StrEnum):
    """Why an item waits in the provider's Urgent list until they mark it handled."""

    CONTACT_REQUESTED = "contact_requested"  # a cancellation's answer asked the provider to get in touch


class OfferStatus(StrEnum):
    """What became of a freed time offered from the waitlist (rules/waitlist.py)."""

    OFFERED = "offered"
    ACCEPTED = "accepted"  # this client booked it
    TAKEN = "taken"  # another client accepted first, or it was booked another way
    DECLINED = "declined"
    EXPIRED = "expired"

    @property
    def label(self) -> str:
        return _OFFER_LABELS[self]


_OFFER_LABELS = {OfferStatus.OFFERED: "Offered to you", OfferStatus.ACCEPTED: "Booked",
                 OfferStatus.TAKEN: "Taken by someone else", OfferStatus.DECLINED: "Declined",
                 OfferStatus.EXPIRED: "Expired"}
