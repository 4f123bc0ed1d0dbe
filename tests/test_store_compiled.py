"""store/compiled.py: a Param reaches the SQL as a placeholder whatever the field compared,
instants come back aware UTC, and rows become plain data classes only when they fit."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

import pytest

from desktop.store.compiled import CompiledSelect, Param, instances, utc_value
from desktop.store.models import User


def test_a_param_compared_with_a_text_field_stays_a_placeholder(demo_db):
    by_name = CompiledSelect(lambda: User.select(User.id, User.role).where(User.username == Param("name")))
    expected = User.select(User.id, User.role).where(User.username == "alex.morgan").tuples().get()
    assert by_name.rows(name="alex.morgan") == [expected]
    assert by_name.rows(name="nobody") == []


def test_columns_can_be_converted_by_name(demo_db):
    flags = CompiledSelect(lambda: User.select(User.id, (User.id > Param("above")).alias("later"))
                           .where(User.username == Param("name")), convert={"later": bool})
    assert flags.rows(name="alex.morgan", above=0)[0][1] is True
    assert flags.names == ["id", "later"]


@pytest.mark.parametrize("text", ["2026-11-24 15:00:00", "2026-11-24 15:00:00.123456", "2026-11-24T15:00:00"])
def test_stored_instants_come_back_aware_utc(text):
    value = utc_value(text)
    assert value == datetime.fromisoformat(text).replace(tzinfo=UTC) and value.tzinfo is UTC
    assert utc_value(datetime(2026, 11, 24, 15, 0)) == datetime(2026, 11, 24, 15, 0, tzinfo=UTC)
    assert utc_value(None) is None


@dataclass(frozen=True)
class _Row:
    a: int
    b: str


def test_instances_fill_a_plain_data_class_and_refuse_other_columns():
    built = instances(_Row, ["a", "b"], [(1, "x"), (2, "y")])
    assert built == [_Row(1, "x"), _Row(2, "y")]
    with pytest.raises(TypeError):
        instances(_Row, ["a"], [(1,)])
    with pytest.raises(ValueError):
        instances(_Row, ["a", "b"], [(1, "x", "extra")])
