"""SELECTs compiled to SQL once per query shape, their rows converted directly.

A screen's read written as a peewee query costs far more than its SQL: peewee builds the SQL
again on every call, then walks every value of every row through its field's
``python_value``. :class:`CompiledSelect` keeps the peewee query as the one description of the
read (so it is still checked, joined and indexed like every other), compiles it once per
database with :class:`Param` placeholders where the values go, and then runs the SQL text
with new values, converting only the columns that need it (instants to aware UTC, booleans,
JSON); everything else comes back as the driver gives it.

    _UPCOMING = CompiledSelect(lambda: Appointment.select(Appointment.id, Appointment.starts_at)
                               .where(Appointment.client == Param("client"), Appointment.ends_at > Param("now")))
    for appointment_id, start in _UPCOMING.rows(client=7, now=now): ...
"""

from __future__ import annotations

import dataclasses
import json
import threading
from collections.abc import Callable, Mapping
from datetime import UTC, datetime
from typing import Any

from peewee import Alias, BooleanField, Field, ModelSelect, Node

from .fields import JSONField, UTCDateTimeField
from .models import database


class Param(Node):
    """Where a value goes in a compiled query; named when it runs (``rows(name=value)``).

    A peewee node, so that it reaches the SQL as a placeholder untouched: a plain value would
    first go through the compared field's ``db_value`` (a text field would store ``str(Param)``)."""

    def __init__(self, name: str) -> None:
        self.name = name

    def __sql__(self, ctx):
        ctx._values.append(self)
        return ctx.literal(ctx.state.param or "?")

    def __repr__(self) -> str:
        return f"Param({self.name!r})"


def utc_value(value: Any) -> datetime | None:
    """A stored instant as aware UTC: SQLite gives the text peewee wrote, PostgreSQL a naive datetime."""
    if value is None:
        return None
    if isinstance(value, str):
        if len(value) in _NAIVE_TEXT_LENGTHS:
            # Parsing the offset is some 6 times faster than replace(tzinfo=) after parsing,
            # and gives the same value (tzinfo UTC).
            return datetime.fromisoformat(value + "+00:00")
        value = datetime.fromisoformat(value)
    return value.replace(tzinfo=UTC)


# "YYYY-MM-DD HH:MM:SS" and with ".ffffff": the naive UTC text peewee writes.
_NAIVE_TEXT_LENGTHS = frozenset((19, 26))


def _json_value(value: Any) -> Any:
    return None if value is None else json.loads(value)


def _bool_value(value: Any) -> bool | None:
    return None if value is None else bool(value)


def _field_of(column: Any) -> Field | None:
    while isinstance(column, Alias):
        column = column.node
    return column if isinstance(column, Field) else None


def _converter(column: Any) -> Callable[[Any], Any] | None:
    field = _field_of(column)
    if isinstance(field, UTCDateTimeField):
        return utc_value
    if isinstance(field, JSONField):
        return _json_value
    if isinstance(field, BooleanField):
        return _bool_value
    return None


def _db_param(value: Any) -> Any:
    """A value as the field would have stored it (instants as naive UTC)."""
    if isinstance(value, datetime):
        if value.tzinfo is None:
            raise ValueError(f"refusing a naive datetime {value!r}; pass an aware UTC instant")
        return value.astimezone(UTC).replace(tzinfo=None)
    return value


class CompiledSelect:
    """A peewee SELECT (built by ``build``, with :class:`Param` placeholders) compiled once per
    open database; :meth:`rows` runs it with values for the placeholders."""

    def __init__(self, build: Callable[[], ModelSelect], *,
                 convert: Mapping[str, Callable[[Any], Any]] | None = None) -> None:
        # ``convert``: converters for columns (by name) that are not plain fields (a flag
        # computed in SQL as 0/1, say), applied after the fields' own.
        self._build = build
        self._convert = dict(convert or {})
        self._lock = threading.Lock()
        self._compiled: tuple[object, str, list[Any], Callable[[list], list[tuple]], list[str]] | None = None

    def _compile(self):
        db = database.obj
        compiled = self._compiled
        if compiled is not None and compiled[0] is db:
            return compiled
        with self._lock:
            query = self._build()
            sql, params = query.sql()
            columns = list(query._returning)
            names = [getattr(c, "_alias", None) or getattr(_field_of(c), "name", f"c{i}")
                     for i, c in enumerate(columns)]
            converters = [(i, convert) for i, column in enumerate(columns)
                          if (convert := self._convert.get(names[i]) or _converter(column)) is not None]
            self._compiled = compiled = (db, sql, params, _row_converter(len(columns), converters), names)
        return compiled

    @property
    def names(self) -> list[str]:
        """The columns' names (their aliases, else their fields' names), in order."""
        return self._compile()[4]

    def rows(self, **values: Any) -> list[tuple]:
        """The rows for these placeholder values, as tuples in the select's column order."""
        _db, sql, params, converters, _names = self._compile()
        bound = [_db_param(values[p.name]) if isinstance(p, Param) else p for p in params]
        return converters(database.execute_sql(sql, bound).fetchall())

    def raw_rows(self, **values: Any) -> list:
        """The rows as the driver gives them, nothing converted (for a caller that converts
        its columns itself, e.g. once per distinct instant)."""
        _db, sql, params, _converters, _names = self._compile()
        bound = [_db_param(values[p.name]) if isinstance(p, Param) else p for p in params]
        return database.execute_sql(sql, bound).fetchall()

    def dicts(self, **values: Any) -> list[dict[str, Any]]:
        names = self.names
        return [dict(zip(names, row, strict=True)) for row in self.rows(**values)]


def _row_converter(width: int, converters: list[tuple[int, Callable]]) -> Callable[[list], list[tuple]]:
    """A function converting fetched rows of ``width`` columns, ``converters`` applied to their
    columns: one list comprehension written for the shape (as namedtuple writes its class),
    which is several times faster than converting column by column in a loop."""
    if not converters:
        return lambda fetched: [tuple(row) for row in fetched]
    by_column = dict(converters)
    namespace = {f"c{i}": convert for i, convert in converters}
    cells = ", ".join(f"c{i}(r[{i}])" if i in by_column else f"r[{i}]" for i in range(width))
    return eval(f"lambda fetched: [({cells},) for r in fetched]", namespace)  # noqa: S307 (indices only)


def instances(cls: type, names: list[str], rows: list[tuple]) -> list[Any]:
    """``rows`` as instances of the frozen dataclass ``cls`` whose fields are exactly ``names``,
    built without running its ``__init__`` (a frozen dataclass sets each field through
    ``object.__setattr__``: most of the cost of a large list). Only for plain data classes:
    no ``__post_init__``, no slots; every field filled from the row."""
    _check_plain(cls, names)
    new = object.__new__
    out = []
    append = out.append
    for row in rows:
        obj = new(cls)
        obj.__dict__.update(zip(names, row, strict=True))
        append(obj)
    return out


_PLAIN: set[tuple[type, tuple[str, ...]]] = set()


def _check_plain(cls: type, names: list[str]) -> None:
    key = (cls, tuple(names))
    if key in _PLAIN:
        return
    fields = {f.name for f in dataclasses.fields(cls)}
    if set(names) != fields or len(names) != len(fields):
        raise TypeError(f"{cls.__name__}: the columns {names} are not exactly its fields {sorted(fields)}")
    if hasattr(cls, "__post_init__") or hasattr(cls, "__slots__"):
        raise TypeError(f"{cls.__name__} is not a plain data class")
    _PLAIN.add(key)
