"""Who is acting: a plain value passed to every service call."""

from __future__ import annotations

from dataclasses import dataclass

from ..store.models import Role
from .errors import NotAllowed


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

    @property
    def is_client(self) -> bool:
        return self.role == Role.CLIENT

    @property
    def is_provider(self) -> bool:
        return self.role == Role.PROVIDER

    @property
    def is_support(self) -> bool:
        return self.role == Role.SUPPORT


def require_role(actor: Actor, *roles: str) -> None:
    if actor.role not in roles:
        wanted = " or ".join(roles)
        raise NotAllowed(f"Only a {wanted} can do this (you are signed in as a {actor.role}).")


def require_owner(actor: Actor) -> None:
    if not (actor.is_provider and actor.is_owner):
        raise NotAllowed("Only the practice owner can manage people.")
