"""Real Chromium (Debian's, at /usr/bin/chromium) driven by Playwright, with a phone's screen.

Never a downloaded browser: `make test` installs Debian's chromium when it is missing.
"""

import pytest
from django.db import connections
from playwright.sync_api import sync_playwright

from learning.roles import Role
from packets.demo import ensure_levels
from scripts.chromium import CHROMIUM, launch
from tests.conftest import PASSWORD
from tests.factories import publish_assignment, publish_packet

# A low-end Android phone: small screen, touch.
PHONE = {
    "viewport": {"width": 360, "height": 740},
    "device_scale_factor": 2,
    "is_mobile": True,
    "has_touch": True,
    "user_agent": (
        "Mozilla/5.0 (Linux; Android 11; SM-A115F) AppleWebKit/537.36 "
        "(KHTML, like Gecko) Chrome/120.0 Mobile Safari/537.36"
    ),
}


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        pytest.fail(
            "Debian's chromium is missing: run `make test` (it installs it) or "
            "`apt-get install -y chromium`."
        )
    # Playwright's sync API keeps an event loop running in this thread; the ORM
    # calls the tests make beside it are still plain synchronous calls. (Browser
    # tests run last, see tests/conftest.py, so this reaches no other test.)
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        saved = serialized_database_contents()
        with sync_playwright() as playwright:
            restore_serialized_database_contents(saved)
            browser = launch(playwright)
            yield browser
            browser.close()


def serialized_database_contents():
    return {
        alias: connections[alias]._test_serialized_contents
        for alias in connections
        if hasattr(connections[alias], "_test_serialized_contents")
    }


def restore_serialized_database_contents(saved):
    """With Playwright's loop running, Django's connections live in another
    (context-local) store: fresh connection objects that have lost the test
    database's serialized contents, which transactional tests restore from."""
    for alias, contents in saved.items():
        connections[alias]._test_serialized_contents = contents


def new_phone(browser, base_url, *, timeout_ms=15_000, **options):
    """A phone-sized tab in a browser context of its own (`page.context`)."""
    context = browser.new_context(base_url=base_url, **PHONE, **options)
    page = context.new_page()
    page.set_default_timeout(timeout_ms)
    return page


def sign_in_on(page, user, password=PASSWORD):
    """Sign in through the real sign-in form, as a person does."""
    page.goto("/accounts/login/")
    page.get_by_label("Username").fill(user.username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/")
    return page


@pytest.fixture
def phone(browser, live_server):
    """A fresh phone-sized browser tab, pointed at the live test server."""
    page = new_phone(browser, live_server.url)
    yield page
    page.context.close()


@pytest.fixture
def sign_in(phone):
    def sign_in_as(user, password):
        return sign_in_on(phone, user, password)

    return sign_in_as


@pytest.fixture
def photo_homework(make_class, make_user, teacher):
    """(class, student, assignment): a photo assignment published before the
    class exists (publishing into a class's level announces it in chat, which
    cannot broadcast beside Playwright's loop)."""
    packet = publish_packet(ensure_levels()["level-2"], "Week 3", number=3, summary="s")
    assignment = publish_assignment(packet, "photo", title="Photograph your worksheet")
    student = make_user(Role.STUDENT, display_name="Amina Yusuf")
    return make_class(teacher=teacher, students=[student]), student, assignment
