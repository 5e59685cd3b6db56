"""Every URL Harbor answers, read from the URLconf and the WebSocket routing
themselves, so a route added tomorrow is in the walk and the matrix the moment it
exists."""

import re
from dataclasses import dataclass

from django.urls import URLPattern, URLResolver, get_resolver, resolve
from django.urls.exceptions import Resolver404

# <converter:name> in a path() route.
ROUTE_PARAMETER = re.compile(r"<(?:(?P<converter>\w+):)?(?P<name>\w+)>")


@dataclass(frozen=True)
class Route:
    """One pattern as a person would type it: `template` is the full route
    (prefixes joined), with `<name>` for each parameter."""

    template: str
    view: str  # dotted path of the view, as `resolve()` names it
    parameters: tuple[str, ...]
    is_regex: bool

    def fill(self, values):
        """The URL with each parameter taken from `values` (a dict of str)."""
        if self.is_regex:
            raise ValueError(f"{self.template}: regex routes are filled from SAMPLE_PATHS")
        path = ROUTE_PARAMETER.sub(lambda m: str(values[m.group("name")]), self.template)
        return "/" + path


def _join(prefix, pattern):
    text = str(pattern.pattern)
    regex = prefix[1] or text.startswith("^") or text.endswith("$")
    return prefix[0] + text, regex


def _walk(patterns, prefix=("", False)):
    for pattern in patterns:
        template, regex = _join(prefix, pattern)
        if isinstance(pattern, URLResolver):
            yield from _walk(pattern.url_patterns, (template, regex))
        elif isinstance(pattern, URLPattern):
            yield template, pattern.lookup_str, regex, pattern


def _parameters(template, pattern, regex):
    if regex:
        names = tuple(pattern.pattern.regex.groupindex)
        unnamed = pattern.pattern.regex.groups - len(names)
        return names + tuple(f"_{i}" for i in range(unnamed))
    return tuple(m.group("name") for m in ROUTE_PARAMETER.finditer(template))


def url_routes():
    """Every URL pattern in the URLconf, in order, duplicates of a template
    (Wagtail's own copy of a route Harbor replaces) kept: the walk proves the
    replacement answers."""
    return [
        Route(template, view, _parameters(template, pattern, regex), regex)
        for template, view, regex, pattern in _walk(get_resolver().url_patterns)
    ]


def websocket_routes():
    """Every WebSocket route of the ASGI application, as (template, consumer)."""
    from classes.routing import websocket_urlpatterns

    return [
        Route(str(p.pattern), p.callback.__name__, _parameters(str(p.pattern), p, False), False)
        for p in websocket_urlpatterns
    ]


def view_answering(path):
    """The dotted view a path actually reaches (a route shadowed by an earlier
    one answers with the earlier view), or None."""
    try:
        return resolve(path)._func_path
    except Resolver404:
        return None
