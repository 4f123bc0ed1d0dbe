"""The layers of DESIGN.md: rules import nothing of ours and no Qt or peewee;
store and services never import Qt; the GUI reaches data only through services
(no module under desktop/gui imports the store, schema constants included, or peewee).

Checked twice: by importing every module in a fresh interpreter and looking at
``sys.modules`` (catches what an import pulls in indirectly), and by reading the
source with ``ast`` (catches a lazy import inside a function that a plain import
never executes). The GUI has only the second check: it imports services, which
import the store, so its ``sys.modules`` holds peewee by design.
"""

from __future__ import annotations

import ast
import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

import desktop

PACKAGE_DIR = Path(desktop.__file__).resolve().parent
ROOT = PACKAGE_DIR.parent

QT = ("PySide6", "shiboken6", "PyQt5", "PyQt6", "PySide2")
DB = ("peewee", "playhouse", "sqlite3", "psycopg", "psycopg2")

# layer -> (module prefixes it must never import)
FORBIDDEN = {
    "rules": QT + DB + ("desktop.store", "desktop.services", "desktop.gui", "desktop.cli", "desktop.__main__"),
    "store": QT + ("desktop.services", "desktop.gui"),
    "services": QT + ("desktop.gui",),
}
# Checked in the source only (see above). Every module, generated forms included.
SOURCE_ONLY = {
    "gui": DB + ("desktop.store",),
}
SOURCE_RULES = FORBIDDEN | SOURCE_ONLY


def _is_under(name: str, prefixes: tuple[str, ...]) -> bool:
    return any(name == p or name.startswith(p + ".") for p in prefixes)


def _modules_of(layer: str) -> list[str]:
    base = PACKAGE_DIR / layer
    names = []
    for path in sorted(base.rglob("*.py")):
        rel = path.relative_to(PACKAGE_DIR.parent).with_suffix("")
        parts = list(rel.parts)
        if parts[-1] == "__init__":
            parts.pop()
        names.append(".".join(parts))
    return names


@pytest.mark.parametrize("layer", sorted(SOURCE_RULES))
def test_layer_has_modules(layer):
    assert len(_modules_of(layer)) >= 3


@pytest.mark.parametrize("layer", sorted(FORBIDDEN))
def test_importing_every_module_of_a_layer_loads_nothing_forbidden(layer):
    modules = _modules_of(layer)
    script = textwrap.dedent(f"""
        import importlib, json, sys
        for name in {modules!r}:
            importlib.import_module(name)
        print(json.dumps(sorted(sys.modules)))
    """)
    proc = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    loaded = json.loads(proc.stdout.strip().splitlines()[-1])
    assert set(modules) <= set(loaded)  # the check really imported them
    bad = sorted(m for m in loaded if _is_under(m, FORBIDDEN[layer]))
    if layer == "rules":
        # Only the package root and the rules themselves of ours.
        bad += sorted(m for m in loaded if _is_under(m, ("desktop",))
                      and m != "desktop" and not _is_under(m, ("desktop.rules",)))
    assert not bad, f"importing desktop.{layer} loads {bad}"


def _imports(path: Path, module: str) -> list[tuple[int, str]]:
    """Every module name the file can import, wherever the statement is
    (module level, inside a function, under ``if TYPE_CHECKING``), with relative
    imports resolved, plus ``importlib.import_module("x")`` / ``__import__("x")``."""
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, a.name) for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - (node.level - 1)]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            found.append((node.lineno, target))
            # ``from . import gui`` names a submodule in the alias.
            found += [(node.lineno, f"{target}.{a.name}") for a in node.names if a.name != "*"]
        elif isinstance(node, ast.Call):
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            if name in ("import_module", "__import__") and node.args and isinstance(node.args[0], ast.Constant):
                found.append((node.lineno, str(node.args[0].value)))
    return found


def _source_violations(layer: str) -> list[str]:
    out = []
    for path in sorted((PACKAGE_DIR / layer).rglob("*.py")):
        rel = path.relative_to(ROOT)
        module = ".".join(rel.with_suffix("").parts)
        if path.name == "__init__.py":
            module = module.rpartition(".")[0]
        for lineno, name in _imports(path, module):
            bad = _is_under(name, SOURCE_RULES[layer])
            if layer == "rules" and _is_under(name, ("desktop",)) and not _is_under(name, ("desktop.rules",)):
                bad = True
            if bad:
                out.append(f"{rel}:{lineno} imports {name}")
    return out


@pytest.mark.parametrize("layer", sorted(SOURCE_RULES))
def test_no_forbidden_import_anywhere_in_the_source(layer):
    assert _source_violations(layer) == []


def test_the_source_check_sees_lazy_and_relative_imports(tmp_path):
    # The checker itself must catch what a module-level import test would miss.
    fake = tmp_path / "desktop" / "rules" / "sneaky.py"
    fake.parent.mkdir(parents=True)
    fake.write_text(textwrap.dedent("""
        import json

        def later():
            from PySide6.QtCore import QDate
            import peewee
            from ..store import models
            from .. import gui
            importlib.import_module("playhouse.migrate")
            return QDate, peewee, models, gui
    """))
    names = [n for _, n in _imports(fake, "desktop.rules.sneaky")]
    assert "PySide6.QtCore" in names
    assert "peewee" in names
    assert "desktop.store" in names and "desktop.store.models" in names
    assert "desktop.gui" in names
    assert "playhouse.migrate" in names
    assert "json" in names


def test_the_gui_rule_catches_the_store_reached_relatively(tmp_path):
    fake = tmp_path / "desktop" / "gui" / "client" / "sneaky.py"
    fake.parent.mkdir(parents=True)
    fake.write_text("from ...store.models import Practice\nfrom ...services import people\nimport peewee\n")
    names = [n for _, n in _imports(fake, "desktop.gui.client.sneaky")]
    flagged = sorted({n for n in names if _is_under(n, SOURCE_RULES["gui"])})
    assert flagged == ["desktop.store.models", "desktop.store.models.Practice", "peewee"]
