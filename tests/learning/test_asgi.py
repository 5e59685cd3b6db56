"""The project's ASGI stack: WebSockets pass an Origin check and authentication.

The Origin must be the address the page was served from (scheme, host and port),
or one listed in DJANGO_CSRF_TRUSTED_ORIGINS."""

import pytest
from channels.generic.websocket import JsonWebsocketConsumer
from channels.testing import WebsocketCommunicator
from django.test import override_settings
from django.urls import path

from learning.asgi import build_application

pytestmark = pytest.mark.django_db(transaction=True)


class WhoAmI(JsonWebsocketConsumer):
    def connect(self):
        self.accept()
        user = self.scope["user"]
        self.send_json({"user": user.username if user.is_authenticated else None})


@pytest.fixture
def application():
    return build_application([path("ws/test/", WhoAmI.as_asgi())])


async def connect(application, origin, host=b"localhost", scheme="ws", headers=()):
    sent = [(b"host", host), *headers]
    if origin is not None:
        sent.append((b"origin", origin))
    communicator = WebsocketCommunicator(application, "/ws/test/", headers=sent)
    communicator.scope["scheme"] = scheme
    connected, _ = await communicator.connect()
    await communicator.disconnect()
    return connected


async def test_a_foreign_origin_is_refused_at_the_handshake(application):
    assert not await connect(application, b"https://evil.example.com")


async def test_our_own_origin_connects_and_an_anonymous_user_is_anonymous(application):
    communicator = WebsocketCommunicator(
        application,
        "/ws/test/",
        headers=[(b"host", b"localhost"), (b"origin", b"http://localhost")],
    )
    connected, _ = await communicator.connect()
    assert connected
    assert await communicator.receive_json_from() == {"user": None}
    await communicator.disconnect()


async def test_the_origin_must_have_the_sites_port(application):
    host = b"127.0.0.1:8000"
    assert await connect(application, b"http://127.0.0.1:8000", host=host)
    assert not await connect(application, b"http://127.0.0.1:9999", host=host)
    assert not await connect(application, b"http://127.0.0.1", host=host)


async def test_default_ports_are_the_same_origin(application):
    assert await connect(application, b"http://localhost:80", host=b"localhost")
    assert await connect(application, b"https://localhost", host=b"localhost:443", scheme="wss")


async def test_the_origin_must_have_the_sites_scheme(application):
    assert not await connect(application, b"https://localhost", host=b"localhost")
    assert not await connect(application, b"http://localhost", host=b"localhost", scheme="wss")
    assert await connect(application, b"https://localhost", host=b"localhost", scheme="wss")


async def test_a_host_not_served_is_refused_even_with_a_matching_origin(application):
    # DNS rebinding: a foreign name pointed at Harbor's address.
    assert not await connect(application, b"http://evil.example", host=b"evil.example")


async def test_a_socket_without_origin_is_refused(application):
    assert not await connect(application, None)


@override_settings(ALLOWED_HOSTS=["harbor.example.org"])
async def test_the_proxys_scheme_counts_only_when_a_proxy_is_trusted(application):
    https = [(b"x-forwarded-proto", b"https")]
    origin, host = b"https://harbor.example.org", b"harbor.example.org"
    with override_settings(HARBOR_TRUSTED_PROXY_COUNT=0):
        assert not await connect(application, origin, host=host, headers=https)
    with override_settings(HARBOR_TRUSTED_PROXY_COUNT=1):
        assert await connect(application, origin, host=host, headers=https)
        plain = b"http://harbor.example.org"
        assert not await connect(application, plain, host=host, headers=https)


@override_settings(CSRF_TRUSTED_ORIGINS=["https://chat.example.org", "https://*.example.net"])
async def test_trusted_origins_connect_with_their_exact_scheme_and_port(application):
    assert await connect(application, b"https://chat.example.org")
    assert await connect(application, b"https://class.example.net")
    assert not await connect(application, b"https://chat.example.org:8443")
    assert not await connect(application, b"http://chat.example.org")
    assert not await connect(application, b"https://example.org")
