"""Issue 12, finding 7 on the socket: Unicode digits and ids too large are
refused with the protocol's error frame or a refused handshake, never a crash."""

import pytest

HUGE = "9" * 23
SUPERSCRIPT_TWO = "²"


@pytest.mark.django_db(transaction=True)
async def test_chat_socket_after_with_unicode_digits_is_an_error_frame(connect, classroom):
    cohort, _teacher, amina, _ahmad = classroom
    socket, connected = await connect(
        f"/ws/classes/{cohort.pk}/chat/?after={SUPERSCRIPT_TWO}", amina
    )
    assert connected
    frame = await socket.receive_json_from(timeout=5)
    assert (frame["type"], frame["code"]) == ("error", "invalid")
    await socket.send_json_to({"type": "history", "after": SUPERSCRIPT_TWO})
    frame = await socket.receive_json_from(timeout=5)
    assert (frame["type"], frame["code"]) == ("error", "invalid")
    await socket.disconnect()


@pytest.mark.django_db(transaction=True)
async def test_a_room_id_too_large_refuses_the_handshake(connect, classroom):
    cohort, _teacher, amina, _ahmad = classroom
    with pytest.raises(ValueError, match="No route found"):
        await connect(f"/ws/classes/{HUGE}/chat/", amina)
