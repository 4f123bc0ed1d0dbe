"""A client's or a provider's appointments as an iCalendar (RFC 5545) file that updates.

Importing the file again updates the events another calendar program already has instead of
adding copies: every event has a stable UID (``appointment-<id>@practice-desk`` for a single
appointment, ``series-<id>@practice-desk`` for a series), a SEQUENCE that grows with each change
(an appointment's row version, which every move and cancellation bumps) and, once cancelled, a
STATUS:CANCELLED. A series is one event with its RRULE in the series' own zone (TZID with a
VTIMEZONE, so 10:00 stays 10:00 across DST), an EXDATE for each cancelled or skipped occurrence
and a RECURRENCE-ID override for each moved one (``rules/calendar_file.py`` works out which).

The file holds the last month's appointments and every later one (``HISTORY``), cancelled ones
included so that a calendar program drops them, and nothing clinical: times, the service, the
other person's name, the place, the status. Reads only.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event, vRecur
from peewee import JOIN

from ..rules import calendar_file as plan
from ..rules.notice import hours_phrase
from ..rules.series import UnreadableRule, local_to_utc, read_stored, rule_summary
from ..rules.timefmt import format_instant
from ..rules.vocabulary import AppointmentStatus, Role
from ..rules.wording import INSURANCE_SENTENCE, TELEHEALTH_PLACE
from ..store.models import Appointment, Client, FeePolicy, Provider, Series, Service, User
from .actor import Actor, current_actor, require_role
from .errors import NotAllowed
from .tx import utc_now
from .validation import entry_point


@entry_point
def client_calendar_file(actor: Actor, *, practice_name: str = "", now: datetime | None = None) -> bytes:
    """The signed-in client's appointments (see the module's docstring)."""
    current_actor(actor)
    require_role(actor, Role.CLIENT)
    if actor.client_id is None:
        raise NotAllowed("This account has no client record.")
    now = utc_now(now)
    return _file(actor, Appointment.client == actor.client_id, for_client=True,
                 title=f"{practice_name or 'Practice Desk'} appointments", now=now)


@entry_point
def provider_calendar_file(actor: Actor, *, practice_name: str = "", now: datetime | None = None) -> bytes:
    """The signed-in provider's appointments, every client of theirs (see the module's docstring)."""
    current_actor(actor)
    require_role(actor, Role.PROVIDER)
    now = utc_now(now)
    return _file(actor, Appointment.provider == actor.provider_id, for_client=False,
                 title=f"{practice_name or 'Practice Desk'}: {actor.display_name}", now=now)


# -- reading ------------------------------------------------------------------------------------

_CLIENT_USER = User.alias("client_user")
_PROVIDER_USER = User.alias("provider_user")


def _read(condition) -> list[dict]:
    """Appointments with the words their events need, one query (an indexed range or series)."""
    query = (Appointment.select(
        Appointment.id, Appointment.series.alias("series_id"), Appointment.starts_at, Appointment.ends_at,
        Appointment.status, Appointment.version, Appointment.location, Appointment.telehealth,
        Appointment.video_link, Appointment.updated_at, Service.name.alias("service_name"), FeePolicy.notice_minutes,
        _CLIENT_USER.display_name.alias("client_name"), _PROVIDER_USER.display_name.alias("provider_name"))
        .join(Service, join_type=JOIN.LEFT_OUTER, on=(Appointment.service == Service.id))
        .switch(Appointment).join(FeePolicy, on=(Appointment.policy == FeePolicy.id))
        .switch(Appointment).join(Client, on=(Appointment.client == Client.id))
        .join(_CLIENT_USER, on=(Client.user == _CLIENT_USER.id))
        .switch(Appointment).join(Provider, on=(Appointment.provider == Provider.id))
        .join(_PROVIDER_USER, on=(Provider.user == _PROVIDER_USER.id))
        .where(condition).order_by(Appointment.starts_at, Appointment.id))
    return list(query.dicts())


_SERIES_COLUMNS = ("id", "series_id", "starts_at", "ends_at", "status", "version", "location", "telehealth",
                   "video_link", "updated_at")


def _series_rows(series_ids: list[int]) -> list[dict]:
    """Every occurrence row of these series (the unique (series_id, starts_at) index)."""
    query = (Appointment.select(Appointment.id, Appointment.series, Appointment.starts_at, Appointment.ends_at,
                                Appointment.status, Appointment.version, Appointment.location,
                                Appointment.telehealth, Appointment.video_link, Appointment.updated_at)
             .where(Appointment.series.in_(series_ids)).order_by(Appointment.starts_at, Appointment.id))
    return [dict(zip(_SERIES_COLUMNS, row, strict=True)) for row in query.tuples()]


def _file(actor: Actor, owner_condition, *, for_client: bool, title: str, now: datetime) -> bytes:
    since = now - plan.HISTORY
    recent = _read(owner_condition & (Appointment.starts_at >= since))
    series_ids = sorted({r["series_id"] for r in recent if r["series_id"] is not None})
    cal = Calendar()
    cal.add("prodid", plan.PRODID)
    cal.add("version", "2.0")
    cal.add("x-wr-calname", title)
    span: list[date] = []
    words = _Words(actor.time_zone, for_client)
    for row in recent:
        if row["series_id"] is None:
            cal.add_component(_single(row, words, ZoneInfo(actor.time_zone), now))
            span.append(row["starts_at"].date())
    if series_ids:
        # Each series' words (service, names, policy) from one of its recent rows; its whole
        # history of rows, light (no joins), because an EXDATE may be years back.
        words_of = {r["series_id"]: r for r in recent if r["series_id"] is not None}
        occurrences: dict[int, list[dict]] = {}
        for row in _series_rows(series_ids):
            occurrences.setdefault(row["series_id"], []).append({**words_of[row["series_id"]], **row})
        for series in Series.select().where(Series.id.in_(series_ids)).order_by(Series.id):
            for event in _series_events(series, occurrences.get(series.id, []), words, now, span):
                cal.add_component(event)
    if span:
        cal.add_missing_timezones(first_date=min(span) - timedelta(days=1),
                                  last_date=max(max(span) + timedelta(days=366), date(2038, 1, 1)))
    return cal.to_ical()


# -- writing ------------------------------------------------------------------------------------

class _Words:
    """What an event says, for the client's file or the provider's."""

    def __init__(self, zone: str, for_client: bool) -> None:
        self.zone, self.for_client = zone, for_client

    def summary(self, row: dict) -> str:
        service = row["service_name"] or "Session"
        return f"{service} with {row['provider_name']}" if self.for_client else f"{row['client_name']}: {service}"

    def description(self, row: dict, *, repeating: str = "") -> str:
        status = AppointmentStatus(row["status"])
        lines = [repeating] if repeating else []
        if status is not AppointmentStatus.SCHEDULED:
            lines.append(f"{status.label}.")
        elif self.for_client:
            notice = timedelta(minutes=row["notice_minutes"])
            if repeating:
                lines.append(f"Free cancellation up to {hours_phrase(notice)} before each appointment; "
                             "later, cancelling needs your provider.")
            else:
                deadline = format_instant(row["starts_at"] - notice, self.zone)
                lines.append(f"Free cancellation until {deadline}; later, cancelling needs your provider.")
        if self.for_client:
            lines.append(INSURANCE_SENTENCE)
        return " ".join(lines)


def _event(uid: str, row: dict, words: _Words, zone: ZoneInfo, now: datetime, *, sequence: int,
           repeating: str = "") -> Event:
    event = Event()
    event.add("uid", uid)
    event.add("dtstamp", now)
    local = row["starts_at"].astimezone(zone)
    # The second of an autumn hour's two 02:45s cannot be told apart as a wall-clock time with a
    # TZID (a calendar program reads the first): that one is written as its UTC instant.
    event.add("dtstart", row["starts_at"].astimezone(UTC) if local.fold else local)
    event.add("duration", row["ends_at"] - row["starts_at"])  # exact time, as the rows keep it
    event.add("summary", words.summary(row))
    event.add("location", TELEHEALTH_PLACE if row["telehealth"] else row["location"])
    if row.get("video_link"):  # the file is the client's own or their provider's: the two who may see it
        event.add("url", row["video_link"])
    event.add("description", words.description(row, repeating=repeating))
    event.add("sequence", sequence)
    event.add("last-modified", row["updated_at"])
    event.add("status", "CONFIRMED" if plan.is_kept(row["status"]) else "CANCELLED")
    return event


def _single(row: dict, words: _Words, zone: ZoneInfo, now: datetime) -> Event:
    return _event(plan.appointment_uid(row["id"]), row, words, zone, now, sequence=row["version"])


def _file_row(row: dict) -> plan.FileRow:
    return plan.FileRow(row["id"], row["starts_at"], row["ends_at"], row["status"], row["version"])


def _series_events(series: Series, rows: list[dict], words: _Words, now: datetime,
                   span: list[date]) -> list[Event]:
    try:
        first_local = read_stored(series.rrule, series.first_local, series.time_zone)
    except UnreadableRule:  # not a rule we wrote: its rows stand alone, as they are
        zone = ZoneInfo(words.zone)
        span += [r["starts_at"].date() for r in rows]
        return [_single(r, words, zone, now) for r in rows]
    zone = ZoneInfo(series.time_zone)
    shape = plan.SeriesShape(series.rrule, first_local, series.time_zone,
                             timedelta(minutes=series.duration_minutes), series.materialised_until)
    laid_out = plan.plan_series(shape, [_file_row(r) for r in rows])
    by_id = {r["id"]: r for r in rows}
    uid = plan.series_uid(series.id)
    repeating = f"{rule_summary(series.rrule, first_local)}."
    # The master event: the series' own first start and length; what it says comes from its
    # first occurrence row (service, names, policy), with the status of the series as a whole.
    template = dict(rows[0]) if rows else None
    if template is None:
        return []
    start = local_to_utc(first_local, zone)
    template.update(starts_at=start, ends_at=start + shape.duration, status=AppointmentStatus.SCHEDULED,
                    updated_at=max(r["updated_at"] for r in rows), location=series.location,
                    telehealth=series.telehealth)
    master = _event(uid, template, words, zone, now, sequence=laid_out.sequence, repeating=repeating)
    # DTSTART as the rule's own wall clock, even when that first time does not exist (a series
    # begun in a spring-forward gap): written as the instant it lands on (an hour later), a
    # calendar program would repeat that later time all year, not the series' own.
    master.pop("dtstart")
    master.add("dtstart", first_local.replace(tzinfo=zone))
    master.add("rrule", vRecur.from_ical(laid_out.rule))
    if laid_out.exdates:
        master.add("exdate", [local.replace(tzinfo=zone) for local in laid_out.exdates])
    events = [master]
    for override in laid_out.overrides:
        row = by_id[override.row.id]
        event = _event(uid, row, words, zone, now, sequence=laid_out.sequence, repeating=repeating)
        event.add("recurrence-id", override.recurrence_local.replace(tzinfo=zone))
        events.append(event)
    events += [_single(by_id[stray.id], words, zone, now) for stray in laid_out.strays]
    span += [first_local.date(), max(r["starts_at"] for r in rows).date()]
    if laid_out.last_local is not None:
        span.append(laid_out.last_local.date())
    return events
