"""The chat protocol fed any frame a client may send (objects shaped like the
protocol's with any values, any JSON, text that is not JSON, binary, frames
over the limit): the server answers only with the documented frames and error
codes, closes only with a documented code (1009 for a frame over 16 KB), and
stores a message only when it answers with that message."""

import json
import re
from pathlib import Path

import pytest
from asgiref.sync import async_to_sync
from channels.testing import WebsocketCommunicator
from django.conf import settings
from hypothesis import given
from hypothesis import strategies as st

from classes.chat.protocol import MAX_FRAME_BYTES
from classes.models import Message
from tests.classes.chat.conftest import session_cookie
from tests.properties.strategies import chat_object, json_value

pytestmark = pytest.mark.django_db(transaction=True)

PROTOCOL = Path(settings.BASE_DIR, "docs", "chat-protocol.md").read_text()
# The error codes the protocol documents: the rows of its table of errors.
ERROR_CODES = set(re.findall(r"^\| `([a-z_]+)` \|", PROTOCOL, re.MULTILINE))
SERVER_FRAMES = {"message", "deleted", "history.done", "error"}
TOO_BIG = 1009

frames = st.one_of(
    chat_object.map(lambda frame: ("text", json.dumps(frame))),
    json_value.map(lambda value: ("text", json.dumps(value))),
    st.text(max_size=200).map(lambda text: ("text", text)),
    st.binary(max_size=200).map(lambda data: ("bytes", data)),
    st.integers(MAX_FRAME_BYTES - 10, MAX_FRAME_BYTES + 10).map(lambda n: ("text", "x" * n)),
)


@pytest.fixture
def room(classroom, settings):
    settings.CHAT_RATE_LIMIT = "100000/1s"  # the property is about frames, not pace
    cohort, _teacher, amina, _ahmad = classroom
    return f"/ws/classes/{cohort.pk}/chat/", session_cookie(amina)


async def answers_to(path, cookie, kind, payload):
    """What the server sends back to one frame: ("frames", [...]) or ("closed", code)."""
    from learning.asgi import application

    headers = [
        (b"host", b"localhost"),
        (b"origin", b"http://localhost"),
        (b"cookie", f"{settings.SESSION_COOKIE_NAME}={cookie}".encode()),
    ]
    socket = WebsocketCommunicator(application, path, headers=headers)
    connected, _ = await socket.connect()
    assert connected
    await socket.send_input({"type": "websocket.receive", kind: payload})
    answers = []
    while not await socket.receive_nothing(timeout=0.2):
        output = await socket.receive_output()
        if output["type"] == "websocket.close":
            return "closed", output.get("code")
        answers.append(json.loads(output["text"]))
    await socket.disconnect()
    return "frames", answers


@given(frame=frames)
def test_any_frame_gets_a_documented_answer_and_stores_only_what_it_answers(room, frame):
    path, cookie = room
    kind, payload = frame
    before = Message.objects.count()
    what, answers = async_to_sync(answers_to)(path, cookie, kind, payload)
    stored = Message.objects.count() - before
    if what == "closed":
        size = len(payload.encode() if isinstance(payload, str) else payload)
        assert answers == TOO_BIG and size > MAX_FRAME_BYTES
        assert stored == 0
        return
    assert {answer["type"] for answer in answers} <= SERVER_FRAMES
    assert {a["code"] for a in answers if a["type"] == "error"} <= ERROR_CODES
    if stored:
        assert stored == 1 and any(a["type"] == "message" for a in answers)
    if any(a["type"] == "error" for a in answers):
        assert stored == 0


def test_the_protocol_documents_its_error_codes():
    assert {"empty", "too_long", "rate_limited", "invalid"} <= ERROR_CODES
