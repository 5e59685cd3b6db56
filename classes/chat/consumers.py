"""The class chat WebSocket consumer: thin. It authenticates and joins groups on
connect, dispatches frames on their type, and leaves the rules to rooms.py and
services.py (run in a thread with database_sync_to_async)."""

from urllib.parse import parse_qs

from channels.consumer import get_handler_name
from channels.db import database_sync_to_async
from channels.generic.websocket import AsyncJsonWebsocketConsumer
from django.utils import translation

from classes.chat import history
from classes.chat.broadcast import (
    all_delivered,
    published_without_waiting,
    session_group,
    user_group,
)
from classes.chat.payloads import message_frame, notice_frame
from classes.chat.protocol import (
    MAX_FRAME_BYTES,
    History,
    ProtocolError,
    not_delivered,
    parse_after,
    parse_frame,
    refusal,
)
from classes.chat.rooms import GONE, find_room, may_read
from classes.chat.services import send_message
from learning.languages import reading_language

# Close codes: 1009 "message too big" (RFC 6455); 4403 "no longer allowed".
TOO_BIG = 1009
NOT_ALLOWED = 4403


class ChatConsumer(AsyncJsonWebsocketConsumer):
    async def connect(self):
        self.user = self.scope["user"]
        kwargs = self.scope["url_route"]["kwargs"]
        self.room = None
        if self.user.is_authenticated:
            self.language = reading_language(self.user, self.scope.get("cookies", {}))
            self.room = await database_sync_to_async(self.readable_room)(kwargs)
        if self.room is None:
            await self.close()  # before accept: the handshake is refused
            return
        self.groups_joined = [self.room.channel_group, user_group(self.user.pk)]
        self.session_key = self.scope["session"].session_key
        if self.session_key:
            self.groups_joined.append(session_group(self.session_key))
        for group in self.groups_joined:
            await self.channel_layer.group_add(group, self.channel_name)
        await self.accept()
        await self.replay_from_query()

    def readable_room(self, kwargs):
        """The room the URL names, if this user may read it, else None."""
        return load_readable_room(self.user, kwargs["class_id"], kwargs.get("group_id"))

    async def dispatch(self, message):
        """Channels closes stale database connections before every event (a
        thread hop each); for a frame fanned out to 30 sockets that is 30 hops.
        Every database call here goes through database_sync_to_async, which
        already does it, so events are handled directly."""
        handler = getattr(self, get_handler_name(message), None)
        if handler is None:
            raise ValueError(f"No handler for message type {message['type']}")
        await handler(message)

    async def disconnect(self, code):
        for group in getattr(self, "groups_joined", []):
            await self.channel_layer.group_discard(group, self.channel_name)

    async def receive(self, text_data=None, bytes_data=None):
        raw = text_data if text_data is not None else bytes_data
        if raw is None or len(raw.encode() if isinstance(raw, str) else raw) > MAX_FRAME_BYTES:
            await self.close(code=TOO_BIG)
            return
        with translation.override(self.language):
            await self.dispatch_frame(raw)

    async def dispatch_frame(self, raw):
        try:
            command = parse_frame(raw)
            if isinstance(command, History):
                await self.replay(command.after)
            else:
                await self.handle_send(command)
        except ProtocolError as error:
            await self.send_json(error.as_frame())

    async def handle_send(self, command):
        # Not thread-sensitive: sends of many sockets run side by side, each in
        # one worker thread (check, save), instead of queuing on one thread.
        with published_without_waiting() as broadcasts:
            reason, message, created = await database_sync_to_async(
                send_message, thread_sensitive=False
            )(self.user, self.room, command.text, command.client_id, self.session_key)
        if reason == GONE:
            await self.close(code=NOT_ALLOWED)
        elif reason:
            raise refusal(reason)
        elif not created:
            # A retry: only the sender hears the original again.
            await self.send_json(message_frame(message, self.room.label))
        elif not await all_delivered(broadcasts):
            # Saved, but the channel layer (Redis) did not take it: the sender
            # would hear nothing. They hear it is saved; the others catch up by
            # id when their connection comes back (docs/deploy.md).
            await self.send_json(message_frame(message, self.room.label))
            raise not_delivered()

    async def replay_from_query(self):
        query = parse_qs(self.scope.get("query_string", b"").decode())
        if "after" not in query:
            return
        try:
            await self.replay(parse_after(query["after"][0]))
        except ProtocolError as error:
            await self.send_json(error.as_frame())

    async def replay(self, after):
        with translation.override(self.language):
            frames = await database_sync_to_async(history.frames_after)(
                self.room, after, self.user.pk
            )
        for frame in frames:
            await self.send_json(frame)

    # Channel layer events, named after their type.
    async def chat_frame(self, event):
        await self.send(text_data=event["text"])

    async def chat_notice(self, event):
        # Worded here, for this socket's reader and language (notices.py).
        with translation.override(self.language):
            frame = notice_frame(event, self.user.pk)
        await self.send_json(frame)

    async def membership_changed(self, event):
        if not await database_sync_to_async(may_read)(self.user, self.room):
            await self.close(code=NOT_ALLOWED)

    async def session_ended(self, event):
        await self.close(code=NOT_ALLOWED)


def load_readable_room(user, class_id, group_id):
    room = find_room(class_id, group_id)
    if room is None or not may_read(user, room):
        return None
    return room
