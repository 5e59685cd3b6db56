"""Students chat in real Chromium on phones: one drops offline and catches up;
the chat opens at the newest message, pages back without a jump, and messages
arriving live look like the ones the page came with, in English and Arabic."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from classes.chat import notices, services
from classes.chat.protocol import time_text
from classes.chat.rooms import main_room
from classes.models import Message
from tests.browser.conftest import PHONE, new_phone, sign_in_on
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
    page = sign_in_on(new_phone(browser, base_url), user)
    return page.context, page


def say(page, text):
    # By place, not by label: the same in every language.
    page.locator("#chat-form textarea").fill(text)
    page.locator("#chat-form button[type=submit]").click()


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


@pytest.fixture
def posted_quietly(monkeypatch):
    """Messages saved by the test itself are not broadcast: the server under test
    is another process with its own channel layer (its sockets catch up by id),
    and Playwright's event loop in this thread refuses async_to_sync."""
    monkeypatch.setattr(services, "tell_room", lambda *args: None)
    monkeypatch.setattr(services, "tell_room_notice", lambda *args: None)


def box(page, selector):
    return page.locator(selector).bounding_box()


def open_chat(page, cohort):
    page.goto(f"/classes/{cohort.pk}/chat/")
    expect(page.locator("#chat-status")).to_have_text("")  # connected


def saved(text):
    return Message.objects.get(text=text)


def test_the_chat_opens_at_the_newest_and_live_messages_look_like_the_pages(
    browser, asgi_server, classroom, posted_quietly
):
    cohort, _teacher, amina, ahmad = classroom
    room = main_room(cohort)
    for n in range(1, 61):
        services.post_message(ahmad, room, f"Earlier message {n}", f"e-{n}")
    # Earlier in the day: not counted against Ahmad's rate limit now.
    Message.objects.update(sent_at=timezone.now() - timedelta(hours=2))
    amina_context, amina_page = phone_signed_in(browser, asgi_server, amina)
    ahmad_context, ahmad_page = phone_signed_in(browser, asgi_server, ahmad)
    open_chat(amina_page, cohort)

    # Opened at the newest: the last message in sight, above the composer.
    newest, composer = box(amina_page, "#m60"), box(amina_page, "#chat-form")
    assert amina_page.evaluate("window.scrollY") > 0
    assert 0 <= newest["y"] and newest["y"] + newest["height"] <= composer["y"] + 1

    open_chat(ahmad_page, cohort)
    say(ahmad_page, "Hello Amina")
    live = amina_page.locator("#m61")
    expect(live).to_contain_text("Hello Amina")
    # The time as the server words it (the page's format), not the phone's.
    expect(live.locator("time")).to_have_text(time_text(saved("Hello Amina").sent_at))
    assert re.fullmatch(r"\d\d:\d\d", live.locator("time").inner_text())
    live.locator("summary").click()
    expect(live.get_by_role("button", name="Report to the teacher")).to_be_visible()
    assert "mine" not in live.get_attribute("class").split()
    live_report = live.locator("form").get_attribute("action")
    assert live_report == f"/classes/{cohort.pk}/chat/messages/{saved('Hello Amina').pk}/report/"

    say(amina_page, "Hi Ahmad")
    own = amina_page.locator("#m62")
    expect(own).to_contain_text("Hi Ahmad")
    expect(own).to_have_class(re.compile(r"\bmine\b"))
    expect(own.locator("details")).to_have_count(0)
    # Others' messages start at the start side, one's own end at the end side.
    mine, theirs, messages = (
        box(amina_page, "#m62"),
        box(amina_page, "#m61"),
        box(amina_page, "#chat-messages"),
    )
    assert abs(theirs["x"] - messages["x"]) < 1 and mine["x"] > messages["x"] + 20
    assert abs((mine["x"] + mine["width"]) - (messages["x"] + messages["width"])) < 1

    # "Load older messages" puts the older page above without moving the screen.
    amina_page.locator("#chat-older").scroll_into_view_if_needed()
    before = box(amina_page, "#m11")["y"]
    amina_page.locator("#chat-older").click()
    expect(amina_page.locator("#m1")).to_be_attached()
    assert abs(box(amina_page, "#m11")["y"] - before) < 2
    expect(amina_page.locator("#chat-older")).to_have_count(0)
    ids = amina_page.locator("#chat-messages > .message").evaluate_all(
        "items => items.map(item => Number(item.dataset.id))"
    )
    assert ids == list(range(1, 63))
    amina_context.close()
    ahmad_context.close()


def test_an_arabic_reader_reads_notices_in_arabic_and_her_messages_at_the_end_side(
    browser, asgi_server, classroom, posted_quietly
):
    cohort, _teacher, amina, ahmad = classroom
    amina.preferred_language = "ar"
    amina.save(update_fields=["preferred_language"])
    room = main_room(cohort)
    services.post_notice(room, notices.NEW_PACKET, {"title": "At the clinic"}, link="/")
    amina_context, amina_page = phone_signed_in(browser, asgi_server, amina)
    ahmad_context, ahmad_page = phone_signed_in(browser, asgi_server, ahmad)
    open_chat(amina_page, cohort)
    assert amina_page.evaluate("document.documentElement.dir") == "rtl"
    expect(amina_page.locator("#m1 .text")).to_contain_text("حزمة جديدة: \u2068At the clinic\u2069")

    # A notice she missed while connected comes with the next live message
    # (she catches up by id): worded for her by the server, in Arabic, in order.
    services.post_notice(room, notices.NEW_ASSIGNMENT, {"title": "Reading"}, link="/")
    open_chat(ahmad_page, cohort)
    say(ahmad_page, "Hello")
    expect(amina_page.locator("#m2 .text")).to_contain_text("واجب جديد: \u2068Reading\u2069")
    expect(ahmad_page.locator("#m2 .text")).to_contain_text("New assignment: Reading")
    ids = amina_page.locator("#chat-messages > .message").evaluate_all(
        "items => items.map(item => item.id)"
    )
    assert ids == ["m1", "m2", "m3"]

    say(amina_page, "مرحبا")
    own = amina_page.locator("#m4")
    expect(own).to_have_class(re.compile(r"\bmine\b"))
    mine, theirs, messages = (
        box(amina_page, "#m4"),
        box(amina_page, "#m3"),
        box(amina_page, "#chat-messages"),
    )
    # Right to left: others' messages at the right, her own at the left.
    assert abs((theirs["x"] + theirs["width"]) - (messages["x"] + messages["width"])) < 1
    assert abs(mine["x"] - messages["x"]) < 1
    assert mine["x"] + mine["width"] < messages["x"] + messages["width"] - 20
    amina_context.close()
    ahmad_context.close()


def test_without_javascript_the_class_page_link_opens_the_chat_at_the_newest(
    browser, live_server, classroom, posted_quietly
):
    cohort, _teacher, amina, ahmad = classroom
    room = main_room(cohort)
    for n in range(1, 31):
        services.post_message(ahmad, room, f"Message {n}", f"m-{n}")
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False, **PHONE)
    page = context.new_page()
    page.goto("/accounts/login/")
    page.get_by_label("Username").fill(amina.username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.goto(f"/classes/{cohort.pk}/")
    page.get_by_role("link", name="Class chat").click()
    page.wait_for_url("**/chat/#latest")
    newest, composer = box(page, "#m30"), box(page, "#chat-form")
    assert page.evaluate("window.scrollY") > 0
    assert 0 <= newest["y"] and newest["y"] + newest["height"] <= composer["y"] + 1
    context.close()
