"""Every Designer form has a compiled module, and the module is what uic makes of it now."""

from __future__ import annotations

import importlib.util
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
spec = importlib.util.spec_from_file_location("build_ui", ROOT / "scripts" / "build_ui.py")
build_ui = importlib.util.module_from_spec(spec)
spec.loader.exec_module(build_ui)

FORMS = sorted((ROOT / "ui").glob("*.ui"))


def test_there_are_forms():
    assert len(FORMS) >= 3


@pytest.mark.parametrize("ui_file", FORMS, ids=lambda p: p.name)
def test_compiled_module_matches_form(ui_file: Path):
    target = build_ui.target_for(ui_file)
    assert target.exists(), f"{ui_file.name} has no compiled module: run scripts/build_ui.py"
    assert target.read_text() == build_ui.compile_form(ui_file), (
        f"{target.name} disagrees with {ui_file.name}: run scripts/build_ui.py (never edit forms/ by hand)"
    )


def test_no_orphan_compiled_modules():
    expected = {build_ui.target_for(f).name for f in FORMS}
    actual = {p.name for p in build_ui.FORMS_DIR.glob("ui_*.py")}
    assert actual == expected, f"compiled modules without a form: {sorted(actual - expected)}"


@pytest.mark.parametrize("ui_file", FORMS, ids=lambda p: p.name)
def test_every_label_with_an_alt_letter_names_the_field_it_jumps_to(ui_file: Path):
    """A label's &-letter does nothing without a buddy: Alt+letter must reach its field."""
    for widget in ET.parse(ui_file).iter("widget"):
        text = widget.find("property[@name='text']/string")
        if widget.get("class") == "QLabel" and text is not None and re.search(r"&[^&\s]", text.text or ""):
            assert widget.find("property[@name='buddy']") is not None, (
                f"{ui_file.name}: label {widget.get('name')} ({text.text}) has no buddy")
