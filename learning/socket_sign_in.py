"""Who a WebSocket belongs to: Channels' AuthMiddlewareStack in one step.

Channels' stack is three middlewares (cookies, session, user), each copying the
scope and each staying suspended, with its copy, for the life of the socket:
with the BaseMiddleware they build on, four coroutine frames and four scopes per
open chat socket, ~2 KiB (docs/BENCHMARKS.md, "Process-wide user and session
groups"); and every frame sent passed through the session wrapper, which saves
sessions only on HTTP responses. This does the same for WebSockets with one
copy: scope["cookies"], scope["session"] (the session of the cookie, as Channels
makes it) and scope["user"] (Channels' get_user: AnonymousUser without a valid
sign-in). Sessions are never saved from a socket, as before.
"""

from importlib import import_module

from channels.auth import UserLazyObject, get_user
from django.conf import settings
from django.http.cookie import parse_cookie
from django.utils.functional import LazyObject


class SocketSignIn:
    def __init__(self, inner):
        self.inner = inner

    async def __call__(self, scope, receive, send):
        cookies = cookies_of(scope)
        session = LazyObject()
        store = import_module(settings.SESSION_ENGINE).SessionStore
        session._wrapped = store(cookies.get(settings.SESSION_COOKIE_NAME))
        scope = dict(scope, cookies=cookies, session=session, user=UserLazyObject())
        scope["user"]._wrapped = await get_user(scope)
        return await self.inner(scope, receive, send)


def cookies_of(scope):
    for name, value in scope["headers"]:
        if name == b"cookie":
            return parse_cookie(value.decode("latin1"))
    return {}
