"""The simulated students of bench/load.py: each reads its level's pages and hands
in a written answer over HTTP (one keep-alive connection, as a phone would hold),
and keeps its class chat open on a WebSocket, sending now and then.

HTTP students are threads in a few client processes; every chat socket lives in
one asyncio process. All start together and stop after the same number of
seconds; each returns its latencies (ms) per kind and the errors it saw.
"""

import asyncio
import http.client
import json
import multiprocessing
import random
import re
import secrets
import ssl
import threading
import time
from urllib.parse import urlencode, urlsplit

HTTP_PROCESSES = 2
READS_PER_HANDIN = 4  # a student reads a few pages for each answer handed in
REQUEST_SECONDS = 120  # past gunicorn's and nginx's 60 s: theirs is the error to see
CSRF_FIELD = re.compile(rb'name="csrfmiddlewaretoken" value="([^"]+)"')


class Target:
    """Where the students go: a base URL (http:// or https://) and, for https,
    the certificate to trust (the stack's self-signed one)."""

    def __init__(self, base, cert=None):
        self.base, self.cert = base, cert
        parts = urlsplit(base)
        self.host, self.port, self.tls = parts.hostname, parts.port, parts.scheme == "https"

    def ssl_context(self):
        return ssl.create_default_context(cafile=self.cert) if self.tls else None

    def connection(self):
        if self.tls:
            return http.client.HTTPSConnection(
                self.host, self.port, timeout=REQUEST_SECONDS, context=self.ssl_context()
            )
        return http.client.HTTPConnection(self.host, self.port, timeout=REQUEST_SECONDS)


class Student:
    """One student's HTTP side: session cookie, CSRF cookie and form token."""

    def __init__(self, target, plan, seed):
        self.target, self.plan = target, plan
        self.rng = random.Random(seed)
        self.cookies = {"sessionid": plan["cookie"]}
        self.csrf = ""
        self.connection = None

    def request(self, method, path, body=None):
        """(status, body); one reconnect if the server closed the kept-alive socket."""
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())}
        if body is not None:
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            headers["Origin"] = self.target.base
            headers["Referer"] = self.target.base + path
        for attempt in (1, 2):
            if self.connection is None:
                self.connection = self.target.connection()
            try:
                self.connection.request(method, path, body=body, headers=headers)
                response = self.connection.getresponse()
                content = response.read()
            except (http.client.RemoteDisconnected, BrokenPipeError, ConnectionResetError):
                self.connection.close()
                self.connection = None
                if attempt == 2:
                    raise
                continue
            self.keep_cookies(response)
            return response.status, content
        raise AssertionError("unreachable")

    def keep_cookies(self, response):
        for header in response.headers.get_all("Set-Cookie") or []:
            name, _, rest = header.partition("=")
            if name in {"csrftoken", "sessionid"}:
                self.cookies[name] = rest.split(";", 1)[0]

    def open_form(self):
        """The assignment page, as before typing: it sets the CSRF cookie."""
        if not self.plan["assignment"]:
            return
        status, content = self.request("GET", self.plan["assignment"])
        found = CSRF_FIELD.search(content)
        if status != 200 or not found:
            raise RuntimeError(f"{self.plan['assignment']}: {status}, no hand-in form")
        self.csrf = found.group(1).decode()

    def read(self):
        path = self.rng.choice(self.plan["reads"])
        status, _content = self.request("GET", path)
        return None if status == 200 else f"read {path}: HTTP {status}"

    def hand_in(self):
        form = {
            "csrfmiddlewaretoken": self.csrf,
            "token": secrets.token_urlsafe(24),  # what the page's form carries, once
            "text": f"My answer, written at {time.time():.3f}. I practise every day.",
            "action": "submit",
        }
        status, content = self.request("POST", self.plan["assignment"], urlencode(form))
        return None if status == 303 else f"hand-in: HTTP {status} {content[:200]!r}"


def timed(action):
    started = time.perf_counter()
    try:
        error = action()
    except (OSError, http.client.HTTPException) as failed:
        error = f"{type(failed).__name__}: {failed}"
    return (time.perf_counter() - started) * 1000, error


def student_loop(student, start_at, seconds, results, lock):
    """Closed loop, no pause: the next action as soon as the last one answered."""
    mine = {"read": [], "hand-in": [], "errors": []}
    time.sleep(max(0, start_at - time.time()))
    deadline = time.monotonic() + seconds
    count = student.rng.randrange(READS_PER_HANDIN + 1)
    while time.monotonic() < deadline:
        count += 1
        kind, action = ("read", student.read)
        if count % (READS_PER_HANDIN + 1) == 0 and student.csrf:
            kind, action = ("hand-in", student.hand_in)
        elapsed, error = timed(action)
        if error:
            mine["errors"].append(error)
        else:
            mine[kind].append(elapsed)
    with lock:
        for key, values in mine.items():
            results[key].extend(values)


def http_process(target, plans, ready, go, start_at, seconds, queue):
    students = [Student(target, plan, seed) for seed, plan in plans]
    for student in students:
        student.open_form()
    ready.release()
    go.wait()
    results = {"read": [], "hand-in": [], "errors": []}
    lock = threading.Lock()
    threads = [
        threading.Thread(target=student_loop, args=(s, start_at.value, seconds, results, lock))
        for s in students
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    queue.put({**results, "client cpu": [time.process_time()]})


# --- Chat ---------------------------------------------------------------------


async def chat_client(target, plan, state, index):
    import websockets

    url = target.base.replace("http", "ws", 1) + plan["chat"]
    async with websockets.connect(
        url,
        origin=target.base,
        additional_headers={"Cookie": f"sessionid={plan['cookie']}"},
        ssl=target.ssl_context(),
        max_queue=None,
        open_timeout=120,  # 60 handshakes at once on a busy machine
    ) as socket:
        state["sockets"][index] = socket
        async for raw in socket:
            frame = json.loads(raw)
            if frame.get("type") == "message" and frame.get("client_id") in state["sent"]:
                sent_at = state["sent"][frame["client_id"]]
                state["delays"].append((time.perf_counter() - sent_at) * 1000)
            elif frame.get("type") == "error":
                state["errors"].append(f"chat error frame: {frame.get('code')}")


async def chat_sender(state, index, plan, start_at, seconds, every):
    """One message every `every` seconds, from a random moment in the first period:
    under the chat's rate limit (5 messages in 10 s), as a person typing would be."""
    socket = state["sockets"][index]
    rng = random.Random(index)
    await asyncio.sleep(max(0, start_at - time.time()) + rng.uniform(0, every))
    deadline = start_at + seconds
    count = 0
    while time.time() < deadline:
        client_id = f"s{index}-{count}"
        state["sent"][client_id] = time.perf_counter()
        state["expected"] += plan["room_size"]
        frame = {"type": "send", "text": "Hello, class!", "client_id": client_id}
        await socket.send(json.dumps(frame))
        count += 1
        await asyncio.sleep(every)


async def chat_all(target, plans, ready, go, start_at, seconds, every):
    state = {"sockets": {}, "sent": {}, "delays": [], "errors": [], "expected": 0}
    clients = [
        asyncio.create_task(chat_client(target, plan, state, i)) for i, plan in enumerate(plans)
    ]
    while len(state["sockets"]) < len(plans):
        for task in clients:
            if task.done():
                task.result()  # a handshake refused: the bench stops with its reason
        await asyncio.sleep(0.1)
    ready.release()
    await asyncio.get_running_loop().run_in_executor(None, go.wait)
    senders = [
        chat_sender(state, i, plan, start_at.value, seconds, every) for i, plan in enumerate(plans)
    ]
    await asyncio.gather(*senders)
    await drain(state)
    for task in clients:
        if task.done():  # closed before the end: by an error or by the server
            state["errors"].append(f"chat socket closed: {task.exception()!r}")
        task.cancel()
    return state


async def drain(state, quiet=2.0, limit=30.0):
    """Wait for the last deliveries: until none came for `quiet` seconds."""
    started = still = time.perf_counter()
    seen = len(state["delays"])
    while time.perf_counter() - started < limit and time.perf_counter() - still < quiet:
        await asyncio.sleep(0.2)
        if len(state["delays"]) != seen:
            seen, still = len(state["delays"]), time.perf_counter()


def chat_process(target, plans, ready, go, start_at, seconds, every, queue):
    state = asyncio.run(chat_all(target, plans, ready, go, start_at, seconds, every))
    queue.put({**chat_results(state), "client cpu": [time.process_time()]})


def chat_results(state):
    """A delivery that never came is an error too: the layer is at-most-once."""
    lost = state["expected"] - len(state["delays"])
    errors = state["errors"] + [f"chat: {lost} deliveries missing"] * (lost > 0)
    return {
        "chat": state["delays"],
        "messages": len(state["sent"]),
        "expected": state["expected"],
        "errors": errors,
    }


def run_students(target, plans, seconds, chat_every):
    """Start everyone, wait until all are connected, run `seconds`, gather results."""
    context = multiprocessing.get_context("fork")
    ready, go, queue = context.Semaphore(0), context.Event(), context.Queue()
    start_at = context.Value("d", 0.0)
    seeded = list(enumerate(plans))
    shares = [seeded[n::HTTP_PROCESSES] for n in range(HTTP_PROCESSES)]
    processes = [
        context.Process(target=http_process, args=(target, s, ready, go, start_at, seconds, queue))
        for s in shares
    ]
    processes.append(
        context.Process(
            target=chat_process,
            args=(target, plans, ready, go, start_at, seconds, chat_every, queue),
        )
    )
    for process in processes:
        process.start()
    wait_until_ready(ready, processes)
    start_at.value = time.time() + 0.5
    go.set()
    results = {"read": [], "hand-in": [], "chat": [], "errors": [], "messages": 0, "expected": 0}
    results["client cpu"] = []  # CPU seconds of each client process, set-up included
    for _process in processes:
        for key, value in queue.get(timeout=seconds + 120).items():
            results[key] += value
    for process in processes:
        process.join(timeout=30)
    return results


def wait_until_ready(ready, processes, timeout=180):
    """Each process says when its students are connected; one that died says why
    on its own stderr, and the bench stops rather than wait for it."""
    deadline, waiting = time.monotonic() + timeout, len(processes)
    while waiting:
        if ready.acquire(timeout=1):
            waiting -= 1
            continue
        if any(p.exitcode not in (None, 0) for p in processes) or time.monotonic() > deadline:
            for process in processes:
                process.kill()
            raise RuntimeError("The simulated students could not all connect (see above).")
