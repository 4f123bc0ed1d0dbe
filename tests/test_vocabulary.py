"""One vocabulary: every stored state or kind is a member of a StrEnum in desktop.rules.

A status written as a string literal elsewhere (``status == "pending"``) is a second
spelling of the rule that can drift from the first; this test finds each one.
"""

from __future__ import annotations

import ast
import importlib
import pkgutil
from enum import StrEnum
from pathlib import Path

import desktop.rules
from desktop.rules import vocabulary

PACKAGE = Path(vocabulary.__file__).resolve().parents[1]
# Frozen snapshots of old schemas and generated forms keep their literals by design.
EXEMPT_PARTS = {"migrations", "forms"}
# Where a state or kind is *used as a value*: compared, passed as a field's value, assigned
# to a status/kind attribute, returned, or keyed in a literal table. Column names
# ("provider" in an index definition, a backref) are not values and are not looked at.
STATE_KEYWORDS = {"status", "kind", "role", "decision"}


def _vocabulary_values() -> dict[str, str]:
    """Each stored value, with the enum members that spell it ("Role.PROVIDER or CancellationKind.PROVIDER")."""
    values: dict[str, list[str]] = {}
    modules = [importlib.import_module(f"desktop.rules.{m.name}")
               for m in pkgutil.iter_modules(desktop.rules.__path__)]
    for module in modules:
        for name in dir(module):
            enum_cls = getattr(module, name)
            if (isinstance(enum_cls, type) and issubclass(enum_cls, StrEnum) and enum_cls is not StrEnum
                    and enum_cls.__module__ == module.__name__):
                for member in enum_cls:
                    values.setdefault(member.value, []).append(f"{enum_cls.__name__}.{member.name}")
    return {value: " or ".join(names) for value, names in values.items()}


VALUES = _vocabulary_values()


def _constants(node: ast.AST):
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        yield node
    elif isinstance(node, ast.Tuple | ast.List | ast.Set):
        for elt in node.elts:
            yield from _constants(elt)


def _value_uses(tree: ast.AST):
    for node in ast.walk(tree):
        if isinstance(node, ast.Compare):
            for operand in (node.left, *node.comparators):
                yield from _constants(operand)
        elif isinstance(node, ast.keyword) and node.arg in STATE_KEYWORDS:
            yield from _constants(node.value)
        elif isinstance(node, ast.Assign | ast.AnnAssign) and node.value is not None:
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            names = [t.attr if isinstance(t, ast.Attribute) else getattr(t, "id", "") for t in targets]
            if any(n.lower().endswith(("status", "kind", "role")) for n in names):
                yield from _constants(node.value)
        elif isinstance(node, ast.Return) and node.value is not None:
            yield from _constants(node.value)
        elif isinstance(node, ast.Dict) and node.keys and all(
                isinstance(k, ast.Constant) and isinstance(k.value, str) and k.value in VALUES for k in node.keys):
            # a table keyed by states ({"scheduled": colour, …}); a row of column names is not
            for key in node.keys:
                yield from _constants(key)
        elif isinstance(node, ast.MatchValue):
            yield from _constants(node.value)


def literal_uses(values: dict[str, str], root: Path = PACKAGE) -> list[str]:
    found = []
    for path in sorted(root.rglob("*.py")):
        rel = path.relative_to(root)
        if EXEMPT_PARTS & set(rel.parts) or path.name == "vocabulary.py":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in _value_uses(tree):
            if node.value in values:
                found.append(f"{rel}:{node.lineno}: {node.value!r} (use {values[node.value]})")
    return sorted(set(found))


def test_every_status_and_kind_has_one_spelling():
    assert literal_uses(_vocabulary_values()) == []


def test_the_check_finds_a_literal_and_ignores_column_names(tmp_path):
    (tmp_path / "sample.py").write_text(
        'def f(appt, q):\n'
        '    if appt.status == "scheduled":\n'
        '        q.where(status="pending")\n'
        '    indexes = ((("provider", "starts_at"), False),)\n'
        '    return "no_show"\n', encoding="utf-8")
    found = literal_uses(_vocabulary_values(), tmp_path)
    assert [line.split(":")[1] for line in found] == ["2", "3", "5"]
    assert "AppointmentStatus.NO_SHOW" in found[-1] and "FeeKind.NO_SHOW" in found[-1]


def test_vocabulary_values_are_unique_within_each_enum():
    for name in dir(vocabulary):
        enum_cls = getattr(vocabulary, name)
        if isinstance(enum_cls, type) and issubclass(enum_cls, StrEnum) and enum_cls is not StrEnum:
            assert len({m.value for m in enum_cls}) == len(list(enum_cls))
