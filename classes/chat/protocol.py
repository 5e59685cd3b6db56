"""The chat protocol's frames (docs/chat-protocol.md): parsing what clients send
(send, history) and shaping what the server sends (message, deleted,
history.done, error). Plain functions, no I/O.
"""

import json
from dataclasses import dataclass

from django.utils import timezone
from django.utils.dateformat import time_format
from django.utils.translation import gettext as _

from classes.chat import notices
from classes.chat.rooms import chat_rate_limit
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


# Message frames as the protocol sends them (docs/chat-protocol.md).


# How a message's time reads on screen: the page (message.html) and live
# messages (the frame's "time") show the same text.
TIME_FORMAT = "H:i"


def time_text(sent_at):
    return time_format(timezone.localtime(sent_at), TIME_FORMAT)


def message_frame(message, room_label, reader_id=None):
    """The message as `reader_id` reads it: a system notice is worded in the
    active language, for that reader (notices.py)."""
    if message.is_deleted:
        return deleted_frame(message)
    author = message.author
    shown = notices.shown(message, reader_id)
    return {
        "type": "message",
        "id": message.number,
        "room": room_label,
        # Display names only: never usernames, emails or phone numbers.
        "author": {"id": author.pk, "name": author.name} if author else None,
        "text": shown.text,
        "sent_at": message.sent_at.isoformat(),
        "client_id": message.client_id,
        "kind": message.kind,
        "link": shown.link,
        "pinned": message.pinned,
        "time": time_text(message.sent_at),
        # The message in the moderation URLs (report, remove): "id" counts per room.
        "ref": message.pk,
    }


def notice_frame(event, reader_id):
    """A live notice (broadcast.tell_room_notice) worded for one reader."""
    worded = notices.worded(event["notice"], event["params"], event["link"], reader_id)
    if worded is None:
        return event["frame"]
    return {**event["frame"], "text": worded.text, "link": worded.link}


def deleted_frame(message):
    return {"type": "deleted", "id": message.number}


def history_done_frame(last_id):
    return {"type": "history.done", "last_id": last_id}
