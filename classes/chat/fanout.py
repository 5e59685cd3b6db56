"""One channel-layer subscription per group per process, fanned out in-process.

Channels gives every consumer its own channel: a channel name, a queue in the
layer, and a receive task that `await_many_dispatch` re-creates for every event.
With hundreds of sockets a process that is most of its memory per socket
(docs/BENCHMARKS.md, "Capacity"). Here a process joins each group (a room, a
user, a session) once, with one channel of its own, reads that channel with one
task, and hands each event to the process's sockets in the group. Events carry
the group they were sent to (broadcast.send_after_commit adds it).

The channel layer is still what carries an event from one process to another
(Redis pub/sub); only the last hop, inside a process, is ours.
"""

import asyncio
import logging
import weakref

from channels.layers import get_channel_layer

logger = logging.getLogger(__name__)

_hubs = weakref.WeakKeyDictionary()  # event loop -> its Hub (tests run several loops)


def hub():
    """The running event loop's hub."""
    loop = asyncio.get_running_loop()
    found = _hubs.get(loop)
    if found is None:
        found = _hubs[loop] = Hub(get_channel_layer())
    return found


class Hub:
    def __init__(self, layer):
        self.layer = layer
        self.members = {}  # group -> set of sockets (objects with deliver(event))
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
                for group in groups:
                    if group not in self.members:
                        await self.layer.group_add(group, self.channel)
                        self.members[group] = set()
                    self.members[group].add(socket)
        except BaseException:
            self.forget(groups, socket)
            raise

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
            members = self.members.get(event.get("group"))
            if members:
                # A copy: a socket may leave while the others are handed the event.
                for socket in tuple(members):
                    socket.deliver(event)
