"""Fan-out through the channel layer, always after the transaction commits:
a message reaches phones only once it is safely in the database."""

import json

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from django.db import transaction


def user_group(user_id):
    return f"chat.user.{user_id}"


def session_group(session_key):
    return f"chat.session.{session_key}"


def send_after_commit(group, event):
    def send():
        async_to_sync(get_channel_layer().group_send)(group, event)

    transaction.on_commit(send)


def tell_room(room, frame):
    # Serialized once here, not once per receiving socket.
    send_after_commit(room.channel_group, {"type": "chat.frame", "text": json.dumps(frame)})


def tell_user(user_id, event_type, **data):
    """e.g. membership.changed: the user's sockets re-check (and close) themselves."""
    send_after_commit(user_group(user_id), {"type": event_type, **data})


def tell_session(session_key, event_type):
    send_after_commit(session_group(session_key), {"type": event_type})
