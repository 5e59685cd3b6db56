"""Message frames as the protocol sends them (docs/chat-protocol.md)."""


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
    }


def deleted_frame(message):
    return {"type": "deleted", "id": message.number}


def history_done_frame(last_id):
    return {"type": "history.done", "last_id": last_id}
