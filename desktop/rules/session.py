"""A signed-in session on a shared workstation: when it locks, and what sign-in offers.

The owner decides both for every workstation of the practice (the settings are the
practice's, kept in its database); these are the bounds and the defaults.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

# The lock timeout's bounds (declared as a service input in rules/limits.py, offered by the form).
MIN_LOCK_MINUTES = 5
MAX_LOCK_MINUTES = 30
DEFAULT_LOCK_MINUTES = 15
WARNING_BEFORE_LOCK = timedelta(minutes=1)  # the notice with its countdown comes this long before
# Off by default: on a front-desk workstation the next person should not see who was here before.
DEFAULT_OFFER_LAST_USERNAME = False


@dataclass(frozen=True)
class SessionPolicy:
    lock_after_minutes: int = DEFAULT_LOCK_MINUTES
    offer_last_username: bool = DEFAULT_OFFER_LAST_USERNAME

    @property
    def lock_after(self) -> timedelta:
        return timedelta(minutes=self.lock_after_minutes)


def locked_words(minutes: int) -> str:
    """The lock screen's explanation."""
    return f"Practice Desk locked after {minutes} minutes without activity. Your work is kept."
