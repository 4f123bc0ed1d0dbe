"""The client, Support and fee screens reach data only through the services: none of
their modules imports the store (schema constants included) or peewee."""

from __future__ import annotations

import ast
import pathlib

import pytest

import desktop.gui

GUI = pathlib.Path(desktop.gui.__file__).parent
FILES = sorted([*GUI.glob("client/*.py"), *GUI.glob("support/*.py"), *GUI.glob("billing/*.py"),
                GUI / "widgets" / "thread_view.py", GUI / "widgets" / "keys.py"])


def _imports(path: pathlib.Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            names |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom):
            names.add(("." * node.level) + (node.module or ""))
    return names


@pytest.mark.parametrize("path", FILES, ids=lambda p: str(p.relative_to(GUI)))
def test_screen_modules_import_neither_the_store_nor_peewee(path):
    bad = {n for n in _imports(path) if n.lstrip(".").split(".")[0] in {"store", "peewee", "playhouse"}
           or n.startswith("desktop.store")}
    assert not bad, f"{path.name} imports {sorted(bad)}: read through desktop.services instead"
