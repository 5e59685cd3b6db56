"""A message saved while the channel layer (Redis) cannot take it: the sender
hears it is saved and why the others do not see it yet, instead of silence."""

import pytest
from channels.db import database_sync_to_async
from channels.layers import get_channel_layer

from classes.models import Message

pytestmark = pytest.mark.django_db(transaction=True)


async def test_a_message_saved_but_not_broadcast_is_confirmed_to_its_sender(connect, classroom):
    cohort, _teacher, amina, ahmad = classroom
    mine, _ = await connect(f"/ws/classes/{cohort.pk}/chat/", amina)
    theirs, _ = await connect(f"/ws/classes/{cohort.pk}/chat/", ahmad)
    layer = get_channel_layer()
    working = layer.group_send

    async def refuse(group, message):
        raise ConnectionError("Error 111 connecting to 127.0.0.1:6379. Connection refused.")

    layer.group_send = refuse
    try:
        await mine.send_json_to({"type": "send", "text": "Are you there?", "client_id": "c-1"})
        saved = await mine.receive_json_from()
        error = await mine.receive_json_from()
    finally:
        layer.group_send = working
    assert (saved["type"], saved["id"], saved["client_id"]) == ("message", 1, "c-1")
    assert error["type"] == "error"
    assert error["code"] == "not_delivered"
    assert "saved" in error["detail"]
    assert await theirs.receive_nothing(timeout=0.2)
    # The others catch up by id, as after any lost connection.
    await theirs.send_json_to({"type": "history", "after": 0})
    assert (await theirs.receive_json_from())["text"] == "Are you there?"
    assert await database_sync_to_async(Message.objects.count)() == 1
    await mine.disconnect()
    await theirs.disconnect()
