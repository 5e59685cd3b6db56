"""The practice group's socket: the class chat's protocol, for members only."""

import pytest
from channels.db import database_sync_to_async

from classes.practice import services

pytestmark = pytest.mark.django_db(transaction=True)


def path(group):
    return f"/ws/practice/{group.pk}/chat/"


async def test_members_hear_each_others_messages(connect, school, group):
    amina, _ = await connect(path(group), school.amina)
    ahmad, connected = await connect(path(group), school.ahmad)
    assert connected
    await amina.send_json_to({"type": "send", "text": "Hello club", "client_id": "c1"})
    for socket in (amina, ahmad):
        frame = await socket.receive_json_from(timeout=5)
        assert (frame["room"], frame["text"], frame["id"]) == (
            f"practice-{group.pk}",
            "Hello club",
            1,
        )
    await amina.disconnect()
    await ahmad.disconnect()


@pytest.mark.parametrize("who", ["teacher_a", "teacher_b", "manager", "omar", None])
async def test_everyone_else_is_refused_at_the_handshake(connect, school, group, who):
    user = getattr(school, who) if who else None
    _socket, connected = await connect(path(group), user)
    assert not connected


async def test_an_unknown_group_is_refused(connect, school):
    _socket, connected = await connect("/ws/practice/987654/chat/", school.amina)
    assert not connected


async def test_a_removed_member_is_closed_out(connect, school, group):
    layla, connected = await connect(path(group), school.layla)
    assert connected
    await database_sync_to_async(services.remove_member)(school.amina, group, school.layla.pk)
    closed = await layla.receive_output(timeout=5)
    assert closed == {"type": "websocket.close", "code": 4403}


async def test_a_closed_group_refuses_new_messages(connect, school, group):
    await database_sync_to_async(services.close_group)(school.amina, group)
    socket, connected = await connect(path(group), school.ahmad)
    assert connected  # still readable
    await socket.send_json_to({"type": "send", "text": "Late", "client_id": "c1"})
    frame = await socket.receive_json_from(timeout=5)
    assert (frame["type"], frame["code"]) == ("error", "closed")
    await socket.disconnect()
