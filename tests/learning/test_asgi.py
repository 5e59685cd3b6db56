"""The project's ASGI stack: WebSockets pass an Origin check and authentication."""

import pytest
from channels.generic.websocket import JsonWebsocketConsumer
from channels.testing import WebsocketCommunicator
from django.urls import path

from learning.asgi import build_application


class WhoAmI(JsonWebsocketConsumer):
    def connect(self):
        self.accept()
        user = self.scope["user"]
        self.send_json({"user": user.username if user.is_authenticated else None})


@pytest.fixture
def application():
    return build_application([path("ws/test/", WhoAmI.as_asgi())])


async def connect(application, origin):
    communicator = WebsocketCommunicator(application, "/ws/test/", headers=[(b"origin", origin)])
    connected, _ = await communicator.connect()
    return communicator, connected


@pytest.mark.django_db(transaction=True)
async def test_a_foreign_origin_is_refused_at_the_handshake(application):
    communicator, connected = await connect(application, b"https://evil.example.com")
    assert not connected
    await communicator.disconnect()


@pytest.mark.django_db(transaction=True)
async def test_our_own_origin_connects_and_an_anonymous_user_is_anonymous(application):
    communicator, connected = await connect(application, b"http://localhost")
    assert connected
    assert await communicator.receive_json_from() == {"user": None}
    await communicator.disconnect()
