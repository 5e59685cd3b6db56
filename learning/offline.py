"""Offline reading (docs/offline.md): the service worker, the offline page, and
the two headers that tell the worker what it may keep and when to forget it."""

import hashlib

from django.contrib.staticfiles import finders
from django.http import HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.templatetags.static import static
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_safe

# Pages of the packet tree (levels, packets, assignments, flashcards): the worker
# keeps the ones a reader opened, so they open again without a network.
# Not home: it changes with every visit (what is due, progress); offline, the
# offline page stands in for it with the list of saved packets.
KEPT_ROUTES = frozenset({"packet_page", "wagtail_serve"})
HOME = "/"
KEEP_HEADER = "Harbor-Offline"
# On sign-out: the next person to pick up the phone finds nothing of this one's.
SIGN_OUT_ROUTE = "account_logout"
CLEAR_SITE_DATA = '"cache", "storage"'
# What the offline page needs to show itself without a network.
SHELL_FILES = ("harbor/base.css", "harbor/offline.js", "harbor/icons/icon-192.png")


def _shell_urls():
    return [static(name) for name in SHELL_FILES]


def _release(urls):
    """A new worker whenever a file it keeps changes: their hashed names, and in
    development (no hashes) their contents. A hashed name already says its
    contents, so production reads no file here."""
    digest = hashlib.sha256()
    for name, url in zip(SHELL_FILES, urls, strict=True):
        digest.update(url.encode())
        path = None if _is_hashed(name, url) else finders.find(name)
        if path:
            with open(path, "rb") as file:
                digest.update(file.read())
    return digest.hexdigest()[:12]


def _is_hashed(name, url):
    return not url.endswith("/" + name)


@require_safe
def service_worker(request):
    urls = _shell_urls()
    body = render_to_string(
        "offline/sw.js",
        {"version": _release(urls), "offline_page": reverse("offline"), "shell_files": urls},
    )
    response = HttpResponse(body, content_type="text/javascript; charset=utf-8")
    # Browsers check for a new worker at most once a day anyway; never keep it longer.
    patch_cache_control(response, no_cache=True)
    return response


@require_safe
def offline_page(request):
    """Saved packets on this phone, listed by offline.js from the browser's own
    storage; also what the worker shows for a page that was not kept."""
    return render(request, "offline/offline.html")


class OfflineMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        route = getattr(request.resolver_match, "url_name", None)
        if route in KEPT_ROUTES and request.path != HOME and _is_html_page(response):
            response[KEEP_HEADER] = "keep"
        if route == SIGN_OUT_ROUTE and request.method == "POST" and response.status_code < 400:
            response["Clear-Site-Data"] = CLEAR_SITE_DATA
        return response


def _is_html_page(response):
    return response.status_code == 200 and response.get("Content-Type", "").startswith("text/html")
