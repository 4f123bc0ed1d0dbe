"""Message threads between a client and their provider (writing side)."""

from __future__ import annotations

from datetime import datetime

from ..store.models import Message, Thread, ThreadKind, ThreadRead


def open_thread(client_id: int, provider_id: int, subject: str, *, kind: ThreadKind = ThreadKind.GENERAL,
                appointment_id: int | None = None, charge_id: int | None = None, now: datetime) -> Thread:
    return Thread.create(
        client=client_id, provider=provider_id, subject=subject, kind=kind,
        appointment=appointment_id, charge_id=charge_id, created_at=now, updated_at=now,
    )


def post(thread: Thread, sender_user_id: int | None, body: str, *, now: datetime) -> Message:
    """Append a message (sender ``None`` for a notice from the practice) and mark
    the thread read up to it for the sender."""
    message = Message.create(thread=thread, sender=sender_user_id, body=body, created_at=now)
    Thread.update(updated_at=now).where(Thread.id == thread.id).execute()
    if sender_user_id is not None:
        mark_read(thread.id, sender_user_id, message.id)
    return message


def mark_read(thread_id: int, user_id: int, message_id: int) -> None:
    (ThreadRead.insert(thread=thread_id, user=user_id, last_read_message_id=message_id)
     .on_conflict(conflict_target=[ThreadRead.thread, ThreadRead.user],
                  update={ThreadRead.last_read_message_id: message_id})
     .execute())
