"""Who is acting: a plain value passed to every service call, and the check that it still holds.

An :class:`Actor` is what the account was when its session began. Every service call asks the
database again (:func:`current_actor`; writes inside their transaction, after its lock, through
``tx.write_transaction(actor)``): an account deactivated, given another role or owner flag, or a
client moved to another provider since, is refused with :class:`AccountChanged`, and the window
signs out.
"""

from __future__ import annotations

from dataclasses import dataclass

from peewee import JOIN, PostgresqlDatabase

from ..store.compiled import CompiledSelect, Param
from ..store.models import Client, Provider, Role, User, database
from .errors import AccountChanged, NotAllowed


@dataclass(frozen=True)
class Actor:
    user_id: int
    username: str
    display_name: str
    role: str
    time_zone: str
    is_owner: bool = False
    provider_id: int | None = None  # set for providers
    client_id: int | None = None  # set for clients
    must_change_password: bool = False
    client_provider_id: int | None = None  # a client's provider when the session began

    @property
    def is_client(self) -> bool:
        return self.role == Role.CLIENT

    @property
    def is_provider(self) -> bool:
        return self.role == Role.PROVIDER

    @property
    def is_support(self) -> bool:
        return self.role == Role.SUPPORT

    @property
    def is_front_desk(self) -> bool:
        return self.role == Role.FRONT_DESK


SIGN_IN_AGAIN = "you have been signed out. Sign in again to continue."


def _account_query(user_id):
    return (User.select(User.active, User.role, User.is_owner, Provider.id, Client.id, Client.provider)
            .join(Provider, JOIN.LEFT_OUTER, on=(Provider.user == User.id))
            .switch(User).join(Client, JOIN.LEFT_OUTER, on=(Client.user == User.id))
            .where(User.id == user_id).limit(1))


_ACCOUNT = CompiledSelect(lambda: _account_query(Param("user")))


def current_actor(actor: Actor, *, lock: bool = False) -> Actor:
    """``actor`` if the account is still what the session began with, else :class:`AccountChanged`.

    Every public service calls this first (reads) or gets it from ``write_transaction(actor)``
    (writes). ``lock``: inside a write transaction, hold the account's row so that a deactivation
    on another workstation waits for this use case or is seen by it (PostgreSQL; SQLite's
    IMMEDIATE transaction already holds the whole database)."""
    # One query: the account with its provider or client record (a read service's whole
    # overhead), compiled once (store/compiled.py).
    if lock and isinstance(database.obj, PostgresqlDatabase):
        # NO KEY UPDATE of the user row only: it conflicts with the owner's UPDATE of the account,
        # not with the foreign-key checks of rows that refer to it (audit events, messages).
        row = _account_query(actor.user_id).for_update("FOR NO KEY UPDATE", of=User).tuples().first()
    else:
        found = _ACCOUNT.rows(user=actor.user_id)
        row = found[0] if found else None
    if row is None:
        raise AccountChanged(f"Your account no longer exists; {SIGN_IN_AGAIN}")
    active, role, is_owner, provider_id, client_id, client_provider_id = row
    if not active:
        raise AccountChanged("Your account was deactivated by the practice owner; you have been signed out.")
    if role != actor.role:
        raise AccountChanged(f"The practice owner changed your account's role; {SIGN_IN_AGAIN}")
    if bool(is_owner) != actor.is_owner:
        change = "You are no longer the practice owner" if actor.is_owner else \
            "Your account now has the practice owner's rights"
        raise AccountChanged(f"{change}; {SIGN_IN_AGAIN}")
    if actor.is_provider and provider_id != actor.provider_id:
        raise AccountChanged(f"Your provider record changed; {SIGN_IN_AGAIN}")
    if actor.is_client:
        if client_id != actor.client_id:
            raise AccountChanged(f"Your client record changed; {SIGN_IN_AGAIN}")
        if client_provider_id != actor.client_provider_id:
            raise AccountChanged(f"The practice moved you to another provider; {SIGN_IN_AGAIN}")
    return actor


def require_role(actor: Actor, *roles: str) -> None:
    if actor.role not in roles:
        wanted = " or ".join(roles)
        raise NotAllowed(f"Only a {wanted} can do this (you are signed in as a {actor.role}).")


def require_owner(actor: Actor) -> None:
    if not (actor.is_provider and actor.is_owner):
        raise NotAllowed("Only the practice owner can manage people.")
