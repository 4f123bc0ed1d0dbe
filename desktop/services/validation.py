"""Every argument of a service entry point is checked against the declared limits before the
service runs: the right type, inside its bounds, text without control characters.

``@entry_point`` reads the function's type hints once, at import, and builds one check per
parameter (and per field of a dataclass parameter such as ``BookingRequest``) from
:mod:`desktop.rules.limits`; a text parameter whose name the limits do not declare fails at
import, so no text reaches the database without a maximum length. A refusal is an
:class:`InvalidInput` naming the field; nothing has been read or written yet.

The decorated functions are the services' public entry points: :data:`ENTRY_POINTS` lists
them, and the bad-input property test calls each one.
"""

from __future__ import annotations

import dataclasses
import enum
import functools
import inspect
import os
import types
import typing
from collections.abc import Callable, Mapping
from datetime import date, datetime, time, timedelta
from pathlib import PurePath
from typing import Any, TypeVar

from ..rules import limits
from ..rules.limits import InputProblem
from ..rules.money import Money
from .actor import Actor
from .errors import InvalidInput, ServiceError
from .live import lost_connection

F = TypeVar("F", bound=Callable[..., Any])
Check = Callable[[str, Any], InputProblem | None]

ENTRY_POINTS: list[Callable[..., Any]] = []


def _text(name: str) -> Check:
    limit = limits.TEXTS.get(name)
    if limit is None:
        raise TypeError(f"no declared text limit for “{name}”: add it to desktop.rules.limits.TEXTS")
    if name == "currency":
        return lambda n, v: limits.text_problem(n, v, limit) or limits.currency_problem(n, v)
    return lambda n, v: limits.text_problem(n, v, limit)


def _whole(name: str) -> Check:
    limit = limits.whole_for(name)
    return lambda n, v: limits.whole_problem(n, v, limit)


def _boolean(name: str, value: object) -> InputProblem | None:
    return None if isinstance(value, bool) else limits.wrong_type(name, "yes or no", value)


def _enum(kind: type[enum.Enum]) -> Check:
    choices = ", ".join(str(getattr(m, "label", m.value)) for m in kind)

    def check(name: str, value: object) -> InputProblem | None:
        if isinstance(value, kind):
            return None
        return InputProblem(name, limits.ProblemKind.WRONG_TYPE,
                            f"The {limits.label_for(name)} must be one of: {choices}.")
    return check


def _instance(kind: type, expected: str) -> Check:
    def check(name: str, value: object) -> InputProblem | None:
        return None if isinstance(value, kind) else limits.wrong_type(name, expected, value)
    return check


def _path(name: str) -> Check:
    text = _text(name)

    def check(n: str, value: object) -> InputProblem | None:
        if isinstance(value, os.PathLike):
            value = os.fspath(value)
        if not isinstance(value, str):
            return limits.wrong_type(n, "a file name", value)
        return text(n, value)
    return check


def _callable(name: str, value: object) -> InputProblem | None:
    return None if callable(value) else limits.wrong_type(name, "a function", value)


def _dataclass(kind: type) -> Check:
    hints = typing.get_type_hints(kind)
    fields = [(f.name, _check_for(f.name, hints[f.name])) for f in dataclasses.fields(kind)]

    def check(name: str, value: object) -> InputProblem | None:
        if not isinstance(value, kind):
            return limits.wrong_type(name, f"a {kind.__name__}", value)
        for field_name, field_check in fields:
            if (problem := field_check(field_name, getattr(value, field_name))) is not None:
                return problem
        return None
    return check


def _sequence(name: str, item: Check) -> Check:
    def check(n: str, value: object) -> InputProblem | None:
        if not isinstance(value, list | tuple):
            return limits.wrong_type(n, "a list", value)
        if len(value) > limits.MAX_ITEMS:
            return limits.too_many(n, limits.MAX_ITEMS)
        for element in value:
            if (problem := item(n, element)) is not None:
                return problem
        return None
    return check


def _mapping(name: str) -> Check:
    text = _text(name)

    def check(n: str, value: object) -> InputProblem | None:
        if not isinstance(value, Mapping):
            return limits.wrong_type(n, "a set of answers", value)
        if len(value) > limits.MAX_ANSWERS:
            return limits.too_many(n, limits.MAX_ANSWERS)
        for key, answer in value.items():
            if (problem := text(n, key) or text(n, answer)) is not None:
                return problem
        return None
    return check


def _union(options: list[Check], allows_none: bool) -> Check:
    def check(name: str, value: object) -> InputProblem | None:
        if value is None and allows_none:
            return None
        first: InputProblem | None = None
        for option in options:
            problem = option(name, value)
            if problem is None:
                return None
            first = first or problem
        if first is None:  # only None was allowed
            return limits.wrong_type(name, "left empty", value)
        return first
    return check


def _check_for(name: str, hint: Any) -> Check:
    """The check for one parameter or field, from its type hint and its name."""
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        args = typing.get_args(hint)
        return _union([_check_for(name, a) for a in args if a is not type(None)], type(None) in args)
    if origin in (list, tuple) or hint in (list, tuple):
        args = [a for a in typing.get_args(hint) if a is not Ellipsis]
        return _sequence(name, _check_for(name, args[0]) if args else (lambda n, v: None))
    if origin is not None and isinstance(origin, type) and issubclass(origin, Mapping):
        return _mapping(name)
    if origin is not None and origin.__module__ == "collections.abc" and origin.__name__ == "Callable":
        return _callable
    if hint is Any:
        return lambda n, v: None
    if not isinstance(hint, type):
        raise TypeError(f"cannot check “{name}” of type {hint!r}")
    if hint is bool:
        return _boolean
    if hint is int:
        return _whole(name)
    if hint is str:
        return _text(name)
    if issubclass(hint, enum.Enum):
        return _enum(hint)
    if hint is datetime:
        return limits.wall_clock_problem if name == "first_local" else limits.instant_problem
    if hint is date:
        return limits.day_problem
    if hint is time:
        return limits.time_of_day_problem
    if hint is timedelta:
        span = limits.SPANS.get(name)
        if span is None:
            raise TypeError(f"no declared span for “{name}”: add it to desktop.rules.limits.SPANS")
        return lambda n, v: limits.span_problem(n, v, span)
    if hint is Money:
        amount = limits.AMOUNTS.get(name)
        if amount is None:
            raise TypeError(f"no declared amount for “{name}”: add it to desktop.rules.limits.AMOUNTS")
        return lambda n, v: limits.amount_problem(n, v, amount)
    if hint is Actor:
        return _instance(Actor, "a signed-in user")
    if issubclass(hint, PurePath):
        return _path(name)
    if dataclasses.is_dataclass(hint):
        return _dataclass(hint)
    raise TypeError(f"cannot check “{name}” of type {hint!r}")


def entry_point(func: F) -> F:
    """Check every argument of a service entry point against the declared limits first."""
    hints = typing.get_type_hints(func)
    hints.pop("return", None)
    checks = {name: _check_for(name, hint) for name, hint in hints.items()}
    signature = inspect.signature(func)

    @functools.wraps(func)
    def checked(*args: Any, **kwargs: Any) -> Any:
        # A missing or unknown argument stays a TypeError: that is a programming error.
        bound = signature.bind(*args, **kwargs)
        for name, value in bound.arguments.items():
            check = checks.get(name)
            if check is not None and (problem := check(name, value)) is not None:
                raise InvalidInput(problem.message, field=problem.field)
        try:
            return func(*args, **kwargs)
        except ServiceError:
            raise
        except Exception as exc:  # the server gone mid-call: a refusal, the connection dropped
            unavailable = lost_connection(exc)
            if unavailable is None:
                raise
            raise unavailable from exc

    ENTRY_POINTS.append(checked)
    return typing.cast(F, checked)
