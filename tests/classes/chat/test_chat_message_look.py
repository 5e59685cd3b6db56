"""A message looks the same whether the page rendered it or it arrived live:
the same time text, the same menu for the same readers, one's own set apart."""

import re
from datetime import UTC, datetime

import pytest

from classes.chat import services
from classes.chat.protocol import message_frame
from classes.chat.rooms import main_room
from classes.models import Message


@pytest.fixture
def chat(classroom):
    cohort, teacher, amina, ahmad = classroom
    return cohort, main_room(cohort), teacher, amina, ahmad


def item(html, number):
    """The <li> of message `number` on a chat page."""
    match = re.search(rf'<li class="([^"]*)" id="m{number}".*?\n</li>', html, re.S)
    assert match, f"message {number} is not on the page"
    return match


def menu_template(html):
    return re.search(r'<template id="chat-menu-template">(.*?)</template>', html, re.S).group(1)


def normalised(fragment):
    return re.sub(r"\s+", " ", fragment).strip()


def test_the_frame_tells_the_time_as_the_page_shows_it(chat, login, settings):
    settings.TIME_ZONE = "America/New_York"  # the program's time zone
    cohort, room, _teacher, amina, ahmad = chat
    message, _ = services.post_message(ahmad, room, "Good evening", "t-1")
    # 18:04 UTC is 13:04 in New York.
    Message.objects.filter(pk=message.pk).update(sent_at=datetime(2026, 11, 23, 18, 4, tzinfo=UTC))
    message.refresh_from_db()
    frame = message_frame(message, room.label)
    assert frame["time"] == "13:04"
    html = login(amina).get(f"/classes/{cohort.pk}/chat/").content.decode()
    assert re.search(r"<time [^>]*>13:04</time>", item(html, 1).group(0))


def test_the_frame_carries_the_ref_the_moderation_urls_use(chat):
    _cohort, room, _teacher, _amina, ahmad = chat
    message, _ = services.post_message(ahmad, room, "Hello", "r-1")
    assert message_frame(message, room.label)["ref"] == message.pk


@pytest.mark.parametrize("reader", ["student", "teacher"])
def test_live_messages_get_the_same_menu_as_the_page_gives(chat, login, reader):
    cohort, room, teacher, amina, ahmad = chat
    message, _ = services.post_message(ahmad, room, "Hello", "m-1")
    html = login(teacher if reader == "teacher" else amina).get(f"/classes/{cohort.pk}/chat/")
    html = html.content.decode()
    on_the_page = re.search(r"<details.*?</details>", item(html, 1).group(0), re.S).group(0)
    live = menu_template(html).replace("/messages/0/", f"/messages/{message.pk}/")
    live = live.replace('name="student" value="0"', f'name="student" value="{ahmad.pk}"')
    assert normalised(live) == normalised(on_the_page)
    expected = "Remove for everyone" if reader == "teacher" else "Report to the teacher"
    assert expected in on_the_page


def test_ones_own_messages_are_set_apart_and_have_no_menu(chat, login):
    cohort, room, _teacher, amina, ahmad = chat
    services.post_message(amina, room, "Mine", "o-1")
    services.post_message(ahmad, room, "Theirs", "o-2")
    html = login(amina).get(f"/classes/{cohort.pk}/chat/").content.decode()
    own, theirs = item(html, 1), item(html, 2)
    assert "mine" in own.group(1).split() and "<details" not in own.group(0)
    assert "mine" not in theirs.group(1).split() and "<details" in theirs.group(0)


def test_names_are_isolated_and_text_finds_its_own_direction(chat, login):
    cohort, room, _teacher, amina, ahmad = chat
    services.post_message(ahmad, room, "مرحبا", "d-1")
    html = login(amina).get(f"/classes/{cohort.pk}/chat/").content.decode()
    message = item(html, 1).group(0)
    assert '<span class="author"><bdi>Ahmad Rahimi</bdi></span>' in message
    assert '<p class="text" dir="auto">مرحبا</p>' in message
    assert '<span class="author"><bdi></bdi></span>' in html  # the live template's
