"""Rule 8 for every public service function, found by introspection: each is in the authority
table (tests/authority.py) or says why it acts for nobody; every role that may not call it, and
every caller on another pair's objects, is refused with every table unchanged; every role that
may, on its own objects, is not. Runs on SQLite and (second pass of scripts/test.sh) PostgreSQL.
"""

from __future__ import annotations

import importlib
import inspect
import os
import pkgutil
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from conftest import BACKEND_ENV, NOW

import desktop.services
from desktop.services.errors import NotAllowed, NotFound, ServiceError
from desktop.store.db import close_database, open_database
from desktop.store.models import ALL_MODELS, database
from tests.authority import (
    ACTOR_STEPS,
    NO_ACTOR,
    TABLE,
    Case,
    World,
    allowed_cases,
    build_world,
    qualified_name,
    refusal_cases,
)


def public_service_functions() -> dict[str, Callable[..., Any]]:
    """Every public function of desktop/services and its subpackages, once, by the module that
    defines it (a package re-exporting it does not count it again)."""
    found: dict[str, Callable[..., Any]] = {}
    for info in pkgutil.walk_packages(desktop.services.__path__, "desktop.services."):
        module = importlib.import_module(info.name)
        for name, value in vars(module).items():
            if name.startswith("_") or inspect.isclass(value) or not callable(value):
                continue
            if getattr(value, "__module__", None) == module.__name__:  # defined here, not imported
                found[qualified_name(value)] = value
    return found


def takes_an_actor(function: Callable[..., Any]) -> bool:
    return any("Actor" in str(p.annotation) for p in inspect.signature(inspect.unwrap(function)).parameters.values())


def dump_tables() -> dict[str, list[tuple]]:
    """Every table of the database as plain rows, in key order."""
    return {table: [tuple(row) for row in database.execute_sql(f'SELECT * FROM "{table}" ORDER BY 1').fetchall()]
            for table in sorted(database.get_tables())}


# ---- the table covers every function ------------------------------------------------------


def test_every_public_service_function_has_a_row_or_a_reason():
    functions = public_service_functions()
    exempt = {qualified_name(f): why for f, why in {**NO_ACTOR, **ACTOR_STEPS}.items()}
    missing = sorted(set(functions) - set(TABLE) - set(exempt))
    assert not missing, (f"{missing}: add a row to TABLE in tests/authority.py (who may call it, on whose "
                         "objects, and how), or a reason to NO_ACTOR if it acts for nobody")
    assert not sorted((set(TABLE) | set(exempt)) - set(functions)), "rows for functions that are gone"
    assert not set(TABLE) & set(exempt), "a function both in the table and excused from it"
    assert all(why.strip() for why in exempt.values())
    assert len(functions) > 100  # the walk really found the services, subpackages included
    assert "desktop.services.provider.no_show.mark_no_show" in functions
    assert "desktop.services.catalogue.reasons_catalogue" in functions  # a cached function counts too


def test_only_functions_without_an_actor_are_excused_and_steps_say_they_take_one():
    assert [qualified_name(f) for f in NO_ACTOR if takes_an_actor(f)] == []
    assert all(takes_an_actor(f) for f in ACTOR_STEPS)
    assert all(takes_an_actor(entry.function) for entry in TABLE.values())




# ---- the calls --------------------------------------------------------------------------------


@contextmanager
def rolled_back() -> Iterator[None]:
    """One outer transaction, always rolled back: a use case's own transaction runs inside it as
    a savepoint, so what it writes (and commits) is seen by ``dump_tables`` and then undone."""
    with database.atomic() as outer:
        try:
            yield
        finally:
            outer.rollback()


@pytest.fixture(scope="module")
def world(tmp_path_factory) -> Iterator[World]:
    """One practice for the whole matrix, on the backend the service tests run on (like ``db``):
    refused calls must leave it unchanged, allowed ones are rolled back."""
    scratch = tmp_path_factory.mktemp("authority")
    if os.environ.get(BACKEND_ENV) == "postgresql":
        from tests.postgres import server_url, temporary_database

        with temporary_database(server_url()) as url:
            open_database(url)
            try:
                yield build_world(NOW, scratch)
            finally:
                close_database()
        return
    open_database(Path(scratch) / "practice.db")
    try:
        yield build_world(NOW, scratch)
    finally:
        close_database()


@pytest.mark.parametrize("case", refusal_cases(), ids=lambda c: c.id)
def test_a_caller_without_authority_is_refused_and_nothing_changes(world: World, case: Case):
    actor = world.actors[case.who]
    objects = world.own(case.who) if case.pair == "own" else world.others(case.who)
    before = dump_tables()
    with rolled_back():  # should the call get through, the next case still finds the world intact
        with pytest.raises(ServiceError) as refused:
            case.entry.call(actor, objects)
        assert type(refused.value) is case.refusal, f"{case.id}: {refused.value!r}"
        assert refused.value.message  # the window has something to say
        assert dump_tables() == before


@pytest.mark.parametrize("case", allowed_cases(), ids=lambda c: c.id)
def test_a_caller_with_authority_gets_through(world: World, case: Case):
    """The other half of the matrix, so that a refusal above is the role's and not a broken call:
    the allowed role on its own objects is not refused (and the change is rolled back)."""
    before = dump_tables()
    with rolled_back():
        try:
            case.entry.call(world.actors[case.who], world.own(case.who))
        except (NotAllowed, NotFound) as exc:
            pytest.fail(f"{case.id} was refused: {exc!r}")
        except ServiceError as exc:
            if not isinstance(exc, case.entry.allowed_errors):
                pytest.fail(f"{case.id} failed in the world it is tried in: {exc!r}")
    assert dump_tables() == before


def test_every_table_of_the_database_is_compared(world):
    tables = dump_tables()
    assert {m._meta.table_name for m in ALL_MODELS} <= set(tables)
    assert all(tables[name] for name in ("appointment", "charge", "audit_event", "audit_chain_head"))
