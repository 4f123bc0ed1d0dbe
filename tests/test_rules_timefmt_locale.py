"""Item 10 of issue 11: instants, dates and amounts written in the practice's locale (Babel's
CLDR data); the default keeps the app's own pattern; formatting never fails."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.rules import display_locale, timefmt
from desktop.rules.display_locale import DEFAULT_LOCALE, SUPPORTED_LOCALES, normalise_locale, use_locale
from desktop.rules.money import Money

NY, BERLIN = "America/New_York", "Europe/Berlin"
DEC_2_8PM_NY = datetime(2026, 12, 3, 1, 0, tzinfo=UTC)
DEC_2_8PM_BERLIN = datetime(2026, 12, 2, 19, 0, tzinfo=UTC)
MAY_12_3PM_NY = datetime(2026, 5, 12, 19, 0, tzinfo=UTC)


@pytest.fixture(autouse=True)
def default_locale_after():
    yield
    use_locale(None)


def test_en_us_writes_a_twelve_hour_clock_and_month_first():
    assert timefmt.format_instant(DEC_2_8PM_NY, NY, locale="en_US") == "Wed, Dec 2, 8:00 PM EST"
    assert timefmt.format_range(DEC_2_8PM_NY, DEC_2_8PM_NY + timedelta(minutes=50), NY, locale="en_US") == \
        "Wed, Dec 2, 8:00 PM–8:50 PM EST"
    assert timefmt.format_instant(DEC_2_8PM_NY, NY, with_year=True, locale="en_US") == "Wed, Dec 2, 2026, 8:00 PM EST"
    assert timefmt.format_day(DEC_2_8PM_NY, NY, locale="en_US") == "Wed, Dec 2"
    assert timefmt.format_time(DEC_2_8PM_NY, NY, locale="en_US") == "8:00 PM"
    assert Money(123450, "USD").format(locale="en_US") == "$1,234.50"


def test_de_de_writes_german_words_and_the_german_zone_name():
    assert timefmt.format_instant(DEC_2_8PM_BERLIN, BERLIN, locale="de_DE") == "Mi., 2. Dez., 20:00 MEZ"
    assert timefmt.format_instant(DEC_2_8PM_BERLIN + timedelta(days=200), BERLIN, locale="de_DE").endswith("MESZ")
    assert timefmt.format_time(DEC_2_8PM_BERLIN, BERLIN, locale="de_DE") == "20:00"
    assert Money(123450, "EUR").format(locale="de_DE") == "1.234,50\xa0€"
    assert Money(5000, "USD").format(locale="de_DE") == "50,00\xa0$"


def test_a_zone_the_locale_has_no_abbreviation_for_is_named_as_tzdata_names_it():
    # CLDR's German data has no short name for New York (Babel gives "-0500"): EST, never an offset.
    assert timefmt.format_instant(DEC_2_8PM_NY, NY, locale="de_DE") == "Mi., 2. Dez., 20:00 EST"
    assert timefmt.zone_abbreviation(DEC_2_8PM_BERLIN, BERLIN, locale="en_US") == "CET"


def test_the_default_keeps_the_apps_own_pattern():
    assert DEFAULT_LOCALE == "en_GB"
    assert timefmt.format_instant(MAY_12_3PM_NY, NY) == "Tue 12 May, 15:00 EDT"
    assert timefmt.format_instant(MAY_12_3PM_NY, NY, with_weekday=False) == "12 May, 15:00 EDT"
    assert timefmt.format_instant(MAY_12_3PM_NY, NY, with_year=True) == "Tue 12 May 2026, 15:00 EDT"
    assert timefmt.format_range(MAY_12_3PM_NY, MAY_12_3PM_NY + timedelta(minutes=50), NY) == \
        "Tue 12 May, 15:00–15:50 EDT"
    assert timefmt.format_day(MAY_12_3PM_NY, NY) == "Tue 12 May"
    assert timefmt.free_cancellation_text(MAY_12_3PM_NY, NY) == "Free cancellation until Tue 12 May, 15:00 EDT"
    assert Money(123450, "USD").format() == "$1,234.50" and Money(5000, "CHF").format() == "50.00 CHF"


def test_the_locale_shown_is_the_practices_until_changed():
    use_locale("en_US")
    assert display_locale.shown_locale() == "en_US"
    assert timefmt.format_instant(DEC_2_8PM_NY, NY) == "Wed, Dec 2, 8:00 PM EST"
    assert Money(5000, "USD").format() == "$50.00"
    use_locale("xx_YY")  # not offered: the default
    assert timefmt.format_instant(MAY_12_3PM_NY, NY) == "Tue 12 May, 15:00 EDT"


@pytest.mark.parametrize(("system", "chosen"), [
    ("en_US", "en_US"), ("en-US", "en_US"), ("de_DE.UTF-8", "de_DE"), ("de", "de_DE"), ("en_ZA", "en_GB"),
    ("C", None), ("", None), ("ja_JP", None),
])
def test_a_system_locale_maps_to_one_offered(system, chosen):
    assert normalise_locale(system) == chosen


def test_every_offered_locale_has_its_words():
    labels = {display_locale.locale_label(name) for name in SUPPORTED_LOCALES}
    assert len(labels) == len(SUPPORTED_LOCALES) and "Deutsch (Deutschland)" in labels


ZONES = st.sampled_from(["America/New_York", "Europe/Berlin", "Europe/London", "Australia/Sydney",
                         "Asia/Kolkata", "Pacific/Chatham", "America/St_Johns", "UTC", "Africa/Casablanca"])
INSTANTS = st.datetimes(min_value=datetime(2000, 1, 1), max_value=datetime(2099, 12, 31),
                        timezones=st.sampled_from([UTC, ZoneInfo("America/New_York"), ZoneInfo("Asia/Tokyo")]))


@settings(max_examples=300, deadline=None)
@given(instant=INSTANTS, zone=ZONES, locale=st.sampled_from(SUPPORTED_LOCALES), minutes=st.integers(0, 3000),
       cents=st.integers(-10**9, 10**9), with_weekday=st.booleans(), with_year=st.booleans())
def test_formatting_never_fails_for_any_aware_instant_and_offered_locale(instant, zone, locale, minutes, cents,
                                                                         with_weekday, with_year):
    text = timefmt.format_instant(instant, zone, with_weekday=with_weekday, with_year=with_year, locale=locale)
    abbreviation = timefmt.zone_abbreviation(instant, zone, locale=locale)
    assert text.endswith(abbreviation) and abbreviation and "\u202f" not in text
    assert timefmt.format_range(instant, instant + timedelta(minutes=minutes), zone, locale=locale)
    assert timefmt.format_day(instant, zone, locale=locale) and timefmt.format_time(instant, zone, locale=locale)
    assert Money(cents, "USD").format(locale=locale) and Money(cents, "EUR").format(locale=locale)


def test_calendar_headings_in_each_locale():
    from datetime import date

    from desktop.rules import datefmt

    tue, mon, sun = date(2026, 11, 24), date(2026, 11, 23), date(2026, 11, 29)
    assert datefmt.day_heading(tue) == "Tuesday 24 November 2026"
    assert datefmt.week_heading(mon, sun) == "23–29 November 2026"
    assert datefmt.week_heading(date(2026, 11, 30), date(2026, 12, 6)) == "30 Nov – 6 Dec 2026"
    assert datefmt.month_heading(tue) == "November 2026"
    assert (datefmt.weekday_and_day(mon), datefmt.weekday(mon), datefmt.hour_label(8)) == ("Mon 23", "Mon", "08:00")
    assert datefmt.week_heading(mon, sun, locale="en_US") == "Nov 23 – 29, 2026"
    assert datefmt.hour_label(19, locale="en_US") == "7 PM"
    assert datefmt.week_heading(date(2026, 11, 30), date(2026, 12, 6), locale="de_DE") == "30. Nov. – 6. Dez. 2026"
    assert datefmt.weekday(mon, locale="de_DE") == "Mo." and datefmt.hour_label(19, locale="de_DE") == "19:00"
    for locale in SUPPORTED_LOCALES:
        for day in (date(2026, 1, 1), date(2026, 12, 31), date(2028, 2, 29)):
            assert datefmt.day_heading(day, locale=locale) and datefmt.month_heading(day, locale=locale)
            assert datefmt.week_heading(day, day + timedelta(days=6), locale=locale)


def test_one_instant_in_two_zones_is_written_for_each():
    # The words are kept per instant, zone and locale; equal instants in two zones are equal datetimes.
    assert timefmt.format_time(DEC_2_8PM_NY, NY) == "20:00"
    assert timefmt.format_time(DEC_2_8PM_NY.astimezone(ZoneInfo(BERLIN)), BERLIN) == "02:00"
    assert timefmt.format_day(DEC_2_8PM_NY, NY) == "Wed 2 Dec"
    assert timefmt.format_day(DEC_2_8PM_NY, BERLIN) == "Thu 3 Dec"
    assert timefmt.format_instant(DEC_2_8PM_NY, BERLIN) == "Thu 3 Dec, 02:00 CET"
