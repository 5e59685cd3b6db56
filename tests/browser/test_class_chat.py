"""Two students chat in real Chromium on phones; one drops offline and catches up."""

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import PHONE
from tests.conftest import PASSWORD
from tests.servers import start_server, stop_server

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def asgi_server(db):
    """uvicorn serving HTTP and WebSockets (the live_server fixture has no WebSockets)."""
    process, url = start_server()
    yield url
    stop_server(process)


def phone_signed_in(browser, base_url, user):
    context = browser.new_context(base_url=base_url, **PHONE)
    page = context.new_page()
    page.set_default_timeout(15_000)
    page.goto("/accounts/login/")
    page.get_by_label("Username").fill(user.username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/")
    return context, page


def say(page, text):
    page.get_by_role("textbox", name="Message").fill(text)
    page.get_by_role("button", name="Send").click()


def shown_texts(page):
    return page.locator("#chat-messages .message:not(.queued) .text").all_text_contents()


def test_a_student_who_was_offline_sees_every_missed_message_in_order(
    browser, asgi_server, classroom
):
    cohort, _teacher, amina, ahmad = classroom
    chat = f"/classes/{cohort.pk}/chat/"
    amina_context, amina_page = phone_signed_in(browser, asgi_server, amina)
    ahmad_context, ahmad_page = phone_signed_in(browser, asgi_server, ahmad)
    for page in (amina_page, ahmad_page):
        page.goto(chat)
        expect(page.locator("#chat-status")).to_have_text("")  # connected

    say(amina_page, "Hello Ahmad! <b>How are you?</b>")
    ahmad_page.get_by_text("Hello Ahmad! <b>How are you?</b>").wait_for()

    ahmad_context.set_offline(True)
    ahmad_page.evaluate("window.dispatchEvent(new Event('offline'))")
    for text in ("One", "Two", "Three"):
        say(amina_page, text)
        amina_page.locator("#chat-messages .message:not(.queued)", has_text=text).wait_for()

    ahmad_context.set_offline(False)
    ahmad_page.evaluate("window.dispatchEvent(new Event('online'))")
    ahmad_page.locator("#chat-messages .message", has_text="Three").wait_for(timeout=40_000)
    assert shown_texts(ahmad_page)[-4:] == [
        "Hello Ahmad! <b>How are you?</b>",
        "One",
        "Two",
        "Three",
    ]
    amina_context.close()
    ahmad_context.close()
