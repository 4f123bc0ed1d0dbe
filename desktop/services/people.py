"""People: the practice owner adds and edits clients, providers and Support staff.

Accounts are never deleted: deactivating keeps every appointment, message and
audit row and only stops the account from signing in.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from peewee import JOIN

from ..store.compiled import CompiledSelect, instances
from ..store.models import (
    Appointment,
    AppointmentStatus,
    Client,
    Dispute,
    DisputeStatus,
    Provider,
    Role,
    Series,
    Thread,
    User,
)
from .access import current_policy
from .actor import Actor, current_actor, require_owner
from .auth import check_zone, create_default_policy, create_default_working_hours
from .errors import Conflict, InvalidInput, NotAllowed, NotFound
from .passwords import hash_password, password_problem
from .result import Change, OpResult
from .tx import audit, locked, utc_now, write_transaction
from .validation import entry_point

_USERNAME = re.compile(r"^[a-z0-9][a-z0-9._-]{1,39}$")

# The roles the owner can give an account, as the People page names them; the page reads
# them here so it never imports the store's constants.
# A front-desk account sees the practice calendar (names, times, status, provider) and nothing
# clinical: granting it is adding such an account, taking it away deactivating it (both audited).
ROLE_LABELS = {Role.CLIENT: "Client", Role.PROVIDER: "Provider", Role.SUPPORT: "Support",
               Role.FRONT_DESK: "Front desk"}
CLIENT_ROLE = Role.CLIENT


@dataclass(frozen=True)
class PersonRow:
    user_id: int
    username: str
    name: str
    role: str
    is_owner: bool
    active: bool
    email: str
    phone: str
    time_zone: str
    client_id: int | None
    provider_id: int | None  # a provider's own id, or a client's provider
    provider_name: str  # a client's provider
    must_change_password: bool
    toggle_refusal: str  # why the owner cannot (de)activate this account now, or ""


def _toggle_refusal(actor: Actor, user_id: int, active: bool) -> NotAllowed | None:
    """Deactivating or reactivating ``user_id`` (currently ``active``), as far as the row alone tells."""
    if user_id == actor.user_id and active:
        return NotAllowed("You cannot deactivate your own account: the practice needs its owner.")
    return None


@entry_point
def list_people(actor: Actor) -> list[PersonRow]:
    """Everyone, by role then name (one query)."""
    current_actor(actor)
    require_owner(actor)
    me = actor.user_id
    provider_role = Role.PROVIDER
    rows = []
    for (user_id, username, name, role, is_owner, active, email, phone, zone, client_id, clients_provider_id,
         provider_name, own_provider_id, must_change) in _PEOPLE.rows():
        # _toggle_refusal refuses only the owner's own active account: asked for that row alone.
        refusal = _toggle_refusal(actor, user_id, active) if user_id == me else None
        rows.append((user_id, username, name, role, is_owner, active, email, phone, zone, client_id,
                     own_provider_id if role == provider_role else clients_provider_id, provider_name or "",
                     must_change, refusal.message if refusal else ""))
    return instances(PersonRow, _PERSON_FIELDS, rows)


def _people_select():
    """Everyone with their client record and provider, by role then name (a query shape)."""
    ProviderUser = User.alias()
    Own = Provider.alias()
    return (User.select(User.id.alias("user_id"), User.username, User.display_name.alias("name"), User.role,
                        User.is_owner, User.active, User.email, User.phone, User.time_zone,
                        Client.id.alias("client_id"), Client.provider.alias("clients_provider_id"),
                        ProviderUser.display_name.alias("provider_name"), Own.id.alias("own_provider_id"),
                        User.must_change_password)
            .join(Client, JOIN.LEFT_OUTER, on=(Client.user == User.id))
            .join(Provider, JOIN.LEFT_OUTER, on=(Client.provider == Provider.id))
            .join(ProviderUser, JOIN.LEFT_OUTER, on=(Provider.user == ProviderUser.id))
            .switch(User).join(Own, JOIN.LEFT_OUTER, on=(Own.user == User.id))
            .order_by(User.role, User.display_name))


_PEOPLE = CompiledSelect(_people_select)
_PERSON_FIELDS = ["user_id", "username", "name", "role", "is_owner", "active", "email", "phone", "time_zone",
                  "client_id", "provider_id", "provider_name", "must_change_password", "toggle_refusal"]


@dataclass(frozen=True)
class ProviderChoice:
    id: int
    name: str


@entry_point
def provider_choices(actor: Actor) -> list[ProviderChoice]:
    current_actor(actor)
    require_owner(actor)
    q = (Provider.select(Provider.id, User.display_name.alias("name")).join(User)
         .where(User.active == True).order_by(User.display_name))  # noqa: E712
    return [ProviderChoice(**r) for r in q.dicts()]


@dataclass(frozen=True)
class PersonForm:
    """What the owner types for a new or edited person."""

    name: str
    email: str = ""
    phone: str = ""
    time_zone: str = "America/New_York"
    provider_id: int | None = None  # a client's provider


def _clean(form: PersonForm, *, role: str) -> PersonForm:
    name = form.name.strip()
    if not name:
        raise InvalidInput("Type the person's name.")
    email = form.email.strip()
    if email and not re.match(r"^[^@\s]+@[^@\s]+\.[^@\s]+$", email):
        raise InvalidInput(f"“{email}” is not an e-mail address.")
    check_zone(form.time_zone.strip())
    if role == Role.CLIENT:
        if form.provider_id is None:
            raise InvalidInput("Choose the provider this client sees.")
        provider = Provider.select(Provider.id).join(User).where(Provider.id == form.provider_id,
                                                                 User.active == True).first()  # noqa: E712
        if provider is None:
            raise InvalidInput("That provider is not an active provider of the practice.")
    return PersonForm(name, email, form.phone.strip(), form.time_zone.strip(), form.provider_id)


def _check_new_account(username: str, password: str) -> str:
    username = username.strip().lower()
    if not _USERNAME.match(username):
        raise InvalidInput("A user name is 2 to 40 lower-case letters, digits, dots, dashes or underscores.")
    problem = password_problem(password)
    if problem:
        raise InvalidInput(f"First password: {problem}")
    if User.select().where(User.username == username).exists():
        raise Conflict(f"The user name “{username}” is taken; choose another.")
    return username


@entry_point
def add_person(actor: Actor, role: str, username: str, first_password: str, form: PersonForm, *,
               now: datetime | None = None) -> OpResult:
    """A new client, provider, Support or front-desk account with a first password that must be changed at sign-in."""
    now = utc_now(now)
    require_owner(actor)
    if role not in tuple(Role):
        raise InvalidInput("Choose client, provider, Support or front desk.")
    form = _clean(form, role=role)
    with write_transaction(actor):
        username = _check_new_account(username, first_password)
        user = User.create(username=username, display_name=form.name, role=role, password_hash=hash_password(
            first_password), must_change_password=True, email=form.email, phone=form.phone,
            time_zone=form.time_zone, created_at=now)
        if role == Role.CLIENT:
            Client.create(user=user, provider=form.provider_id)
        elif role == Role.PROVIDER:
            provider = Provider.create(user=user)
            owner_policy = current_policy(actor.provider_id)
            create_default_policy(provider, owner_policy.currency, by=User.get_by_id(actor.user_id), now=now)
            create_default_working_hours(provider)
        audit(actor, "add_person", "user", user.id, at=now, role=role, username=username,
              provider=form.provider_id if role == Role.CLIENT else None)
    label = {Role.CLIENT: "Client", Role.PROVIDER: "Provider", Role.SUPPORT: "Support account",
             Role.FRONT_DESK: "Front-desk account"}[role]
    return OpResult(Change.PEOPLE, f"{label} {form.name} added; they choose a new password at first sign-in.",
                    user.id)


def _person(user_id: int) -> User:
    """The account, locked: a use case of that person in flight on another workstation ends
    first (its write transaction holds the row), then this one sees what it did."""
    user = locked(User.select()).where(User.id == user_id).first()
    if user is None:
        raise NotFound("That account no longer exists.")
    return user


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def _refuse_provider_change(client: Client, name: str, now: datetime) -> list[int]:
    """A client changes provider only once nothing upcoming is left with the current one: their
    scheduled appointments (and the open series they belong to) would stay in the old provider's
    calendar, where that provider could no longer act on them. Returns the ids of the client's
    open series with the current provider that have nothing upcoming left (ending them is safe)."""
    upcoming = list(Appointment.select(Appointment.id, Appointment.series).where(
        Appointment.client == client.id, Appointment.provider == client.provider_id,
        Appointment.status == AppointmentStatus.SCHEDULED, Appointment.ends_at > now).tuples())
    busy_series = {sid for _, sid in upcoming if sid is not None}
    open_series = [sid for (sid,) in Series.select(Series.id).where(
        Series.client == client.id, Series.provider == client.provider_id,
        Series.ended == False).tuples()]  # noqa: E712
    if upcoming:
        current = User.select(User.display_name).join(Provider).where(Provider.id == client.provider_id).scalar()
        text = f"{name} still has {_plural(len(upcoming), 'upcoming appointment')} with {current}"
        if busy_series:
            in_series = sum(1 for _, sid in upcoming if sid is not None)
            of_them = "it is" if len(upcoming) == 1 else f"{in_series} of them"
            text += f" ({of_them} in {len(busy_series)} open repeating series)"
        them = "it" if len(upcoming) == 1 else "them"
        raise Conflict(f"{text}. Cancel or move {them} first, then change the provider.")
    # An open dispute is answered by the provider it was brought to, who could no longer act for
    # the client afterwards (access follows today's assignment).
    disputes = (Dispute.select().join(Thread, on=(Dispute.thread == Thread.id))
                .where(Dispute.client == client.id, Thread.provider == client.provider_id,
                       Dispute.status == DisputeStatus.OPEN).count())
    if disputes:
        current = User.select(User.display_name).join(Provider).where(Provider.id == client.provider_id).scalar()
        raise Conflict(f"{name} has {_plural(disputes, 'open fee dispute')} with {current}. It must be settled "
                       "(or sent to Support) first, then change the provider.")
    return open_series  # nothing upcoming is left in any of them


@entry_point
def edit_person(actor: Actor, user_id: int, form: PersonForm, *, expected: PersonRow | None = None,
                now: datetime | None = None) -> OpResult:
    """Change name, contact details, time zone and (for a client) their provider.

    ``expected`` is the row the owner was editing: if the person changed since (on another
    workstation), nothing is saved (rule 10).

    A client changes provider only when nothing upcoming is left with the current one
    (see ``_refuse_provider_change``); repeating series that have nothing upcoming left
    are ended then, so the horizon job never books them into the old calendar again."""
    now = utc_now(now)
    require_owner(actor)
    with write_transaction(actor):
        user = _person(user_id)
        form = _clean(form, role=user.role)
        before = {"name": user.display_name, "email": user.email, "phone": user.phone, "time_zone": user.time_zone}
        client = Client.get(Client.user == user.id) if user.role == Role.CLIENT else None
        if expected is not None:
            shown = {"name": expected.name, "email": expected.email, "phone": expected.phone,
                     "time_zone": expected.time_zone}
            if shown != before or (client is not None and client.provider_id != expected.provider_id):
                raise Conflict(f"{user.display_name} was changed on another workstation a moment ago; nothing was "
                               "saved. Look at the person again, then save.")
        ended_series: list[int] = []
        if client is not None:
            if client.provider_id != form.provider_id:
                ended_series = _refuse_provider_change(client, user.display_name, now)
                before["provider"] = client.provider_id
                Client.update(provider=form.provider_id).where(Client.id == client.id).execute()
                if ended_series:
                    Series.update(ended=True).where(Series.id.in_(ended_series)).execute()
        User.update(display_name=form.name, email=form.email, phone=form.phone, time_zone=form.time_zone).where(
            User.id == user.id).execute()
        audit(actor, "edit_person", "user", user.id, at=now, before=before,
              after={"name": form.name, "email": form.email, "phone": form.phone, "time_zone": form.time_zone,
                     "provider": form.provider_id}, ended_series=ended_series)
    return OpResult(Change.PEOPLE, f"{form.name} saved.", user.id)


@entry_point
def set_active(actor: Actor, user_id: int, active: bool, *, now: datetime | None = None) -> OpResult:
    """Deactivate (history kept, sign-in stops) or reactivate an account."""
    now = utc_now(now)
    require_owner(actor)
    if (refusal := _toggle_refusal(actor, user_id, not active)) is not None:
        raise refusal
    with write_transaction(actor):
        user = _person(user_id)
        if user.active == active:
            state = "active" if active else "deactivated"
            raise Conflict(f"{user.display_name} is already {state}.")
        if not active and user.role == Role.PROVIDER:
            provider = Provider.get(Provider.user == user.id)
            if Client.select().join(User).where(Client.provider == provider.id, User.active == True).exists():  # noqa: E712
                raise Conflict(f"{user.display_name} still has active clients; move them to another provider "
                               "first.")
        User.update(active=active).where(User.id == user.id).execute()
        if active and user.role == Role.CLIENT:
            # The horizon job skipped their series while they were deactivated: they resume from
            # today, never with occurrences in the time that passed meanwhile.
            client_id = Client.select(Client.id).where(Client.user == user.id).scalar()
            Series.update(materialised_until=now).where(Series.client == client_id, Series.ended == False,  # noqa: E712
                                                        Series.materialised_until < now).execute()
        audit(actor, "activate_person" if active else "deactivate_person", "user", user.id, at=now,
              username=user.username)
    verb = "reactivated" if active else "deactivated: their history is kept and they can no longer sign in"
    return OpResult(Change.PEOPLE, f"{user.display_name} {verb}.", user.id)
