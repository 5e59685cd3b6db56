"""Message frames as the protocol sends them (docs/chat-protocol.md)."""

from django.utils import timezone
from django.utils.dateformat import time_format

# How a message's time reads on screen: the page (message.html) and live
# messages (the frame's "time") show the same text.
TIME_FORMAT = "H:i"


def time_text(sent_at):
    return time_format(timezone.localtime(sent_at), TIME_FORMAT)


def message_frame(message, room_label):
    if message.is_deleted:
        return deleted_frame(message)
    author = message.author
    return {
        "type": "message",
        "id": message.number,
        "room": room_label,
        # Display names only: never usernames, emails or phone numbers.
        "author": {"id": author.pk, "name": author.name} if author else None,
        "text": message.text,
        "sent_at": message.sent_at.isoformat(),
        "client_id": message.client_id,
        "kind": message.kind,
        "link": message.link,
        "pinned": message.pinned,
        "time": time_text(message.sent_at),
        # The message in the moderation URLs (report, remove): "id" counts per room.
        "ref": message.pk,
    }


def deleted_frame(message):
    return {"type": "deleted", "id": message.number}


def history_done_frame(last_id):
    return {"type": "history.done", "last_id": last_id}
