"""Practice Desk: an offline-first appointment calendar for small practices."""

from __future__ import annotations

# The one place the version is written: pyproject.toml reads it from here (setuptools'
# dynamic version), so the wheel, "About" and the command line cannot disagree.
__version__ = "0.1.0"
