"""axe-core audits Harbor's main pages in real Chromium on a phone, in English
and in Arabic (right to left), as a visitor, a student, a teacher and a manager
see them.

axe runs every rule it runs by default (WCAG 2 A and AA, and its best
practices) and target size (WCAG 2.2 AA); none is switched off. Each page is
audited as it opens, then with its disclosures (<details>) open: axe skips what
cannot be seen. Each page is a subtest, so a failure names the page and the
language. The data is the demo content (`manage.py demo`), built once per
language: pages as full as a real program's.
"""

from concurrent.futures import ThreadPoolExecutor
from itertools import groupby
from operator import itemgetter

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import connections

from classes.demo import DEMO_CLASSES
from classes.models import Class
from learning.demo import DEMO_PASSWORD
from packets.models import AssignmentPage, PacketPage

# The live server needs committed data (see tests/conftest.py on transactional tests).
pytestmark = pytest.mark.django_db(transaction=True)

AXE = Axe()
AXE_OPTIONS = {
    "resultTypes": ["violations"],
    # WCAG 2.2 AA 2.5.8, off by default in axe 4.12: fingers on a small screen.
    "rules": {"target-size": {"enabled": True}},
}
OPEN_EVERY_DISCLOSURE = "document.querySelectorAll('details').forEach(d => { d.open = true; })"
# Read to the end, where a sticky bar (the chat's composer) sits in its own place:
# axe measures sticky elements as if they did not stick, so higher up it counts
# the controls scrolling under the bar as too small (dequelabs/axe-core#3720).
SCROLL_TO_THE_END = "window.scrollTo(0, document.documentElement.scrollHeight)"
LEVEL_2_CLASS = DEMO_CLASSES[0][0]  # taught by teacher1; student2 is in it (and in level 1)
# One demo assignment of each kind, in the state the demo leaves student2's work:
# written (sent back for revision), quiz (handed in), photo (returned with a
# voice comment), audio (not started: the recorder).
ASSIGNMENTS = {
    "written": "my-shopping-list",
    "quiz": "clinic-quiz",
    "photo": "write-the-alphabet",
    "audio": "say-hello",
}


def load_demo():
    """In a thread of its own: the demo broadcasts to class chats after it commits,
    which async_to_sync cannot do beside Playwright's event loop in this thread."""
    try:
        call_command("demo", stdout=None)
    finally:
        connections.close_all()


@pytest.fixture
def demo(transactional_db):
    with ThreadPoolExecutor(max_workers=1) as worker:
        worker.submit(load_demo).result()


def pages_to_audit():
    """(page, who looks at it: a demo username or None when signed out, URL),
    grouped by person so that each signs in once."""
    cohort = Class.objects.get(name=LEVEL_2_CLASS)
    packet = PacketPage.objects.live().descendant_of(cohort.level).first()
    assignments = {
        a.kind: a.url for a in AssignmentPage.objects.live().filter(slug__in=ASSIGNMENTS.values())
    }
    roll = cohort.sessions.roll_missing().order_by("-starts_at").first()
    return [
        ("sign-in page", None, "/accounts/login/"),
        ("student's home", "student2", "/"),
        ("level page", "student2", cohort.level.url),
        ("packet page", "student2", packet.url),
        *((f"{kind} assignment", "student2", assignments[kind]) for kind in ASSIGNMENTS),
        ("flashcards", "student2", f"{packet.url}flashcards/"),
        ("class chat (student)", "student2", f"/classes/{cohort.pk}/chat/"),
        ("teacher's home", "teacher1", "/"),
        ("class chat (teacher)", "teacher1", f"/classes/{cohort.pk}/chat/"),
        ("roll", "teacher1", roll.get_absolute_url()),
        ("review queue", "teacher1", f"/classes/{cohort.pk}/submissions/"),
        ("manager's home", "manager", "/"),
        ("records dashboard", "manager", "/records/"),
    ]


def violations(page):
    """What axe finds, one readable line per rule broken: rule, impact, where;
    on the page as it opens, then with every disclosure open."""
    page.evaluate(SCROLL_TO_THE_END)
    found = audit(page)
    if page.locator("details:not([open])").count():
        page.evaluate(OPEN_EVERY_DISCLOSURE)
        page.evaluate(SCROLL_TO_THE_END)
        found += [line for line in audit(page) if line not in found]
    return found


def audit(page):
    return [
        f"{v['id']} ({v['impact']}): {v['help']} at "
        + ", ".join(" ".join(map(str, node["target"])) for node in v["nodes"])
        for v in AXE.run(page, options=AXE_OPTIONS).response["violations"]
    ]


def speak(phone, language, site):
    """This phone's language choice (the switcher's cookie), as a person makes it."""
    cookie = {"name": settings.LANGUAGE_COOKIE_NAME, "value": language, "url": site}
    phone.context.add_cookies([cookie])


@pytest.mark.parametrize("language", ["en", "ar"])
def test_main_pages_have_no_accessibility_violations(
    language, phone, sign_in, live_server, demo, subtests
):
    for username, pages in groupby(pages_to_audit(), key=itemgetter(1)):
        phone.context.clear_cookies()
        if username is not None:
            sign_in(get_user_model().objects.get(username=username), DEMO_PASSWORD)
        speak(phone, language, live_server.url)
        for name, _username, url in pages:
            with subtests.test(msg=f"{name} in {language}", url=url):
                response = phone.goto(url)
                assert response.ok
                assert phone.get_attribute("html", "lang") == language
                found = violations(phone)
                assert found == [], "\n".join(found)
