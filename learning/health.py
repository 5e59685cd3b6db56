"""GET /healthz: does the database answer, does the channel layer answer?"""

import asyncio
import logging
import uuid

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from django.db import connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

logger = logging.getLogger(__name__)
CHECK_TIMEOUT_SECONDS = 2


def database_ok():
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            return cursor.fetchone() == (1,)
    except Exception:
        logger.exception("Health check: the database did not answer")
        return False


async def _layer_round_trip():
    layer = get_channel_layer()
    channel = await layer.new_channel(prefix="healthz")
    token = uuid.uuid4().hex
    await layer.send(channel, {"type": "healthz.ping", "token": token})
    message = await layer.receive(channel)
    return message.get("token") == token


async def _layer_ok():
    try:
        return await asyncio.wait_for(_layer_round_trip(), timeout=CHECK_TIMEOUT_SECONDS)
    except Exception:
        logger.exception("Health check: the channel layer did not answer")
        return False


def channel_layer_ok():
    return async_to_sync(_layer_ok)()


@never_cache
@require_GET
def healthz(request):
    checks = {"database": database_ok(), "channel_layer": channel_layer_ok()}
    status = 200 if all(checks.values()) else 503
    body = {"status": "ok" if status == 200 else "unavailable"}
    body.update({name: "ok" if ok else "unavailable" for name, ok in checks.items()})
    return JsonResponse(body, status=status)
