"""Notices on a phone, in Arabic: the bell shows the count, the list fits the
screen with English titles left to right, opening one reads it, and a student
without email sees why email cannot be chosen. No JavaScript needed."""

import pytest

from classes.models import NoticeKind
from classes.notices.services import notify
from learning.roles import Role
from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db(transaction=True)

TITLE = "Week 5: Shopping for food at the market on Saturday morning"


def test_a_student_reads_notices_on_a_phone_in_arabic(sign_in, make_user):
    student = make_user(Role.STUDENT, display_name="Gul Wazir", preferred_language="ar")
    notify([student], NoticeKind.NEW_PACKET, {"title": TITLE, "page_id": 1}, link="/offline/")
    notify([student], NoticeKind.DEVICE_DUE, {"device": "Tablet 7", "due": "2026-12-18"})
    page = sign_in(student, PASSWORD)
    page.goto("/notices/")
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert page.locator(".bell .count").inner_text() == "2"
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    title = page.locator('bdi[lang="en"]', has_text=TITLE)
    assert title.evaluate("e => getComputedStyle(e).direction") == "ltr"
    title.tap()
    page.wait_for_url("**/offline/")
    page.goto("/notices/")
    assert page.locator(".bell .count").inner_text() == "1"
    with page.expect_navigation():
        page.locator("form[action='/notices/read/'] button").tap()
    assert page.locator(".bell .count").count() == 0
    page.goto("/notices/settings/")
    assert page.locator("#no-email").is_visible()
    assert page.locator("input[value='email']:disabled").count() == len(NoticeKind.values)
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
