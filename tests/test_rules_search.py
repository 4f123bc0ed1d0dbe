"""Find's terms: names, references and dates out of what a person typed."""

from __future__ import annotations

from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from desktop.rules.search import search_terms

TODAY = date(2026, 11, 24)


def test_names_references_and_dates():
    assert search_terms("Jordan Lee", TODAY).words == ("jordan", "lee")
    terms = search_terms("alex #7 4 Dec", TODAY)
    assert terms.words == ("alex",) and terms.references == (7,) and terms.day == date(2026, 12, 4)
    assert search_terms("2026-12-04 morgan", TODAY).day == date(2026, 12, 4)
    assert search_terms("may", TODAY).day is None  # a name, not a month
    assert search_terms("3 Jan", TODAY).day == date(2027, 1, 3)  # ahead, not ten months back
    assert search_terms("12/4", TODAY, day_first=False).day == date(2026, 12, 4)  # en_US order
    assert search_terms("4/12", TODAY).day == date(2026, 12, 4)  # day first
    assert search_terms("   ", TODAY).empty


@given(st.text(max_size=80))
def test_any_text_gives_terms_and_never_raises(text):
    terms = search_terms(text, TODAY)
    assert all(w == w.casefold() for w in terms.words)
    assert all(isinstance(r, int) for r in terms.references)
