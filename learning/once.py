"""One-time form tokens: how Harbor does a thing once when its form is sent
twice (a double tap, a reload, a retry on a flaky connection).

Every form that makes something carries a fresh `new_token()` in a hidden field
(the chat's `client_id` is one too). The write verb that makes the thing is the
one place that looks at it, through `made_once`:
- what it makes stores the token in a unique column (a packet mailing, a
  hand-in, feedback, a chat message): the token again finds what the first post
  made, and a second post racing the first loses at the unique constraint;
- where nothing stored can carry the token (new students' accounts, whose
  passwords are shown once and never stored), `claimed_in_cache` stands in for
  the row: the first post claims the token, the claim is given back if nothing
  was made.
"""

import re
import secrets
from contextlib import contextmanager

from django.core.cache import cache
from django.db import IntegrityError, transaction

# What `new_token` makes; anything else was garbled on the way (or made up).
TOKEN = re.compile(r"[A-Za-z0-9_-]{16,64}")
CLAIM_SECONDS = 24 * 3600


def new_token():
    return secrets.token_urlsafe(24)


def is_token(value):
    return isinstance(value, str) and TOKEN.fullmatch(value) is not None


def made_once(find_earlier, make, *, look_first=True, in_transaction=True, lost=(IntegrityError,)):
    """(thing, created): what `find_earlier()` finds (a post with this token went
    through already), else what `make()` makes, in one transaction. `make` stores
    the token in a unique column: when another post with it wins the race, the
    insert fails and the winner's thing is returned instead.

    Chat messages, sent many times a second, skip the first look (a retry is
    rare: the unique constraint finds it) and keep their own transaction (one
    statement on PostgreSQL); a refusal of theirs (`lost`, the rate limit) finds
    the earlier message too: a retry of a saved message does not count again."""
    if look_first and (earlier := find_earlier()) is not None:
        return earlier, False
    try:
        if not in_transaction:
            return make(), True
        with transaction.atomic():
            return make(), True
    except lost:
        earlier = find_earlier()
        if earlier is None:  # not a repeated post: another constraint, or a refusal
            raise
        return earlier, False


@contextmanager
def claimed_in_cache(scope, token):
    """Yields True for the first post of `token` in `scope` (then the block makes
    the thing), False for any later one. An exception in the block gives the
    claim back: nothing was made, so the corrected form may be sent."""
    key = f"once:{scope}:{token}"
    if not cache.add(key, True, timeout=CLAIM_SECONDS):
        yield False
        return
    try:
        yield True
    except BaseException:
        cache.delete(key)
        raise
