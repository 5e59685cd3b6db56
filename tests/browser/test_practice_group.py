"""A student starts a practice group on a phone (375×740), invites a classmate,
who accepts from their home page; both see a message sent in the group's room."""

import pytest
from playwright.sync_api import expect

from classes.models import PracticeGroup
from tests.browser.test_class_chat import asgi_server, phone_signed_in, say  # noqa: F401

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_student_starts_a_group_and_a_classmate_joins_and_both_chat(
    browser,
    asgi_server,  # noqa: F811
    classroom,
):
    _cohort, _teacher, amina, ahmad = classroom
    amina_context, amina_page = phone_signed_in(browser, asgi_server, amina)
    amina_page.goto("/practice/new/")
    amina_page.locator("#id_name").fill("Talk club")
    amina_page.locator("#id_kind").select_option("interview")
    amina_page.locator("form.card button[type=submit]").click()
    amina_page.wait_for_url("**/practice/*/")
    group = PracticeGroup.objects.get(name="Talk club")
    amina_page.get_by_label("Ahmad Rahimi").check()
    amina_page.get_by_role("button", name="Invite", exact=True).click()
    amina_page.wait_for_url(f"**/practice/{group.pk}/")

    ahmad_context, ahmad_page = phone_signed_in(browser, asgi_server, ahmad)
    ahmad_page.get_by_role("button", name="Accept").click()
    ahmad_page.wait_for_url(f"**/practice/{group.pk}/")

    for page in (amina_page, ahmad_page):
        page.goto(f"/practice/{group.pk}/")
        expect(page.locator("#chat-status")).to_have_text("")  # connected
    say(amina_page, "Welcome to the club!")
    for page in (amina_page, ahmad_page):
        expect(
            page.locator("#chat-messages .message:not(.queued)", has_text="Welcome to the club!")
        ).to_be_visible()
    amina_context.close()
    ahmad_context.close()
