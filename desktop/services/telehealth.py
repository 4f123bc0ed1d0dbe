"""Telehealth links: the provider sets or changes an appointment's video link and their own
default room; booking takes that default for a new telehealth appointment given none.

The link is read back only by the appointment's client (their portal rows) and its provider
(the appointment's detail): no other read carries the column (tests/test_services_telehealth.py
reads as another client, another provider and the front desk and finds it nowhere).
"""

from __future__ import annotations

from datetime import datetime

from ..rules import telehealth
from ..store.models import Provider, Role
from .actor import Actor, current_actor, require_role
from .errors import Conflict, InvalidInput, NotAllowed
from .guards import check_version, own_appointment, update_scheduled
from .result import Change, OpResult
from .tx import audit, utc_now, write_transaction
from .validation import entry_point


def checked_link(video_link: str | None) -> str | None:
    """The link as stored, or the refusal of a link that is not an https address."""
    link = telehealth.clean_link(video_link)
    if link is not None and (problem := telehealth.link_problem(link)) is not None:
        raise InvalidInput(problem, field="video_link")
    return link


def link_for_new(provider_id: int, is_telehealth: bool, given: str | None, *, by_client: bool) -> str | None:
    """The link a new appointment is booked with: the one given (by its provider only), else the
    provider's default room for a telehealth appointment. Call inside the booking's transaction."""
    if given is not None and by_client:
        raise NotAllowed("Only your provider sets the video link of an appointment.")
    link = checked_link(given)
    if link is None and is_telehealth:
        link = Provider.select(Provider.video_link).where(Provider.id == provider_id).scalar()
    return link


@entry_point
def set_video_link(actor: Actor, appointment_id: int, video_link: str | None, *, make_default: bool = False,
                   expected_version: int | None = None, now: datetime | None = None) -> OpResult:
    """The provider sets, changes or (None, "") removes the link of one of their appointments that
    is still scheduled and not over; a link makes it a telehealth appointment. ``make_default``:
    the same link becomes their room for new telehealth appointments, in the same transaction."""
    require_role(actor, Role.PROVIDER)
    link = checked_link(video_link)
    if make_default and link is None:
        raise InvalidInput("Type the link to use for your new telehealth appointments.", field="video_link")
    with write_transaction(actor):
        appt = own_appointment(actor, appointment_id, lock=True)
        now = utc_now(now)
        refusal = telehealth.link_change_refusal(appt.status, appt.ends_at, now)
        if refusal is not None:
            raise Conflict(refusal)
        check_version(appt, expected_version)
        fields = {"video_link": link} if link is None else {"video_link": link, "telehealth": True}
        update_scheduled(appt, now, **fields)
        # The trail keeps the video service's host, never the room's address.
        audit(actor, "set_video_link", "appointment", appt.id, at=now, host=telehealth.host_of(link),
              removed=link is None)
        if make_default:
            _set_default(actor, link, now)
    return OpResult(Change.APPOINTMENTS, telehealth.saved_summary(link, make_default), appt.id)


def _set_default(actor: Actor, link: str | None, now: datetime) -> None:
    Provider.update(video_link=link).where(Provider.id == actor.provider_id).execute()
    audit(actor, "set_default_video_link", "provider", actor.provider_id, at=now, host=telehealth.host_of(link),
          removed=link is None)


@entry_point
def set_default_video_link(actor: Actor, video_link: str | None, *, now: datetime | None = None) -> OpResult:
    """The provider's own room for new telehealth appointments (None or "": none)."""
    require_role(actor, Role.PROVIDER)
    link = checked_link(video_link)
    with write_transaction(actor):
        now = utc_now(now)
        _set_default(actor, link, now)
    return OpResult(Change.NONE, "Default video link saved." if link else "Default video link removed.", link)


@entry_point
def default_video_link(actor: Actor) -> str | None:
    """The provider's own default room (their dialog offers it)."""
    current_actor(actor)
    require_role(actor, Role.PROVIDER)
    return Provider.select(Provider.video_link).where(Provider.id == actor.provider_id).scalar()
