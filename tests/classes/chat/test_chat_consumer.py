"""Every path of the chat protocol (docs/chat-protocol.md), over real sockets."""

import json
from datetime import timedelta

import pytest
from channels.db import database_sync_to_async
from django.utils import timezone

from classes.chat import services
from classes.chat.rooms import main_room
from classes.chat.services import mute_student
from classes.models import Message

pytestmark = pytest.mark.django_db(transaction=True)


def room_path(cohort):
    return f"/ws/classes/{cohort.pk}/chat/"


async def send(socket, text, client_id):
    await socket.send_json_to({"type": "send", "text": text, "client_id": client_id})


async def test_a_message_is_saved_and_reaches_everyone_in_the_room(connect, classroom):
    cohort, teacher, amina, ahmad = classroom
    mine, ok1 = await connect(room_path(cohort), amina)
    theirs, ok2 = await connect(room_path(cohort), ahmad)
    assert ok1 and ok2
    await send(mine, "Hello, everyone!", "c-1")
    for socket in (mine, theirs):
        frame = await socket.receive_json_from()
        assert frame["type"] == "message"
        assert frame["id"] == 1
        assert frame["room"] == f"class-{cohort.pk}"
        assert frame["author"] == {"id": amina.pk, "name": "Amina Yusuf"}
        assert frame["text"] == "Hello, everyone!"
        assert frame["client_id"] == "c-1"
        assert frame["sent_at"].endswith("+00:00")
    assert await database_sync_to_async(Message.objects.count)() == 1
    await mine.disconnect()
    await theirs.disconnect()


async def test_ids_increase_by_one_per_room(connect, classroom):
    cohort, _teacher, amina, _ahmad = classroom
    socket, _ = await connect(room_path(cohort), amina)
    for n in range(1, 4):
        await send(socket, f"message {n}", f"c-{n}")
        assert (await socket.receive_json_from())["id"] == n
    await socket.disconnect()


async def test_the_same_client_id_stores_nothing_new_and_answers_with_the_original(
    connect, classroom
):
    cohort, _teacher, amina, ahmad = classroom
    mine, _ = await connect(room_path(cohort), amina)
    theirs, _ = await connect(room_path(cohort), ahmad)
    await send(mine, "Good morning", "retry-me")
    original = await mine.receive_json_from()
    await theirs.receive_json_from()
    await send(mine, "Good morning", "retry-me")
    assert await mine.receive_json_from() == original
    assert await theirs.receive_nothing(timeout=0.2)
    assert await database_sync_to_async(Message.objects.count)() == 1
    await mine.disconnect()
    await theirs.disconnect()


async def test_after_replays_missed_messages_in_order_then_history_done(connect, classroom):
    cohort, _teacher, amina, ahmad = classroom
    sender, _ = await connect(room_path(cohort), amina)
    for n in range(1, 6):
        await send(sender, f"message {n}", f"c-{n}")
        await sender.receive_json_from()
    late, connected = await connect(room_path(cohort) + "?after=2", ahmad)
    assert connected
    frames = [await late.receive_json_from() for _ in range(4)]
    assert [f["id"] for f in frames[:3]] == [3, 4, 5]
    assert [f["text"] for f in frames[:3]] == ["message 3", "message 4", "message 5"]
    assert frames[3] == {"type": "history.done", "last_id": 5}
    await late.send_json_to({"type": "history", "after": 4})
    assert (await late.receive_json_from())["id"] == 5
    assert await late.receive_json_from() == {"type": "history.done", "last_id": 5}
    await sender.disconnect()
    await late.disconnect()


async def test_history_of_an_empty_room_is_done_at_zero(connect, classroom):
    cohort, _teacher, amina, _ahmad = classroom
    socket, _ = await connect(room_path(cohort) + "?after=0", amina)
    assert await socket.receive_json_from() == {"type": "history.done", "last_id": 0}
    await socket.disconnect()


@pytest.mark.parametrize(
    ("frame", "code"),
    [
        ({"type": "send", "text": "   \n ", "client_id": "a"}, "empty"),
        ({"type": "send", "text": "x" * 1001, "client_id": "a"}, "too_long"),
        ({"type": "dance"}, "invalid"),
        ({"type": "send", "text": 42, "client_id": "a"}, "invalid"),
        ({"type": "send", "text": "hi"}, "invalid"),
        ({"type": "history", "after": "soon"}, "invalid"),
        ({"type": "history", "after": -1}, "invalid"),
        (["not", "an", "object"], "invalid"),
    ],
)
async def test_bad_frames_get_an_error_and_the_socket_stays_open(connect, classroom, frame, code):
    cohort, _teacher, amina, _ahmad = classroom
    socket, _ = await connect(room_path(cohort), amina)
    await socket.send_json_to(frame)
    error = await socket.receive_json_from()
    assert error["type"] == "error" and error["code"] == code and error["detail"]
    await send(socket, "still here", "after-error")
    assert (await socket.receive_json_from())["text"] == "still here"
    await socket.disconnect()


async def test_text_that_is_not_json_is_invalid(connect, classroom):
    cohort, _teacher, amina, _ahmad = classroom
    socket, _ = await connect(room_path(cohort), amina)
    await socket.send_to(text_data="{oops")
    assert (await socket.receive_json_from())["code"] == "invalid"
    await socket.disconnect()


async def test_a_frame_over_16_kb_closes_the_socket(connect, classroom):
    cohort, _teacher, amina, _ahmad = classroom
    socket, _ = await connect(room_path(cohort), amina)
    await socket.send_to(text_data=json.dumps({"type": "send", "text": "x" * 17000}))
    assert (await socket.receive_output())["type"] == "websocket.close"


async def test_sending_too_fast_is_rate_limited(connect, classroom, settings):
    settings.CHAT_RATE_LIMIT = "2/10s"
    cohort, _teacher, amina, _ahmad = classroom
    socket, _ = await connect(room_path(cohort), amina)
    for n in range(2):
        await send(socket, f"quick {n}", f"q-{n}")
        assert (await socket.receive_json_from())["type"] == "message"
    await send(socket, "one too many", "q-3")
    error = await socket.receive_json_from()
    assert error["code"] == "rate_limited"
    assert "2 messages in 10 seconds" in error["detail"]
    assert await database_sync_to_async(Message.objects.count)() == 2
    await socket.disconnect()


def test_the_rate_limit_counts_only_the_senders_own_recent_messages(classroom, settings):
    settings.CHAT_RATE_LIMIT = "2/10s"
    cohort, teacher, amina, ahmad = classroom
    room = main_room(cohort)
    services.announce_to_groups(teacher, cohort, "Homework is on page 4")  # not a chat message
    for n in range(2):
        assert services.send_message(amina, room, f"quick {n}", f"q-{n}")[0] is None
    assert services.send_message(amina, room, "one too many", "q-3")[0] == "rate_limited"
    assert services.send_message(ahmad, room, "my turn", "a-1")[0] is None
    assert services.send_message(teacher, room, "hello", "t-1")[0] is None
    Message.objects.filter(author=amina).update(sent_at=timezone.now() - timedelta(seconds=11))
    assert services.send_message(amina, room, "later", "q-4")[0] is None


async def test_a_muted_student_is_told_and_nothing_is_saved(connect, classroom):
    cohort, teacher, amina, _ahmad = classroom
    await database_sync_to_async(mute_student)(teacher, cohort, amina, 30)
    socket, _ = await connect(room_path(cohort), amina)
    await send(socket, "can you hear me?", "m-1")
    assert (await socket.receive_json_from())["code"] == "muted"
    assert await database_sync_to_async(Message.objects.count)() == 0
    await socket.disconnect()


async def test_errors_speak_the_students_language(connect, classroom):
    cohort, _teacher, amina, _ahmad = classroom
    amina.preferred_language = "ar"
    await database_sync_to_async(amina.save)()
    socket, _ = await connect(room_path(cohort), amina)
    await send(socket, "   ", "e-1")
    error = await socket.receive_json_from()
    assert error["code"] == "empty"
    assert error["detail"] != "Write something before sending."
    await socket.disconnect()


async def test_a_live_message_carries_its_time_as_shown_and_its_ref(connect, classroom):
    cohort, _teacher, amina, ahmad = classroom
    mine, _ = await connect(room_path(cohort), amina)
    theirs, _ = await connect(room_path(cohort), ahmad)
    await send(mine, "What time is it?", "t-1")
    frame = await theirs.receive_json_from()
    saved = await database_sync_to_async(Message.objects.get)()
    assert frame["ref"] == saved.pk
    assert frame["time"] == timezone.localtime(saved.sent_at).strftime("%H:%M")
    await mine.disconnect()
    await theirs.disconnect()
