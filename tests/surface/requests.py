"""Sending one request as one role and reading what it meant, for the
permission matrix and the URL walk.

Each request runs in a savepoint that is rolled back, so every role meets the
same world (a teacher's POST that withdraws a student does not change what the
manager's POST finds), and a fingerprint of the database tells whether a
refused request changed anything."""

import hashlib

from django.apps import apps
from django.db import connection, transaction
from django.test import Client

# What an answer means to the person who sent it.
OK = "ok"  # served, or a form error (the role may use it), or a redirect elsewhere
LOGIN = "login"  # sent to sign in
REFUSED = "refused"  # 403 or 404: not theirs
NOT_ALLOWED = "405"  # the method is not answered at all
PASSWORD = "password"  # Wagtail's form asking for the page's password, nothing else

# Harbor's tables whose every row is part of the fingerprint (small in the demo);
# every other model is fingerprinted by its row count.
WATCHED_APPS = ("classes", "learning", "packets", "account")
# Signing in writes a session; a refused request may too (its message).
UNWATCHED_APPS = ("sessions",)
# What showing a page records, whatever was posted: a student who is shown
# their work again (a refused hand-in re-renders it) has seen its feedback.
READ_RECEIPTS = {"classes.Submission": {"feedback_unseen"}}


def outcome(response):
    status = response.status_code
    if status == 405:
        return NOT_ALLOWED
    if status in (403, 404):
        return REFUSED
    if status in (301, 302, 303, 307, 308):
        target = response.headers.get("Location", "")
        return LOGIN if "/login/" in target.split("?")[0] else OK
    if status == 200 and _asks_for_password(response):
        return PASSWORD
    if status < 500:
        return OK
    return f"error {status}"


def send(user, method, path, data=None, watch=False):
    """(the response to one request by `user` (None: anonymous), whether it
    changed what Harbor holds — None unless `watch`), whatever it wrote rolled
    back."""
    client = Client(raise_request_exception=False)
    with transaction.atomic():
        if user is not None:
            client.force_login(user)
        before = fingerprint() if watch else None
        response = getattr(client, method.lower())(path, data or {})
        changed = fingerprint() != before if watch else None
        transaction.set_rollback(True)
    return response, changed


def fingerprint():
    """A digest of what Harbor holds: every row of its own tables, and the row
    count of every other table (Wagtail's pages, revisions, images), those in
    one query: the matrix takes two fingerprints per refused POST. Rows are read
    as the database stores them (a StreamField's value has no stable repr)."""
    digest = hashlib.sha256()
    watched, counted = [], []
    for model in apps.get_models():
        meta = model._meta
        if meta.proxy or not meta.managed or meta.app_label in UNWATCHED_APPS:
            continue
        (watched if meta.app_label in WATCHED_APPS else counted).append(meta)
    with connection.cursor() as cursor:
        for meta in watched:
            digest.update(repr(_rows(cursor, meta)).encode())
        digest.update(repr(_counts(cursor, counted)).encode())
    return digest.hexdigest()


def _rows(cursor, meta):
    quote = connection.ops.quote_name
    skipped = READ_RECEIPTS.get(meta.label, set())
    fields = [f for f in meta.local_concrete_fields if f.name not in skipped]
    columns = ", ".join(quote(f.column) for f in fields)
    table = quote(meta.db_table)
    cursor.execute(f"SELECT {columns} FROM {table} ORDER BY {quote(meta.pk.column)}")
    return meta.label, cursor.fetchall()


def _counts(cursor, metas):
    quote = connection.ops.quote_name
    counts = ", ".join(f"(SELECT COUNT(*) FROM {quote(meta.db_table)})" for meta in metas)
    cursor.execute(f"SELECT {counts}")
    return list(zip((meta.label for meta in metas), cursor.fetchone(), strict=True))


def _asks_for_password(response):
    if response.streaming or "text/html" not in response.headers.get("Content-Type", ""):
        return False
    return b"/_util/authenticate_with_password/" in response.content
