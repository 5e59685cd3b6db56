"""Issue 12, finding 7: under `make run` an oversized frame closed with 1011 and a
traceback (daphne refuses to send 1009). The server `make run` starts (uvicorn,
scripts/serve-dev.sh) closes with 1009, as docs/chat-protocol.md promises."""

import json
import re
from pathlib import Path

import pytest
from websockets.exceptions import ConnectionClosed

from classes.chat.protocol import MAX_FRAME_BYTES
from tests.servers import ROOT, SERVERS, open_socket, start_server, stop_server

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def server():
    process, url = start_server()
    yield url
    stop_server(process)


def test_tests_serve_chat_the_way_make_run_does():
    script = (Path(ROOT) / "scripts" / "serve-dev.sh").read_text()
    size = re.search(r"--ws-max-size (\d+)", script)[1]
    assert int(size) == MAX_FRAME_BYTES
    assert SERVERS["uvicorn"][SERVERS["uvicorn"].index("--ws-max-size") + 1] == size


# Every way Harbor starts its WebSocket server: `make run`, `make serve-scaled`,
# production's unit, and the tests and benchmarks.
LAUNCHERS = [
    "scripts/serve-dev.sh",
    "scripts/serve-scaled.sh",
    "deploy/systemd/harbor-asgi@.service",
]


@pytest.mark.parametrize("launcher", LAUNCHERS)
def test_every_launcher_starts_uvicorn_with_the_same_chat_options(launcher):
    text = (Path(ROOT) / launcher).read_text()
    assert f"--ws-max-size {MAX_FRAME_BYTES}" in text
    # Per-message deflate off: its zlib state cost ~34 KiB per open socket.
    assert "--ws-per-message-deflate false" in text
    assert " ".join(SERVERS["uvicorn"]).count("--ws-per-message-deflate false") == 1
    # uvicorn's protocol, letting go of the handshake once answered (learning/ws_protocol.py).
    assert "--ws learning.ws_protocol:Protocol" in text
    assert " ".join(SERVERS["uvicorn"]).count("--ws learning.ws_protocol:Protocol") == 1


def test_a_phone_offering_compression_gets_plain_frames(server, classroom):
    """Browsers always offer permessage-deflate; the server declines it, and
    chat still works uncompressed."""
    cohort, _teacher, amina, _ahmad = classroom
    with open_socket(server, f"/ws/classes/{cohort.pk}/chat/", amina, max_size=None) as socket:
        assert "Sec-WebSocket-Extensions" not in socket.response.headers
        socket.send(json.dumps({"type": "send", "text": "Plain", "client_id": "p-1"}))
        assert json.loads(socket.recv(timeout=10))["text"] == "Plain"


@pytest.mark.parametrize("extra", [1, 100_000])
def test_an_oversized_frame_closes_with_1009(server, classroom, extra):
    cohort, _teacher, amina, _ahmad = classroom
    with open_socket(server, f"/ws/classes/{cohort.pk}/chat/", amina, max_size=None) as socket:
        text = "a" * (MAX_FRAME_BYTES + extra)
        socket.send(json.dumps({"type": "send", "text": text, "client_id": "big"}))
        with pytest.raises(ConnectionClosed) as closed:
            socket.recv(timeout=10)
    assert closed.value.rcvd.code == 1009
