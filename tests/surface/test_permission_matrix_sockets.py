"""The permission matrix for the WebSocket routes: every route of the ASGI
routing × every role, held against a table, as for the URL routes. The
consumer reads the database from its own thread, so the world is committed
here (a transactional test) rather than held in a rolled-back transaction."""

import pytest
from channels.db import database_sync_to_async
from channels.testing import WebsocketCommunicator
from django.conf import settings

from tests.classes.chat.conftest import session_cookie
from tests.surface.expectations import CLASS_MEMBERS, OK, PRACTICE
from tests.surface.routes import websocket_routes
from tests.surface.world import ROLES, load_world

pytestmark = pytest.mark.django_db(transaction=True)

# route template -> who may open a socket there (OK); every other outcome
# means refused at the handshake.
SOCKETS = {
    "ws/classes/<id:class_id>/chat/": CLASS_MEMBERS,
    "ws/classes/<id:class_id>/groups/<id:group_id>/chat/": CLASS_MEMBERS,
    # student1's practice group: its members only, never teachers or managers.
    "ws/practice/<id:practice_id>/chat/": PRACTICE,
}


async def opens(path, user):
    from learning.asgi import application

    headers = [(b"host", b"localhost"), (b"origin", b"http://localhost")]
    if user is not None:
        cookie = await database_sync_to_async(session_cookie)(user)
        headers.append((b"cookie", f"{settings.SESSION_COOKIE_NAME}={cookie}".encode()))
    socket = WebsocketCommunicator(application, path, headers=headers)
    connected, _ = await socket.connect()
    if connected:
        await socket.disconnect()
    return connected


def test_every_socket_route_has_an_entry():
    assert sorted(r.template for r in websocket_routes()) == sorted(SOCKETS)


async def test_each_role_opens_only_the_sockets_the_table_allows():
    world = await database_sync_to_async(load_world)()
    wrong = []
    for route in websocket_routes():
        path = "/" + route.fill(world.values).lstrip("/")
        for role in ROLES:
            allowed = SOCKETS[route.template][role] == OK
            if await opens(path, world.users[role]) != allowed:
                wrong.append(f"{path} as {role}: expected {'open' if allowed else 'refused'}")
    assert wrong == []
