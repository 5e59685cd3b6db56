"""Chat rate limit: at most N messages per user in a sliding window of S seconds.

Read from CHAT_RATE_LIMIT ("5/10s" by default) so load tests can raise it. Kept in
the cache, so with Redis every server process counts the same messages.
"""

import re
import time
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ImproperlyConfigured

LIMIT_PATTERN = re.compile(r"^\s*(\d+)\s*/\s*(\d+)\s*s\s*$")


@dataclass(frozen=True)
class RateLimit:
    messages: int
    seconds: int


def parse_rate_limit(value):
    match = LIMIT_PATTERN.match(value or "")
    if not match or int(match[1]) < 1 or int(match[2]) < 1:
        raise ImproperlyConfigured(
            f"CHAT_RATE_LIMIT must look like 5/10s (messages/seconds), not {value!r}."
        )
    return RateLimit(messages=int(match[1]), seconds=int(match[2]))


def chat_rate_limit():
    return parse_rate_limit(settings.CHAT_RATE_LIMIT)


async def allow_message(user_id, now=None):
    """Count one message for the user; False when over the limit (not counted)."""
    limit = chat_rate_limit()
    now = time.time() if now is None else now
    key = f"chat-rate:{user_id}"
    recent = [t for t in (await cache.aget(key) or []) if t > now - limit.seconds]
    if len(recent) >= limit.messages:
        return False
    await cache.aset(key, [*recent, now], timeout=limit.seconds + 1)
    return True
