"""Which pages may open Harbor's WebSockets.

A browser sends the Origin of the page that opens a socket, and sends the
student's cookies whatever that page is: a foreign page could chat as the
student (cross-site WebSocket hijacking). So a socket opens only when its Origin
is the very address Harbor was reached at (scheme, host and port, as the
browser sees them) or one listed in DJANGO_CSRF_TRUSTED_ORIGINS.

Channels' AllowedHostsOriginValidator compared host names only: another port
or scheme on the same host (another program's page) passed.

A socket without an Origin is refused: every browser sends one, and a program
that is not a browser can send one too.
"""

from urllib.parse import urlsplit

from channels.security.websocket import WebsocketDenier
from django.conf import settings
from django.http.request import split_domain_port, validate_host
from django.utils.http import is_same_domain

DEFAULT_PORTS = {"http": 80, "https": 443}
HTTP_SCHEMES = {"ws": "http", "wss": "https"}


class SameOriginValidator:
    """ASGI middleware: refuse a WebSocket handshake from another origin."""

    def __init__(self, application):
        self.application = application

    async def __call__(self, scope, receive, send):
        if scope["type"] == "websocket" and not origin_allowed(scope):
            return await WebsocketDenier()(scope, receive, send)
        return await self.application(scope, receive, send)


def origin_allowed(scope):
    headers = {name.lower(): value.decode("latin1") for name, value in scope["headers"]}
    origin = parse_origin(headers.get(b"origin", ""))
    if origin is None:
        return False
    return origin == served_origin(scope, headers) or is_trusted(origin)


def parse_origin(text):
    """(scheme, host, port) of an http(s) origin; None for anything else
    (absent, "null", another scheme, a malformed port)."""
    try:
        parts = urlsplit(text.strip())
        port = parts.port
    except ValueError:
        return None
    if parts.scheme not in DEFAULT_PORTS or not parts.hostname:
        return None
    return parts.scheme, parts.hostname, port or DEFAULT_PORTS[parts.scheme]


def served_origin(scope, headers):
    """The origin of the address this socket was opened at: its Host header
    (which must be one Harbor serves) and the scheme the browser used."""
    host = headers.get(b"host", "")
    domain, _port = split_domain_port(host)
    if not domain or not validate_host(domain, allowed_hosts()):
        return None
    return parse_origin(f"{browser_scheme(scope, headers)}://{host}")


def browser_scheme(scope, headers):
    """http or https. Behind a proxy that ends TLS the socket reaches us as ws;
    the proxy says what the browser used, and is believed only when
    HARBOR_TRUSTED_PROXY_COUNT says a proxy is there (anyone can send the header)."""
    forwarded = headers.get(b"x-forwarded-proto", "")
    if settings.HARBOR_TRUSTED_PROXY_COUNT > 0 and forwarded:
        return forwarded.split(",")[0].strip().lower()
    return HTTP_SCHEMES.get(scope.get("scheme", "ws"), "http")


def allowed_hosts():
    # As Django's HttpRequest.get_host: localhost variants when DEBUG and empty.
    if settings.DEBUG and not settings.ALLOWED_HOSTS:
        return [".localhost", "127.0.0.1", "[::1]"]
    return settings.ALLOWED_HOSTS


def is_trusted(origin):
    """Listed in CSRF_TRUSTED_ORIGINS, as Django's CSRF check reads them:
    exact scheme and port; `https://*.example.org` admits its subdomains."""
    scheme, host, port = origin
    for entry in settings.CSRF_TRUSTED_ORIGINS:
        wildcard = "://*." in entry
        trusted = parse_origin(entry.replace("://*.", "://", 1))
        if trusted is None or trusted[0] != scheme or trusted[2] != port:
            continue
        matches = is_same_domain(host, "." + trusted[1]) if wildcard else host == trusted[1]
        if matches:
            return True
    return False
