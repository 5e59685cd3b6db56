"""Requests per second of every page a signed-in student opens (home, level,
packet, assignment, flashcards, class chat, class page), each against a trivial
Django view in the same run, served by gunicorn (2 sync workers) as in
bench/packet_page.py: the URLs take turns in short rounds, and the CPU time a
request costs the server and the clients is measured alongside the rate.

The goal (issue 17): each page at least 20 % of the trivial view's rate.
Only 127.0.0.1 is loaded, each measurement for a bounded time.
Usage: python bench/run.py pages   (PAGES=home,level to measure only some)
"""

import os
import subprocess

from bench.packet_page import (
    PYTHON,
    ROOT,
    TRIVIAL_URL,
    demo_environment,
    fetch,
    free_port,
    measure,
    start_gunicorn,
    student_session_cookie,
    wait_until_serving,
)

GOAL = 0.20

# Prints "URL name url" lines: the demo pages student1 can open.
FIND_URLS = """
from classes.models import Enrollment
from packets.models import AssignmentPage, LevelPage, PacketPage
packet = PacketPage.objects.live().get(slug="greetings-and-introductions")
level = packet.get_parent()
assignment = AssignmentPage.objects.live().child_of(packet).order_by("path").first()
enrollment = Enrollment.objects.filter(student__username="student1").order_by("pk").first()
print("URL", "home", "/")
print("URL", "level", level.url)
print("URL", "packet", packet.url)
print("URL", "assignment", assignment.url)
print("URL", "flashcards", packet.url + "flashcards/")
print("URL", "chat", f"/classes/{enrollment.cohort_id}/chat/")
print("URL", "class", f"/classes/{enrollment.cohort_id}/")
"""


def main():
    env = demo_environment()
    urls = page_urls(env)
    cookie = student_session_cookie(env)
    port = free_port()
    server = start_gunicorn(env, port)
    try:
        wait_until_serving(port)
        for url in urls.values():
            fetch(port, url, cookie)  # each answers 200 before anything is counted
        rates = measure(
            server.pid, port, [(TRIVIAL_URL, ""), *((url, cookie) for url in urls.values())]
        )
    finally:
        stop(server)
    report(rates, urls)


def stop(server):
    """On a busy machine gunicorn may take longer to stop than the figures are worth waiting for."""
    server.terminate()
    try:
        server.wait(timeout=30)
    except subprocess.TimeoutExpired:
        server.kill()
        server.wait(timeout=10)


def page_urls(env):
    result = subprocess.run(
        [PYTHON, str(ROOT / "manage.py"), "shell", "-c", FIND_URLS],
        env=env,
        check=True,
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    # Only the lines this script printed ("URL name url"), not the shell's own.
    lines = (line.split()[1:] for line in result.stdout.splitlines() if line.startswith("URL "))
    urls = dict(lines)
    chosen = os.environ.get("PAGES")
    return {name: url for name, url in urls.items() if not chosen or name in chosen.split(",")}


def report(rates, urls):
    trivial = rates[TRIVIAL_URL]
    print(f"load average: {' '.join(f'{n:.2f}' for n in os.getloadavg())}")
    print(f"{'page':12} {'req/s':>7} {'ratio':>6} {'CPU ratio':>9} {'server ms':>9}  url")
    print(f"{'trivial':12} {trivial[0]:7.0f} {'':6} {'':9} {trivial[1]:9.2f}  {TRIVIAL_URL}")
    for name, url in urls.items():
        rate, server_ms, clients_ms = rates[url]
        ratio = rate / trivial[0]
        # On a machine doing nothing else, the rates would be in this ratio.
        cpu_ratio = sum(trivial[1:]) / (server_ms + clients_ms)
        mark = "" if ratio >= GOAL else "  < goal"
        print(f"{name:12} {rate:7.0f} {ratio:6.1%} {cpu_ratio:9.1%} {server_ms:9.2f}  {url}{mark}")
