"""The provider's screens and the shared calendar widget reach data only through the
services: none of their modules imports the store (schema constants included) or peewee."""

from __future__ import annotations

import pytest

from tests.test_gui_client_support_layering import GUI, _imports

FILES = sorted([*GUI.glob("provider/*.py"), *GUI.glob("widgets/calendar/*.py")])


@pytest.mark.parametrize("path", FILES, ids=lambda p: str(p.relative_to(GUI)))
def test_provider_screen_modules_import_neither_the_store_nor_peewee(path):
    bad = {n for n in _imports(path) if n.lstrip(".").split(".")[0] in {"store", "peewee", "playhouse"}
           or n.startswith("desktop.store")}
    assert not bad, f"{path.name} imports {sorted(bad)}: read through desktop.services instead"
