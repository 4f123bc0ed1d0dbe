"""The automatic copies in ``backups/`` beside the database file (see rules.backups)."""

from __future__ import annotations

import contextlib
import logging
import os
from datetime import datetime, tzinfo
from pathlib import Path

from ..rules.backups import (
    BackupKind,
    BackupName,
    backup_name,
    daily_backup_due,
    daily_backups_to_delete,
    parse_backup_name,
)
from .backup import copy_database

log = logging.getLogger(__name__)

FOLDER = "backups"


def backups_dir(database: Path) -> Path:
    return Path(database).parent / FOLDER


def _stem(database: Path) -> str:
    return Path(database).name.removesuffix(".db")


def list_backups(database: Path) -> list[tuple[Path, BackupName]]:
    """This database's automatic copies, newest first (other files in the folder are ignored)."""
    folder, stem = backups_dir(database), _stem(database)
    if not folder.is_dir():
        return []
    found = []
    for path in folder.iterdir():
        name = parse_backup_name(path.name)
        if name is not None and name.stem == stem and path.is_file():
            found.append((path, name))
    return sorted(found, key=lambda item: item[1].taken_at, reverse=True)


def _free_path(database: Path, kind: BackupKind, now: datetime, label: str) -> Path:
    folder = backups_dir(database)
    folder.mkdir(exist_ok=True)
    return folder / backup_name(_stem(database), kind, now, label).file_name


def take_backup(database: Path, kind: BackupKind, now: datetime, label: str = "") -> Path:
    """A verified copy of the database into the folder; returns its path."""
    destination = _free_path(database, kind, now, label)
    copy_database(database, destination)
    log.info("backup %s: %s", kind.value, destination)
    return destination


def daily_backup_if_due(database: Path, now: datetime, zone: tzinfo, keep: int) -> Path | None:
    """The first start of the day copies the database, then the oldest daily copies beyond
    ``keep`` go. Returns the new copy, or None when today's copy exists already."""
    if not daily_backup_due((name for _p, name in list_backups(database)), now, zone):
        return None
    copy = take_backup(database, BackupKind.DAILY, now)
    rotate(database, keep)
    return copy


def rotate(database: Path, keep: int) -> list[Path]:
    existing = list_backups(database)
    doomed = set(daily_backups_to_delete((name for _p, name in existing), keep))
    removed = []
    for path, name in existing:
        if name in doomed:
            with contextlib.suppress(FileNotFoundError):
                path.unlink()
            removed.append(path)
    return removed


def set_aside(database: Path, now: datetime) -> Path | None:
    """Move the database and its -wal (renamed together, so the pair still opens as it was) into
    the folder as a before-restore copy; drop the -shm (SQLite rebuilds it). Returns the copy,
    or None when there was nothing there. A rename copies nothing, so even a damaged file and
    a log that does not belong to it are kept exactly as they were."""
    database = Path(database)
    wal, shm = Path(f"{database}-wal"), Path(f"{database}-shm")
    if not (database.exists() or wal.exists()):
        with contextlib.suppress(FileNotFoundError):
            shm.unlink()
        return None
    kept = _free_path(database, BackupKind.BEFORE_RESTORE, now, "")
    if database.exists():
        os.replace(database, kept)
    if wal.exists():
        os.replace(wal, Path(f"{kept}-wal"))
    with contextlib.suppress(FileNotFoundError):
        shm.unlink()
    return kept
