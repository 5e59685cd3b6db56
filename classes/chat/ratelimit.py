"""Chat rate limit: at most N messages per user in a sliding window of S seconds.

Read from CHAT_RATE_LIMIT ("5/10s" by default) so load tests can raise it. Counted
from the messages themselves (the user's chat messages saved in the window, in
every room), so every server process counts the same messages, and counted under
a lock on the sender in the transaction that saves the message
(services._save_next), so parallel sockets of one user cannot all slip under it.
"""

import re
from dataclasses import dataclass

from django.conf import settings
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
