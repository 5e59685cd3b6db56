"""Fixtures for class chat: a class with a teacher and enrolled students, and
WebSocket clients signed in as real sessions."""

import pytest
from channels.testing import WebsocketCommunicator
from django.conf import settings
from django.test import Client


def session_cookie(user):
    client = Client()
    client.force_login(user)
    return client.cookies[settings.SESSION_COOKIE_NAME].value


@pytest.fixture
def connect():
    """Open a socket to a chat URL as a user (None: anonymous); returns
    (communicator, connected). Tests disconnect the sockets they open."""
    from learning.asgi import application

    async def open_socket(path, user=None, origin=b"http://localhost"):
        headers = [(b"host", b"localhost")] + ([(b"origin", origin)] if origin else [])
        if user is not None:
            cookie = await _cookie(user)
            headers.append((b"cookie", f"{settings.SESSION_COOKIE_NAME}={cookie}".encode()))
        communicator = WebsocketCommunicator(application, path, headers=headers)
        connected, _ = await communicator.connect()
        return communicator, connected

    return open_socket


async def _cookie(user):
    from channels.db import database_sync_to_async

    return await database_sync_to_async(session_cookie)(user)
