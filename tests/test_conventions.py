"""How the tests themselves are written: helpers imported one way, as ``tests.x``
(pytest's ``pythonpath = ["."]``), so a helper module is never loaded twice under two
names, and no test module imports another one (shared helpers live in helper modules)."""

from __future__ import annotations

import ast
from pathlib import Path

TESTS = Path(__file__).resolve().parent
HELPERS = {p.stem for p in TESTS.glob("*.py") if not p.stem.startswith("test_") and p.stem != "conftest"}


def _imported_names(path: Path) -> list[tuple[int, str]]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [(node.lineno, a.name) for a in node.names]
        elif isinstance(node, ast.ImportFrom) and not node.level:
            module = node.module or ""
            found.append((node.lineno, module))
            found += [(node.lineno, f"{module}.{a.name}") for a in node.names]
    return found


def test_helpers_are_imported_as_tests_x_and_test_modules_not_at_all():
    assert {"factories", "guikit", "postgres"} <= HELPERS
    bad = []
    for path in sorted(TESTS.glob("*.py")):
        for lineno, name in _imported_names(path):
            top, _, rest = name.partition(".")
            if top in HELPERS or top.startswith("test_"):
                bad.append(f"{path.name}:{lineno} imports {name} (write tests.{name})")
            elif top == "tests" and rest.startswith("test_"):
                bad.append(f"{path.name}:{lineno} imports the test module {name}")
    assert bad == []
