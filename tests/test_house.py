"""The house rules a newcomer relies on: every module is on the architecture map (and the map
names nothing that is gone), and no module grows into a grab-bag."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import desktop

PACKAGE = Path(desktop.__file__).resolve().parent
MAP = PACKAGE.parent / "docs" / "ARCHITECTURE.md"
GENERATED = {"forms", "migrations"}  # generated forms and frozen migrations have their own rules
MAX_LINES = 400


def _modules(*, with_code_only: bool) -> set[str]:
    """Module paths relative to desktop/; ``with_code_only`` leaves out a package's __init__
    that holds only its docstring and imports (nothing there to find on a map)."""
    found = set()
    for path in PACKAGE.rglob("*.py"):
        rel = path.relative_to(PACKAGE)
        if GENERATED & set(rel.parts):
            continue
        if with_code_only and path.name == "__init__.py" and not _has_code(path):
            continue
        found.add(rel.as_posix())
    return found


def _has_code(path: Path) -> bool:
    body = ast.parse(path.read_text(encoding="utf-8")).body
    return any(not isinstance(node, ast.Import | ast.ImportFrom | ast.Expr | ast.Assign) for node in body)


def _mapped() -> set[str]:
    text = MAP.read_text(encoding="utf-8")
    section = text[text.index("## Module map"):]
    section = section[:section.index("\n## ", 4)] if "\n## " in section[4:] else section
    return {m for m in re.findall(r"`([a-z_/]+\.py)`", section) if not m.startswith("scripts/")}


def test_every_module_is_on_the_map_and_the_map_matches_the_tree():
    mapped = _mapped()
    assert sorted(_modules(with_code_only=True) - mapped) == [], "modules missing from docs/ARCHITECTURE.md's map"
    assert sorted(mapped - _modules(with_code_only=False)) == [], "the map names modules that are gone"


def test_no_module_is_over_400_lines():
    long = {p.relative_to(PACKAGE).as_posix(): n for p in PACKAGE.rglob("*.py")
            if not GENERATED & set(p.relative_to(PACKAGE).parts)
            and (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_LINES}
    assert long == {}
