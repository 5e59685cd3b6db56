"""The packet page, kept whole in the cache except for its reader's parts.

A packet page is the same for every reader of one language but for a few small
parts: the header (the reader's name and unread notices, their role's links, the sign-out form's
CSRF token), flash messages, the language switcher's CSRF token and return
path, the reader's own status block (the `packet_page_student_status` hook,
which the `classes` app fills), a teacher's Share control (the `page_share`
hook) and the QR code printed under the packet (packets/printing.py). The page
is rendered once with an unguessable marker in each of those places, split
there, and kept in the cache; a request fills the gaps for its own reader
(`ReaderParts`).

Nothing has to be invalidated, so several processes with their own caches stay
right: every request first reads, in one query, the facts the cache key is made
of (the live revisions of the packet, of its level and of its live assignments)
and the privacy of the packet and its ancestors. A newly published revision
makes a new key; a level made private is seen on the next request; the language
is part of the key. Anything unusual (several sites, aliases, password or group
restrictions, a cache miss) goes through Wagtail's own `serve`, which renders
the page and stores it (`serve_packet`).
"""

import functools
import hashlib
import itertools
import re
import secrets
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.contrib.contenttypes.models import ContentType
from django.contrib.messages import get_messages
from django.core.cache import cache
from django.db import connection
from django.http import HttpResponse
from django.http.request import split_domain_port
from django.middleware.csrf import get_token
from django.template.loader import get_template, render_to_string
from django.template.response import TemplateResponse
from django.utils import translation
from django.utils.cache import add_never_cache_headers
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from wagtail import hooks
from wagtail.models import Page, PageViewRestriction, Site

from packets import panels
from packets.printing import print_qr
from packets.sql import names

# Bump when the code changes what a cached copy holds, so that a shared cache
# (Redis) stops serving copies made by the previous release. A change to the
# templates or the translations needs no bump: their digest is in every key.
CACHE_VERSION = 1
# A copy is only reached through its revisions' key; the timeout just lets
# copies of old revisions leave the cache.
TIMEOUT = 7 * 24 * 3600


@dataclass(frozen=True)
class PacketFacts:
    """What one query says about a live packet page: enough to name its cached
    copy, to check its privacy, and to tell per-reader parts what it holds."""

    page_id: int
    assignment_ids: tuple[int, ...]
    private: bool
    revisions: tuple

    def cache_key(self, language):
        revisions = hashlib.blake2b(repr(self.revisions).encode(), digest_size=12).hexdigest()
        return f"packet-page:{release()}:{self.page_id}:{language}:{revisions}"


@functools.cache
def release():
    """What cached copies are made from besides the database: this module's
    CACHE_VERSION and a digest of the project's templates and compiled
    translations. Read once per process: they only change under a running
    server while DEBUG is on, and then no packet page is cached."""
    sources = [
        *(sorted(Path(folder).rglob("*.html")) for folder in settings.TEMPLATES[0]["DIRS"]),
        *(sorted(Path(folder).rglob("*.mo")) for folder in settings.LOCALE_PATHS),
    ]
    digest = hashlib.blake2b(digest_size=6)
    for path in itertools.chain.from_iterable(sources):
        digest.update(path.read_bytes())
    return f"{CACHE_VERSION}.{digest.hexdigest()}"


# Plain SQL, not QuerySets: Django took ~0.9 ms to build these two queries and
# SQLite ~0.05 ms to run them (bench/packet_page.py). Written for SQLite and
# PostgreSQL alike; table and column names come from the models (`names`).
@functools.cache
def sites_sql():
    site, page = names(Site), names(Page)
    return f"""
        SELECT site.{site.hostname}, site.{site.is_default_site}, root.{page.url_path}
        FROM {site.table} site JOIN {page.table} root ON root.{page.id} = site.{site.root_page}
        LIMIT 2
    """


@functools.cache
def pages_sql():
    """The query `packet_facts` runs, with a `{lineage}` gap for its placeholders."""
    page, restriction = names(Page), names(PageViewRestriction)
    return f"""
        SELECT page.{page.id}, page.{page.depth}, page.{page.live}, page.{page.live_revision},
            page.{page.content_type}, page.{page.alias_of},
            restriction.{restriction.restriction_type}
        FROM {page.table} page
        LEFT JOIN {restriction.table} restriction ON restriction.{restriction.page} = page.{page.id}
        WHERE page.{page.url_path} IN ({{lineage}})
            OR (page.{page.depth} = %s AND page.{page.live} = %s
                AND substr(page.{page.url_path}, 1, %s) = %s)
    """


class PageRow(NamedTuple):
    id: int
    depth: int
    live: bool
    revision: int | None
    content_type: int
    alias_of: int | None
    restriction: str | None


def site_root_url_path(request):
    """The url_path of the site's root page when the request's site is certain: a
    single site, which is the default or has the request's host name (Wagtail
    would choose it then). None otherwise, and Wagtail decides."""
    with connection.cursor() as cursor:
        cursor.execute(sites_sql())
        sites = cursor.fetchall()
    if len(sites) != 1:
        return None
    hostname, is_default, root_url_path = sites[0]
    if not is_default and hostname != split_domain_port(request.get_host())[0]:
        return None
    return root_url_path


def packet_facts(url_path):
    """The facts about the live packet page at `url_path`, or None if there is
    none, or if only Wagtail's `serve` can tell who may see it (an alias, a
    password or group restriction).

    One query reads the page and its ancestors (the url_path's prefixes: a page's
    depth is their number) with their view restrictions, and its live children."""
    lineage = url_path_prefixes(url_path)
    depth = len(lineage)
    sql = pages_sql().format(lineage=", ".join(["%s"] * depth))
    with connection.cursor() as cursor:
        cursor.execute(sql, [*lineage, depth + 1, True, len(url_path), url_path])
        rows = [PageRow(*row) for row in cursor.fetchall()]
    page = next((row for row in rows if row.depth == depth), None)
    ancestry = [row for row in rows if row.depth <= depth]
    restrictions = {row.restriction for row in ancestry} - {None}
    if (
        page is None
        or not page.live
        or page.content_type != packet_content_type_id()
        or any(row.alias_of for row in ancestry)
        or restrictions - {PageViewRestriction.LOGIN}
    ):
        return None
    parent = next((row for row in ancestry if row.depth == depth - 1), None)
    children = sorted({(row.id, row.revision) for row in rows if row.depth > depth})
    return PacketFacts(
        page_id=page.id,
        assignment_ids=tuple(child_id for child_id, _revision in children),
        private=bool(restrictions),
        revisions=(page.revision, parent and parent.revision, tuple(children)),
    )


def url_path_prefixes(url_path):
    """'/home/level-1/greetings/' → ['/', '/home/', '/home/level-1/', '/home/level-1/greetings/']"""
    slugs = url_path.strip("/").split("/")
    return ["/", *("/" + "/".join(slugs[: n + 1]) + "/" for n in range(len(slugs)))]


def packet_content_type_id():
    from packets.models import PacketPage

    return ContentType.objects.get_for_model(PacketPage).id  # cached per process by Django


class ReaderParts:
    """The parts of a packet page that belong to the request's reader, made on
    first use. Every value is HTML, safe to put in the page as it is."""

    def __init__(self, request, page_id, assignment_ids):
        self.request = request
        self.page_id = page_id
        self.assignment_ids = assignment_ids
        self.made = {}

    def __getitem__(self, name):
        if name not in self.made:
            self.made[name] = mark_safe(getattr(self, f"make_{name}")())
        return self.made[name]

    def make_csrf_token(self):
        return escape(get_token(self.request))

    def make_next_path(self):
        return escape(self.request.get_full_path())

    def make_user_menu(self):
        user = self.request.user
        signed_in = user.is_authenticated
        kind = (get_language(), signed_in, signed_in and user.may_publish)
        # While developing (DEBUG), templates change under the running server.
        pieces = render_user_menu(*kind) if settings.DEBUG else user_menu_pieces(*kind)
        name = escape(user.name) if signed_in else ""
        bell = ""
        if signed_in:
            count = min(user.unread_notices, 100)
            bell = (
                render_bell(get_language(), count)
                if settings.DEBUG
                else notice_bell(get_language(), count)
            )
        return fill(pieces, {"name": name, "csrf_token": self["csrf_token"], "bell": bell})

    def make_messages(self):
        messages = get_messages(self.request)
        if not messages:
            return ""
        return get_template("components/messages.html").render({"messages": messages})

    def make_student_status(self):
        # The `classes` app reports on the reader's own work here (packets/panels.py).
        return panels.student_status(self.request, self.page_id, self.assignment_ids)

    def make_share(self):
        # A teacher's Share control, from the `classes` app (packets/panels.py).
        return panels.share(self.request, self.page_id)

    def make_print_qr(self):
        # The request's own address: the cached copy is shared by every host.
        return print_qr(self.request)


class MenuReader(NamedTuple):
    """Who `components/user_menu.html` is rendered for, once per kind of reader:
    a marker stands in for the name."""

    name: str
    is_authenticated: bool
    may_publish: bool


def render_user_menu(language, signed_in, may_publish):
    """The header's menu for one kind of reader, with gaps for their name and
    CSRF token."""
    markers = Markers()
    reader = MenuReader(markers["name"], signed_in, may_publish)
    context = {"user": reader, "csrf_token": markers["csrf_token"], "bell": markers["bell"]}
    with translation.override(language):
        return markers.split(get_template("components/user_menu.html").render(context))


# Made once per process: no template is rendered for the header per request.
user_menu_pieces = functools.cache(render_user_menu)


def render_bell(language, count):
    """The header's bell with the reader's unread count (on their User row: no
    query); over 99 reads "99+"."""
    with translation.override(language):
        return get_template("components/notice_bell.html").render({"count": count})


# Made once per process, language and count.
notice_bell = functools.lru_cache(maxsize=512)(render_bell)


class Markers:
    """Stand-ins for the reader's parts while the shared copy is rendered: a marker
    no page content can contain (a fresh random nonce), so only the places the
    templates mean are filled later."""

    def __init__(self):
        self.nonce = secrets.token_hex(16)
        self.pattern = re.compile(rf"{self.nonce}:(\w+):{self.nonce}")

    def __getitem__(self, name):
        return mark_safe(f"{self.nonce}:{name}:{self.nonce}")

    def split(self, html):
        """The page as its shared text between gaps: [text, gap, text, …, text]."""
        pieces = self.pattern.split(html)
        if any(self.nonce in text for text in pieces[::2]):
            raise ValueError("A reader's part was changed while rendering the packet page.")
        return tuple(pieces)


def fill(pieces, reader):
    return "".join(reader[piece] if n % 2 else piece for n, piece in enumerate(pieces))


def packet_response(pieces, reader, private):
    response = HttpResponse(fill(pieces, reader))
    if private:
        # As Wagtail's own check of view restrictions does: never kept by a proxy.
        add_never_cache_headers(response)
    return response


def serve_packet(page, request):
    """Render a packet page for Wagtail's `serve` and keep its shared copy."""
    request.is_preview = getattr(request, "is_preview", False)
    context = page.get_context(request)
    template = page.get_template(request)
    facts = None if request.is_preview or settings.DEBUG else packet_facts(page.url_path)
    # Only a copy of the revision the facts name may be kept under their key;
    # and only once no word is waiting for its voice (packets/voice/), so the copy
    # kept has every player that will ever be ready, and none that is not yet.
    waiting = context["voices"].waiting
    if facts is None or facts.revisions[0] != page.live_revision_id or waiting:
        return TemplateResponse(request, template, context)
    markers = Markers()
    pieces = markers.split(render_shared_copy(template, context, request, markers))
    cache.set(facts.cache_key(get_language()), pieces, TIMEOUT)
    reader = ReaderParts(request, facts.page_id, facts.assignment_ids)
    # Wagtail's view-restriction hook adds the no-cache headers on this path.
    return packet_response(pieces, reader, private=False)


def render_shared_copy(template, context, request, markers):
    """Render the copy every reader shares, as nobody in particular: whatever a
    template takes from the reader by Django's usual means is neutral there
    (`user` is a visitor, `messages` is empty, every CSRF token is a gap), so a
    template that forgot `reader` can never show the first reader's own."""
    context = {**context, "reader": markers, "csrf_token": markers["csrf_token"], "messages": ()}
    reader = request.user
    request.user = AnonymousUser()
    try:
        return render_to_string(template, context, request)
    finally:
        request.user = reader


def cached_response(request, path):
    """The packet page at `path` from the cache, or None to let Wagtail serve it.
    Privacy is checked here on every request, before the cache is read."""
    if request.method != "GET" or settings.DEBUG or not only_wagtails_own_serve_hooks():
        return None
    root = site_root_url_path(request)
    facts = packet_facts(f"{root}{path}") if root else None
    if facts is None or (facts.private and not request.user.is_authenticated):
        return None  # Wagtail sends the visitor to sign in
    pieces = cache.get(facts.cache_key(get_language()))
    if pieces is None:
        return None
    request.is_preview = False
    reader = ReaderParts(request, facts.page_id, facts.assignment_ids)
    return packet_response(pieces, reader, private=facts.private)


# Wagtail's own page hooks, which a cached answer stands in for: the method check
# (GET is always allowed) and the view restrictions (checked by `packet_facts`).
WAGTAIL_SERVE_HOOKS = {
    "before_serve_page": ["wagtail.wagtail_hooks.check_request_method"],
    "on_serve_page": ["wagtail.wagtail_hooks.check_view_restrictions"],
}


def only_wagtails_own_serve_hooks():
    """Answering without Wagtail's `serve` skips its page hooks: only right while
    no other app has registered one."""
    return all(
        [f"{fn.__module__}.{fn.__name__}" for fn in hooks.get_hooks(name)] == expected
        for name, expected in WAGTAIL_SERVE_HOOKS.items()
    )
