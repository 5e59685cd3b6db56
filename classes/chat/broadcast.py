"""Fan-out through the channel layer, always after the transaction commits:
a message reaches phones only once it is safely in the database."""

import asyncio
import json
import logging
from contextlib import contextmanager
from contextvars import ContextVar

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from django.db import transaction

from classes.chat.payloads import message_frame

logger = logging.getLogger(__name__)

# The event loop of a consumer whose database work runs in a worker thread, and
# the list its broadcasts' tasks are added to.
_consumer_loop = ContextVar("chat_consumer_loop", default=None)
_publishing = set()  # strong references until each publish is done
# How long a sender waits for the channel layer to take their message.
DELIVERY_SECONDS = 5


# Two process-wide groups, not one per user and one per session: every process
# with chat sockets is in both, an event names the user or session it is for,
# and each process's hub hands it to its own sockets of that user or session
# (fanout.py). A group per socket cost ~1 KiB of memory per socket between the
# hub, the layer and a Redis subscription (docs/BENCHMARKS.md); these events
# are rare (sign-outs, removals), so each process looking at its sockets is cheap.
USERS_GROUP = "chat.users"
SESSIONS_GROUP = "chat.sessions"
ADDRESSED_GROUPS = (USERS_GROUP, SESSIONS_GROUP)


def send_after_commit(group, event):
    # Each process hands an event to its own sockets of the group (fanout.py).
    event = {**event, "group": group}

    def send():
        consumer = _consumer_loop.get()
        if consumer is None:
            async_to_sync(get_channel_layer().group_send)(group, event)
        else:
            loop, started = consumer
            loop.call_soon_threadsafe(_publish, group, event, started)

    transaction.on_commit(send)


@contextmanager
def published_without_waiting():
    """Broadcasts committed by database work awaited in this block are handed
    to the consumer's event loop, and the worker thread goes on at once: with
    async_to_sync it waited for the busy loop to publish, a hop there and back
    per message (docs/BENCHMARKS.md). They go out in the order they committed,
    even if the consumer has stopped meanwhile. Yields the list of their tasks,
    for `all_delivered`."""
    started = []
    token = _consumer_loop.set((asyncio.get_running_loop(), started))
    try:
        yield started
    finally:
        _consumer_loop.reset(token)


def _publish(group, event, started):
    task = asyncio.ensure_future(get_channel_layer().group_send(group, event))
    _publishing.add(task)
    task.add_done_callback(_published)
    started.append(task)


async def all_delivered(tasks):
    """Whether the channel layer took every broadcast (False while Redis is down
    or does not answer within DELIVERY_SECONDS). Their failures are logged by
    _published. Scheduled before the database work returned: all in `tasks`."""
    if not tasks:
        return True
    done, pending = await asyncio.wait(tasks, timeout=DELIVERY_SECONDS)
    return not pending and all(not t.cancelled() and t.exception() is None for t in done)


def _published(task):
    _publishing.discard(task)
    if not task.cancelled() and task.exception() is not None:
        # Nothing is lost: the message is saved and clients catch up by id.
        logger.error("A chat broadcast failed", exc_info=task.exception())


def tell_room(room, frame):
    # Serialized once here, not once per receiving socket.
    send_after_commit(room.channel_group, {"type": "chat.frame", "text": json.dumps(frame)})


def tell_room_notice(room, message):
    """A system notice is worded by each socket for its reader (notices.py):
    the event carries what that needs, the frame as a dict."""
    event = {
        "type": "chat.notice",
        "frame": message_frame(message, room.label),
        "notice": message.notice,
        "params": message.notice_params,
        "link": message.link,
    }
    send_after_commit(room.channel_group, event)


def tell_user(user_id, event_type, **data):
    """e.g. membership.changed: the user's sockets re-check (and close) themselves."""
    send_after_commit(USERS_GROUP, {"type": event_type, **data, "user": user_id})


def tell_session(session_key, event_type):
    send_after_commit(SESSIONS_GROUP, {"type": event_type, "session": session_key})
