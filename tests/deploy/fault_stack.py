"""The stack the fault tests break (test_faults.py): nginx with the shipped site
(rendered by scripts/serve-scaled.sh --config-only), the package stack's
gunicorn, and two uvicorn processes started here as the script starts them but
on a Redis of the tests' own, so that a test may stop that Redis or kill one
process (the script stops every process when one exits). Every wait has a
deadline."""

import os
import signal
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.deploy.conftest import (
    START_SECONDS,
    STOP_SECONDS,
    answers_ok,
    free_ports,
    read_environment_file,
    stack_environment,
    stop_process_group,
)
from tests.servers import ROOT, wait_until_listening

FAULTS_DIR = ROOT / "build" / "test-faults"
# Well above what 30 clients at one message a second need (production: 5/10s).
RATE_LIMIT = "1000/10s"


class Process:
    """A server process with its output in a file (wait_until_listening shows it)."""

    def __init__(self, command, log_path, env=None):
        self.command, self.log_path, self.env = command, log_path, env
        self.popen = None

    def start(self, port):
        self.log = open(self.log_path, "a+")  # closed by stop()
        self.popen = subprocess.Popen(
            self.command,
            cwd=ROOT,
            env=self.env,
            stdout=self.log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        self.popen.log = self.log
        wait_until_listening(port, self.popen, timeout=START_SECONDS)

    def kill(self):
        """SIGKILL, as the kernel's OOM killer or a crash would end it."""
        os.killpg(self.popen.pid, signal.SIGKILL)
        self.popen.wait(timeout=STOP_SECONDS)

    def stop(self):
        if self.popen is not None and self.popen.poll() is None:
            stop_process_group(self.popen)
        if self.popen is not None:
            self.log.close()

    def output(self):
        return Path(self.log_path).read_text()


class RedisServer(Process):
    def __init__(self, port, folder):
        command = ["redis-server", "--port", str(port), "--bind", "127.0.0.1"]
        command += ["--save", "", "--appendonly", "no", "--dir", str(folder)]
        super().__init__(command, folder / f"redis-{port}.log")
        self.port = port
        self.url = f"redis://127.0.0.1:{port}/0"

    def start(self):
        super().start(self.port)


@dataclass
class FaultStack:
    url: str
    cert: Path
    dir: Path
    secret_key: str
    asgi_ports: list
    asgi: list  # a Process per ASGI port
    redis: RedisServer

    def restart_asgi(self, index):
        self.asgi[index].stop()
        self.asgi[index].start(self.asgi_ports[index])
        wait_for_health(f"http://127.0.0.1:{self.asgi_ports[index]}/healthz", self.cert)


def wait_for_health(address, cert):
    deadline = time.monotonic() + START_SECONDS
    while not answers_ok(address, cert):
        if time.monotonic() > deadline:
            pytest.fail(f"{address} did not answer in {START_SECONDS} s")
        time.sleep(0.5)


def asgi_process(port, environment, folder):
    """uvicorn as scripts/serve-scaled.sh (and the systemd unit) start it."""
    command = [str(ROOT / ".venv" / "bin" / "uvicorn"), "learning.asgi:application"]
    command += ["--host", "127.0.0.1", "--port", str(port), "--ws-max-size", "16384"]
    command += ["--no-access-log", "--timeout-graceful-shutdown", "5"]
    return Process(command, folder / f"asgi-{port}.log", environment)


@pytest.fixture(scope="module")
def own_redis():
    FAULTS_DIR.mkdir(parents=True, exist_ok=True)
    (port,) = free_ports(1)
    redis = RedisServer(port, FAULTS_DIR)
    redis.start()
    try:
        yield redis
    finally:
        redis.stop()


@pytest.fixture(scope="module")
def fault_stack(stack, own_redis):
    port, *asgi_ports = free_ports(3)
    FAULTS_DIR.mkdir(parents=True, exist_ok=True)
    environment = stack_environment(FAULTS_DIR, port, stack.http_port, asgi_ports)
    subprocess.run(
        ["bash", "scripts/serve-scaled.sh", "--config-only"],
        cwd=ROOT,
        env=environment,
        check=True,
        timeout=60,
    )
    # The package stack's production environment (its secret key, database),
    # with this module's Redis.
    served = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    served.update(read_environment_file(stack.dir / "harbor.env"))
    served.update(REDIS_URL=own_redis.url, CHAT_RATE_LIMIT=RATE_LIMIT)
    asgi = [asgi_process(p, served, FAULTS_DIR) for p in asgi_ports]
    nginx_command = ["/usr/sbin/nginx", "-p", str(FAULTS_DIR), "-c"]
    nginx_command += [str(FAULTS_DIR / "nginx.conf"), "-g", "daemon off;"]
    nginx = Process(nginx_command, FAULTS_DIR / "nginx.out")
    started = FaultStack(
        url=f"https://127.0.0.1:{port}",
        cert=FAULTS_DIR / "tls" / "cert.pem",
        dir=FAULTS_DIR,
        secret_key=served["DJANGO_SECRET_KEY"],
        asgi_ports=asgi_ports,
        asgi=asgi,
        redis=own_redis,
    )
    try:
        for process, asgi_port in zip(asgi, asgi_ports, strict=True):
            process.start(asgi_port)
        nginx.start(port)
        for asgi_port in asgi_ports:
            wait_for_health(f"http://127.0.0.1:{asgi_port}/healthz", started.cert)
        yield started
    finally:
        nginx.stop()
        for process in asgi:
            process.stop()
