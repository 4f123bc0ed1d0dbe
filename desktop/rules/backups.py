"""Which automatic backup copies exist, when a daily one is due, which ones go.

The copies live in a ``backups/`` folder beside the database file; their names carry
what they are, so the folder itself is the record (no table to keep in step):

    practice-desk.20261124T150000Z.daily.db
    practice-desk.20261124T150000Z.before-upgrade.0003_thread_charge_foreign_key.db
    practice-desk.20261124T150000Z.before-restore.db

Only daily copies are ever deleted by rotation. A copy taken before an upgrade or a
restore is the way back from that one step, and stays until a person removes it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, tzinfo
from enum import StrEnum

DAILY_BACKUPS_KEPT = 14  # the default of the declared setting backup/daily_kept


class BackupKind(StrEnum):
    DAILY = "daily"  # the first start of each day
    BEFORE_UPGRADE = "before-upgrade"  # taken before the schema migrations run
    BEFORE_RESTORE = "before-restore"  # the database a restore replaced, kept as it was

    @property
    def label(self) -> str:
        return {
            BackupKind.DAILY: "Daily copy",
            BackupKind.BEFORE_UPGRADE: "Before an upgrade",
            BackupKind.BEFORE_RESTORE: "Replaced by a restore",
        }[self]


_STAMP = "%Y%m%dT%H%M%SZ"
_NAME = re.compile(
    r"^(?P<stem>.+)\.(?P<at>\d{8}T\d{6}Z)\.(?P<kind>" + "|".join(re.escape(k.value) for k in BackupKind)
    + r")(?:\.(?P<label>[A-Za-z0-9_-]+))?\.db$"
)


@dataclass(frozen=True)
class BackupName:
    stem: str  # the database file's name without .db
    kind: BackupKind
    taken_at: datetime  # aware UTC, to the second
    label: str = ""  # the first pending migration of a before-upgrade copy

    @property
    def file_name(self) -> str:
        label = f".{self.label}" if self.label else ""
        return f"{self.stem}.{self.taken_at.astimezone(UTC):{_STAMP}}.{self.kind.value}{label}.db"


def backup_name(stem: str, kind: BackupKind, at: datetime, label: str = "") -> BackupName:
    if at.tzinfo is None:
        raise ValueError("a backup's time must be an aware instant")
    if label and not re.fullmatch(r"[A-Za-z0-9_-]+", label):
        raise ValueError(f"not a usable backup label: {label!r}")
    return BackupName(stem, kind, at.astimezone(UTC).replace(microsecond=0), label)


def parse_backup_name(file_name: str) -> BackupName | None:
    """The name's parts, or None for a file that is not one of our automatic copies."""
    match = _NAME.match(file_name)
    if match is None:
        return None
    at = datetime.strptime(match["at"], _STAMP).replace(tzinfo=UTC)
    return BackupName(match["stem"], BackupKind(match["kind"]), at, match["label"] or "")


def daily_backup_due(existing: Iterable[BackupName], now: datetime, zone: tzinfo) -> bool:
    """Due at the first start of a calendar day (in the practice's zone) without a daily copy."""
    today = now.astimezone(zone).date()
    return not any(b.kind is BackupKind.DAILY and b.taken_at.astimezone(zone).date() == today for b in existing)


def daily_backups_to_delete(existing: Iterable[BackupName], keep: int) -> tuple[BackupName, ...]:
    """The daily copies beyond the newest ``keep`` (at least one is always kept); no other kind."""
    daily = sorted((b for b in existing if b.kind is BackupKind.DAILY), key=lambda b: b.taken_at, reverse=True)
    return tuple(daily[max(1, keep):])
