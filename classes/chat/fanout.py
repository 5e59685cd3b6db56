"""One channel-layer subscription per group per process, fanned out in-process.

Channels gives every consumer its own channel: a channel name, a queue in the
layer, and a receive task that `await_many_dispatch` re-creates for every event.
With hundreds of sockets a process that is most of its memory per socket
(docs/BENCHMARKS.md, "Capacity"). Here a process joins each room's group once,
with one channel of its own, reads that channel with one task, and hands each
event to the process's sockets in the group. Events carry the group they were
sent to (broadcast.send_after_commit adds it).

Events for a user or a session go to process-wide groups (broadcast.py,
ADDRESSED_GROUPS), which the hub joins with its channel, once: it hands such
an event to each of its sockets that `is_addressed(event)` says it is for.

The channel layer is still what carries an event from one process to another
(Redis pub/sub); only the last hop, inside a process, is ours.
"""

import asyncio
import logging
import weakref

from channels.layers import get_channel_layer

from classes.chat.broadcast import ADDRESSED_GROUPS

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
