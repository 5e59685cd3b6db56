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


def _key(user_id):
    return f"chat-rate:{user_id}"


def _admit(stored, now, limit):
    """The timestamps to keep if one more message is allowed now, else None."""
    recent = [t for t in (stored or []) if t > now - limit.seconds]
    return None if len(recent) >= limit.messages else [*recent, now]


def allow_message_now(user_id):
    """Count one message for the user; False when over the limit (not counted).
    Used by the consumer (in its worker thread) and the page without JavaScript."""
    limit = chat_rate_limit()
    kept = _admit(cache.get(_key(user_id)), time.time(), limit)
    if kept is None:
        return False
    cache.set(_key(user_id), kept, timeout=limit.seconds + 1)
    return True
