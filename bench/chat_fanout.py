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
# Extra server options to try (e.g. "--ws wsproto"); and, for a profile of a
# run, the path of a py-spy executable: each process is sampled while the
# messages flow (bench/out/chat-profile-*.txt, py-spy's "raw" collapsed stacks).
SERVER_ARGS = os.environ.get("SERVER_ARGS", "").split()
PYSPY = os.environ.get("PYSPY")
# BENCH_DB and BENCH_REDIS_DB let runs on a shared machine keep apart.
BENCH_DB = os.environ.get("BENCH_DB", "harbor_bench")
POSTGRES = f"postgres://postgres@127.0.0.1:5432/{BENCH_DB}"
REDIS = f"redis://127.0.0.1:6379/{os.environ.get('BENCH_REDIS_DB', '3')}"


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
                f"DROP DATABASE IF EXISTS {BENCH_DB}",
            ],
            check=True,
            capture_output=True,
        )
        subprocess.run(
            ["psql", "-h", "127.0.0.1", "-U", "postgres", "-c", f"CREATE DATABASE {BENCH_DB}"],
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


async def load(urls, rooms, probe):
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
    probe.connected()
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
    probe.drained()
    for task in tasks:
        task.cancel()
    return sent, received


def run_client(coroutine):
    """The load generator shares the cores with what it measures: uvloop (as
    the servers use) keeps its own share of the CPU smaller."""
    try:
        import uvloop
    except ImportError:
        return asyncio.run(coroutine)
    return uvloop.run(coroutine)


class Probe:
    """Server memory before and after the sockets open, and the CPU time each
    process used while the messages flowed (the sockets open, until drained)."""

    def __init__(self, pids):
        self.pids = pids
        self.rss_start = sum(rss_kib(pid) for pid in pids)

    def connected(self):
        self.rss_connected = sum(rss_kib(pid) for pid in self.pids)
        self.cpu_start = self.cpu_now()

    def drained(self):
        self.rss_end = sum(rss_kib(pid) for pid in self.pids)
        self.cpu_end = self.cpu_now()

    def cpu_now(self):
        client = os.times()
        return [
            *(cpu_seconds(pid) for pid in self.pids),
            client.user + client.system,
            sum(cpu_seconds(pid) for pid in bench_database_backends()),
        ]

    def server_cpu_seconds(self):
        servers = len(self.pids)
        return sum(self.cpu_end[:servers]) - sum(self.cpu_start[:servers])

    def cpu_report(self):
        used = [b - a for a, b in zip(self.cpu_start, self.cpu_end, strict=True)]
        names = [f"server {n + 1}" for n in range(len(self.pids))] + ["client", "PostgreSQL"]
        return ", ".join(
            f"{name} {seconds:.1f} s" for name, seconds in zip(names, used, strict=True)
        )


def cpu_seconds(pid):
    """User + system CPU time of a process and its threads, in seconds."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()
    except FileNotFoundError:  # a database backend that has just ended
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def bench_database_backends():
    """PostgreSQL's processes serving the benchmark's database (if on this machine)."""
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                title = (entry / "cmdline").read_bytes()
            except OSError:
                continue
            if title.startswith(b"postgres: ") and f" {BENCH_DB} ".encode() in title:
                yield int(entry.name)


def measure(name, extra, processes):
    from tests.servers import start_server, stop_server

    env = base_env(extra)
    rooms = prepare(env)
    servers = []
    for _ in range(processes):
        process, url = start_server(env, server=SERVER, args=SERVER_ARGS)
        servers.append((process, url.replace("http", "ws", 1)))
    probe = Probe([p.pid for p, _ in servers])
    profilers = profile([p.pid for p, _ in servers] + [os.getpid()])
    try:
        sent, received = run_client(load([u for _, u in servers], rooms, probe))
    finally:
        for proc, _ in servers:
            stop_server(proc)
        for profiler in profilers:
            profiler.wait()
    sockets = len(rooms) * PER_ROOM
    report(name, sent, received, (probe.rss_end - probe.rss_start) / sockets)
    print(
        f"  server memory per socket once open: "
        f"{(probe.rss_connected - probe.rss_start) / sockets:.0f} KiB; "
        f"CPU while messages flowed: {probe.cpu_report()}; "
        f"servers: {1e6 * probe.server_cpu_seconds() / max(len(received), 1):.0f} µs per delivery"
    )


def profile(pids):
    if not PYSPY:
        return []
    return [
        subprocess.Popen(
            [PYSPY, "record", "-p", str(pid), "-f", "raw", "-r", "50", "-d", str(int(SECONDS) + 15)]
            + ["-o", str(OUT / f"chat-profile-{n}.txt"), "--nonblocking"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for n, pid in enumerate(pids)
    ]


def report(name, sent, received, kib_per_socket):
    expected = len(sent) * PER_ROOM
    delays = sorted((t - sent[c]) * 1000 for c, t in received if c in sent)
    p99 = delays[int(len(delays) * 0.99) - 1] if delays else float("nan")
    print(
        f"{name}: {len(sent)} messages, delivered {len(received)}/{expected} "
        f"({100 * len(received) / expected:.2f} %), "
        f"{len(received) / SECONDS:.0f} deliveries/s, "
        f"p50 {statistics.median(delays):.1f} ms, p99 {p99:.1f} ms, "
        f"~{kib_per_socket:.0f} KiB per socket (server RSS growth), "
        f"load average {load_average()}"
    )


def load_average():
    # The client, the servers, PostgreSQL and Redis share the machine's cores:
    # a figure taken on a busy machine says so beside it.
    return " / ".join(f"{x:.2f}" for x in os.getloadavg()) + f" ({os.cpu_count()} cores)"


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    sys.path.insert(0, str(ROOT))
    print(
        f"{ROOMS} rooms x {PER_ROOM} clients, {RATE:.0f} messages/s for {SECONDS:.0f} s, "
        f"server {SERVER}, load average before {load_average()}"
    )
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
