"""The class chat WebSocket consumer: thin. It authenticates and joins groups on
connect, dispatches frames on their type, and leaves the rules to rooms.py and
services.py (run in a thread with database_sync_to_async)."""

import asyncio
import logging
from collections import deque
from urllib.parse import parse_qs

from channels.consumer import get_handler_name
from channels.db import database_sync_to_async
from channels.exceptions import StopConsumer
from channels.generic.websocket import AsyncJsonWebsocketConsumer
from django.utils import translation

from classes.chat import history
from classes.chat.broadcast import all_delivered, hub, published_without_waiting
from classes.chat.protocol import (
    MAX_FRAME_BYTES,
    History,
    ProtocolError,
    message_frame,
    not_delivered,
    notice_frame,
    parse_after,
    parse_frame,
    refusal,
)
from classes.chat.rooms import GONE, find_room, may_read
from classes.chat.services import send_message
from learning.languages import reading_language

logger = logging.getLogger(__name__)

# Close codes: 1009 "message too big" (RFC 6455); 1011 "server error";
# 4403 "no longer allowed".
TOO_BIG = 1009
SERVER_ERROR = 1011
NOT_ALLOWED = 4403


class ChatConsumer(AsyncJsonWebsocketConsumer):
    """Events of the channel layer reach this socket through the process's hub
    (broadcast.py), not through a channel of its own: no channel, queue or receive
    task per socket. They are handled one at a time and never while a frame of
    the client is being handled, as Channels did (so a replay is never
    interleaved with live frames)."""

    groups_joined = ()
    pending = None  # events waiting for the frame being handled; a deque
    handling = False
    drainer = None  # the task handing pending events to the socket

    async def __call__(self, scope, receive, send):
        # Channels' AsyncConsumer.__call__, without the channel of its own.
        self.scope = scope
        self.channel_layer = None
        self.base_send = send
        try:
            while True:
                message = await receive()
                if self.drainer is not None:
                    await self.drainer
                self.handling = True
                try:
                    await self.dispatch(message)
                    # Events that came meanwhile, before anything else can.
                    await self.handle_pending()
                finally:
                    self.handling = False
        except StopConsumer:
            pass
        finally:
            if self.drainer is not None:
                self.drainer.cancel()
            await self.leave_groups()

    def is_addressed(self, event):
        """Whether an event of a process-wide group is for this socket's user or
        sign-in (broadcast.tell_user, tell_session)."""
        if "user" in event:
            return event["user"] == self.user.pk
        return bool(self.session_key) and event.get("session") == self.session_key

    def deliver(self, event):
        """Called by the hub for every event of this socket's groups."""
        if self.pending is None:
            self.pending = deque()
        self.pending.append(event)
        if not self.handling and self.drainer is None:
            self.drainer = asyncio.create_task(self.drain())

    async def drain(self):
        try:
            await self.handle_pending()
        except OSError:  # the client has gone (uvicorn's ClientDisconnected)
            self.pending.clear()
        except Exception:
            # As when Channels' receive task failed: the socket closes, the
            # client reconnects and catches up by id.
            logger.exception("A chat event could not be handled")
            self.pending.clear()
            try:
                await self.close(code=SERVER_ERROR)
            except Exception:  # already gone
                pass
        finally:
            self.drainer = None

    async def handle_pending(self):
        while self.pending:
            await self.dispatch(self.pending.popleft())

    async def leave_groups(self):
        groups, self.groups_joined = self.groups_joined, ()
        if groups:
            await hub().leave(groups, self)

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
        self.session_key = self.scope["session"].session_key
        # Only the room's group: events for this user or session come through
        # the process-wide groups and is_addressed (broadcast.py, the hub).
        self.groups_joined = (self.room.channel_group,)
        await hub().join(self.groups_joined, self)
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
        await self.leave_groups()

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
