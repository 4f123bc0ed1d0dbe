"""Every setting declared once, with its default (Picard's habit), stored by QSettings."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QSettings

from ..rules.backups import DAILY_BACKUPS_KEPT
from .paths import data_dir


@dataclass(frozen=True)
class Setting:
    key: str
    default: Any
    kind: type
    doc: str


SETTINGS: dict[str, Setting] = {s.key: s for s in (
    # The lock timeout is the practice's (the owner's choice for every workstation), not a setting here.
    Setting("session/last_username", "", str,
            "The user name last signed in on this workstation; kept only while the owner lets sign-in offer it."),
    Setting("calendar/view", "week", str, "The provider calendar's last view: day, week or month."),
    Setting("calendar/day_start_hour", 7, int, "First hour shown in day and week views."),
    Setting("calendar/day_end_hour", 20, int, "Last hour shown in day and week views."),
    Setting("backup/daily_kept", DAILY_BACKUPS_KEPT, int,
            "Daily automatic copies kept in backups/ beside the database (at least 1); the copies taken "
            "before an upgrade or a restore are always kept."),
    Setting("window/geometry", b"", bytes, "Main window geometry."),
)}


class Settings:
    """Typed access to the declared settings; unknown keys are a programming error."""

    def __init__(self, qsettings: QSettings | None = None) -> None:
        self._q = qsettings or QSettings(str(data_dir() / "settings.ini"), QSettings.Format.IniFormat)

    def get(self, key: str) -> Any:
        setting = SETTINGS[key]
        value = self._q.value(key, setting.default)
        if setting.kind is bool and isinstance(value, str):
            return value.lower() == "true"
        try:
            return setting.kind(value) if value is not None else setting.default
        except (TypeError, ValueError):
            return setting.default

    def set(self, key: str, value: Any) -> None:
        SETTINGS[key]  # noqa: B018 - KeyError for an undeclared setting
        self._q.setValue(key, value)
        self._q.sync()
