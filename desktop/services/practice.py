"""The practice itself: opening its database at start-up and reading its details.

The GUI's one door to the store's opening: windows never import the store, so the
start-up code asks this module and gets plain values back.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from ..rules.display_locale import DEFAULT_LOCALE, SUPPORTED_LOCALES, locale_label
from ..store.db import DatabaseOpenError, close_database, open_database
from ..store.models import Practice
from .actor import Actor, require_owner
from .errors import InvalidInput, NotFound
from .result import Change, OpResult
from .tx import audit, locked, utc_now, write_transaction
from .validation import entry_point

__all__ = ["DatabaseOpenError", "PracticeDetails", "close_practice_database", "open_practice_database",
           "practice_details", "set_practice_locale"]


@dataclass(frozen=True)
class PracticeDetails:
    name: str
    time_zone: str
    currency: str
    locale: str = DEFAULT_LOCALE


def practice_details() -> PracticeDetails | None:
    """The practice this database belongs to; None before the first-run set-up."""
    practice = Practice.select().order_by(Practice.id).first()
    if practice is None:
        return None
    return PracticeDetails(practice.name, practice.time_zone, practice.currency,
                           practice.locale or DEFAULT_LOCALE)


def open_practice_database(target: str, *, demo: bool = False, now: datetime, check_pages: bool = True) -> str:
    """Open (creating or migrating) the database at ``target`` and return where it is (a
    path, or a URL with the password hidden); raises DatabaseOpenError.

    With ``demo``, an empty database gets the demo practice built around ``now``.
    This runs before any window exists (nothing to keep responsive), which is why
    it is not an operation of the write runner.
    With ``check_pages=False`` the whole-file check of an SQLite file is left to
    :func:`~desktop.services.maintenance.check_database_file` (after the first paint).
    """
    opened = open_database(target, check_pages=check_pages)
    if demo and opened.is_new:
        from ..store.demo import build_demo

        build_demo(now)
    return opened.location


def close_practice_database() -> None:
    close_database()


@entry_point
def set_practice_locale(actor: Actor, locale: str, *, now: datetime | None = None) -> OpResult:
    """The owner changes how times, dates and amounts are written for the whole practice (chosen
    first at set-up); every workstation uses it from its next sign-in. Audited, old and new."""
    require_owner(actor)
    if locale not in SUPPORTED_LOCALES:
        raise InvalidInput("Choose how times, dates and amounts are written from the list.", field="locale")
    now = utc_now(now)
    with write_transaction(actor):
        practice = locked(Practice.select().order_by(Practice.id)).first()
        if practice is None:
            raise NotFound("This database has no practice yet.")
        before = practice.locale or DEFAULT_LOCALE
        if before == locale:
            return OpResult(Change.NONE, "Nothing to change.", locale)
        Practice.update(locale=locale).where(Practice.id == practice.id).execute()
        audit(actor, "set_practice_locale", "practice", practice.id, at=now, locale=[before, locale])
    return OpResult(Change.PRACTICE, f"Times, dates and amounts are now written as {locale_label(locale)}.", locale)
