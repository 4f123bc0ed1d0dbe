"""The practice's locale for the words people read: which ones we offer, the default, and the one
shown now (CLDR data through Babel, pure Python). Only how instants, dates and amounts are
written depends on it; no rule decides anything by it.

The locale shown is the practice's, set once a session knows its practice (``use_locale``);
every formatting function also takes ``locale=`` to say it explicitly (tests, one-off texts).
"""

from __future__ import annotations

from functools import cache

from babel import Locale, UnknownLocaleError

# The app's own pattern since the first release ("Tue 12 May, 15:00 EDT", "$50.00"): CLDR's
# en_GB dates and times, amounts in the currency's short symbol. A practice set up before
# locales were chosen keeps it (migration 0008).
DEFAULT_LOCALE = "en_GB"

# What set-up offers (language_TERRITORY, as CLDR names them), in that order.
SUPPORTED_LOCALES: tuple[str, ...] = (
    "en_GB", "en_US", "en_CA", "en_AU", "en_NZ", "en_IE",
    "de_DE", "de_AT", "de_CH", "fr_FR", "fr_CA", "es_ES", "es_US", "it_IT", "nl_NL",
)

_shown = DEFAULT_LOCALE


def normalise_locale(name: str | None) -> str | None:
    """``de-DE``, ``de_DE.UTF-8``, ``de_DE`` → ``de_DE`` when offered; a language alone (``de``)
    or another territory of an offered language → that language's first offered locale; else None."""
    if not name:
        return None
    tag = name.split(".")[0].split("@")[0].replace("-", "_")
    if tag in SUPPORTED_LOCALES:
        return tag
    language = tag.split("_")[0].lower()
    return next((s for s in SUPPORTED_LOCALES if s.split("_")[0] == language), None)


def check_locale(name: str) -> str:
    if name not in SUPPORTED_LOCALES:
        raise ValueError(f"{name!r} is not one of the locales offered")
    return name


def use_locale(name: str | None) -> None:
    """Show the words in ``name`` from now on (None or unknown: the default)."""
    global _shown
    _shown = normalise_locale(name) or DEFAULT_LOCALE


def shown_locale() -> str:
    return _shown


def resolve(locale: str | None) -> str:
    return _shown if locale is None else (normalise_locale(locale) or DEFAULT_LOCALE)


@cache
def babel_locale(name: str) -> Locale:
    try:
        return Locale.parse(name)
    except (UnknownLocaleError, ValueError):
        return Locale.parse(DEFAULT_LOCALE)


def locale_label(name: str) -> str:
    """'English (United States)', 'Deutsch (Deutschland)': a locale in its own words."""
    loc = babel_locale(name)
    return loc.get_display_name(loc) or name
