"""ASGI entry point: HTTP to Django, WebSockets through Channels.

In production only /ws/ reaches this (HTTP goes to WSGI workers, measured 3-12x
faster for sync views); `make run` (uvicorn) serves both from one process.
"""

import gc
import os

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "learning.settings.dev")
django_asgi_app = get_asgi_application()

from channels.routing import ProtocolTypeRouter, URLRouter  # noqa: E402 - needs Django set up

from learning.origins import SameOriginValidator  # noqa: E402
from learning.routing import websocket_urlpatterns  # noqa: E402
from learning.socket_sign_in import SocketSignIn  # noqa: E402
from learning.unavailable import RefuseWhenTheLayerIsDown  # noqa: E402


def build_application(websocket_routes):
    """The project's protocol router; tests build it with routes of their own."""
    return ProtocolTypeRouter(
        {
            "http": django_asgi_app,
            "websocket": RefuseWhenTheLayerIsDown(
                SameOriginValidator(SocketSignIn(URLRouter(websocket_routes)))
            ),
        }
    )


application = build_application(websocket_urlpatterns)

# Everything loaded so far (Django, Wagtail, the models, ~190,000 objects) lives
# as long as the process. Left to the collector, every full collection walked it
# all again: 100-300 ms with the event loop stopped, felt by every open chat
# socket (docs/BENCHMARKS.md, "Class chat fan-out"). Frozen, they are skipped.
gc.freeze()
