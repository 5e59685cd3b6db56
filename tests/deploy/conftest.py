"""Harbor as deployed, on loopback: scripts/serve-scaled.sh (what `make serve-scaled`
runs) starts nginx with the shipped site, gunicorn, two ASGI processes and the
task worker under production settings, on the tests' PostgreSQL database and
Redis. Started once for this folder's tests, stopped after them: the task worker
must not take the tasks of other folders' tests. Every wait has a deadline."""

import os
import re
import signal
import socket
import ssl
import subprocess
import time
from contextlib import ExitStack, closing
from dataclasses import dataclass
from pathlib import Path

import pytest
import requests
from django.conf import settings
from django.contrib.auth.hashers import PBKDF2PasswordHasher
from websockets.sync.client import connect

from tests.classes.submissions.conftest import bus_packet  # noqa: F401 - a fixture
from tests.conftest import PASSWORD
from tests.packets.conftest import levels, make_packet  # noqa: F401 - fixtures
from tests.servers import ROOT, test_database_url

STACK_DIR = ROOT / "build" / "test-scaled"
# A first collectstatic writes and compresses every file: a minute or two here.
START_SECONDS = 300
STOP_SECONDS = 30
REQUEST_SECONDS = 20


@dataclass
class Stack:
    port: int
    http_port: int
    asgi_ports: list
    dir: Path
    process: subprocess.Popen

    @property
    def url(self):
        return f"https://127.0.0.1:{self.port}"

    @property
    def cert(self):
        return self.dir / "tls" / "cert.pem"

    def browser(self):
        """A requests session that trusts the stack's self-signed certificate."""
        session = requests.Session()
        # Not the environment's CA bundle or proxies: they would win over these.
        session.trust_env = False
        session.verify = str(self.cert)
        return session


def free_ports(count):
    with ExitStack() as held:
        probes = [held.enter_context(closing(socket.socket())) for _ in range(count)]
        for probe in probes:
            probe.bind(("127.0.0.1", 0))
        return [probe.getsockname()[1] for probe in probes]


def stack_environment(stack_dir, port, http_port, asgi_ports):
    environment = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    return {
        **environment,
        "DATABASE_URL": test_database_url(),
        "REDIS_URL": settings.REDIS_URL,
        "HARBOR_SCALED_DIR": str(stack_dir),
        "HARBOR_SCALED_PORT": str(port),
        "HARBOR_SCALED_HTTP_PORT": str(http_port),
        "HARBOR_SCALED_ASGI_PORTS": " ".join(map(str, asgi_ports)),
    }


@pytest.fixture(scope="package")
def stack(django_db_setup, django_db_blocker):
    if not settings.REDIS_URL or "postgresql" not in settings.DATABASES["default"]["ENGINE"]:
        pytest.fail("The tests through nginx need PostgreSQL and Redis: run `make test-scaled`.")
    port, http_port, *asgi_ports = free_ports(4)
    STACK_DIR.mkdir(parents=True, exist_ok=True)
    log = open(STACK_DIR / "stack.log", "w")  # closed below
    process = subprocess.Popen(
        ["bash", "scripts/serve-scaled.sh"],
        cwd=ROOT,
        env=stack_environment(STACK_DIR, port, http_port, asgi_ports),
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,  # its own process group, stopped as one
    )
    started = Stack(port, http_port, asgi_ports, STACK_DIR, process)
    try:
        wait_until_up(started)
        yield started
    finally:
        stop_process_group(process)
        log.close()


def wait_until_up(stack):
    """nginx answers /healthz through gunicorn, and each ASGI process its own."""
    asgi = [f"http://127.0.0.1:{port}/healthz" for port in stack.asgi_ports]
    addresses = [f"{stack.url}/healthz", *asgi]
    deadline = time.monotonic() + START_SECONDS
    for address in addresses:
        while not answers_ok(address, stack.cert):
            if stack.process.poll() is not None:
                pytest.fail(f"The stack exited:\n{log_tail(stack)}")
            if time.monotonic() > deadline:
                pytest.fail(f"The stack was not up in {START_SECONDS} s:\n{log_tail(stack)}")
            time.sleep(0.5)


def answers_ok(address, cert):
    with requests.Session() as session:
        session.trust_env = False
        try:
            return session.get(address, verify=str(cert), timeout=5).status_code == 200
        except OSError:  # not listening yet, or no certificate yet (requests' errors are OSErrors)
            return False


def log_tail(stack, lines=40):
    return "\n".join((stack.dir / "stack.log").read_text().splitlines()[-lines:])


def stop_process_group(process):
    """TERM to the script and every process it started; KILL what is left."""
    try:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=STOP_SECONDS)
    except ProcessLookupError:
        return
    except subprocess.TimeoutExpired:
        pass
    try:
        os.killpg(process.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    process.wait(timeout=STOP_SECONDS)


def with_production_password(user):
    """Tests hash passwords with MD5 for speed; production settings accept only
    the strong hashers, so the stack's sign-in needs one of those."""
    hasher = PBKDF2PasswordHasher()
    user.password = hasher.encode(PASSWORD, hasher.salt())
    user.save(update_fields=["password"])
    return user


def read_environment_file(path):
    """KEY=value lines, as systemd and the stack's script read them."""
    pairs = (line.split("=", 1) for line in path.read_text().splitlines() if "=" in line)
    return {k: v.strip('"') for k, v in pairs if not k.startswith("#")}


def csrf_token(page):
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text).group(1)


def sign_in(stack, user):
    """A browser signed in through nginx with the real sign-in form."""
    browser = stack.browser()
    token = csrf_token(browser.get(f"{stack.url}/accounts/login/", timeout=REQUEST_SECONDS))
    answer = browser.post(
        f"{stack.url}/accounts/login/",
        data={"csrfmiddlewaretoken": token, "login": user.username, "password": PASSWORD},
        headers={"Origin": stack.url, "Referer": f"{stack.url}/accounts/login/"},
        allow_redirects=False,
        timeout=REQUEST_SECONDS,
    )
    assert answer.status_code == 302, answer.text[:500]
    return browser


def open_chat(url, cert, browser, cohort, query=""):
    """A chat WebSocket through nginx at `url` (https://…), as the signed-in browser."""
    context = ssl.create_default_context(cafile=str(cert))
    cookies = "; ".join(f"{c.name}={c.value}" for c in browser.cookies)
    return connect(
        url.replace("https", "wss", 1) + f"/ws/classes/{cohort.pk}/chat/{query}",
        ssl=context,
        origin=url,
        additional_headers={"Cookie": cookies},
        open_timeout=REQUEST_SECONDS,
        close_timeout=5,
    )
