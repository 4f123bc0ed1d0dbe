"""Reading and replying to message threads (client ↔ provider), with unread counts."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from peewee import JOIN, fn

from ..rules import limits
from ..store.compiled import CompiledSelect, Param, instances
from ..store.models import Client, Message, Provider, Thread, ThreadKind, ThreadRead, User
from .actor import Actor, current_actor
from .errors import InvalidInput, NotAllowed, NotFound
from .result import Change, OpResult
from .threads import mark_read, open_thread, post
from .tx import audit, utc_now, write_transaction
from .validation import entry_point

# The declared limits, by the names the Messages pages and older callers use.
MAX_BODY = limits.BODY.max_length
MAX_SUBJECT = limits.SUBJECT.max_length


@dataclass(frozen=True)
class ThreadRow:
    id: int
    subject: str
    kind: str  # a ThreadKind value
    other_party: str  # the provider's name for a client, the client's for a provider
    client_id: int
    provider_id: int
    appointment_id: int | None
    charge_id: int | None
    updated_at: datetime
    unread: int
    last_message: str


@dataclass(frozen=True)
class MessageRow:
    id: int
    sender: str  # a name, or "Practice Desk" for notices
    mine: bool
    body: str
    created_at: datetime


def _thread_scope(actor: Actor):
    if actor.is_client:
        return Thread.client == actor.client_id
    if actor.is_provider:
        return Thread.provider == actor.provider_id
    raise NotAllowed("Support reads dispute threads from the fee queue, not the inbox.")


def thread_for(actor: Actor, thread_id: int, *, to_write: bool = False) -> Thread:
    """The conversation, if it is the actor's: its client, or the provider it is with. Both keep
    reading it after the client moved to another provider; ``to_write``: only while its provider
    is still the client's provider (access follows today's assignment)."""
    thread = Thread.get_or_none(Thread.id == thread_id)
    if thread is None:
        raise NotFound("That conversation no longer exists.")
    if not ((actor.is_client and thread.client_id == actor.client_id) or (
            actor.is_provider and thread.provider_id == actor.provider_id)):
        raise NotAllowed("You can only read your own conversations.")
    if to_write and Client.select(Client.provider).where(Client.id == thread.client_id).scalar() != thread.provider_id:
        if actor.is_provider:
            raise NotAllowed("This client now sees another provider; only their provider can write to them. "
                             "The conversation stays here to read.")
        raise NotAllowed("This conversation is with your previous provider and stays here to read. "
                         "Start a new conversation to write to your provider.")
    return thread


def _threads_select(by_client: bool, with_kind: bool):
    """The actor's threads with their unread counts and last message (a query shape)."""
    ClientUser, ProviderUser = User.alias(), User.alias()
    read = ThreadRead.alias()
    user = Param("user")
    last_id = (Message.select(fn.MAX(Message.id)).where(Message.thread == Thread.id))
    unread = (Message.select(fn.COUNT(Message.id))
              .where(Message.thread == Thread.id,
                     Message.id > fn.COALESCE(read.last_read_message_id, 0),
                     (Message.sender.is_null()) | (Message.sender != user)))
    other = ProviderUser.display_name if by_client else ClientUser.display_name
    q = (Thread.select(Thread.id, Thread.subject, Thread.kind, other.alias("other_party"),
                       Thread.client.alias("client_id"), Thread.provider.alias("provider_id"),
                       Thread.appointment.alias("appointment_id"), Thread.charge_id.alias("charge_id"),
                       Thread.updated_at, fn.COALESCE(unread, 0).alias("unread"),
                       Message.select(Message.body).where(Message.id == last_id).alias("last_message"))
         .join(Client, on=(Thread.client == Client.id)).join(ClientUser, on=(Client.user == ClientUser.id))
         .switch(Thread).join(Provider, on=(Thread.provider == Provider.id))
         .join(ProviderUser, on=(Provider.user == ProviderUser.id))
         .switch(Thread).join(read, JOIN.LEFT_OUTER, on=((read.thread == Thread.id) & (read.user == user)))
         .where((Thread.client if by_client else Thread.provider) == Param("owner"))
         .order_by(Thread.updated_at.desc(), Thread.id.desc()))
    return q.where(Thread.kind == Param("kind")) if with_kind else q


# Compiled once per database (store/compiled.py): (client's?, one kind?) -> the shape.
_THREADS = {(by_client, with_kind): CompiledSelect(lambda b=by_client, k=with_kind: _threads_select(b, k))
            for by_client in (True, False) for with_kind in (True, False)}


def _unread_select(by_client: bool):
    """How many messages in the actor's threads they have not read (a query shape)."""
    read = ThreadRead.alias()
    user = Param("user")
    return (Message.select(fn.COUNT(Message.id))
            .join(Thread, on=(Message.thread == Thread.id))
            .switch(Message).join(read, JOIN.LEFT_OUTER, on=((read.thread == Thread.id) & (read.user == user)))
            .where((Thread.client if by_client else Thread.provider) == Param("owner"),
                   Message.id > fn.COALESCE(read.last_read_message_id, 0),
                   (Message.sender.is_null()) | (Message.sender != user)))


_UNREAD = {by_client: CompiledSelect(lambda b=by_client: _unread_select(b)) for by_client in (True, False)}


def _scope(actor: Actor) -> tuple[bool, int]:
    """(the client's threads?, whose): what _thread_scope selects, as query parameters."""
    _thread_scope(actor)  # refuses Support and anyone else
    return (True, actor.client_id) if actor.is_client else (False, actor.provider_id)


def _first_line(body: str | None) -> str:
    return body.splitlines()[0][:120] if body else ""


@entry_point
def list_threads(actor: Actor, *, kind: str | None = None) -> list[ThreadRow]:
    """The actor's threads, newest activity first, with unread counts (one query)."""
    current_actor(actor)
    by_client, owner = _scope(actor)
    compiled = _THREADS[(by_client, kind is not None)]
    rows = compiled.rows(user=actor.user_id, owner=owner, kind=kind)
    rows = [(*r[:10], _first_line(r[10])) for r in rows]
    return instances(ThreadRow, compiled.names, rows)


@entry_point
def unread_total(actor: Actor) -> int:
    """The unread messages of all the actor's threads (what list_threads' counts add up to)."""
    current_actor(actor)
    return unread_total_checked(actor)


def unread_total_checked(actor: Actor) -> int:
    """unread_total for a caller that has checked the account already (the dashboard)."""
    by_client, owner = _scope(actor)
    return _UNREAD[by_client].rows(user=actor.user_id, owner=owner)[0][0] or 0


_THREAD_PARTIES = CompiledSelect(lambda: Thread.select(Thread.client, Thread.provider)
                                 .where(Thread.id == Param("thread")))
_MESSAGES = CompiledSelect(lambda: (
    Message.select(Message.id, Message.body, Message.created_at, Message.sender.alias("sender_id"),
                   User.display_name.alias("sender_name"))
    .join(User, JOIN.LEFT_OUTER, on=(Message.sender == User.id))
    .where(Message.thread == Param("thread")).order_by(Message.id)))


@entry_point
def thread_messages(actor: Actor, thread_id: int) -> list[MessageRow]:
    current_actor(actor)
    # thread_for's read check, on two columns rather than the model.
    parties = _THREAD_PARTIES.rows(thread=thread_id)
    if not parties:
        raise NotFound("That conversation no longer exists.")
    client_id, provider_id = parties[0]
    if not ((actor.is_client and client_id == actor.client_id) or (
            actor.is_provider and provider_id == actor.provider_id)):
        raise NotAllowed("You can only read your own conversations.")
    me = actor.user_id
    rows = [(mid, name or "Practice Desk", sender == me, body, created)
            for mid, body, created, sender, name in _MESSAGES.rows(thread=thread_id)]
    return instances(MessageRow, ["id", "sender", "mine", "body", "created_at"], rows)


@entry_point
def mark_thread_read(actor: Actor, thread_id: int, *, now: datetime | None = None) -> OpResult:
    """Everything in the thread up to its newest message counts as read by the actor."""
    now = utc_now(now)
    with write_transaction(actor):
        thread_for(actor, thread_id)
        last = Message.select(fn.MAX(Message.id)).where(Message.thread == thread_id).scalar() or 0
        mark_read(thread_id, actor.user_id, last)
        audit(actor, "read_thread", "thread", thread_id, at=now, message=last)
    return OpResult(Change.MESSAGES)


def _clean_body(body: str) -> str:
    body = (body or "").strip()
    if not body:
        raise InvalidInput("Type a message first.")
    if len(body) > MAX_BODY:
        raise InvalidInput(f"A message can be at most {MAX_BODY} characters.")
    return body


@entry_point
def reply(actor: Actor, thread_id: int, body: str, *, now: datetime | None = None) -> OpResult:
    now = utc_now(now)
    body = _clean_body(body)
    with write_transaction(actor):
        thread = thread_for(actor, thread_id, to_write=True)
        message = post(thread, actor.user_id, body, now=now)
        audit(actor, "message", "thread", thread.id, at=now, message=message.id)
    return OpResult(Change.MESSAGES, "Message sent.", message.id)


@entry_point
def start_thread(actor: Actor, subject: str, body: str, *, client_id: int | None = None,
                 now: datetime | None = None) -> OpResult:
    """A new general conversation: a client with their provider, or a provider with one of their clients."""
    now = utc_now(now)
    subject = (subject or "").strip()
    if not subject or not (body or "").strip():
        raise InvalidInput("A new conversation needs a subject and a message.")
    if len(subject) > MAX_SUBJECT:
        raise InvalidInput(f"A subject can be at most {MAX_SUBJECT} characters.")
    body = _clean_body(body)
    with write_transaction(actor):
        if actor.is_client:
            client = Client.get_or_none(Client.id == actor.client_id)
            if client is None:
                raise NotAllowed("This account has no client record.")
        elif actor.is_provider:
            client = Client.get_or_none(Client.id == client_id)
            if client is None or client.provider_id != actor.provider_id:
                raise NotAllowed("You can only write to your own clients.")
        else:
            raise NotAllowed("Only clients and providers start conversations.")
        thread = open_thread(client.id, client.provider_id, subject, now=now)
        post(thread, actor.user_id, body, now=now)
        audit(actor, "start_thread", "thread", thread.id, at=now)
    return OpResult(Change.MESSAGES, "Message sent.", thread.id)


def notify(client_id: int, provider_id: int, subject: str, body: str, *, kind: ThreadKind = ThreadKind.NOTICE,
           appointment_id: int | None = None, charge_id: int | None = None, sender_user_id: int | None = None,
           now: datetime) -> Thread:
    """Inside another use case's transaction: tell a client (and their provider) something,
    in the thread tied to the appointment or charge if there is one, else a new notice thread."""
    thread = None
    if appointment_id is not None or charge_id is not None:
        q = Thread.select().where(Thread.client == client_id, Thread.provider == provider_id)
        q = q.where(Thread.appointment == appointment_id) if appointment_id is not None else q.where(
            Thread.charge_id == charge_id)
        thread = q.order_by(Thread.id.desc()).first()
    if thread is None:
        thread = open_thread(client_id, provider_id, subject, kind=kind, appointment_id=appointment_id,
                             charge_id=charge_id, now=now)
    post(thread, sender_user_id, body, now=now)
    return thread
