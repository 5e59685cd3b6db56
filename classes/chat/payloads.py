"""Message frames as the protocol sends them (docs/chat-protocol.md)."""

from django.utils import timezone
from django.utils.dateformat import time_format

from classes.chat import notices

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
