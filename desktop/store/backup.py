"""Copying a live SQLite database to a backup file, page by page, with progress."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable
from pathlib import Path

PAGES_PER_STEP = 256


def backup_sqlite(source: Path, destination: Path, progress: Callable[[int, int], None] | None = None) -> int:
    """Online backup (readers and writers may go on) into ``destination`` via a temporary
    file renamed into place, so a failed backup never leaves a half-written file.
    Returns the size in bytes. ``progress(done_pages, total_pages)`` is called as it goes."""
    destination = Path(destination)
    if destination.resolve() == Path(source).resolve():
        raise ValueError("A backup cannot overwrite the database it copies.")
    partial = destination.with_name(destination.name + ".partial")
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    try:
        dst = sqlite3.connect(partial)
        try:
            def step(_status: int, remaining: int, total: int) -> None:
                if progress is not None:
                    progress(total - remaining, total)

            src.backup(dst, pages=PAGES_PER_STEP, progress=step)
            dst.execute("PRAGMA journal_mode=delete")  # one self-contained file
        finally:
            dst.close()
    finally:
        src.close()
    os.replace(partial, destination)
    return destination.stat().st_size
