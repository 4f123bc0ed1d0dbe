"""The telehealth rule (issue #14, item 4): what a video link may be, and Join video from exactly
10 minutes before the start until (not including) the end."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from desktop.rules import telehealth
from desktop.rules.telehealth import JoinState, join_state, next_change
from desktop.rules.vocabulary import AppointmentStatus

START = datetime(2026, 11, 25, 13, 0, tzinfo=UTC)
END = START + timedelta(minutes=50)


@pytest.mark.parametrize("link", ["https://meet.example.com/room", "https://zoom.us/j/123?pwd=abc",
                                  "HTTPS://Video.Example.org:8443/a/b#c"])
def test_an_https_address_with_a_host_is_a_link(link):
    assert telehealth.link_problem(link) is None


@pytest.mark.parametrize("link, words", [
    ("http://meet.example.com/room", "https://"), ("ftp://meet.example.com", "https://"),
    ("meet.example.com/room", "https://"), ("https://", "address after https://"),
    ("https://localhost/room", "address after https://"), ("https://meet.example.com/a room", "spaces"),
    ("https://meet.example.com/\u00a0x", "spaces"), ("https://[::1/x", "not a web address"),
    ("https://meet.example.com/" + "x" * telehealth.MAX_LINK, "at most"),
])
def test_anything_else_is_refused_in_words(link, words):
    assert words in telehealth.link_problem(link)


def test_a_link_is_stored_trimmed_and_nothing_typed_is_no_link():
    assert telehealth.clean_link("  https://meet.example.com/r \n") == "https://meet.example.com/r"
    assert telehealth.clean_link("   ") is None and telehealth.clean_link(None) is None
    assert telehealth.host_of("https://Meet.Example.com/secret") == "meet.example.com"


def test_join_opens_exactly_ten_minutes_before_the_start_and_closes_at_the_end():
    opens = START - timedelta(minutes=10)
    assert join_state(START, END, opens - timedelta(microseconds=1)) is JoinState.NOT_YET
    assert join_state(START, END, opens) is JoinState.OPEN
    assert join_state(START, END, END - timedelta(microseconds=1)) is JoinState.OPEN
    assert join_state(START, END, END) is JoinState.OVER
    assert next_change(START, END, opens - timedelta(hours=3)) == opens
    assert next_change(START, END, opens) == END
    assert next_change(START, END, END) is None


def test_join_needs_a_telehealth_appointment_with_a_link():
    now = START - timedelta(minutes=5)
    assert telehealth.can_join(True, "https://meet.example.com/r", START, END, now)
    assert not telehealth.can_join(True, None, START, END, now)
    assert not telehealth.can_join(False, "https://meet.example.com/r", START, END, now)
    assert telehealth.join_line(True, None, START, END, now, "UTC") == telehealth.NO_LINK_YET
    assert "opens at 12:50" in telehealth.join_line(True, "https://m.example.com/r", START, END,
                                                    START - timedelta(hours=1), "UTC")
    assert telehealth.join_line(False, None, START, END, now, "UTC") == ""
    assert telehealth.join_line(True, "https://m.example.com/r", START, END, END, "UTC") == ""


def test_a_link_changes_only_while_the_appointment_is_scheduled_and_not_over():
    before = START - timedelta(days=1)
    assert telehealth.link_change_refusal(AppointmentStatus.SCHEDULED, END, before) is None
    assert "over" in telehealth.link_change_refusal(AppointmentStatus.SCHEDULED, END, END)
    assert "no longer scheduled" in telehealth.link_change_refusal(AppointmentStatus.CANCELLED_BY_CLIENT, END,
                                                                   before)
