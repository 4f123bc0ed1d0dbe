"""What a person typed into Find, as terms: words of a name, an appointment's reference
(``#123``) and a date ("4 Dec", "Dec 4", "2026-12-04", "12/4" in the locale's order).
Pure: text in, terms out."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime

from dateutil import parser as date_parser

_REFERENCE = re.compile(r"#(\d{1,9})\b")
_ISO = re.compile(r"\b(\d{4}-\d{2}-\d{2})\b")
_DIGIT = re.compile(r"\d")


@dataclass(frozen=True)
class SearchTerms:
    words: tuple[str, ...]  # every one is in the client's name (case-folded)
    references: tuple[int, ...]  # appointment ids
    day: date | None  # the appointment is on this day (the viewer's calendar)

    @property
    def empty(self) -> bool:
        return not (self.words or self.references or self.day)


def search_terms(text: str, today: date, *, day_first: bool = True) -> SearchTerms:
    """The terms of ``text``. A date without a year is the nearest such day: this year's, or
    next year's when this year's is more than half a year past (a person looks ahead)."""
    references = tuple(int(m) for m in _REFERENCE.findall(text))
    rest = _REFERENCE.sub(" ", text)
    day, rest = _day_in(rest, today, day_first)
    return SearchTerms(tuple(w.casefold() for w in rest.split()), references, day)


def _day_in(text: str, today: date, day_first: bool) -> tuple[date | None, str]:
    """The date in ``text`` and the text without it."""
    iso = _ISO.search(text)
    if iso:
        try:
            return date.fromisoformat(iso.group(1)), text[:iso.start()] + " " + text[iso.end():]
        except ValueError:
            return None, text
    if not _DIGIT.search(text):  # a name alone ("May", "June") is a name, not a month
        return None, text
    try:
        found, skipped = date_parser.parse(text, fuzzy_with_tokens=True, dayfirst=day_first,
                                           default=datetime(today.year, today.month, today.day))
    except (ValueError, OverflowError):
        return None, text
    day = found.date()
    if not re.search(rf"\b{day.year}\b", text) and (today - day).days > 183:
        day = day.replace(year=day.year + 1)
    return day, " ".join(skipped)
