"""Named version tokens for cached pages (classes/student_pages.py).

A cached page remembers the tokens it was made under; it is served again only
while every one of them is unchanged. A change to what a page shows bumps the
token it depends on (classes/page_invalidation.py): the next request sees a new
token and renders afresh. Tokens live in Django's cache, so every process that
shares the cache (Redis) sees a bump at once; they are read in one round trip.

Names: "content" (any Wagtail page or its media), "user:<id>" (anything about
one person: their work, feedback, classes, loans, practice groups, flashcards),
"room:<id>" (a chat room's messages) and "all" (a change whose readers are not
worked out, e.g. an erasure).
"""

import secrets

from django.core.cache import cache
from django.db import transaction

PREFIX = "page-version:"
# Longer than any cached page lives: a token that leaves the cache is replaced
# by a fresh one (never by a value it had before), so a page is never served
# under a token it was not made with.
TIMEOUT = 30 * 24 * 3600

CONTENT = "content"
EVERYTHING = "all"


def user(user_id):
    return f"user:{user_id}"


def room(room_id):
    return f"room:{room_id}"


def read(names, also=()):
    """The current tokens of `names` (a tuple in their order) and the cache's
    values of the keys in `also`, in one round trip: {key: value}."""
    keys = [PREFIX + name for name in names]
    found = cache.get_many([*keys, *also])
    missing = {key: secrets.token_hex(8) for key in keys if key not in found}
    if missing:
        # Another process may have made one meanwhile: add() keeps theirs.
        for key, token in missing.items():
            cache.add(key, token, TIMEOUT)
        found.update(cache.get_many(list(missing)))
    tokens = tuple(found.get(key, "") for key in keys)
    return tokens, {key: found[key] for key in also if key in found}


def bump(*names):
    """New tokens for `names`: now, and again once the current transaction
    commits. The second bump matters: between the first and the commit another
    request may still read the old rows and keep a page under the new token."""
    names = [name for name in names if name]
    if not names:
        return
    _set_new(names)
    if transaction.get_connection().in_atomic_block:
        transaction.on_commit(lambda: _set_new(names))


def bump_users(user_ids):
    bump(*(user(pk) for pk in set(user_ids) if pk))


def _set_new(names):
    cache.set_many({PREFIX + name: secrets.token_hex(8) for name in names}, TIMEOUT)
