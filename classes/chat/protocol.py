"""The chat protocol's frames (docs/chat-protocol.md): parsing what clients send
and shaping what the server sends. Plain functions, no I/O."""

import json
from dataclasses import dataclass

from django.utils.translation import gettext as _

from classes.chat.ratelimit import chat_rate_limit
from learning.ids import parse_number

MAX_FRAME_BYTES = 16 * 1024
MAX_TEXT_CHARS = 1000
MAX_CLIENT_ID_CHARS = 64


class ProtocolError(Exception):
    """A frame the server answers with {"type": "error"}; the socket stays open."""

    def __init__(self, code, detail):
        super().__init__(detail)
        self.code = code
        self.detail = detail

    def as_frame(self):
        return {"type": "error", "code": self.code, "detail": self.detail}


@dataclass(frozen=True)
class Send:
    text: str
    client_id: str


@dataclass(frozen=True)
class History:
    after: int


def parse_frame(raw):
    """The client's frame as a Send or History; ProtocolError for anything else."""
    try:
        frame = json.loads(raw)
    except (TypeError, ValueError):
        raise ProtocolError("invalid", _("That was not a JSON message.")) from None
    if not isinstance(frame, dict):
        raise ProtocolError("invalid", _("A message must be a JSON object."))
    kind = frame.get("type")
    if kind == "send":
        return parse_send(frame)
    if kind == "history":
        return History(after=parse_after(frame.get("after")))
    raise ProtocolError("invalid", _("Unknown message type."))


def parse_send(frame):
    text, client_id = frame.get("text"), frame.get("client_id")
    if not isinstance(text, str) or not isinstance(client_id, str):
        raise ProtocolError("invalid", _("“text” and “client_id” must be strings."))
    if not client_id or len(client_id) > MAX_CLIENT_ID_CHARS:
        raise ProtocolError("invalid", _("“client_id” must be 1 to 64 characters."))
    text = text.strip()
    if not text:
        raise ProtocolError("empty", _("Write something before sending."))
    if len(text) > MAX_TEXT_CHARS:
        raise ProtocolError(
            "too_long",
            _("A message can be at most %(limit)s characters.") % {"limit": MAX_TEXT_CHARS},
        )
    return Send(text=text, client_id=client_id)


def parse_after(value):
    """`after` from a frame or the ?after= query: a whole number ≥ 0."""
    number = None if isinstance(value, bool) else parse_number(value)
    if number is None:
        raise ProtocolError("invalid", _("“after” must be a whole number."))
    return number


def refusal(code):
    """The error for a send the server refuses, in the sender's language."""
    details = {
        "muted": _("A teacher has paused your messages for a while."),
        "closed": _("This group is closed. You can still read it."),
    }
    if code == "rate_limited":
        rate_limit = chat_rate_limit()
        detail = _("Slow down: at most %(n)s messages in %(s)s seconds.") % {
            "n": rate_limit.messages,
            "s": rate_limit.seconds,
        }
    else:
        detail = details.get(code, _("You cannot post here."))
    return ProtocolError(code, detail)


def not_delivered():
    """A message saved but not passed on to the room (the channel layer is down)."""
    return ProtocolError(
        "not_delivered",
        _("Your message is saved. The others will see it when their connection comes back."),
    )
