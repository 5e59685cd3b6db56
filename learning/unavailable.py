"""A WebSocket this process cannot serve is refused with 503, so nginx tries another.

An ASGI process whose channel layer does not answer (Redis down, or a wrong
REDIS_URL in its environment) cannot join a socket to its room: Channels
raises before the handshake is answered and the server turned that into a 500,
which nginx passes on to the phone. Answered 503 instead, nginx counts the
process as failed, leaves it out for a while and retries the handshake on
another process (`proxy_next_upstream ... http_503` in deploy/nginx/harbor.conf).
"""

import logging

from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)

LAYER_DOWN = (RedisConnectionError, RedisTimeoutError, OSError)
# The ASGI extension that lets a WebSocket handshake be answered with any HTTP status.
DENIAL = "websocket.http.response"
HANDSHAKE_ANSWERS = {"websocket.accept", "websocket.close", f"{DENIAL}.start"}


class RefuseWhenTheLayerIsDown:
    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        answered = False

        async def send_noting_the_answer(message):
            nonlocal answered
            answered = answered or message["type"] in HANDSHAKE_ANSWERS
            await send(message)

        try:
            await self.app(scope, receive, send_noting_the_answer)
        except LAYER_DOWN as error:
            if answered or DENIAL not in scope.get("extensions", {}):
                raise
            logger.warning("WebSocket refused (503): the channel layer did not answer: %r", error)
            await send_unavailable(send)


async def send_unavailable(send):
    headers = [(b"content-type", b"text/plain; charset=utf-8"), (b"retry-after", b"10")]
    await send({"type": f"{DENIAL}.start", "status": 503, "headers": headers})
    # No body: browsers never show a refused handshake's.
    await send({"type": f"{DENIAL}.body", "body": b""})
