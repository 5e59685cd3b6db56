"""With REDIS_URL set, two server processes share rooms through the Redis layer."""

import json

import pytest
from django.conf import settings

from tests.servers import open_socket, start_server, stop_server

# Only in `make test-scaled` (PostgreSQL and Redis): `make test` deselects "scaled".
pytestmark = [pytest.mark.scaled, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def two_servers():
    started = [start_server(), start_server()]
    yield [url for _process, url in started]
    for process, _url in started:
        stop_server(process)


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
