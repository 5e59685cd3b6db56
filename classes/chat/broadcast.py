"""Fan-out through the channel layer, always after the transaction commits:
a message reaches phones only once it is safely in the database."""

import json
from contextlib import asynccontextmanager
from contextvars import ContextVar

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from django.db import transaction

# Set by a consumer around its database work (see sent_from_the_event_loop).
_held = ContextVar("chat_held_broadcasts", default=None)


def user_group(user_id):
    return f"chat.user.{user_id}"


def session_group(session_key):
    return f"chat.session.{session_key}"


def send_after_commit(group, event):
    def send():
        held = _held.get()
        if held is not None:
            held.append((group, event))
        else:
            async_to_sync(get_channel_layer().group_send)(group, event)

    transaction.on_commit(send)


@asynccontextmanager
async def sent_from_the_event_loop():
    """Broadcasts committed by database work awaited inside this block are
    sent from the consumer's event loop when it ends, not from the worker thread:
    there, async_to_sync kept the thread waiting for the (busy) event loop to
    publish, a hop there and back per message (docs/BENCHMARKS.md)."""
    held = []
    token = _held.set(held)
    try:
        yield
    finally:
        _held.reset(token)
        for group, event in held:
            await get_channel_layer().group_send(group, event)


def tell_room(room, frame):
    # Serialized once here, not once per receiving socket.
    send_after_commit(room.channel_group, {"type": "chat.frame", "text": json.dumps(frame)})


def tell_user(user_id, event_type, **data):
    """e.g. membership.changed: the user's sockets re-check (and close) themselves."""
    send_after_commit(user_group(user_id), {"type": event_type, **data})


def tell_session(session_key, event_type):
    send_after_commit(session_group(session_key), {"type": event_type})
