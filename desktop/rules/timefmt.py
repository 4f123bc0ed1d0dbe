"""Rule 9: instants shown in the viewer's time zone, with the zone named, in the practice's
locale (CLDR patterns through Babel): 'Tue 12 May, 15:00 EDT' (the default), 'Wed, Dec 2,
8:00 PM EST' (en_US), 'Mi., 2. Dez., 20:00 MEZ' (de_DE). Only the words change: every rule
still decides on instants."""

from __future__ import annotations

from datetime import datetime
from functools import cache, lru_cache
from zoneinfo import ZoneInfo

from babel.dates import format_datetime, get_timezone_name, match_skeleton

from .display_locale import DEFAULT_LOCALE, babel_locale, resolve
from .instants import require_aware

# The default locale's patterns, as the app has always written them.
_DEFAULT_PATTERNS = {"MMMEd": "EEE d MMM", "MMMd": "d MMM", "yMMMEd": "EEE d MMM y", "yMMMd": "d MMM y",
                     "time": "HH:mm"}


@cache
def _pattern(locale: str, skeleton: str) -> str:
    if locale == DEFAULT_LOCALE:
        return _DEFAULT_PATTERNS[skeleton]
    loc = babel_locale(locale)
    if skeleton == "time":
        return loc.time_formats["short"].pattern
    matched = match_skeleton(skeleton, loc.datetime_skeletons.keys()) or skeleton
    return loc.datetime_skeletons[matched].pattern


def _words(local: datetime, locale: str, skeleton: str) -> str:
    # CLDR puts a narrow no-break space before AM/PM; a plain space reads the same and every
    # font has it.
    return format_datetime(local, _pattern(locale, skeleton), locale=babel_locale(locale)).replace("\u202f", " ")


def zone_abbreviation(instant: datetime, zone_name: str, *, locale: str | None = None) -> str:
    """The zone as the locale abbreviates it (MEZ in German), else as the time-zone database does
    (EST, CET): never a bare offset or a long name in the middle of a line."""
    local = instant.astimezone(ZoneInfo(zone_name))
    tz_abbreviation = local.strftime("%Z")
    locale = resolve(locale)
    if locale == DEFAULT_LOCALE:
        return tz_abbreviation
    name = get_timezone_name(local, "short", locale=babel_locale(locale))
    offset_like = name.startswith(("GMT", "UTC")) and len(name) > 3  # "GMT+1"
    if not name or offset_like or any(ch.isdigit() or ch.isspace() for ch in name):
        return tz_abbreviation
    return name


def _local(instant: datetime, zone_name: str) -> datetime:
    require_aware(instant, "instant")
    return instant.astimezone(ZoneInfo(zone_name))


def format_instant(instant: datetime, zone_name: str, *, with_weekday: bool = True, with_year: bool = False,
                   locale: str | None = None) -> str:
    """'Tue 12 May, 15:00 EDT' for the viewer's zone."""
    require_aware(instant, "instant")
    return _instant(instant, zone_name, with_weekday, with_year, resolve(locale))


# Tables ask for the same cell's words many times a refresh (sizing columns to their contents):
# the words of an instant are kept, keyed by everything they depend on.
@lru_cache(maxsize=8192)
def _instant(instant: datetime, zone_name: str, with_weekday: bool, with_year: bool, locale: str) -> str:
    local = _local(instant, zone_name)
    skeleton = ("y" if with_year else "") + "MMM" + ("Ed" if with_weekday else "d")
    return (f"{_words(local, locale, skeleton)}, {_words(local, locale, 'time')} "
            f"{zone_abbreviation(instant, zone_name, locale=locale)}")


def format_day(instant: datetime, zone_name: str, *, locale: str | None = None) -> str:
    """'Mon 23 Nov': the viewer's calendar day of an instant (for narrow columns)."""
    require_aware(instant, "instant")
    return _part(instant, zone_name, resolve(locale), "MMMEd")


def format_time(instant: datetime, zone_name: str, *, locale: str | None = None) -> str:
    require_aware(instant, "instant")
    return _part(instant, zone_name, resolve(locale), "time")


@lru_cache(maxsize=8192)
def _part(instant: datetime, zone_name: str, locale: str, skeleton: str) -> str:
    # Keyed by the instant and the zone: equal instants in two zones are equal datetimes.
    return _words(_local(instant, zone_name), locale, skeleton)


def format_range(start: datetime, end: datetime, zone_name: str, *, locale: str | None = None) -> str:
    """'Tue 12 May, 15:00–15:50 EDT'."""
    require_aware(start, "start")
    require_aware(end, "end")
    return _range(start, end, zone_name, resolve(locale))


@lru_cache(maxsize=8192)
def _range(start: datetime, end: datetime, zone_name: str, locale: str) -> str:
    s, e = _local(start, zone_name), _local(end, zone_name)
    if s.date() == e.date():
        return (f"{_words(s, locale, 'MMMEd')}, {_words(s, locale, 'time')}–{_words(e, locale, 'time')} "
                f"{zone_abbreviation(end, zone_name, locale=locale)}")
    return f"{format_instant(start, zone_name, locale=locale)} – {format_instant(end, zone_name, locale=locale)}"


def free_cancellation_text(deadline: datetime, zone_name: str, *, locale: str | None = None) -> str:
    return f"Free cancellation until {format_instant(deadline, zone_name, locale=locale)}"
