"""Every public service function asks the database who is acting, every time (issue 9, item 1).

A window keeps the :class:`Actor` its session began with. If the practice owner deactivates the
account, or the account's role or owner flag changes, or a client is moved to another provider,
the very next call of any service is refused with ``AccountChanged`` and writes nothing.

The calls are the authority matrix's (tests/authority.py): every row of ``ENTRIES`` that is a use
case is tried by every role it allows, on its own objects, after each kind of change, and then,
unchanged, to show the refusal was the account's. The rows that are guards used inside a use case
are listed in ``GUARDS``. Every public service function taking an ``actor`` is in one of the
two or a step of the matrix (``ACTOR_STEPS``): a new one without a row fails the matrix and here.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from conftest import BACKEND_ENV, NOW

import desktop.services
from desktop.services import auth, client_portal, fees, people, provider
from desktop.services.actor import Actor
from desktop.services.errors import AccountChanged, ServiceError
from desktop.store.db import close_database, open_database
from desktop.store.models import ALL_MODELS, AppointmentStatus, Client, FeeAdjustment, Role, User, database
from tests import factories as f
from tests.authority import ACTOR_STEPS, ENTRIES, Authority, Who, World, build_world, qualified_name

# Rows of the matrix that are not use cases: each runs inside one, after the use case checked
# its actor (``current_actor`` or ``write_transaction(actor)``).
GUARDS = {
    "desktop.services.access.appointment_for": "whose appointment it is, for a use case",
    "desktop.services.access.client_for_provider": "whose client it is, for a use case",
    "desktop.services.actor.require_role": "the role the session holds, checked by every use case",
    "desktop.services.actor.require_owner": "the owner flag the session holds",
    "desktop.services.practice_calendar.require_practice_viewer": "the role and owner flag the session holds",
    "desktop.services.fees.guards.charge_for": "whose charge it is, for a use case",
    "desktop.services.guards.own_appointment": "whose appointment it is, for a write",
    "desktop.services.guards.own_occurrence_in_series_order": "whose appointment it is, in the series lock order",
    "desktop.services.messaging.thread_for": "whose conversation it is, for a use case",
}
USE_CASES = [e for e in ENTRIES if qualified_name(e.function) not in GUARDS]


def public_functions_with_an_actor() -> set[str]:
    """Every function defined in a module of desktop.services, not private, taking ``actor``."""
    found = set()
    for info in pkgutil.walk_packages(desktop.services.__path__, "desktop.services."):
        module = importlib.import_module(info.name)
        for name, fn in vars(module).items():
            if name.startswith("_") or not inspect.isfunction(fn) or fn.__module__ != module.__name__:
                continue
            if "actor" in inspect.signature(fn).parameters:
                found.add(f"{module.__name__}.{name}")
    return found


def test_every_public_service_function_is_listed():
    found = public_functions_with_an_actor()
    tried = {qualified_name(e.function) for e in USE_CASES}
    steps = {qualified_name(fn) for fn in ACTOR_STEPS}
    missing = found - tried - set(GUARDS) - steps
    assert not missing, f"public service functions with no row in tests/authority.py: {sorted(missing)}"
    assert set(GUARDS) <= {qualified_name(e.function) for e in ENTRIES}, "guards that are no longer rows"
    assert len(tried) >= 70  # the matrix's use cases really are tried here


# ---- how an account changes behind an open window -------------------------------------------

def _deactivate(a: Actor, w: World) -> None:
    User.update(active=False).where(User.id == a.user_id).execute()


def _change_role(a: Actor, w: World) -> None:
    other = Role.CLIENT if a.role == Role.SUPPORT else Role.SUPPORT
    User.update(role=other).where(User.id == a.user_id).execute()


def _flip_owner_flag(a: Actor, w: World) -> None:
    """The owner loses the flag; anyone else gains it."""
    User.update(is_owner=not a.is_owner).where(User.id == a.user_id).execute()


def _move_client(a: Actor, w: World) -> None:
    """To the provider of the other pair (the client's own is the owner)."""
    Client.update(provider=w.b.provider_id).where(Client.id == a.client_id).execute()


CHANGES = {"deactivated": _deactivate, "role changed": _change_role, "owner flag changed": _flip_owner_flag}


def snapshot_database() -> dict[str, list[str]]:
    """Every row of every table, comparable: what "nothing was written" means."""
    return {model._meta.table_name: sorted(repr(row) for row in model.select().tuples()) for model in ALL_MODELS}


def files_in(folder: Path) -> set[Path]:
    return set(folder.rglob("*"))


@contextmanager
def rolled_back() -> Iterator[None]:
    """A transaction always rolled back: the use case's own runs inside it as a savepoint."""
    with database.atomic() as outer:
        try:
            yield
        finally:
            outer.rollback()


@pytest.fixture(scope="module")
def world(tmp_path_factory) -> Iterator[World]:
    """The matrix's practice, once for the module, on the backend the service tests run on:
    every change and call below is rolled back."""
    scratch = tmp_path_factory.mktemp("stale-actor")
    if __import__("os").environ.get(BACKEND_ENV) == "postgresql":
        from tests.postgres import server_url, temporary_database

        with temporary_database(server_url()) as url:
            open_database(url)
            try:
                yield build_world(NOW, scratch)
            finally:
                close_database()
        return
    open_database(scratch / "practice.db")
    try:
        yield build_world(NOW, scratch)
    finally:
        close_database()


CASES = [(entry, who) for entry in USE_CASES for who in entry.who]


@pytest.mark.parametrize(("entry", "who"), CASES,
                         ids=[f"{qualified_name(e.function).removeprefix('desktop.services.')}-{w}" for e, w in CASES])
def test_a_changed_account_is_refused_and_nothing_is_written(world: World, entry: Authority, who: Who):
    acting, objects = world.actors[who], world.own(who)
    changes = dict(CHANGES)
    if acting.is_client:
        changes["moved to another provider"] = _move_client
    with rolled_back():
        for what, change in changes.items():
            # The change is made (as the owner, or another workstation, would); then the window's
            # next call comes with the actor it still holds. Undone before the next kind of change.
            with database.atomic() as changed:
                change(acting, world)
                before, files = snapshot_database(), files_in(objects.scratch)
                with pytest.raises(AccountChanged) as refused:
                    entry.call(acting, objects)
                assert snapshot_database() == before, f"{qualified_name(entry.function)} wrote while refusing ({what})"
                assert files_in(objects.scratch) == files, f"a file was written while refusing ({what})"
                assert "signed out" in refused.value.message, refused.value.message
                changed.rollback()
        # The control: the same call by the unchanged account goes through, so the refusals above
        # came from the account check and not from the arguments.
        try:
            entry.call(acting, objects)
        except ServiceError as exc:
            if not isinstance(exc, entry.allowed_errors):
                pytest.fail(f"the unchanged account was refused too: {exc!r}")


def test_the_refusal_says_what_happened(world: World):
    owner, client, o = world.actors[Who.OWNER], world.actors[Who.CLIENT], world.a
    other_client = auth.actor_for(User.get_by_id(world.b.client_user_id))
    with rolled_back():
        people.set_active(owner, other_client.user_id, False, now=o.now)
        with pytest.raises(AccountChanged) as refused:
            client_portal.upcoming(other_client, now=o.now)
        assert refused.value.message == ("Your account was deactivated by the practice owner; "
                                         "you have been signed out.")
        assert refused.value.title == "Signed out"
        _move_client(client, world)  # the owner's People page refuses it while a dispute is open
        with pytest.raises(AccountChanged, match="moved you to another provider"):
            client_portal.booking_page(client, o.provider_id)
        User.update(is_owner=False).where(User.id == owner.user_id).execute()
        with pytest.raises(AccountChanged, match="no longer the practice owner"):
            people.list_people(owner)


def test_the_holes_found_are_closed(world: World):
    """What the issue saw: a deactivated Support user waived a fee and a deactivated provider
    charged a no-show, from windows left open."""
    owner, support, o = world.actors[Who.OWNER], world.actors[Who.SUPPORT], world.a
    with rolled_back():
        User.update(active=False).where(User.id.in_([owner.user_id, support.user_id])).execute()
        with pytest.raises(AccountChanged):
            fees.waive_fee(support, o.adjustment_request, "Goodwill.", now=o.now)
        with pytest.raises(AccountChanged):
            provider.mark_no_show(owner, o.past, now=o.now)
        assert f.status_of(o.past) == AppointmentStatus.SCHEDULED
        assert not FeeAdjustment.select().exists()
