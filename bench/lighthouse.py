"""Lighthouse (mobile) on five pages a student uses: their home, a packet, an
assignment, flashcards and the class chat, signed in as the demo's student1.

Records per page the performance, accessibility and best-practices scores, the
bytes transferred, and the phone budgets (DESIGN.md): the HTML and CSS of the
first render within one round trip (14,600 bytes) and at most 30 KB of
JavaScript, both as sent (gzip). Prints a table, the audits that cost points,
and writes the table into docs/BENCHMARKS.md between the lighthouse markers.

Lighthouse comes from the npm registry, pinned, into build/lighthouse/; the
browser is Debian's Chromium, never a download. The server is uvicorn with
learning.settings.lighthouse (DEBUG off, collected static files served
compressed by WhiteNoise, HTML gzipped as nginx does), on a free port.
Usage: python bench/run.py lighthouse
"""

import http.client
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench._chromium import (  # noqa: E402 - after the path is set
    chrome_launcher_flags,
    set_cookie,
    start_chromium,
)
from bench._lighthouse_report import (  # noqa: E402
    advice,
    format_table,
    lost_points,
    markdown_section,
    median_run,
    replace_section,
    summarize,
)

PYTHON = sys.executable
SETTINGS = "learning.settings.lighthouse"
# 12.8.2 is the last Lighthouse that runs on Node 20 (13.x needs Node >= 22.19).
LIGHTHOUSE_VERSION = "12.8.2"
PREFIX = ROOT / "build/lighthouse"
LIGHTHOUSE = PREFIX / "node_modules/.bin/lighthouse"
REPORTS = PREFIX / "reports"
CHROMIUM = "/usr/bin/chromium"
CHROME_FLAGS = (
    "--headless --no-sandbox --disable-gpu --disable-background-networking "
    "--disable-component-update --disable-sync --no-first-run"
)
CATEGORIES = "performance,accessibility,best-practices"
STUDENT, PASSWORD = "student1", "harbor-demo"
BENCHMARKS_MD = ROOT / "docs/BENCHMARKS.md"
COMMAND = ".venv/bin/python bench/run.py lighthouse"
# Scores move with the machine's load (TBT above all); the median of a few runs
# moves less. RUNS=1 for a quick look.
RUNS = int(os.environ.get("RUNS", "3"))


def main():
    load_before = os.getloadavg()[0]
    check_tools()
    install_lighthouse()
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": SETTINGS}
    prepare_database(env)
    signed_in = json.loads(run_here(env, "pages"))
    summaries, lost = [], {}
    with running_server(env) as site, running_chromium() as chromium_port:
        name, value = signed_in["cookie"].split("=", 1)
        set_cookie(chromium_port, site, name, value)
        for page, url in signed_in["pages"]:
            fetch(site + url, signed_in["cookie"])  # warm, as pages in use are (page cache)
            reports = [audit(chromium_port, f"{page}-{n}", site + url) for n in range(RUNS)]
            summaries.append(summarize(page, url, reports))
            lost[page] = lost_points(median_run(reports))
            print_failing(page, lost[page], advice(median_run(reports)))
    print(format_table(summaries))
    note = machine_note(load_before)
    section = markdown_section(summaries, COMMAND, note, lighthouse_version(), lost)
    BENCHMARKS_MD.write_text(replace_section(BENCHMARKS_MD.read_text(), section))
    print(f"Written to {BENCHMARKS_MD.relative_to(ROOT)} ({note}).")


def check_tools():
    """No silent skip: say what is missing and how to get it."""
    missing = []
    if shutil.which("npm") is None or shutil.which("node") is None:
        missing.append("Node.js 20 and npm: apt-get install -y nodejs npm")
    if not os.access(CHROMIUM, os.X_OK):
        missing.append(f"Debian's Chromium at {CHROMIUM}: apt-get install -y chromium")
    if missing:
        raise SystemExit("The Lighthouse benchmark needs:\n  " + "\n  ".join(missing))


def install_lighthouse():
    if LIGHTHOUSE.exists() and lighthouse_version() == LIGHTHOUSE_VERSION:
        return
    print(f"Installing lighthouse@{LIGHTHOUSE_VERSION} into {PREFIX.relative_to(ROOT)}/")
    command = ["npm", "install", "--prefix", str(PREFIX), f"lighthouse@{LIGHTHOUSE_VERSION}"]
    # Lighthouse drives the Chromium it is given: no browser download, ever.
    env = {**os.environ, "PUPPETEER_SKIP_DOWNLOAD": "1", "CHROME_PATH": CHROMIUM}
    subprocess.run([*command, "--no-audit", "--no-fund"], env=env, check=True, cwd=ROOT)


def lighthouse_version():
    result = subprocess.run([str(LIGHTHOUSE), "--version"], capture_output=True, text=True)
    return result.stdout.strip()


def prepare_database(env):
    manage = [PYTHON, str(ROOT / "manage.py")]
    (ROOT / "build/bench").mkdir(parents=True, exist_ok=True)
    subprocess.run([*manage, "migrate", "--no-input", "-v", "0"], env=env, check=True, cwd=ROOT)
    subprocess.run([*manage, "demo"], env=env, check=True, cwd=ROOT, stdout=subprocess.DEVNULL)
    subprocess.run([*manage, "collectstatic", "--no-input", "-v", "0"], env=env, check=True)


def run_here(env, step):
    """Run a step of this file in a child process with the benchmark's settings
    (this process may already have Django set up with other settings)."""
    result = subprocess.run(
        [PYTHON, __file__, step], env=env, check=True, cwd=ROOT, capture_output=True, text=True
    )
    return result.stdout


def student_pages():
    """(In a child process.) A session for the student, and the URLs of their
    home, first packet of their class's level, its first assignment, its
    flashcards and the class chat, found in the demo data."""
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.test import Client
    from django.urls import reverse

    from classes.models import Class
    from packets.flashcards.views import flashcard_urls
    from packets.models import AssignmentPage, PacketPage

    student = get_user_model().objects.get(username=STUDENT)
    cohort = Class.objects.with_active_student(student).order_by("pk").first()
    packet = PacketPage.objects.live().descendant_of(cohort.level).order_by("path").first()
    assignment = AssignmentPage.objects.live().child_of(packet).order_by("path").first()
    client = Client()
    if not client.login(username=STUDENT, password=PASSWORD):
        raise SystemExit(f"{STUDENT} could not sign in: is the demo loaded?")
    pages = [
        ("home", "/"),
        ("packet", packet.url),
        ("assignment", assignment.url),
        ("flashcards", flashcard_urls(packet)["practice"]),
        ("chat", reverse("class_chat", args=[cohort.pk])),
    ]
    cookie = f"sessionid={client.cookies['sessionid'].value}"
    print(json.dumps({"cookie": cookie, "pages": pages}))


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def running_server(env):
    """One uvicorn process, as `make run` serves: the chat page opens its
    WebSocket on the same host, which gunicorn alone would refuse. Yields the
    site's address."""
    port = free_port()
    command = [
        str(Path(PYTHON).parent / "uvicorn"),
        "learning.asgi:application",
        *("--host", "127.0.0.1", "--port", str(port)),
        *("--ws-max-size", "16384", "--log-level", "warning"),
    ]
    # Django warns on every static file that WhiteNoise's iterator is not async.
    quiet = {**env, "PYTHONWARNINGS": "ignore:StreamingHttpResponse must consume"}
    server = subprocess.Popen(command, env=quiet, cwd=ROOT)
    try:
        site = f"http://127.0.0.1:{port}"
        wait_until_serving(site)
        yield site
    finally:
        server.terminate()
        server.wait(timeout=10)


@contextmanager
def running_chromium():
    """Debian's Chromium with Lighthouse's usual flags and ours; yields its
    DevTools port. A fresh profile each run, removed after."""
    flags = [*chrome_launcher_flags(PREFIX), *CHROME_FLAGS.split()]
    with tempfile.TemporaryDirectory(prefix="profile-", dir=PREFIX) as profile:
        browser, port = start_chromium(CHROMIUM, flags, profile)
        try:
            yield port
        finally:
            browser.terminate()
            browser.wait(timeout=10)


def wait_until_serving(site, timeout=60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            fetch(f"{site}/healthz", "")
            return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError("uvicorn did not start")


def fetch(url, cookie):
    address = urlsplit(url)
    connection = http.client.HTTPConnection(address.hostname, address.port, timeout=30)
    connection.request("GET", address.path, headers={"Cookie": cookie} if cookie else {})
    response = connection.getresponse()
    response.read()
    connection.close()
    if response.status != 200:
        raise RuntimeError(f"{url} answered {response.status}")


def audit(chromium_port, name, url, attempts=3):
    """One Lighthouse run (mobile, its default form factor) in the running
    Chromium; the JSON report, also kept in build/lighthouse/reports/. On a busy
    machine a run now and then fails on Lighthouse's side (its trace had no
    navigation start, NO_NAVSTART; once, Chromium showed an error page): that
    run is tried again."""
    REPORTS.mkdir(parents=True, exist_ok=True)
    path = REPORTS / f"{name}.json"
    command = [
        str(LIGHTHOUSE),
        url,
        f"--port={chromium_port}",
        f"--only-categories={CATEGORIES}",
        "--output=json",
        f"--output-path={path}",
        "--quiet",
    ]
    for _attempt in range(attempts):
        path.unlink(missing_ok=True)
        done = subprocess.run(command, env={**os.environ, "CHROME_PATH": CHROMIUM}, cwd=ROOT)
        report = json.loads(path.read_text()) if path.exists() else {}
        error = (report.get("runtimeError") or {}).get("message")
        if done.returncode == 0 and report and not error:
            return report
        print(f"  Lighthouse could not audit {url}: {error or done.returncode}", file=sys.stderr)
    raise RuntimeError(f"Lighthouse could not audit {url} in {attempts} attempts")


def print_failing(page, lost, advised):
    for heading, found in (("costs points", lost), ("advises", advised)):
        for category, audits in found.items():
            for audit_id, score, title, shown in audits:
                line = f"  {page}, {category} {heading}: {audit_id} ({score}) {title} {shown}"
                print(line.rstrip())


def machine_note(load_before):
    """When and where, with the machine's 1-minute load before the run and after
    it (the run itself adds about one: Chromium, Lighthouse and the server)."""
    load_after = os.getloadavg()[0]
    chromium = subprocess.run([CHROMIUM, "--version"], capture_output=True, text=True)
    node = subprocess.run(["node", "--version"], capture_output=True, text=True)
    return (
        f"{datetime.now(UTC):%Y-%m-%d %H:%M} UTC, {os.cpu_count()} cores, "
        f"load average {load_before:.1f} before, {load_after:.1f} after; "
        f"{chromium.stdout.strip()}, "
        f"Node {node.stdout.strip()}"
    )


if __name__ == "__main__":
    if sys.argv[1:] == ["pages"]:
        student_pages()
    else:
        main()
