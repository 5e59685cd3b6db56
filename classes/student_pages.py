"""A signed-in student's pages, kept whole per student (issue 17).

Home, a level, an assignment, a packet's flashcards, the class page and the
class chat are rendered for one student, from rows that change far less often
than they are read. The response is kept in the cache under the student, the
page's path and language, and remembered with the version tokens it was made
under (classes/page_versions.py: the content's, the student's own, the chat
room's, "everything"), the student's header facts (name, unread notices, roles),
the local date and passed page passwords. A request whose tokens and facts are
the same gets the kept copy, with its own CSRF token and fresh one-time form
tokens; anything else renders the page afresh and keeps it.

What bumps a token is in classes/page_invalidation.py. What no row announces,
the passing of time within a day (a session starting, a flashcard falling due,
a mute ending), is seen within FRESH_FOR seconds: no copy is served older.

Only while the cache is shared by every process (Redis), or in a single
process: a token bumped in one process's own memory is not seen by another
(`HARBOR_STUDENT_PAGE_CACHE`, learning/settings/base.py).
"""

import hashlib
import re
import time
from dataclasses import dataclass

from django.conf import settings
from django.contrib.messages import get_messages
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.utils import timezone
from django.utils.translation import get_language
from wagtail.models import PageViewRestriction

from classes import page_versions as versions
from learning.once import new_token
from learning.roles import Role
from packets.page_cache import only_wagtails_own_serve_hooks, release

FRESH_FOR = 60
# The rooms each chat page shows, named as classes/page_invalidation.py bumps them.
ROUTES = {
    "wagtail_serve": lambda kwargs: (),
    "classes:detail": lambda kwargs: (),
    "class_chat": lambda kwargs: (f"room:class:{kwargs['class_id']}",),
    "group_chat": lambda kwargs: (f"room:group:{kwargs['group_id']}",),
}
# Hidden fields made per request: the CSRF token and one-time tokens that tell a
# repeated submission from a new one (learning/once.py). A kept copy has gaps there.
PER_REQUEST = re.compile(r'name="(csrfmiddlewaretoken|client_id|token)" value="[^"]*"')


@dataclass(frozen=True)
class Copy:
    made_under: tuple
    made_at: float
    pieces: tuple
    headers: tuple


@dataclass(frozen=True)
class Plan:
    key: str
    names: tuple
    reader: tuple


def enabled():
    return getattr(settings, "HARBOR_STUDENT_PAGE_CACHE", False) and not settings.DEBUG


def plan_for(request, view_kwargs):
    """What a request's kept copy is called and depends on; None when the page
    is not kept (not a student's GET of these pages, flash messages waiting)."""
    match = request.resolver_match
    route = ROUTES.get(match.view_name) if match else None
    user = request.user
    if route is None or request.method != "GET" or request.GET or not enabled():
        return None
    if not user.is_authenticated or user.role != Role.STUDENT or len(get_messages(request)):
        return None
    if match.view_name == "wagtail_serve" and not only_wagtails_own_serve_hooks():
        return None
    language = get_language()
    path = hashlib.blake2b(request.path.encode(), digest_size=12).hexdigest()
    passed = request.session.get(PageViewRestriction.passed_view_restrictions_session_key, [])
    reader = (
        user.name,
        user.unread_notices,
        tuple(sorted(user.role_names)),
        timezone.localdate().isoformat(),
        tuple(passed),
    )
    names = (versions.CONTENT, versions.EVERYTHING, versions.user(user.pk), *route(view_kwargs))
    return Plan(f"student-page:{release()}:{user.pk}:{language}:{path}", names, reader)


def fill(request, copy):
    token = get_token(request)
    values = {"csrfmiddlewaretoken": token}
    parts = []
    for n, piece in enumerate(copy.pieces):
        if n % 2 == 0:
            parts.append(piece)
        else:
            value = values[piece] if piece in values else new_token()
            parts.append(f'name="{piece}" value="{value}"')
    response = HttpResponse("".join(parts))
    for name, value in copy.headers:
        response[name] = value
    return response


def keepable(request, response):
    """Only a plain page that changed nothing for the reader on the way."""
    storage = getattr(request, "_messages", None)
    return (
        response.status_code == 200
        and not response.streaming
        and response.get("Content-Type", "").startswith("text/html")
        and not response.cookies
        and not request.session.modified
        and not (storage is not None and getattr(storage, "_queued_messages", None))
    )


def keep(request, response, plan, made_under):
    if not keepable(request, response):
        return
    pieces = tuple(PER_REQUEST.split(response.content.decode(response.charset)))
    headers = tuple((k, v) for k, v in response.headers.items() if k != "Content-Length")
    copy = Copy(made_under, time.time(), pieces, headers)
    versions.cache.set(plan.key, copy, FRESH_FOR)


class StudentPageCacheMiddleware:
    """Last in MIDDLEWARE: every other middleware treats a kept copy as the
    view's own response (cookies, language, security and offline headers)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        pending = getattr(request, "_student_page", None)
        if pending is not None:
            keep(request, response, *pending)
        return response

    def process_view(self, request, view_func, view_args, view_kwargs):
        plan = plan_for(request, view_kwargs)
        if plan is None:
            return None
        tokens, found = versions.read(plan.names, also=[plan.key])
        made_under = (tokens, plan.reader)
        copy = found.get(plan.key)
        if copy is not None and copy.made_under == made_under:
            if time.time() - copy.made_at < FRESH_FOR:
                return fill(request, copy)
        request._student_page = (plan, made_under)
        return None
