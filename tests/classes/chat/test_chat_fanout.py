"""A process joins each chat group once and hands events to its own sockets
(classes/chat/broadcast.py, the hub): no channel, queue or task of the layer per socket."""

import asyncio

import pytest
from channels.db import database_sync_to_async
from channels.layers import get_channel_layer

from classes.chat.broadcast import Hub, hub
from classes.chat.rooms import main_room

pytestmark = pytest.mark.django_db(transaction=True)


def room_path(cohort):
    return f"/ws/classes/{cohort.pk}/chat/"


async def test_two_sockets_of_a_room_are_one_member_of_its_group(connect, classroom):
    """Counted at the layer's door, so it holds for the in-memory layer and for
    Redis (make test-scaled) alike."""
    cohort, teacher, amina, ahmad = classroom
    group = await database_sync_to_async(lambda: main_room(cohort).channel_group)()
    layer = get_channel_layer()
    calls = []
    group_add, group_discard = layer.group_add, layer.group_discard

    async def counted_add(name, channel):
        calls.append(("add", name))
        await group_add(name, channel)

    async def counted_discard(name, channel):
        calls.append(("discard", name))
        await group_discard(name, channel)

    layer.group_add, layer.group_discard = counted_add, counted_discard
    try:
        mine, ok1 = await connect(room_path(cohort), amina)
        theirs, ok2 = await connect(room_path(cohort), ahmad)
        assert ok1 and ok2
        assert len(hub().members[group]) == 2
        assert calls.count(("add", group)) == 1
        await mine.send_json_to({"type": "send", "text": "Hello", "client_id": "c-1"})
        for socket in (mine, theirs):
            assert (await socket.receive_json_from())["text"] == "Hello"
        await mine.disconnect()
        assert len(hub().members[group]) == 1
        assert ("discard", group) not in calls
        await theirs.disconnect()
        assert group not in hub().members
        assert calls.count(("discard", group)) == 1
    finally:
        # The layer's own methods again (the Redis layer finds them per event loop).
        del layer.group_add, layer.group_discard


class Socket:
    def __init__(self, user=None):
        self.events = []
        self.user = user

    def deliver(self, event):
        self.events.append(event)

    def is_addressed(self, event):
        return event.get("user") == self.user


async def test_an_event_reaches_only_the_sockets_of_its_group_or_user():
    layer = get_channel_layer()
    here = Hub(layer, ["test.users"])
    room, other = Socket(user=1), Socket(user=2)
    await here.join(["room.a"], room)
    await here.join(["room.b"], other)
    await layer.group_send("room.a", {"type": "chat.frame", "text": "x", "group": "room.a"})
    ended = {"type": "session.ended", "group": "test.users", "user": 1}
    await layer.group_send("test.users", ended)
    while len(room.events) < 2:
        await asyncio.sleep(0.01)
    assert [e["type"] for e in room.events] == ["chat.frame", "session.ended"]
    assert other.events == []
    here.reader.cancel()


async def test_a_users_sockets_are_in_no_group_of_their_own(connect, classroom):
    """Sign-outs and removals reach them through the process-wide groups
    (classes/chat/broadcast.py): the hub holds one group per room, nothing per
    user or session."""
    cohort, teacher, amina, ahmad = classroom
    group = await database_sync_to_async(lambda: main_room(cohort).channel_group)()
    first, ok1 = await connect(room_path(cohort), amina)
    second, ok2 = await connect(room_path(cohort), ahmad)
    assert ok1 and ok2
    assert set(hub().members) == {group}
    await first.disconnect()
    await second.disconnect()


async def test_a_socket_that_cannot_join_is_in_no_group():
    class Down:
        async def new_channel(self):
            return "process.1"

        async def group_add(self, group, channel):
            if group == "room.b":
                raise ConnectionError("Redis is down")

    here = Hub(Down())
    socket = Socket()
    with pytest.raises(ConnectionError):
        await here.join(["room.a", "room.b"], socket)
    assert all(socket not in members for members in here.members.values())
    here.reader.cancel()


async def test_the_process_wide_groups_are_joined_again_after_a_failure():
    class FlakyOnce:
        failed = False
        added = []

        async def new_channel(self):
            return "process.1"

        async def group_add(self, group, channel):
            if group == "test.sessions" and not self.failed:
                self.failed = True
                raise ConnectionError("Redis is down")
            self.added.append(group)

    layer = FlakyOnce()
    here = Hub(layer, ["test.users", "test.sessions"])
    with pytest.raises(ConnectionError):
        await here.join(["room.a"], Socket())
    await here.join(["room.a"], Socket())
    assert layer.added == ["test.users", "test.sessions", "room.a"]
    here.reader.cancel()


async def test_events_wait_while_a_clients_frame_is_handled_then_go_in_order():
    from classes.chat.consumers import ChatConsumer

    sent = []

    async def base_send(message):
        sent.append(message["text"])

    consumer = ChatConsumer()
    consumer.base_send = base_send
    consumer.handling = True  # e.g. a replay from the database is under way
    consumer.deliver({"type": "chat.frame", "text": "1"})
    assert consumer.drainer is None and sent == []
    await consumer.handle_pending()  # what the consumer's loop does after the frame
    consumer.handling = False
    consumer.deliver({"type": "chat.frame", "text": "2"})
    consumer.deliver({"type": "chat.frame", "text": "3"})
    await consumer.drainer
    assert sent == ["1", "2", "3"]
