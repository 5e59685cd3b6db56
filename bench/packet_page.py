"""Requests per second of a demo packet page for a signed-in student, against a
trivial Django view, both served by gunicorn (2 sync workers) in the same run,
with the CPU time each request costs the server and the clients; plus the
packet page's gzip bytes with its CSS.

Only 127.0.0.1 is loaded, each measurement for a bounded time.
Usage: python bench/run.py packet_page
"""

import gzip
import http.client
import multiprocessing
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
SETTINGS = "learning.settings.bench"
PACKET_URL = "/level-1/greetings-and-introductions/"
TRIVIAL_URL = "/bench/trivial"
SECONDS = 10  # for each URL, in ROUNDS turns
ROUNDS = 5
CLIENTS = 4


def demo_environment():
    """The bench settings' environment, its database migrated with the demo loaded."""
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": SETTINGS}
    (ROOT / "build/bench").mkdir(parents=True, exist_ok=True)
    manage = [PYTHON, str(ROOT / "manage.py")]
    subprocess.run([*manage, "migrate", "--no-input", "-v", "0"], env=env, check=True, cwd=ROOT)
    subprocess.run([*manage, "demo"], env=env, check=True, cwd=ROOT, stdout=subprocess.DEVNULL)
    return env


def main():
    env = demo_environment()
    cookie = student_session_cookie(env)
    port = free_port()
    server = start_gunicorn(env, port)
    try:
        wait_until_serving(port)
        page = fetch(port, PACKET_URL, cookie)
        rates = measure(server.pid, port, [(TRIVIAL_URL, ""), (PACKET_URL, cookie)])
        trivial, packet = rates[TRIVIAL_URL], rates[PACKET_URL]
    finally:
        server.terminate()
        server.wait(timeout=10)
    css = gzip.compress((ROOT / "learning/static/harbor/base.css").read_bytes(), compresslevel=6)
    html = gzip.compress(page, compresslevel=6)
    print(f"trivial view:  {trivial[0]:8.0f} req/s")
    print(f"packet page:   {packet[0]:8.0f} req/s (signed-in student, {PACKET_URL})")
    print(f"ratio:         {packet[0] / trivial[0]:8.1%}")
    for name, (_rate, server_ms, clients_ms) in {"trivial view": trivial, "packet": packet}.items():
        print(f"CPU a request: {server_ms:8.2f} ms server + {clients_ms:.2f} ms clients ({name})")
    # On a machine doing nothing else, the rates would be in this ratio.
    print(f"CPU ratio:     {sum(trivial[1:]) / sum(packet[1:]):8.1%}")
    print(
        f"gzip bytes:    {len(html)} HTML + {len(css)} CSS = {len(html) + len(css)} (budget 14,600)"
    )


def student_session_cookie(env):
    """Sign student1 in through Django's test client and reuse its session."""
    code = (
        "from django.test import Client; c = Client(); "
        "assert c.login(username='student1', password='harbor-demo'); "
        "print(c.cookies['sessionid'].value)"
    )
    result = subprocess.run(
        [PYTHON, str(ROOT / "manage.py"), "shell", "-c", code],
        env=env,
        check=True,
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    return f"sessionid={result.stdout.split()[-1]}"


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_gunicorn(env, port):
    command = [
        str(Path(PYTHON).parent / "gunicorn"),
        "learning.wsgi:application",
        "--workers",
        "2",
        "--bind",
        f"127.0.0.1:{port}",
        "--log-level",
        "warning",
    ]
    return subprocess.Popen(command, env=env, cwd=ROOT)


def wait_until_serving(port, timeout=30):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            fetch(port, TRIVIAL_URL, "")
            return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError("gunicorn did not start")


def fetch(port, url, cookie):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    headers = {"Host": "localhost", "Cookie": cookie} if cookie else {"Host": "localhost"}
    connection.request("GET", url, headers=headers)
    response = connection.getresponse()
    body = response.read()
    connection.close()
    if response.status != 200:
        raise RuntimeError(f"{url} answered {response.status}")
    return body


def count_requests(args):
    """One client: requests done in `seconds`, and the CPU seconds it spent."""
    port, url, cookie, seconds = args
    done = 0
    cpu_started = time.process_time()
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        fetch(port, url, cookie)
        done += 1
    return done, time.process_time() - cpu_started


def measure(server_pid, port, loads):
    """For each (url, cookie): requests per second, and the CPU milliseconds a
    request cost the server's workers and the clients. The URLs take turns in
    short rounds, so that whatever else the machine runs weighs on each alike;
    the CPU time depends much less on it than the rate does."""
    totals = {url: [0, 0.0, 0.0, 0.0] for url, _cookie in loads}  # requests, s, server, clients
    with multiprocessing.Pool(CLIENTS) as pool:
        for url, cookie in loads:  # warm up: caches, connections
            pool.map(count_requests, [(port, url, cookie, 0.5)] * CLIENTS)
        for _round in range(ROUNDS):
            for url, cookie in loads:
                server_before = workers_cpu_seconds(server_pid)
                started = time.monotonic()
                runs = pool.map(count_requests, [(port, url, cookie, SECONDS / ROUNDS)] * CLIENTS)
                elapsed = time.monotonic() - started
                server = workers_cpu_seconds(server_pid) - server_before
                for n, value in enumerate((sum(r[0] for r in runs), elapsed, server)):
                    totals[url][n] += value
                totals[url][3] += sum(r[1] for r in runs)
    return {
        url: (done / elapsed, server * 1000 / done, clients * 1000 / done)
        for url, (done, elapsed, server, clients) in totals.items()
    }


def workers_cpu_seconds(server_pid):
    """User + system CPU time of gunicorn's worker processes (Linux's /proc)."""
    total = 0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:  # the process ended meanwhile
            continue
        if int(fields[1]) == server_pid:  # the parent process id
            total += int(fields[11]) + int(fields[12])  # utime, stime in clock ticks
    return total / os.sysconf("SC_CLK_TCK")
