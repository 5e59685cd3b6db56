"""With REDIS_URL set, two server processes share rooms through the Redis layer."""

import json

import pytest
from django.conf import settings
from django.test import Client
from websockets.sync.client import connect

from tests.servers import start_server, stop_server

# Only in `make test-scaled` (PostgreSQL and Redis): `make test` deselects "scaled".
pytestmark = [pytest.mark.scaled, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def two_servers():
    started = [start_server(), start_server()]
    yield [url for _process, url in started]
    for process, _url in started:
        stop_server(process)


def open_socket(base_url, path, user):
    client = Client()
    client.force_login(user)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME].value
    return connect(
        base_url.replace("http", "ws", 1) + path,
        origin=base_url,
        additional_headers={"Cookie": f"{settings.SESSION_COOKIE_NAME}={cookie}"},
        open_timeout=10,
    )


def test_a_message_sent_to_one_process_reaches_a_client_of_the_other(two_servers, classroom):
    assert settings.CHANNEL_LAYERS["default"]["BACKEND"].startswith("channels_redis.")
    cohort, _teacher, amina, ahmad = classroom
    path = f"/ws/classes/{cohort.pk}/chat/"
    with (
        open_socket(two_servers[0], path, amina) as sender,
        open_socket(two_servers[1], path, ahmad) as receiver,
    ):
        sender.send(json.dumps({"type": "send", "text": "Across the river", "client_id": "x-1"}))
        frame = json.loads(receiver.recv(timeout=10))
    assert frame["type"] == "message"
    assert frame["text"] == "Across the river"
    assert frame["author"]["name"] == "Amina Yusuf"
