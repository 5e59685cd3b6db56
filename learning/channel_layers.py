"""The in-memory channel layer of the embedded default, made cheap at scale.

Channels' InMemoryChannelLayer sweeps every channel and group for expired
messages on every send and receive: with a few hundred open sockets that sweep
took a third of the server's time in the chat benchmark. Sweeping at most once
a second keeps the same expiry rules (to the second) for a fraction of the work.
"""

import time

from channels.layers import InMemoryChannelLayer

SWEEP_EVERY_SECONDS = 1.0


class ThrottledInMemoryChannelLayer(InMemoryChannelLayer):
    _last_sweep = 0.0

    def _clean_expired(self):
        now = time.monotonic()
        if now - self._last_sweep < SWEEP_EVERY_SECONDS:
            return
        self._last_sweep = now
        super()._clean_expired()
