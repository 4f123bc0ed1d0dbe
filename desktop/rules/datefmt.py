"""Calendar days in words, in the practice's locale (CLDR through Babel): the calendar's
headings and day names. Days are local dates already (the viewer's zone chose them); the
default locale keeps the app's own pattern ("Tuesday 24 November 2026", "23–29 November 2026")."""

from __future__ import annotations

from datetime import date, time
from functools import cache

from babel.dates import format_date, format_interval, format_time, match_skeleton

from .display_locale import DEFAULT_LOCALE, babel_locale, resolve


@cache
def _pattern(locale: str, skeleton: str) -> str:
    loc = babel_locale(locale)
    matched = match_skeleton(skeleton, loc.datetime_skeletons.keys()) or skeleton
    return loc.datetime_skeletons[matched].pattern


def _words(day: date, skeleton: str, locale: str) -> str:
    return format_date(day, _pattern(locale, skeleton), locale=babel_locale(locale))


def day_heading(day: date, *, locale: str | None = None) -> str:
    """'Tuesday 24 November 2026' (the day view's title)."""
    locale = resolve(locale)
    if locale == DEFAULT_LOCALE:
        return f"{day:%A} {day.day} {day:%B %Y}"
    return _words(day, "yMMMMEEEEd", locale)


def week_heading(first: date, last: date, *, locale: str | None = None) -> str:
    """'23–29 November 2026', '30 Nov – 6 Dec 2026' (the week view's title)."""
    locale = resolve(locale)
    if locale == DEFAULT_LOCALE:
        if first.month == last.month:
            return f"{first.day}–{last.day} {last:%B %Y}"
        return f"{first.day} {first:%b} – {last.day} {last:%b %Y}"
    skeleton = "yMMMMd" if first.month == last.month else "yMMMd"
    return format_interval(first, last, skeleton, locale=babel_locale(locale)).replace("\u2009", " ")


def month_heading(day: date, *, locale: str | None = None) -> str:
    """'November 2026' (the month view's title)."""
    locale = resolve(locale)
    if locale == DEFAULT_LOCALE:
        return f"{day:%B %Y}"
    return _words(day, "yMMMM", locale)


def weekday_and_day(day: date, *, locale: str | None = None) -> str:
    """'Mon 23' (a column of the week view)."""
    locale = resolve(locale)
    if locale == DEFAULT_LOCALE:
        return f"{day:%a} {day.day}"
    return _words(day, "Ed", locale)


def weekday(day: date, *, locale: str | None = None) -> str:
    """'Mon' (a column of the month view)."""
    locale = resolve(locale)
    if locale == DEFAULT_LOCALE:
        return f"{day:%a}"
    return format_date(day, "EEE", locale=babel_locale(locale))


def hour_label(hour: int, *, locale: str | None = None) -> str:
    """'08:00', or '8 AM' where the locale's clock has twelve hours (the time grid's gutter)."""
    locale = resolve(locale)
    if locale == DEFAULT_LOCALE or "a" not in babel_locale(locale).time_formats["short"].pattern:
        return f"{hour:02d}:00"
    return format_time(time(hour % 24), "h a", locale=babel_locale(locale)).replace("\u202f", " ")
