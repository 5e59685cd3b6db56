"""Two sites on one Redis server, each on its own database number, must not
hear each other's chat rooms (Redis pub/sub channels ignore database numbers)."""

import asyncio
from urllib.parse import urlsplit, urlunsplit

import pytest
from django.conf import settings
from django.utils.module_loading import import_string

from learning.settings.env import channel_layers

# Only in `make test-scaled` (Redis): `make test` deselects "scaled".
pytestmark = pytest.mark.scaled


def layer_on_database(number):
    parts = urlsplit(settings.REDIS_URL)
    url = urlunsplit(parts._replace(path=f"/{number}"))
    config = channel_layers(url)["default"]
    return import_string(config["BACKEND"])(**config["CONFIG"])


@pytest.mark.asyncio
async def test_a_room_on_one_database_does_not_reach_the_same_room_on_another():
    staging, production = layer_on_database(14), layer_on_database(15)
    reader = await production.new_channel()
    await production.group_add("chat.class.1", reader)
    try:
        await staging.group_send("chat.class.1", {"type": "chat.frame", "text": "staging"})
        await production.group_send("chat.class.1", {"type": "chat.frame", "text": "production"})
        # Published in that order: had the first leaked, it would be read first.
        # (The timeout only stops a broken layer from hanging the run.)
        first = await asyncio.wait_for(production.receive(reader), timeout=30)
        assert first["text"] == "production"
    finally:
        await production.group_discard("chat.class.1", reader)
        await staging.flush()
        await production.flush()
