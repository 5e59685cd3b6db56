"""Chat clients for the fault tests (test_faults.py), each acting as the chat
page's script does (classes/static/classes/chat.js): it connects with
`?after=<the last id it has>`, asks `history` when an id skips, keeps every
message by id, and sends again, with the same client_id, what was not yet
confirmed when its connection dropped. Every wait has a deadline."""

import asyncio
import json
import random
import ssl
import time
import uuid
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.test import override_settings
from websockets.asyncio.client import connect
from websockets.exceptions import ConnectionClosed, InvalidHandshake

from learning.sessions import SessionStore

OPEN_SECONDS = 20
SETTLE_SECONDS = 60


def session_cookie(secret_key, user):
    """A signed-in session as the stack's sign-in would make it (signed with the
    stack's secret key), made directly: 30 sign-ins through the production
    password hasher would take most of a minute."""
    with override_settings(SECRET_KEY=secret_key):
        session = SessionStore()
        session[SESSION_KEY] = str(user.pk)
        session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
        session[HASH_SESSION_KEY] = user.get_session_auth_hash()
        session.create()
    return f"{settings.SESSION_COOKIE_NAME}={session.session_key}"


@dataclass
class Sent:
    client_id: str
    connection: int  # which of the client's connections carried it
    at: float


@dataclass
class ChatClient:
    name: str
    user_id: int
    cookie: str
    path: str  # /ws/classes/<id>/chat/
    room_id: int  # the Room's primary key, for the database's view
    view: dict = field(default_factory=dict)  # id -> (text, client_id)
    last_id: int = 0
    pending: dict = field(default_factory=dict)  # client_id -> text, not yet confirmed
    confirmed: set = field(default_factory=set)
    sent: list = field(default_factory=list)
    # connection number -> [(time, "confirmed" | "error" | "closed", client_id or code)]
    answers: dict = field(default_factory=dict)
    errors: list = field(default_factory=list)
    conflicts: list = field(default_factory=list)  # one id, two different messages
    connections: int = 0
    refused: int = 0
    drops: int = 0
    socket: object = None
    asked_after: int = -1
    stopped: bool = False

    @property
    def open(self):
        return self.socket is not None

    def own(self, frame):
        return (frame.get("author") or {}).get("id") == self.user_id

    async def on_frame(self, socket, number, frame):
        kind = frame.get("type")
        if kind == "message":
            await self.on_message(socket, number, frame)
        elif kind == "history.done":
            self.last_id = max(self.last_id, frame["last_id"])
        elif kind == "error":
            self.errors.append(frame["code"])
            self.answers[number].append((time.monotonic(), "error", frame["code"]))

    async def on_message(self, socket, number, frame):
        if frame["id"] > self.last_id + 1 and self.asked_after != self.last_id:
            self.asked_after = self.last_id  # once per gap, not once per later frame
            await socket.send(json.dumps({"type": "history", "after": self.last_id}))
        seen = (frame["text"], frame["client_id"])
        if self.view.setdefault(frame["id"], seen) != seen:
            self.conflicts.append((frame["id"], self.view[frame["id"]], seen))
        if self.own(frame) and frame["client_id"] in self.pending:
            del self.pending[frame["client_id"]]
            self.confirmed.add(frame["client_id"])
            self.answers[number].append((time.monotonic(), "confirmed", frame["client_id"]))
        if frame["id"] == self.last_id + 1:  # none missing before it (chat.js's lastId)
            self.last_id = frame["id"]

    async def read(self, socket, number):
        try:
            async for raw in socket:
                await self.on_frame(socket, number, json.loads(raw))
        except ConnectionClosed:
            pass
        finally:
            self.answers[number].append((time.monotonic(), "closed", None))
            if self.socket is socket:
                self.socket = None

    async def send(self, client_id, text):
        socket, number = self.socket, self.connections
        self.sent.append(Sent(client_id, number, time.monotonic()))
        try:
            await socket.send(json.dumps({"type": "send", "text": text, "client_id": client_id}))
        except ConnectionClosed:
            pass  # still pending: sent again after reconnecting

    async def say(self, text):
        client_id = f"{self.name}-{uuid.uuid4().hex[:12]}"
        self.pending[client_id] = text
        if self.open:
            await self.send(client_id, text)

    async def keep_connected(self, base_url, cert, deadline):
        """Connect, read until the connection drops, reconnect: until stopped.
        Backs off 0.5–2 s after a refusal, as chat.js does (shorter here)."""
        context = ssl.create_default_context(cafile=str(cert))
        wss = base_url.replace("https", "wss", 1)
        retries = 0
        while not self.stopped and time.monotonic() < deadline:
            try:
                socket = await connect(
                    f"{wss}{self.path}?after={self.last_id}",
                    ssl=context,
                    origin=base_url,
                    additional_headers={"Cookie": self.cookie},
                    open_timeout=OPEN_SECONDS,
                    close_timeout=2,
                    max_size=None,
                )
            except (InvalidHandshake, OSError, TimeoutError):
                self.refused += 1
                retries += 1
                await asyncio.sleep(min(2, 0.25 * 2**retries) * random.uniform(0.5, 1))
                continue
            retries = 0
            self.connections += 1
            number = self.connections
            self.answers[number] = []
            self.socket = socket
            self.asked_after = -1
            reading = asyncio.create_task(self.read(socket, number))
            for client_id, text in list(self.pending.items()):  # chat.js's flush()
                await self.send(client_id, text)
            await reading
            if not self.stopped:
                await asyncio.sleep(random.uniform(0.2, 1))

    def drop(self):
        """The connection lost as a phone loses it: no closing handshake."""
        if self.socket is not None:
            self.socket.transport.abort()
            self.drops += 1

    async def reconnect(self):
        """Closes the connection; keep_connected opens another with ?after=."""
        if self.socket is not None:
            await self.socket.close()

    async def stop(self):
        self.stopped = True
        if self.socket is not None:
            await self.socket.close()

    def describe(self):
        missing = sorted(set(range(1, self.last_id + 1)) - set(self.view))
        return (
            f"{self.name}: {len(self.view)} messages, last id {self.last_id}, missing"
            f" {missing[:10]}, {self.connections} connections, {self.refused} refused,"
            f" open {self.open}, errors {self.errors[:5]}"
        )

    def silent_sends(self):
        """Sends whose connection stayed open and never answered them: no
        confirmation of that message and no error after it."""
        silent = []
        for sent in self.sent:
            answers = self.answers.get(sent.connection, [])
            if not any(
                kind == "closed"
                or (kind == "confirmed" and what == sent.client_id)
                or (kind == "error" and at >= sent.at)
                for at, kind, what in answers
            ):
                silent.append(sent.client_id)
        return silent


async def talk(clients, seconds, every=1.0, on_second=None, padding=0):
    """Each client says something about every `every` seconds for `seconds`
    (made `padding` characters longer); `on_second(n)` (a coroutine) is
    awaited at each whole second n."""
    started = time.monotonic()

    async def chatter(client):
        await asyncio.sleep(random.uniform(0, every))
        n = 0
        while time.monotonic() - started < seconds:
            n += 1
            await client.say(f"{client.name} says {n} " + "." * padding)
            await asyncio.sleep(every * random.uniform(0.7, 1.3))

    async def clock():
        for second in range(1, int(seconds) + 1):
            await asyncio.sleep(max(0, started + second - time.monotonic()))
            if on_second is not None:
                await on_second(second)

    await asyncio.gather(clock(), *(chatter(client) for client in clients))


async def until(condition, seconds, what):
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"Not within {seconds} s: {what()}")
        await asyncio.sleep(0.1)


async def all_connected(clients, seconds=OPEN_SECONDS * 3):
    def closed():
        return f"every client connected; not: {[c.name for c in clients if not c.open]}"

    await until(lambda: all(c.open for c in clients), seconds, closed)


async def settled(clients, last_ids, seconds=SETTLE_SECONDS):
    """Every message confirmed to its sender, and every client holding its
    room's messages up to the room's newest id (`last_ids`: a coroutine
    function returning {room_id: newest id}, read after the confirmations)."""

    def waiting():
        unconfirmed = [(c.name, list(c.pending)) for c in clients if c.pending]
        return f"every send confirmed; not: {unconfirmed}"

    await until(lambda: not any(c.pending for c in clients), seconds, waiting)
    newest = await last_ids()

    def caught_up():
        return all(len(c.view) >= newest[c.room_id] for c in clients)

    def behind():
        late = [c.describe() for c in clients if len(c.view) < newest[c.room_id]]
        return f"every client caught up to {newest}; behind: {late}"

    await until(caught_up, seconds, behind)
