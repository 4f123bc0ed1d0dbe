"""Where the packaged data files are, in a checkout and in an installed copy."""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def resources_dir() -> Path:
    installed = _PACKAGE / "resources"  # pip install . maps root resources/ here
    if installed.is_dir():
        return installed
    return _PACKAGE.parent / "resources"  # a source checkout


def resource(name: str) -> Path:
    path = resources_dir() / name
    if not path.exists():
        raise FileNotFoundError(f"Practice Desk resource missing: {path}")
    return path
