"""An ASGI process whose channel layer does not answer refuses chat handshakes
with 503, which nginx retries on another process (deploy/nginx/harbor.conf)."""

import pytest
from django.conf import settings
from redis.exceptions import ConnectionError as RedisConnectionError
from websockets.exceptions import InvalidStatus
from websockets.sync.client import connect

from learning.unavailable import RefuseWhenTheLayerIsDown
from tests.classes.chat.conftest import session_cookie
from tests.servers import free_port, start_server, stop_server

WEBSOCKET = {"type": "websocket", "extensions": {"websocket.http.response": {}}}


@pytest.mark.django_db(transaction=True)
def test_a_process_with_a_wrong_redis_url_refuses_handshakes_with_503(classroom):
    """A signed-in student's handshake: the first touch of the layer (joining
    the room) fails, and nginx gets the 503 it retries on another process.
    (An anonymous handshake is refused with 403 before the layer is touched.)"""
    cohort, _teacher, amina, _ahmad = classroom
    cookie = f"{settings.SESSION_COOKIE_NAME}={session_cookie(amina)}"
    nothing_there = f"redis://127.0.0.1:{free_port()}/0"
    process, url = start_server(REDIS_URL=nothing_there)
    try:
        with pytest.raises(InvalidStatus) as refused:
            connect(
                url.replace("http", "ws", 1) + f"/ws/classes/{cohort.pk}/chat/",
                origin=url,
                additional_headers={"Cookie": cookie},
                open_timeout=10,
            )
    finally:
        stop_server(process)
    assert refused.value.response.status_code == 503


async def layer_down(scope, receive, send):
    raise RedisConnectionError("Connection refused")


async def run(app, scope=WEBSOCKET):
    sent = []

    async def send(message):
        sent.append(message)

    await RefuseWhenTheLayerIsDown(app)(scope, None, send)
    return sent


async def test_the_refusal_is_an_http_503_with_no_body():
    sent = await run(layer_down)
    assert [message["type"] for message in sent] == [
        "websocket.http.response.start",
        "websocket.http.response.body",
    ]
    assert sent[0]["status"] == 503
    assert sent[1]["body"] == b""


async def test_a_socket_already_open_is_left_to_the_server():
    async def accepted_then_down(scope, receive, send):
        await send({"type": "websocket.accept"})
        await layer_down(scope, receive, send)

    with pytest.raises(RedisConnectionError):
        await run(accepted_then_down)


async def test_a_server_that_cannot_answer_with_a_status_gets_the_error():
    with pytest.raises(RedisConnectionError):
        await run(layer_down, scope={"type": "websocket", "extensions": {}})


async def test_other_errors_are_not_hidden_as_unavailable():
    async def bug(scope, receive, send):
        raise KeyError("room")

    with pytest.raises(KeyError):
        await run(bug)
