"""Server memory per open chat socket, and where it goes.

Opens SOCKETS chat sockets (in rooms of 30, as bench/chat_fanout.py) to one
uvicorn process with the production options (plus SERVER_ARGS to try others),
three times over, and reports the growth of the server's RSS for each batch:
the first (warm-up) batch pays for one-off imports, caches, threads,
connections and allocator arenas; the two after it are what one more socket
costs. With TRACE=1 the server runs under tracemalloc and the allocations made
by the first measured batch and still live are listed by where they were made.
Usage: SOCKETS=300 .venv/bin/python bench/run.py chat_memory
(REUSE=1 to keep the database of the last run instead of making it again.)
"""

import asyncio
import json
import os
import signal
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"
SOCKETS = int(os.environ.get("SOCKETS", "300"))
# A first batch of as many sockets, opened and kept open before measuring: it
# pays each process's one-off costs (imports, caches, worker threads, database
# and Redis connections, allocator arenas).
WARM_ROOMS = SOCKETS // 30
os.environ["WARM_ROOMS"] = str(WARM_ROOMS)  # bench/chat_fanout.py makes the rooms
TRACE = os.environ.get("TRACE") == "1"


def start(env, port):
    from bench.chat_fanout import SERVER_ARGS
    from tests.servers import SERVERS, wait_until_listening

    args = [a.format(port=port) for a in SERVERS["uvicorn"][2:]] + SERVER_ARGS
    if TRACE:
        command = [sys.executable, "bench/_traced_server.py", *args]
    else:
        command = [sys.executable, "-m", "uvicorn", *args]
    log = tempfile.TemporaryFile(mode="w+")
    process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    process.log = log
    try:
        wait_until_listening(port, process, timeout=180)  # tracemalloc slows start-up
    except RuntimeError:
        process.kill()
        raise
    return process


async def hold(url, room, cookie, opened, stop):
    import websockets

    async with websockets.connect(
        url + room,
        origin=url.replace("ws", "http", 1),
        additional_headers={"Cookie": f"sessionid={cookie}"},
        open_timeout=120,
    ) as socket:
        opened.append(socket)
        await stop.wait()


async def batches(url, rooms, server, snapshot_path):
    from bench.chat_fanout import rss_kib

    stop, opened, tasks, figures = asyncio.Event(), [], [], []
    warm, rooms = rooms[:WARM_ROOMS], rooms[WARM_ROOMS:]
    half = len(rooms) // 2
    for number, batch in enumerate((warm, rooms[:half], rooms[half:])):
        before = rss_kib(server.pid)
        for room in batch:
            for cookie in room["cookies"]:
                tasks.append(asyncio.create_task(hold(url, room["path"], cookie, opened, stop)))
        while len(opened) < len(tasks):
            for task in tasks:
                if task.done():
                    task.result()
            await asyncio.sleep(0.1)
        await asyncio.sleep(2)  # handshakes' leftovers settle
        figures.append((sum(len(r["cookies"]) for r in batch), rss_kib(server.pid) - before))
        if TRACE and number < 2:  # traced: what the first measured batch holds
            server.send_signal(signal.SIGUSR1)
            while not Path(f"{snapshot_path}.{number + 1}").exists():
                await asyncio.sleep(0.2)
            await asyncio.sleep(2)  # the dump is written
    stop.set()
    await asyncio.gather(*tasks)
    return figures


def where(snapshot_path, sockets):
    grown = tracemalloc.Snapshot.load(str(snapshot_path)).statistics("lineno")
    total = sum(stat.size for stat in grown)
    print(f"tracemalloc: {total / 1024 / sockets:.1f} KiB of Python objects per socket")
    for stat in grown[:30]:
        print(f"  {stat.size / 1024 / sockets:5.2f} KiB/socket, {stat.count} blocks")
        frames = [f for f in stat.traceback if "asyncio" not in f.filename][-4:]
        for frame in frames:
            name = frame.filename.split("site-packages/")[-1].replace(str(ROOT) + "/", "")
            print(f"      {name}:{frame.lineno}")


def main():
    from bench import chat_fanout

    OUT.mkdir(parents=True, exist_ok=True)
    sys.path.insert(0, str(ROOT))
    os.environ["ROOMS"] = str(2 * SOCKETS // chat_fanout.PER_ROOM)
    _name, extra, _processes = chat_fanout.scenarios()[1]
    env = chat_fanout.base_env(extra)
    saved = OUT / "chat-memory-rooms.json"
    if os.environ.get("REUSE") == "1" and saved.exists():  # the database of the last run
        rooms = json.loads(saved.read_text())
    else:
        rooms = chat_fanout.prepare(env)
        saved.write_text(json.dumps(rooms))
    from tests.servers import free_port

    port = free_port()
    snapshot_path = OUT / "chat-memory.snapshot"
    for old in OUT.glob("chat-memory.snapshot*"):
        old.unlink()
    env["SNAPSHOT_PATH"] = str(snapshot_path)
    server = start(env, port)
    try:
        figures = asyncio.run(batches(f"ws://127.0.0.1:{port}", rooms, server, snapshot_path))
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
    options = " ".join(chat_fanout.SERVER_ARGS) or "(production options)"
    print(f"uvicorn {options}, load average {chat_fanout.load_average()}")
    for number, (sockets, kib) in enumerate(figures):
        name = f"batch {number}" if number else "warm-up"
        print(f"  {name}: {sockets} sockets, RSS +{kib} KiB = {kib / sockets:.1f} KiB each")
    if TRACE:
        where(snapshot_path, figures[1][0])
    time.sleep(0)


if __name__ == "__main__":
    main()
