"""Real ASGI server processes for tests that need WebSockets end to end (the
live_server fixture speaks only HTTP). Each process serves the test database."""

import os
import socket
import subprocess
import sys
import tempfile
import time
from contextlib import closing
from pathlib import Path

from django.db import connection

ROOT = Path(__file__).resolve().parent.parent


def free_port():
    with closing(socket.socket()) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_database_url():
    """The URL of the database the tests are using, for another process."""
    settings = connection.settings_dict
    if settings["ENGINE"].endswith("sqlite3"):
        return f"sqlite:///{Path(settings['NAME']).resolve()}"
    user, host, port = settings["USER"], settings["HOST"] or "127.0.0.1", settings["PORT"] or 5432
    return f"postgres://{user}@{host}:{port}/{settings['NAME']}"


def wait_until_listening(port, process, timeout=30):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            process.log.seek(0)
            raise RuntimeError(f"The server on port {port} exited: {process.log.read()}")
        with closing(socket.socket()) as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.1)
    raise RuntimeError(f"The server on port {port} did not start in {timeout} s.")


SERVERS = {
    "daphne": ["-m", "daphne", "-b", "127.0.0.1", "-p", "{port}", "learning.asgi:application"],
    "uvicorn": [
        "-m",
        "uvicorn",
        "--host",
        "127.0.0.1",
        "--port",
        "{port}",
        "--no-access-log",
        "--ws-max-size",
        "16384",
        "--ws-per-message-deflate",
        "false",
        "--ws",
        "learning.ws_protocol:Protocol",
        "learning.asgi:application",
    ],
}


def start_server(env=None, server="uvicorn", args=(), **extra_env):
    """Start an ASGI server for learning.asgi on a free loopback port; returns
    (process, url). By default uvicorn as `make run` and production start it
    (scripts/serve-dev.sh, docs/deploy.md), serving the tests' database with the
    test settings; the chat benchmark passes its own environment."""
    port = free_port()
    if env is None:
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "learning.settings.test",
            "DATABASE_URL": test_database_url(),
        }
    env = {**env, **extra_env}
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    # Output to a file, not a pipe: a pipe nobody reads fills up and stalls the server.
    log = tempfile.TemporaryFile(mode="w+")
    process = subprocess.Popen(
        [sys.executable] + [arg.format(port=port) for arg in [*SERVERS[server], *args]],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        text=True,
    )
    process.log = log
    wait_until_listening(port, process)
    return process, f"http://127.0.0.1:{port}"


def stop_server(process):
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()


def established_connections(port):
    """Established connections to a local port (nginx's to an ASGI process)."""
    listed = subprocess.run(
        ["ss", "-Htn", "state", "established", f"( sport = :{port} )"],
        capture_output=True,
        text=True,
        timeout=10,
        check=True,
    )
    return len(listed.stdout.splitlines())


def open_socket(base_url, path, user, **options):
    """A chat socket to a running server, signed in as `user` by session cookie."""
    from django.conf import settings
    from django.test import Client
    from websockets.sync.client import connect

    client = Client()
    client.force_login(user)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME].value
    return connect(
        base_url.replace("http", "ws", 1) + path,
        origin=base_url,
        additional_headers={"Cookie": f"{settings.SESSION_COOKIE_NAME}={cookie}"},
        open_timeout=10,
        **options,
    )
