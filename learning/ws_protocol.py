"""uvicorn's WebSocket protocol, letting go of the handshake once it is answered.

uvicorn's default implementation (websockets-sansio, uvicorn 0.54) keeps the
handshake's request and response, with all their headers, for the life of the
socket, though nothing reads them once the handshake is answered: ~3 KiB of
memory per open chat socket (docs/BENCHMARKS.md, "Process-wide user and session
groups"). Every launcher starts uvicorn with `--ws learning.ws_protocol:Protocol`
(a test checks they agree). This module imports no Django: uvicorn loads it first.
"""

from uvicorn.protocols.websockets.websockets_sansio_impl import WebSocketsSansIOProtocol


class Protocol(WebSocketsSansIOProtocol):
    async def send(self, message):
        await super().send(message)
        if self.handshake_complete and self.response is not None:
            # Answered: the close and error paths build responses of their own.
            # The request's headers are emptied as well: the `websockets`
            # parser's suspended generator still holds the request itself.
            # (The ASGI scope's copy of the headers is the application's.)
            self.request.headers.clear()
            self.request = None
            self.response = None
