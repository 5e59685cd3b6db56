"""How a chat event travels: sent through the channel layer after the transaction
commits (a message reaches phones only once it is safely in the database), and
in each process handed by its hub to its own sockets of the group (one
subscription per room per process; users and sessions through two process-wide
groups).
"""

import asyncio
import json
import logging
import weakref
from contextlib import contextmanager
from contextvars import ContextVar

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from django.db import transaction

from classes.chat.protocol import message_frame

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
# (the hub, below). A group per socket cost ~1 KiB of memory per socket between the
# hub, the layer and a Redis subscription (docs/BENCHMARKS.md); these events
# are rare (sign-outs, removals), so each process looking at its sockets is cheap.
USERS_GROUP = "chat.users"
SESSIONS_GROUP = "chat.sessions"
ADDRESSED_GROUPS = (USERS_GROUP, SESSIONS_GROUP)


def send_after_commit(group, event):
    # Each process hands an event to its own sockets of the group (the hub, below).
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


# One channel-layer subscription per group per process, fanned out in-process.
#
# Channels gives every consumer its own channel: a channel name, a queue in the
# layer, and a receive task that `await_many_dispatch` re-creates for every event.
# With hundreds of sockets a process that is most of its memory per socket
# (docs/BENCHMARKS.md, "Capacity"). Here a process joins each room's group once,
# with one channel of its own, reads that channel with one task, and hands each
# event to the process's sockets in the group. Events carry the group they were
# sent to (broadcast.send_after_commit adds it).
#
# Events for a user or a session go to process-wide groups (above,
# ADDRESSED_GROUPS), which the hub joins with its channel, once: it hands such
# an event to each of its sockets that `is_addressed(event)` says it is for.
#
# The channel layer is still what carries an event from one process to another
# (Redis pub/sub); only the last hop, inside a process, is ours.


logger = logging.getLogger(__name__)

_hubs = weakref.WeakKeyDictionary()  # event loop -> its Hub (tests run several loops)


def hub():
    """The running event loop's hub."""
    loop = asyncio.get_running_loop()
    found = _hubs.get(loop)
    if found is None:
        found = _hubs[loop] = Hub(get_channel_layer(), ADDRESSED_GROUPS)
    return found


class Hub:
    def __init__(self, layer, addressed_groups=()):
        self.layer = layer
        # group -> set of sockets (objects with deliver(event) and is_addressed(event))
        self.members = {}
        self.addressed_groups = addressed_groups
        self.addressed_joined = set()
        self.channel = None
        self.reader = None
        # Subscribing and unsubscribing one at a time: a socket that joins a
        # group another is leaving must not find it unsubscribed.
        self.lock = asyncio.Lock()

    async def join(self, groups, socket):
        """Once this returns, every event sent to these groups reaches `socket`.
        Raises what the channel layer raises (Redis down); the socket is then in
        no group."""
        try:
            async with self.lock:
                if self.channel is None:
                    self.channel = await self.layer.new_channel()
                    self.reader = asyncio.create_task(self.read())
                await self.join_addressed_groups()
                for group in groups:
                    if group not in self.members:
                        await self.layer.group_add(group, self.channel)
                        self.members[group] = set()
                    self.members[group].add(socket)
        except BaseException:
            self.forget(groups, socket)
            raise

    async def join_addressed_groups(self):
        """Joined once and never left: two subscriptions a process, while it lives."""
        for group in self.addressed_groups:
            if group not in self.addressed_joined:
                await self.layer.group_add(group, self.channel)
                self.addressed_joined.add(group)

    def forget(self, groups, socket):
        """Takes `socket` out of the groups; returns the groups left empty."""
        empty = []
        for group in groups:
            members = self.members.get(group)
            if members is not None and socket in members:
                members.discard(socket)
                if not members:
                    empty.append(group)
        return empty

    async def leave(self, groups, socket):
        empty = self.forget(groups, socket)
        if not empty:
            return
        async with self.lock:
            for group in empty:
                if self.members.get(group) == set():  # nobody joined meanwhile
                    del self.members[group]
                    try:
                        await self.layer.group_discard(group, self.channel)
                    except Exception as error:  # Redis down: it resubscribes nothing of ours
                        logger.warning("Leaving chat group %s failed: %r", group, error)

    async def read(self):
        while True:
            try:
                event = await self.layer.receive(self.channel)
            except asyncio.CancelledError:
                raise
            except Exception:
                logger.exception("Reading the chat channel failed")
                await asyncio.sleep(1)
                continue
            for socket in self.sockets_for(event):
                socket.deliver(event)

    def sockets_for(self, event):
        """A list (a socket may leave while the others are handed the event)."""
        group = event.get("group")
        if group in self.addressed_groups:
            # Every socket is in one room's group at least; a set, in case of more.
            every = {socket for members in self.members.values() for socket in members}
            return [socket for socket in every if socket.is_addressed(event)]
        return list(self.members.get(group, ()))
