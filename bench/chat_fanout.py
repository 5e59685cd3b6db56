"""Chat fan-out benchmark: R rooms x 30 clients on real sockets (the `websockets`
library), a fixed total message rate for a bounded time, against
(a) one daphne process with the in-memory layer (SQLite), and
(b) two daphne processes sharing rooms through Redis (PostgreSQL).

Reports delivered/expected (must be 100 %), send-to-receive p50/p99, and server
memory per open socket. Only loopback addresses are used.
Usage: .venv/bin/python bench/run.py chat_fanout   (ROOMS, RATE, SECONDS env to change)
"""

import asyncio
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"
ROOMS = int(os.environ.get("ROOMS", "10"))
PER_ROOM = 30
RATE = float(os.environ.get("RATE", "100"))  # messages per second, all rooms together
SECONDS = float(os.environ.get("SECONDS", "20"))
SERVER = os.environ.get("SERVER", "uvicorn")  # production serves WebSockets with uvicorn
POSTGRES = "postgres://postgres@127.0.0.1:5432/harbor_bench"
REDIS = "redis://127.0.0.1:6379/3"


def scenarios():
    sqlite = f"sqlite:///{OUT / 'chat-bench.sqlite3'}"
    return [
        ("one process, in-memory layer, SQLite", {"DATABASE_URL": sqlite}, 1),
        (
            "two processes, Redis layer, PostgreSQL",
            {"DATABASE_URL": POSTGRES, "REDIS_URL": REDIS},
            2,
        ),
    ]


def base_env(extra):
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "REDIS_URL"}}
    env.update(
        DJANGO_SETTINGS_MODULE="learning.settings.dev",
        DJANGO_DEBUG="false",
        CHAT_RATE_LIMIT="100000/1s",
        HARBOR_LOG_LEVEL="WARNING",
        **extra,
    )
    return env


def prepare(env):
    if "postgres" in env["DATABASE_URL"]:
        subprocess.run(
            [
                "psql",
                "-h",
                "127.0.0.1",
                "-U",
                "postgres",
                "-c",
                "DROP DATABASE IF EXISTS harbor_bench",
            ],
            check=True,
            capture_output=True,
        )
        subprocess.run(
            ["psql", "-h", "127.0.0.1", "-U", "postgres", "-c", "CREATE DATABASE harbor_bench"],
            check=True,
            capture_output=True,
        )
    else:
        for leftover in OUT.glob("chat-bench.sqlite3*"):
            leftover.unlink()
    run = [sys.executable, "manage.py"]
    subprocess.run([*run, "migrate", "-v0"], cwd=ROOT, env=env, check=True)
    made = subprocess.run(
        [sys.executable, __file__, "setup"],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads(made.stdout.strip().splitlines()[-1])


def setup_rooms():
    """(In a subprocess with the scenario's settings.) Classes, students, sessions."""
    import django

    sys.path.insert(0, str(ROOT))
    django.setup()
    import datetime

    from django.contrib.auth import get_user_model
    from django.test import Client

    from classes.models import Class, Enrollment
    from learning.roles import Role
    from packets.demo import ensure_levels

    level = ensure_levels()["level-3"]
    rooms = []
    for r in range(ROOMS):
        cohort = Class.objects.create(
            name=f"Bench {r}",
            level=level,
            term_start=datetime.date(2026, 1, 5),
            term_end=datetime.date(2026, 12, 18),
            meeting_days="13",
            start_time=datetime.time(18),
            duration_minutes=120,
        )
        cookies = []
        for s in range(PER_ROOM):
            user = get_user_model().objects.create_user(f"bench-{r}-{s}", display_name=f"S{s}")
            user.add_role(Role.STUDENT)
            Enrollment.objects.create(student=user, cohort=cohort)
            client = Client()
            client.force_login(user)
            cookies.append(client.cookies["sessionid"].value)
        rooms.append({"path": f"/ws/classes/{cohort.pk}/chat/", "cookies": cookies})
    print(json.dumps(rooms))


def rss_kib(pid):
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


async def client(url, path, cookie, received, ready, key):
    import websockets

    async with websockets.connect(
        url + path,
        origin=url.replace("ws", "http", 1),
        additional_headers={"Cookie": f"sessionid={cookie}"},
        max_queue=None,
        # 300 sockets open at once; on a busy machine some handshakes take over
        # the default 10 s. What is measured is messages, not connecting.
        open_timeout=120,
    ) as socket:
        ready[key] = socket
        async for raw in socket:
            frame = json.loads(raw)
            if frame.get("type") == "message":
                received.append((frame["client_id"], time.perf_counter()))


async def drain(received, quiet=3.0, limit=60.0):
    """Wait for the last deliveries: until nothing arrived for `quiet` seconds
    (at most `limit`), so a slow delivery is not counted as a lost one."""
    start, seen, still = time.perf_counter(), len(received), time.perf_counter()
    while time.perf_counter() - start < limit and time.perf_counter() - still < quiet:
        await asyncio.sleep(0.25)
        if len(received) != seen:
            seen, still = len(received), time.perf_counter()


async def load(urls, rooms):
    received, ready, sent = [], {}, {}
    tasks = []
    for index, room in enumerate(rooms):
        for n, cookie in enumerate(room["cookies"]):
            url = urls[(index + n) % len(urls)]
            task = client(url, room["path"], cookie, received, ready, (index, n))
            tasks.append(asyncio.create_task(task))
    while len(ready) < len(tasks):
        # A socket that failed to open (e.g. a handshake timeout on a busy
        # machine) would otherwise leave this loop waiting for ever.
        for task in tasks:
            if task.done():
                task.result()
        await asyncio.sleep(0.1)
    await asyncio.sleep(1)
    # One sender per room, its first client: the rooms' senders alternate
    # between the server processes.
    per_room = [ready[index, 0] for index in range(len(rooms))]
    interval, count, start = 1 / RATE, 0, time.perf_counter()
    while time.perf_counter() - start < SECONDS:
        socket = per_room[count % len(per_room)]
        client_id = f"b{count}"
        sent[client_id] = time.perf_counter()
        await socket.send(
            json.dumps({"type": "send", "text": f"hello {count}", "client_id": client_id})
        )
        count += 1
        await asyncio.sleep(max(0, start + count * interval - time.perf_counter()))
    await drain(received)
    for task in tasks:
        task.cancel()
    return sent, received


def measure(name, extra, processes):
    from tests.servers import start_server, stop_server

    env = base_env(extra)
    rooms = prepare(env)
    servers = []
    for _ in range(processes):
        process, url = start_server(env, server=SERVER)
        servers.append((process, url.replace("http", "ws", 1)))
    before = sum(rss_kib(p.pid) for p, _ in servers)
    try:
        sent, received = asyncio.run(load([u for _, u in servers], rooms))
        after = sum(rss_kib(p.pid) for p, _ in servers)
    finally:
        for proc, _ in servers:
            stop_server(proc)
    report(name, sent, received, (after - before) / (len(rooms) * PER_ROOM))


def report(name, sent, received, kib_per_socket):
    expected = len(sent) * PER_ROOM
    delays = sorted((t - sent[c]) * 1000 for c, t in received if c in sent)
    p99 = delays[int(len(delays) * 0.99) - 1] if delays else float("nan")
    print(
        f"{name}: {len(sent)} messages, delivered {len(received)}/{expected} "
        f"({100 * len(received) / expected:.2f} %), "
        f"{len(received) / SECONDS:.0f} deliveries/s, "
        f"p50 {statistics.median(delays):.1f} ms, p99 {p99:.1f} ms, "
        f"~{kib_per_socket:.0f} KiB per socket (server RSS growth)"
    )


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    sys.path.insert(0, str(ROOT))
    print(f"{ROOMS} rooms x {PER_ROOM} clients, {RATE:.0f} messages/s for {SECONDS:.0f} s")
    only = os.environ.get("SCENARIO")  # "1" or "2" to run one of them
    for number, (name, extra, processes) in enumerate(scenarios(), start=1):
        if only and only != str(number):
            continue
        measure(name, extra, processes)


if __name__ == "__main__":
    if sys.argv[1:] == ["setup"]:
        setup_rooms()
    else:
        main()
