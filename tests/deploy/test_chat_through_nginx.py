"""Class chat through nginx: sockets spread over both ASGI processes meet in one
room, and a process that cannot reach Redis is left out without one failed
connection (deploy/nginx/harbor.conf, learning/unavailable.py)."""

import json
import os
import re
import subprocess
from contextlib import ExitStack

import pytest

from tests.deploy.conftest import (
    REQUEST_SECONDS,
    free_ports,
    open_chat,
    read_environment_file,
    sign_in,
    stack_environment,
    stop_process_group,
    with_production_password,
)
from tests.servers import (
    ROOT,
    established_connections,
    free_port,
    start_server,
    stop_server,
    wait_until_listening,
)

pytestmark = [pytest.mark.scaled, pytest.mark.django_db(transaction=True)]


def say(socket, text, client_id):
    socket.send(json.dumps({"type": "send", "text": text, "client_id": client_id}))


def next_message(socket, frames=20):
    """The next chat message, past other frames (history, notices)."""
    for _ in range(frames):
        frame = json.loads(socket.recv(timeout=REQUEST_SECONDS))
        if frame["type"] == "message":
            return frame
    raise AssertionError(f"No message in {frames} frames")


@pytest.fixture
def signed_in(stack, classroom):
    cohort, _teacher, amina, ahmad = classroom
    browsers = [sign_in(stack, with_production_password(s)) for s in (amina, ahmad)]
    return cohort, browsers


def test_two_students_on_different_asgi_processes_chat_in_one_room(stack, signed_in):
    cohort, (amina, ahmad) = signed_in
    before = [established_connections(port) for port in stack.asgi_ports]

    with (
        open_chat(stack.url, stack.cert, amina, cohort) as first,
        open_chat(stack.url, stack.cert, ahmad, cohort) as second,
    ):
        after = [established_connections(port) for port in stack.asgi_ports]
        assert [a - b for a, b in zip(after, before, strict=True)] == [1, 1]  # one each
        say(first, "Is the class at six?", "amina-1")
        assert next_message(second)["text"] == "Is the class at six?"
        say(second, "Yes, room 4.", "ahmad-1")
        assert next_message(first)["text"] == "Is the class at six?"  # her own, echoed
        assert next_message(first)["text"] == "Yes, room 4."


@pytest.fixture
def broken_asgi_process(stack):
    """An ASGI process of the same settings but a REDIS_URL where no Redis is."""
    environment = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    environment.update(read_environment_file(stack.dir / "harbor.env"))
    process, url = start_server(env=environment, REDIS_URL=f"redis://127.0.0.1:{free_port()}/0")
    yield process, int(url.rpartition(":")[2])
    stop_server(process)


@pytest.fixture
def nginx_with_a_broken_process(stack, broken_asgi_process, tmp_path):
    """The shipped site rendered by the stack's script (--config-only) with one
    good ASGI process and the broken one, in an nginx of its own."""
    _process, broken_port = broken_asgi_process
    (port,) = free_ports(1)
    asgi_ports = [stack.asgi_ports[0], broken_port]
    environment = stack_environment(tmp_path, port, stack.http_port, asgi_ports)
    subprocess.run(
        ["bash", "scripts/serve-scaled.sh", "--config-only"],
        cwd=ROOT,
        env=environment,
        check=True,
        timeout=60,
    )
    log = open(tmp_path / "nginx.out", "w+")  # closed below
    nginx = subprocess.Popen(
        ["/usr/sbin/nginx", "-p", tmp_path, "-c", tmp_path / "nginx.conf", "-g", "daemon off;"],
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    nginx.log = log  # what wait_until_listening shows if nginx exits
    try:
        wait_until_listening(port, nginx)
        yield f"https://127.0.0.1:{port}", tmp_path / "tls" / "cert.pem"
    finally:
        stop_process_group(nginx)
        log.close()


def test_a_process_without_redis_is_left_out_and_no_connection_fails(
    stack, signed_in, broken_asgi_process, nginx_with_a_broken_process
):
    cohort, (amina, _ahmad) = signed_in
    url, cert = nginx_with_a_broken_process
    broken, _port = broken_asgi_process

    with ExitStack() as held:
        # Held open, so that nginx (least_conn) offers the next one to the broken process.
        sockets = [held.enter_context(open_chat(url, cert, amina, cohort)) for _ in range(6)]
        say(sockets[0], "Everyone here?", "amina-all")
        received = [next_message(socket)["text"] for socket in sockets]

    assert received == ["Everyone here?"] * 6
    broken.log.seek(0)  # it was offered one, and refused it
    assert re.search(r'"WebSocket /ws/classes/[0-9]+/chat/" 503', broken.log.read())
