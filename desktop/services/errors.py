"""Refusals a window can show as they are: each message says what happened and what to do."""

from __future__ import annotations

from datetime import datetime


class ServiceError(Exception):
    title = "Cannot do that"

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class NotAllowed(ServiceError):
    """The acting user's role or relationship does not permit this."""

    title = "Not allowed"


class AccountChanged(NotAllowed):
    """The signed-in account is no longer what the session was opened with (deactivated, another
    role, the owner flag, another provider): nothing is done and the window signs out."""

    title = "Signed out"


class NotFound(ServiceError):
    title = "Not found"


class Conflict(ServiceError):
    """Someone else changed the row first; nothing was overwritten."""

    title = "Changed elsewhere"


class RuleRefused(ServiceError):
    """A shared rule says no (e.g. inside the notice window); ``decision`` says why."""

    title = "Not possible"

    def __init__(self, message: str, decision: object | None = None) -> None:
        super().__init__(message)
        self.decision = decision


class InvalidInput(ServiceError):
    """The input is not something the service can accept; ``field`` names the parameter (or
    dataclass field) at fault when one is, so a form can point at its widget."""

    title = "Please check"

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


class SignInFailed(ServiceError):
    title = "Sign-in failed"


class SignInThrottled(SignInFailed):
    """Too many wrong passwords for this user name: the password was not checked.
    ``retry_at`` (UTC) is when the next attempt will be heard."""

    def __init__(self, message: str, retry_at: datetime | None) -> None:
        super().__init__(message)
        self.retry_at = retry_at


# The words of a clash with another workstation's booking, one copy for every use case that
# books or moves time (the database's own refusal on PostgreSQL says the same).
TIME_TAKEN = "That time is no longer free: it was just booked. Pick another slot."


class DatabaseUnavailable(ServiceError):
    """The practice server (or the database file's disk or folder) cannot be reached: nothing was
    done. The window says so in its banner and reconnects by itself."""

    title = "Practice server unreachable"


class DatabaseUnwritable(ServiceError):
    """The database can be read but not written: read-only, or its disk is full."""

    title = "Cannot save"


class DatabaseFailed(ServiceError):
    """The database refused for a reason nobody at the desk can act on but by trying again."""

    title = "Database problem"
