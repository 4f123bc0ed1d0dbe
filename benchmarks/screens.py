"""Every read the screens issue, as calls on an open reference practice (desktop/store/reference.py):
shared by the query-plan and statement-budget test (tests/test_query_plans.py) and the
benchmark beside raw sqlite3 (benchmarks/screen_reads.py)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

from desktop.services import (
    calendar,
    client_portal,
    fees,
    messaging,
    people,
    practice_calendar,
    reports,
    urgent,
)
from desktop.services import provider as provider_services
from desktop.services.auth import actor_for
from desktop.store.models import Appointment, Charge, Client, Provider, Thread, User


def screen_reads(now: datetime) -> dict[str, tuple[int, Callable[[], object]]]:
    """Each screen load's reads on an open reference practice around ``now``: name ->
    (its statement budget, a call issuing them)."""
    owner = actor_for(User.get(User.username == "provider01"))
    client_user = User.select().join(Client, on=(Client.user == User.id)).order_by(User.id).first()
    client = actor_for(client_user)
    support = actor_for(User.get(User.username == "support"))
    week = (now, now + timedelta(days=7))
    month = (now - timedelta(days=3), now + timedelta(days=39))
    appt_id = (Appointment.select(Appointment.id)
               .where(Appointment.provider == owner.provider_id, Appointment.starts_at > now)
               .order_by(Appointment.starts_at).scalar())
    client_appt = (Appointment.select(Appointment.id)
                   .where(Appointment.client == client.client_id, Appointment.starts_at > now)
                   .order_by(Appointment.starts_at).scalar())
    charge_id = Charge.select(Charge.id).where(Charge.provider == owner.provider_id).order_by(Charge.id).scalar()
    thread_id = Thread.select(Thread.id).where(Thread.client == client.client_id).order_by(Thread.id).scalar()
    provider_id = Provider.select(Provider.id).order_by(Provider.id).scalar()
    year_ago = (now - timedelta(days=365)).date().replace(day=1)
    three = [p for (p,) in Provider.select(Provider.id).order_by(Provider.id).limit(3).tuples()]
    return {
        # client
        "client dashboard": (4, lambda: client_portal.dashboard(client, now=now)),
        "client upcoming": (3, lambda: client_portal.upcoming(client, now=now, include_cancelled=True)),
        "client past": (3, lambda: client_portal.past(client, now=now)),
        "client appointment": (3, lambda: client_portal.appointment(client, client_appt, now=now)),
        "client calendar month": (2, lambda: calendar.client_range(client, *month)),
        "client booking page": (5, lambda: client_portal.booking_page(client)),
        "client slots": (5, lambda: client_portal.slots(client, provider_id, timedelta(minutes=50), now=now)),
        "client billing": (3, lambda: fees.client_billing(client)),
        "client messages": (2, lambda: messaging.list_threads(client)),
        "client thread": (3, lambda: messaging.thread_messages(client, thread_id)),
        "client unread badge": (2, lambda: messaging.unread_total(client)),
        # provider (the owner)
        "provider week": (2, lambda: calendar.provider_range(owner, *week)),
        "provider month": (2, lambda: calendar.provider_range(owner, *month)),
        "provider appointment detail": (3, lambda: provider_services.appointment_detail(owner, appt_id, now=now)),
        "provider requests": (2, lambda: provider_services.late_requests(owner, pending_only=False)),
        "provider disputes": (2, lambda: fees.provider_disputes(owner)),
        "provider messages": (2, lambda: messaging.list_threads(owner)),
        "provider urgent": (2, lambda: urgent.urgent_items(owner, include_handled=True)),
        "provider urgent badge": (2, lambda: urgent.open_urgent_count(owner)),
        "provider unread badge": (2, lambda: messaging.unread_total(owner)),
        "provider clients": (2, lambda: provider_services.my_clients(owner)),
        "owner people": (2, lambda: people.list_people(owner)),
        "practice week": (2, lambda: practice_calendar.practice_range(owner, *week)),
        "practice month": (2, lambda: practice_calendar.practice_range(owner, *month)),
        "practice month, 3 providers": (2, lambda: practice_calendar.practice_range(owner, *month, three)),
        "owner report, 12 months": (10, lambda: reports.practice_report(owner, year_ago, 12, now=now)),
        "owner report, one provider": (10, lambda: reports.practice_report(owner, year_ago, 12, provider_id, now=now)),
        "owner report filter": (2, lambda: reports.report_providers(owner)),
        # support
        "support queue": (2, lambda: fees.adjustment_queue(support, status=None)),
        "support search": (2, lambda: fees.search_charges(support, "Client 0001")),
        "support history": (7, lambda: fees.charge_history(support, charge_id)),
    }
