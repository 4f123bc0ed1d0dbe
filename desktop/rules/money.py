"""Money as integer minor units with a currency; never a float."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from babel.numbers import format_currency

from .display_locale import DEFAULT_LOCALE, babel_locale, resolve

_AMOUNT = re.compile(r"^\s*(\d{1,9})(?:[.,](\d{1,2}))?\s*$", re.ASCII)  # ASCII digits only

_SYMBOLS = {"USD": "$", "CAD": "CA$", "AUD": "A$", "EUR": "€", "GBP": "£", "NZD": "NZ$"}


class AmountError(ValueError):
    """A typed amount was not an acceptable sum of money; the message says why."""


@dataclass(frozen=True, order=True)
class Money:
    cents: int
    currency: str = "USD"

    def __post_init__(self) -> None:
        if not isinstance(self.cents, int) or isinstance(self.cents, bool):
            raise TypeError("Money is integer minor units")
        if len(self.currency) != 3:
            raise ValueError(f"currency must be an ISO 4217 code, not {self.currency!r}")

    @classmethod
    def zero(cls, currency: str = "USD") -> Money:
        return cls(0, currency)

    @property
    def is_zero(self) -> bool:
        return self.cents == 0

    def __add__(self, other: Money) -> Money:
        self._same_currency(other)
        return Money(self.cents + other.cents, self.currency)

    def __sub__(self, other: Money) -> Money:
        self._same_currency(other)
        return Money(self.cents - other.cents, self.currency)

    def _same_currency(self, other: Money) -> None:
        if other.currency != self.currency:
            raise ValueError(f"cannot mix {self.currency} and {other.currency}")

    def format(self, *, locale: str | None = None) -> str:
        """'$1,234.50' (the default), '$1,234.50' (en_US), '1.234,50 $' (de_DE): the practice's
        locale (display_locale), its CLDR currency format; the default keeps the app's own."""
        locale = resolve(locale)
        if locale != DEFAULT_LOCALE:
            return _in_locale(self.cents, self.currency, locale)
        sign = "-" if self.cents < 0 else ""
        whole, frac = divmod(abs(self.cents), 100)
        symbol = _SYMBOLS.get(self.currency)
        number = f"{whole:,}.{frac:02d}"
        return f"{sign}{symbol}{number}" if symbol else f"{sign}{number} {self.currency}"

    def plain(self) -> str:
        """'1234.50': digits and a point, no symbol or separators (an edit field, a CSV cell)."""
        sign = "-" if self.cents < 0 else ""
        whole, frac = divmod(abs(self.cents), 100)
        return f"{sign}{whole}.{frac:02d}"

    def __str__(self) -> str:
        return self.format()


@lru_cache(maxsize=4096)
def _in_locale(cents: int, currency: str, locale: str) -> str:
    return format_currency(Decimal(cents).scaleb(-2), currency, locale=babel_locale(locale))


def parse_amount(text: str, currency: str, *, maximum: Money | None = None) -> Money:
    """Parse an amount typed by a person, strictly.

    Accepts ``12``, ``12.5``, ``12.50`` (a comma works as the decimal mark, a
    currency symbol in front is tolerated). Refuses negatives, more than two
    decimals, thousands separators that could be misread, and anything above
    ``maximum``.
    """
    cleaned = text.strip()
    for symbol in set(_SYMBOLS.values()) | {"$"}:
        if cleaned.startswith(symbol):
            cleaned = cleaned[len(symbol):]
            break
    if cleaned.startswith("-"):
        raise AmountError("The amount cannot be negative.")
    if not cleaned:
        raise AmountError("Type an amount, for example 25.00.")
    match = _AMOUNT.match(cleaned)
    if match is None:
        if re.match(r"^\s*\d+[.,]\d{3,}\s*$", cleaned, re.ASCII):
            raise AmountError("Use at most two decimals, for example 25.50.")
        raise AmountError(f"“{text.strip()}” is not an amount; type digits such as 25 or 25.50.")
    whole, frac = match.group(1), (match.group(2) or "")
    cents = int(whole) * 100 + int(frac.ljust(2, "0") or 0)
    amount = Money(cents, currency)
    if maximum is not None and cents > maximum.cents:
        raise AmountError(f"The amount cannot be more than the original {maximum.format()}.")
    return amount
