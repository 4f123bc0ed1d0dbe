"""People management: owner only; first passwords must be changed; deactivation keeps history."""

from __future__ import annotations

from datetime import timedelta

import pytest

from desktop.services import people as svc
from desktop.services import provider as provider_svc
from desktop.services.auth import sign_in
from desktop.services.booking import extend_horizons
from desktop.services.errors import Conflict, InvalidInput, NotAllowed, SignInFailed
from desktop.store.models import (
    Appointment,
    AppointmentStatus,
    AuditEvent,
    Client,
    FeePolicy,
    Provider,
    Role,
    Series,
    User,
    WorkingHours,
)
from tests.factories import actor


def chen_id() -> int:
    return actor("dr.chen").provider_id


def test_owner_adds_a_client_who_must_change_password(demo_db, now):
    owner = actor("dr.rivera")
    form = svc.PersonForm("Robin Park", "robin@mail.example", "555-0200", "America/Chicago", chen_id())
    result = svc.add_person(owner, Role.CLIENT, "Robin.Park", "first-pass-1", form, now=now)
    user = User.get_by_id(result.value)
    assert (user.username, user.role, user.must_change_password, user.time_zone) == (
        "robin.park", "client", True, "America/Chicago")
    assert Client.get(Client.user == user).provider_id == chen_id()
    signed = sign_in("robin.park", "first-pass-1", now=now)
    assert signed.must_change_password
    row = next(p for p in svc.list_people(owner) if p.username == "robin.park")
    assert row.provider_name == "Dr. Daniel Chen" and row.must_change_password


def test_owner_adds_provider_and_support(demo_db, now):
    owner = actor("dr.rivera")
    pid = svc.add_person(owner, Role.PROVIDER, "dr.new", "first-pass-1",
                         svc.PersonForm("Dr. New", time_zone="America/New_York"), now=now).value
    provider = Provider.get(Provider.user == pid)
    assert FeePolicy.select().where(FeePolicy.provider == provider).count() == 1
    assert WorkingHours.select().where(WorkingHours.provider == provider).exists()
    sid = svc.add_person(owner, Role.SUPPORT, "helper", "first-pass-1", svc.PersonForm("Helper"), now=now).value
    assert User.get_by_id(sid).role == "support"


def _upcoming(client: Client, now) -> list[Appointment]:
    return list(Appointment.select().where(Appointment.client == client.id,
                                           Appointment.status == AppointmentStatus.SCHEDULED,
                                           Appointment.ends_at > now))


def test_edit_client_details_keeping_the_provider(demo_db, now):
    owner = actor("dr.rivera")
    alex = User.get(User.username == "alex.morgan")
    rivera = Client.get(Client.user == alex).provider_id
    svc.edit_person(owner, alex.id, svc.PersonForm("Alex M. Morgan", "alex@new.example", "1", "Europe/London",
                                                   rivera), now=now)
    fresh = User.get_by_id(alex.id)
    assert (fresh.display_name, fresh.time_zone) == ("Alex M. Morgan", "Europe/London")
    assert Client.get(Client.user == alex).provider_id == rivera


def test_moving_a_client_with_upcoming_appointments_to_another_provider_is_refused(demo_db, now):
    owner = actor("dr.rivera")
    alex = User.get(User.username == "alex.morgan")
    client = Client.get(Client.user == alex)
    upcoming = _upcoming(client, now)
    series = {a.series_id for a in upcoming if a.series_id}
    assert len(upcoming) > 1 and series  # the demo: a weekly series and single appointments
    in_series = sum(1 for a in upcoming if a.series_id)
    with pytest.raises(Conflict) as refused:
        svc.edit_person(owner, alex.id, svc.PersonForm("Alex M. Morgan", time_zone="Europe/London",
                                                       provider_id=chen_id()), now=now)
    assert str(refused.value) == (
        f"Alex Morgan still has {len(upcoming)} upcoming appointments with Dr. Maya Rivera "
        f"({in_series} of them in {len(series)} open repeating series). "
        "Cancel or move them first, then change the provider.")
    # Nothing was changed, not even the other fields of the form.
    assert Client.get_by_id(client.id).provider_id == client.provider_id
    fresh = User.get_by_id(alex.id)
    assert (fresh.display_name, fresh.time_zone) == (alex.display_name, alex.time_zone)


def test_a_client_moves_once_nothing_upcoming_is_left_and_the_emptied_series_ends(demo_db, now):
    owner = actor("dr.rivera")
    alex = User.get(User.username == "alex.morgan")
    client = Client.get(Client.user == alex)
    rivera = client.provider_id
    upcoming = _upcoming(client, now)
    series_ids = {a.series_id for a in upcoming if a.series_id}
    last = upcoming.pop()
    for appt in upcoming:
        provider_svc.cancel_for_client(owner, appt.id, "provider_unavailable", now=now)
    with pytest.raises(Conflict, match=r"still has 1 upcoming appointment with Dr\. Maya Rivera.*Cancel or move it"):
        svc.edit_person(owner, alex.id, svc.PersonForm(alex.display_name, provider_id=chen_id()), now=now)
    provider_svc.cancel_for_client(owner, last.id, "provider_unavailable", now=now)
    svc.edit_person(owner, alex.id, svc.PersonForm(alex.display_name, time_zone=alex.time_zone,
                                                   provider_id=chen_id()), now=now)
    assert Client.get_by_id(client.id).provider_id == chen_id()
    # The emptied series is ended: the horizon job books nothing more into the old calendar.
    assert all(Series.get_by_id(s).ended for s in series_ids)
    before = Appointment.select().where(Appointment.provider == rivera, Appointment.client == client.id).count()
    extend_horizons(now=now + timedelta(days=60))
    assert Appointment.select().where(Appointment.provider == rivera,
                                      Appointment.client == client.id).count() == before
    event = AuditEvent.select().where(AuditEvent.action == "edit_person").order_by(AuditEvent.id.desc()).first()
    assert event.detail["ended_series"] == sorted(series_ids)
    assert event.detail["before"]["provider"] == rivera


def test_deactivate_keeps_history_and_stops_sign_in(demo_db, now):
    owner = actor("dr.rivera")
    alex = User.get(User.username == "alex.morgan")
    appointments = Appointment.select().join(Client).where(Client.user == alex).count()
    svc.set_active(owner, alex.id, False, now=now)
    with pytest.raises(SignInFailed):
        sign_in("alex.morgan", "demo-password", now=now)
    assert Appointment.select().join(Client).where(Client.user == alex).count() == appointments
    with pytest.raises(Conflict):
        svc.set_active(owner, alex.id, False, now=now)
    svc.set_active(owner, alex.id, True, now=now)
    assert sign_in("alex.morgan", "demo-password", now=now).username == "alex.morgan"


def test_refusals(demo_db, now):
    form = svc.PersonForm("X Y", provider_id=chen_id())
    for who in ("dr.chen", "alex.morgan", "support"):  # a provider who is not the owner, a client, Support
        with pytest.raises(NotAllowed):
            svc.add_person(actor(who), Role.CLIENT, "xy", "first-pass-1", form, now=now)
        with pytest.raises(NotAllowed):
            svc.list_people(actor(who))
        with pytest.raises(NotAllowed):
            svc.set_active(actor(who), User.get(User.username == "jordan.lee").id, False, now=now)
        with pytest.raises(NotAllowed):
            svc.edit_person(actor(who), User.get(User.username == "jordan.lee").id, form, now=now)
    owner = actor("dr.rivera")
    with pytest.raises(Conflict):
        svc.add_person(owner, Role.CLIENT, "alex.morgan", "first-pass-1", form, now=now)
    with pytest.raises(InvalidInput):
        svc.add_person(owner, Role.CLIENT, "ok.name", "short", form, now=now)
    with pytest.raises(InvalidInput):
        svc.add_person(owner, Role.CLIENT, "bad name!", "first-pass-1", form, now=now)
    with pytest.raises(InvalidInput):
        svc.add_person(owner, Role.CLIENT, "ok.name", "first-pass-1", svc.PersonForm("A", provider_id=None), now=now)
    with pytest.raises(InvalidInput):
        svc.add_person(owner, Role.CLIENT, "ok.name", "first-pass-1",
                       svc.PersonForm("A", time_zone="Mars/Base", provider_id=chen_id()), now=now)
    with pytest.raises(InvalidInput):
        svc.add_person(owner, Role.CLIENT, "ok.name", "first-pass-1",
                       svc.PersonForm("A", email="nope", provider_id=chen_id()), now=now)
    with pytest.raises(NotAllowed):
        svc.set_active(owner, owner.user_id, False, now=now)
    with pytest.raises(Conflict):  # dr.chen still has active clients
        svc.set_active(owner, User.get(User.username == "dr.chen").id, False, now=now)
    assert not User.select().where(User.username == "ok.name").exists()


def test_an_edit_made_elsewhere_is_not_overwritten(demo_db, now):
    owner = actor("dr.rivera")
    shown = next(r for r in svc.list_people(owner) if r.username == "alex.morgan")
    form = svc.PersonForm(shown.name, "alex@elsewhere.example", shown.phone, shown.time_zone, shown.provider_id)
    svc.edit_person(owner, shown.user_id, form, expected=shown, now=now)
    audits = AuditEvent.select().count()
    stale = svc.PersonForm("Alex Stale", shown.email, shown.phone, shown.time_zone, shown.provider_id)
    with pytest.raises(Conflict, match="changed on another workstation"):
        svc.edit_person(owner, shown.user_id, stale, expected=shown, now=now)
    fresh = User.get_by_id(shown.user_id)
    assert (fresh.display_name, fresh.email) == (shown.name, "alex@elsewhere.example")
    assert AuditEvent.select().count() == audits
    again = next(r for r in svc.list_people(owner) if r.username == "alex.morgan")
    svc.edit_person(owner, shown.user_id, stale, expected=again, now=now)
    assert User.get_by_id(shown.user_id).display_name == "Alex Stale"


def test_the_people_list_takes_one_query(demo_db, now):
    # Every read first checks the account against the database (services/actor.current_actor): one query.
    from playhouse.test_utils import count_queries

    owner = actor("dr.rivera")
    with count_queries() as counter:
        rows = svc.list_people(owner)
    assert len(rows) > 5 and counter.count == 2
    assert {r.role for r in rows} == {Role.CLIENT, Role.PROVIDER, Role.SUPPORT}


def test_the_people_list_says_why_the_owner_cannot_deactivate_themselves(demo_db, now):
    owner = actor("dr.rivera")
    rows = {r.username: r for r in svc.list_people(owner)}
    with pytest.raises(NotAllowed) as refused:
        svc.set_active(owner, owner.user_id, False, now=now)
    assert rows["dr.rivera"].toggle_refusal == refused.value.message != ""
    assert rows["alex.morgan"].toggle_refusal == "" and rows["dr.chen"].toggle_refusal == ""
