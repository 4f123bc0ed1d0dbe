"""Where data and settings live: QStandardPaths, with environment overrides for tests."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QStandardPaths

HOME_ENV = "PRACTICE_DESK_HOME"
DATABASE_ENV = "PRACTICE_DESK_DATABASE"


def data_dir() -> Path:
    override = os.environ.get(HOME_ENV)
    if override:
        path = Path(override)
    else:
        path = Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation))
    path.mkdir(parents=True, exist_ok=True)
    return path


def default_database() -> str:
    return os.environ.get(DATABASE_ENV) or str(data_dir() / "practice-desk.db")


def demo_database() -> str:
    return str(data_dir() / "demo.db")


def exports_dir() -> Path:
    docs = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(docs or data_dir())
