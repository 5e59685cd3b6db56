"""Mixed load, measured: signed-in students reading packets, handing in written
answers and chatting, all at once, against
(a) the scaled stack as `make serve-scaled` starts it (scripts/serve-scaled.sh:
    nginx with TLS, gunicorn, two uvicorn, the task worker; PostgreSQL database
    `harbor_load`, Redis db 7), and
(b) the embedded default as `make run` starts it (scripts/serve-dev.sh: one
    uvicorn for HTTP and WebSockets, SQLite under bench/out/, in-memory layer).

Each run loads the demo content and adds students up to STUDENTS, enrolled in the
demo classes whose level has a written assignment; their sessions are made
server-side (sign-in is not what is measured), everything else is real requests
on loopback. Prints requests/s, p50/p99 per kind of action, errors (must be 0),
the ratio scaled/embedded and the machine's load average beside each run.
Usage: .venv/bin/python bench/run.py load   (STUDENTS, SECONDS, CHAT_EVERY,
SCENARIO=scaled|embedded to change)
"""

import json
import os
import signal
import socket
import ssl
import subprocess
import sys
import time
import urllib.request
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"
PYTHON = sys.executable
STUDENTS = int(os.environ.get("STUDENTS", "60"))
SECONDS = float(os.environ.get("SECONDS", "30"))
CHAT_EVERY = float(os.environ.get("CHAT_EVERY", "4"))  # seconds between a student's messages
POSTGRES = os.environ.get("LOAD_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/harbor_load")
REDIS = os.environ.get("LOAD_REDIS_URL", "redis://127.0.0.1:6379/7")
SCALED_DIR = ROOT / "build" / "load-scaled"  # kept between runs: collectstatic is slow once
START_SECONDS = 600
KINDS = ("read", "hand-in", "chat")


def clean_env(**extra):
    drop = {"DATABASE_URL", "REDIS_URL"}
    env = {k: v for k, v in os.environ.items() if k not in drop and not k.startswith("DJANGO_")}
    return {**env, "HARBOR_LOG_LEVEL": "WARNING", **extra}


def free_ports(count):
    probes = [socket.socket() for _ in range(count)]
    try:
        for probe in probes:
            probe.bind(("127.0.0.1", 0))
        return [probe.getsockname()[1] for probe in probes]
    finally:
        for probe in probes:
            probe.close()


def start_group(command, env, log):
    """A process in its own group, so that stopping it stops all it started."""
    return subprocess.Popen(
        command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
    )


def stop_group(process):
    for sig, wait in ((signal.SIGTERM, 30), (signal.SIGKILL, 10)):
        try:
            os.killpg(process.pid, sig)
            process.wait(timeout=wait)
            return
        except ProcessLookupError:
            return
        except subprocess.TimeoutExpired:
            continue


def wait_until_up(urls, process, log_path, cert=None):
    deadline = time.monotonic() + START_SECONDS
    for url in urls:
        while True:
            try:  # the script makes its certificate once it has started
                context = ssl.create_default_context(cafile=cert) if cert else None
                with urllib.request.urlopen(url, timeout=5, context=context) as answer:
                    if answer.status == 200:
                        break
            except OSError:
                pass
            if process.poll() is not None or time.monotonic() > deadline:
                tail = "\n".join(log_path.read_text().splitlines()[-30:])
                raise RuntimeError(f"The server did not come up ({url}):\n{tail}")
            time.sleep(0.5)


def make_students(env):
    """Students, enrollments and sessions, made by this file's `setup` under the
    server's own settings and database; returns each student's plan."""
    made = subprocess.run(
        [PYTHON, __file__, "setup", str(STUDENTS)],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads(made.stdout.strip().splitlines()[-1])


# --- The two stacks -------------------------------------------------------------


def embedded():
    """serve-dev.sh on a fresh SQLite file. DEBUG off, as in production, so that
    both stacks run the same code: that needs collected static files (their
    manifest), shared with the scaled stack's. Returns (target, plans, process)."""
    from bench._load_students import Target

    database = OUT / "load-embedded.sqlite3"
    for leftover in OUT.glob("load-embedded.sqlite3*"):
        leftover.unlink()
    env = clean_env(
        DJANGO_SETTINGS_MODULE="learning.settings.dev",
        DJANGO_DEBUG="false",
        DATABASE_URL=f"sqlite:///{database}",
        HARBOR_STATIC_ROOT=str(SCALED_DIR / "staticfiles"),
    )
    for command in (["collectstatic", "--no-input", "-v0"], ["migrate", "--no-input"], ["demo"]):
        manage = [PYTHON, "manage.py", *command]
        subprocess.run(manage, cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL)
    plans = make_students(env)
    (port,) = free_ports(1)
    log_path = OUT / "load-embedded.log"
    with open(log_path, "w") as log:
        process = start_group(["bash", "scripts/serve-dev.sh", "127.0.0.1", str(port)], env, log)
    base = f"http://127.0.0.1:{port}"
    try:
        wait_until_up([f"{base}/healthz"], process, log_path)
    except BaseException:
        stop_group(process)
        raise
    return Target(base), plans, process


def reset_services():
    name = POSTGRES.rsplit("/", 1)[1]
    for sql in (f"DROP DATABASE IF EXISTS {name}", f"CREATE DATABASE {name}"):
        subprocess.run(
            ["psql", POSTGRES.rsplit("/", 1)[0] + "/postgres", "-c", sql],
            check=True,
            capture_output=True,
        )
    subprocess.run(["redis-cli", "-u", REDIS, "flushdb"], check=True, capture_output=True)


def stack_env_file():
    """The environment serve-scaled.sh wrote for its services (KEY=value lines)."""
    values = {}
    for line in (SCALED_DIR / "harbor.env").read_text().splitlines():
        if line and not line.startswith("#") and "=" in line:
            key, value = line.split("=", 1)
            values[key] = value.strip('"')
    return values


def scaled():
    from bench._load_students import Target

    reset_services()
    SCALED_DIR.mkdir(parents=True, exist_ok=True)
    port, http_port, *asgi_ports = free_ports(4)
    env = clean_env(
        DATABASE_URL=POSTGRES,
        REDIS_URL=REDIS,
        HARBOR_SCALED_DIR=str(SCALED_DIR),
        HARBOR_SCALED_PORT=str(port),
        HARBOR_SCALED_HTTP_PORT=str(http_port),
        HARBOR_SCALED_ASGI_PORTS=" ".join(map(str, asgi_ports)),
    )
    log_path = OUT / "load-scaled.log"
    with open(log_path, "w") as log:
        command = ["bash", "scripts/serve-scaled.sh", "--migrate", "--demo"]
        process = start_group(command, env, log)
    base, cert = f"https://127.0.0.1:{port}", str(SCALED_DIR / "tls" / "cert.pem")
    urls = [f"{base}/healthz"] + [f"http://127.0.0.1:{p}/healthz" for p in asgi_ports]
    try:
        wait_until_up(urls, process, log_path, cert)
        plans = make_students(clean_env(**stack_env_file()))
    except BaseException:
        stop_group(process)
        raise
    return Target(base, cert), plans, process


# --- Measuring and reporting ------------------------------------------------------


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * fraction))] if ordered else float("nan")


def summarize(results, seconds):
    requests = len(results["read"]) + len(results["hand-in"])
    summary = {"requests/s": requests / seconds, "deliveries/s": len(results["chat"]) / seconds}
    for kind in KINDS:
        values = results[kind]
        summary[kind] = (len(values), percentile(values, 0.5), percentile(values, 0.99))
    summary["errors"] = results["errors"]
    summary["client cpu"] = sum(results.get("client cpu", []))
    summary["chat"] += (results["messages"], results["expected"])
    return summary


def server_cpu_seconds(session_id):
    """User + system CPU seconds of the stack's processes (its session: nginx,
    gunicorn, uvicorn, the worker) and of the PostgreSQL backends serving
    `harbor_load`, by program name."""
    database = POSTGRES.rsplit("/", 1)[1]
    seconds = Counter()
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            name, rest = stat.read_text().split(" (", 1)[1].rsplit(")", 1)
            fields = rest.split()
            ours = int(fields[3]) == session_id or is_backend_of(stat.parent, database)
        except (OSError, IndexError):  # the process ended meanwhile
            continue
        if ours:
            seconds[name] += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    return seconds


def is_backend_of(folder, database):
    """PostgreSQL titles its backends 'postgres: 15/main: user database …'."""
    title = (folder / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
    return title.startswith("postgres:") and f" {database} " in title


def load_average():
    return "load average " + " ".join(f"{x:.2f}" for x in os.getloadavg())


def report(name, summary):
    print(f"{name}:")
    print(f"  HTTP {summary['requests/s']:.1f} requests/s (page reads + hand-ins)")
    for kind in KINDS:
        count, p50, p99 = summary[kind][:3]
        print(f"  {kind:8} {count:7d} done, p50 {p50:8.1f} ms, p99 {p99:8.1f} ms")
    _n, _p50, _p99, messages, expected = summary["chat"]
    print(
        f"  chat: {messages} messages sent, {summary['chat'][0]}/{expected} deliveries, "
        f"{summary['deliveries/s']:.0f} deliveries/s"
    )
    server = summary.get("server cpu", Counter())
    parts = ", ".join(f"{name} {value:.1f}" for name, value in server.most_common())
    print(
        f"  CPU: server {server.total():.1f} s ({parts}), load generator "
        f"{summary['client cpu']:.1f} s, on 2 cores ({2 * SECONDS:.0f} CPU s in the window)"
    )
    errors = summary["errors"]
    print(f"  errors: {len(errors)}")
    for error in sorted(set(errors))[:10]:
        print(f"    {errors.count(error)} x {error}")


def measure(name, start):
    from bench._load_students import run_students

    target, plans, process = start()
    try:
        before, cpu = load_average(), server_cpu_seconds(process.pid)
        results = run_students(target, plans, SECONDS, CHAT_EVERY)
        after = load_average()
        cpu = server_cpu_seconds(process.pid) - cpu
    finally:
        stop_group(process)
    summary = summarize(results, SECONDS)
    summary["server cpu"] = cpu
    report(f"{name} ({before} before, {after} after)", summary)
    return summary


def ratios(scaled_summary, embedded_summary):
    def ratio(a, b):
        return f"{a / b:.2f}" if b else "n/a"

    print("scaled / embedded:")
    print(f"  requests/s {ratio(scaled_summary['requests/s'], embedded_summary['requests/s'])}")
    for kind in KINDS:
        s, e = scaled_summary[kind], embedded_summary[kind]
        print(f"  {kind:8} p50 {ratio(s[1], e[1])}, p99 {ratio(s[2], e[2])}")


def main():
    from bench._load_students import READS_PER_HANDIN

    OUT.mkdir(parents=True, exist_ok=True)
    sys.path.insert(0, str(ROOT))
    print(
        f"{STUDENTS} students for {SECONDS:.0f} s: reads and hand-ins back to back "
        f"(1 hand-in per {READS_PER_HANDIN} reads), a chat message each every {CHAT_EVERY:g} s"
    )
    only = os.environ.get("SCENARIO")
    runs = {}
    for name, start in (("scaled", scaled), ("embedded", embedded)):
        if only in (None, name):
            runs[name] = measure(name, start)
    if len(runs) == 2:
        ratios(runs["scaled"], runs["embedded"])
    errors = sum(len(summary["errors"]) for summary in runs.values())
    if errors:
        sys.exit(f"{errors} errors under load")


if __name__ == "__main__":
    if sys.argv[1:2] == ["setup"]:
        sys.path.insert(0, str(ROOT))
        from bench._load_setup import setup_students

        setup_students(int(sys.argv[2]))
    else:
        main()
