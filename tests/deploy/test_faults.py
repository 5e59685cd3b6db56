"""What the class chat survives, with real processes (docs/deploy.md, "What
survives what"): phones dropping their connection, Redis stopped for ten
seconds, an ASGI process killed, a phone that stops reading. In each, every
client ends holding exactly its room's messages in the database, in order,
each once, having caught up as the chat page does (tests/deploy/chat_clients.py);
nothing the server confirmed is lost. Bounded: every wait has a deadline, and
no assertion is about speed."""

import asyncio
import base64
import fcntl
import os
import random
import socket
import ssl
import termios
import time

import pytest
from django.db import connections

from classes.chat.rooms import main_room
from classes.models import Message, Room
from tests.deploy.chat_clients import (
    ChatClient,
    all_connected,
    session_cookie,
    settled,
    talk,
)
from tests.deploy.fault_stack import fault_stack, own_redis  # noqa: F401 - fixtures
from tests.servers import established_connections

pytestmark = [pytest.mark.scaled, pytest.mark.django_db(transaction=True)]

RUN_SECONDS = 180  # no client keeps reconnecting past this


@pytest.fixture
def make_clients(fault_stack, make_class, make_user, teacher):  # noqa: F811 - a fixture
    """`students` clients per class, each a student with a session of their own."""

    def make(classes, students):
        clients = []
        for c in range(classes):
            users = [make_user(display_name=f"Student {c}-{n}") for n in range(students)]
            cohort = make_class(teacher=teacher, students=users, name=f"Class {c}")
            room = main_room(cohort)
            for n, user in enumerate(users):
                cookie = session_cookie(fault_stack.secret_key, user)
                path = f"/ws/classes/{cohort.pk}/chat/"
                clients.append(ChatClient(f"c{c}s{n}", user.pk, cookie, path, room.pk))
        return clients

    return make


def newest_ids(room_ids):
    try:
        rooms = Room.objects.filter(pk__in=room_ids)
        return {room.pk: room.last_message_id for room in rooms}
    finally:
        connections.close_all()  # this thread's


def room_ids(clients):
    return {client.room_id for client in clients}


async def run(stack, clients, seconds, on_second=None, settle_seconds=60, **talking):
    """Connect every client, let them talk, then wait until every send is
    confirmed and every client has caught up; close them all."""
    deadline = time.monotonic() + RUN_SECONDS
    keepers = [
        asyncio.create_task(c.keep_connected(stack.url, stack.cert, deadline)) for c in clients
    ]
    try:
        await all_connected(clients)
        await talk(clients, seconds, on_second=on_second, **talking)
        rooms = room_ids(clients)
        await settled(clients, lambda: asyncio.to_thread(newest_ids, rooms), settle_seconds)
    finally:
        for client in clients:
            await client.stop()
        await asyncio.gather(*keepers)


def assert_every_view_is_the_database(clients):
    sent = {client.room_id: set() for client in clients}
    for client in clients:
        sent[client.room_id].update(s.client_id for s in client.sent)
    for room_id, client_ids in sent.items():
        saved = list(
            Message.objects.filter(room_id=room_id)
            .order_by("number")
            .values_list("number", "text", "client_id")
        )
        assert [number for number, _text, _id in saved] == list(range(1, len(saved) + 1))
        # Every message sent was saved once: retries after a lost connection included.
        assert sorted(client_id for *_rest, client_id in saved) == sorted(client_ids)
        for client in (c for c in clients if c.room_id == room_id):
            assert client.conflicts == []
            view = [(number, *client.view[number]) for number in sorted(client.view)]
            assert view == saved, client.name


def test_thirty_phones_dropping_at_random_each_end_with_their_rooms_messages(
    fault_stack,  # noqa: F811 - a fixture
    make_clients,
):
    clients = make_clients(classes=2, students=15)
    dropping = random.sample(clients, 3)  # 10 %, each twice, at random seconds
    drops = {}
    for client in dropping:
        for second in (random.randint(2, 7), random.randint(9, 14)):
            drops.setdefault(second, []).append(client)
    spread = []

    async def on_second(second):
        if second == 1:
            spread.extend(
                await asyncio.to_thread(lambda: list(map(established_connections, ports)))
            )
        for client in drops.get(second, []):
            client.drop()

    ports = fault_stack.asgi_ports
    asyncio.run(run(fault_stack, clients, 16, on_second))

    assert min(spread) >= 10  # both ASGI processes served the class (least_conn)
    # Each was cut off (twice, unless still reconnecting) and came back each time.
    assert all(1 <= c.drops < c.connections for c in dropping)
    assert_every_view_is_the_database(clients)


def test_redis_stopped_for_ten_seconds_loses_nothing_and_no_send_goes_unanswered(
    fault_stack,  # noqa: F811 - a fixture
    make_clients,
):
    clients = make_clients(classes=1, students=10)

    async def on_second(second):
        if second == 4:
            await asyncio.to_thread(fault_stack.redis.stop)
        elif second == 14:
            await asyncio.to_thread(fault_stack.redis.start)

    asyncio.run(run(fault_stack, clients, 22, on_second))

    # Sends during the outage were answered (saved and "not_delivered", or an
    # error, or the connection closed), never left without a word.
    assert [c.silent_sends() for c in clients] == [[]] * len(clients)
    assert any("not_delivered" in c.errors or c.connections > 1 for c in clients)
    assert_every_view_is_the_database(clients)


def test_an_asgi_process_killed_mid_class_its_phones_move_to_the_other(
    fault_stack,  # noqa: F811 - a fixture
    make_clients,
):
    clients = make_clients(classes=1, students=10)
    before = []

    async def on_second(second):
        if second == 4:
            before.append(
                await asyncio.to_thread(established_connections, fault_stack.asgi_ports[0])
            )
            await asyncio.to_thread(fault_stack.asgi[0].kill)

    try:
        asyncio.run(run(fault_stack, clients, 14, on_second))
    finally:
        fault_stack.restart_asgi(0)

    assert before[0] >= 3  # the killed process held part of the class
    assert sum(client.connections for client in clients) >= len(clients) + before[0]
    assert_every_view_is_the_database(clients)


def stalled_socket(stack, client):
    """A second device of `client`'s student that opens the chat and then never
    reads: a raw TLS socket through nginx with a small receive buffer, so
    that the buffers between it and the server fill up."""
    raw = socket.socket()
    raw.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
    raw.settimeout(20)
    port = int(stack.url.rpartition(":")[2])
    raw.connect(("127.0.0.1", port))
    context = ssl.create_default_context(cafile=str(stack.cert))
    tls = context.wrap_socket(raw, server_hostname="127.0.0.1")
    key = base64.b64encode(os.urandom(16)).decode()
    tls.sendall(
        (
            f"GET {client.path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n"
            "Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\n"
            f"Sec-WebSocket-Key: {key}\r\nOrigin: {stack.url}\r\nCookie: {client.cookie}\r\n\r\n"
        ).encode()
    )
    answer = b""
    while b"\r\n\r\n" not in answer:  # the handshake's answer, and not a byte more
        answer += tls.recv(1)
    assert answer.startswith(b"HTTP/1.1 101"), answer
    return tls


def unread_bytes(stalled):
    """What the kernel holds for the socket, never read."""
    return int.from_bytes(fcntl.ioctl(stalled.fileno(), termios.FIONREAD, bytes(4)), "little")


def test_a_phone_that_stops_reading_does_not_hold_up_the_room(
    fault_stack,  # noqa: F811 - a fixture
    make_clients,
):
    clients = make_clients(classes=1, students=5)
    stalled = stalled_socket(fault_stack, clients[0])
    try:
        # About 250 messages of a kilobyte, five a second per phone. The others
        # must have every one within 40 s of the last being sent: a stalled
        # phone that held up the room would hold it until nginx closes that
        # phone's connection, 60 s after it last took anything (docs/deploy.md).
        asyncio.run(run(fault_stack, clients, 10, every=0.2, padding=900, settle_seconds=40))
        unread = unread_bytes(stalled)
    finally:
        stalled.close()

    assert unread > 0  # it was sent messages, and read none
    assert_every_view_is_the_database(clients)
