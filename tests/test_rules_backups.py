"""Which automatic copies exist, when a daily one is due, which ones rotation removes."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.rules.backups import (
    BackupKind,
    backup_name,
    daily_backup_due,
    daily_backups_to_delete,
    parse_backup_name,
)

NOW = datetime(2026, 11, 24, 15, 0, 7, 123456, tzinfo=UTC)
NEW_YORK = ZoneInfo("America/New_York")


def test_a_name_says_what_the_copy_is_and_reads_back():
    name = backup_name("practice-desk", BackupKind.BEFORE_UPGRADE, NOW, "0003_thread_charge_foreign_key")
    assert name.file_name == "practice-desk.20261124T150007Z.before-upgrade.0003_thread_charge_foreign_key.db"
    assert parse_backup_name(name.file_name) == name
    daily = backup_name("my.practice", BackupKind.DAILY, NOW.astimezone(NEW_YORK))
    assert daily.file_name == "my.practice.20261124T150007Z.daily.db"  # always UTC in the name
    assert parse_backup_name(daily.file_name) == daily


@pytest.mark.parametrize("other", ["practice-desk.db", "notes.txt", "practice-desk.20261124T150007Z.weekly.db",
                                   "practice-desk.2026-11-24.daily.db", ".practice-desk.db.1234.tmp"])
def test_other_files_in_the_folder_are_not_copies(other):
    assert parse_backup_name(other) is None


def test_a_naive_time_or_a_strange_label_is_a_programming_error():
    with pytest.raises(ValueError):
        backup_name("p", BackupKind.DAILY, datetime(2026, 1, 1))
    with pytest.raises(ValueError):
        backup_name("p", BackupKind.BEFORE_UPGRADE, NOW, "../escape")


def test_a_daily_copy_is_due_once_per_calendar_day_in_the_practice_zone():
    assert daily_backup_due([], NOW, NEW_YORK)
    # 15:00 UTC is 10:00 in New York; a copy at 04:00 UTC was the previous New York day.
    yesterday_ny = backup_name("p", BackupKind.DAILY, datetime(2026, 11, 24, 4, 0, tzinfo=UTC))
    assert daily_backup_due([yesterday_ny], NOW, NEW_YORK)
    assert not daily_backup_due([yesterday_ny], NOW, UTC)
    this_morning = backup_name("p", BackupKind.DAILY, datetime(2026, 11, 24, 6, 0, tzinfo=UTC))
    assert not daily_backup_due([this_morning], NOW, NEW_YORK)
    # A copy of another kind does not count as the day's copy.
    upgrade = backup_name("p", BackupKind.BEFORE_UPGRADE, NOW, "0002_x")
    assert daily_backup_due([upgrade], NOW, NEW_YORK)


def test_rotation_removes_only_the_oldest_daily_copies():
    dailies = [backup_name("p", BackupKind.DAILY, NOW - timedelta(days=d)) for d in range(20)]
    others = [backup_name("p", BackupKind.BEFORE_UPGRADE, NOW - timedelta(days=400), "0002_x"),
              backup_name("p", BackupKind.BEFORE_RESTORE, NOW - timedelta(days=300))]
    doomed = daily_backups_to_delete(others + dailies[::-1], keep=14)
    assert set(doomed) == set(dailies[14:])
    assert daily_backups_to_delete(dailies, keep=0) == tuple(dailies[1:])  # the newest always stays


@given(ages=st.lists(st.integers(min_value=0, max_value=10_000), max_size=40, unique=True),
       keep=st.integers(min_value=1, max_value=30))
def test_rotation_keeps_exactly_the_newest_keep(ages, keep):
    dailies = [backup_name("p", BackupKind.DAILY, NOW - timedelta(hours=a)) for a in ages]
    doomed = set(daily_backups_to_delete(dailies, keep))
    kept = [b for b in dailies if b not in doomed]
    assert len(kept) == min(keep, len(dailies))
    if doomed and kept:
        assert min(b.taken_at for b in kept) > max(b.taken_at for b in doomed)
