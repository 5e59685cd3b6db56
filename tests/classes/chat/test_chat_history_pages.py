"""The chat page opens at the newest messages and pages back through older ones,
with JavaScript or without it."""

import re

import pytest

from classes.chat import history, services
from classes.chat.protocol import ProtocolError
from classes.chat.rooms import main_room
from learning.roles import Role


@pytest.fixture
def chat(classroom):
    cohort, teacher, amina, ahmad = classroom
    return cohort, main_room(cohort), teacher, amina, ahmad


def post(room, author, count):
    for n in range(1, count + 1):
        services.post_message(author, room, f"number {n}", f"n-{n}")


def numbers(page):
    return [message.number for message in page.messages]


def shown_numbers(html):
    return [int(n) for n in re.findall(r'<li class="message[^"]*" id="m(\d+)"', html)]


def test_the_latest_page_is_the_newest_fifty_oldest_first(chat):
    _cohort, room, _teacher, _amina, ahmad = chat
    post(room, ahmad, 120)
    latest = history.page_messages(room)
    assert numbers(latest) == list(range(71, 121))
    assert latest.older_than == 71


def test_older_pages_go_back_to_the_first_message(chat):
    _cohort, room, _teacher, _amina, ahmad = chat
    post(room, ahmad, 120)
    before_71 = history.page_messages(room, history.Position(before=71))
    assert numbers(before_71) == list(range(21, 71))
    assert before_71.older_than == 21
    first = history.page_messages(room, history.Position(before=21))
    assert numbers(first) == list(range(1, 21))
    assert first.older_than is None
    assert history.page_messages(room, history.Position(before=1)).messages == []


def test_a_short_room_has_nothing_older(chat):
    _cohort, room, _teacher, _amina, ahmad = chat
    post(room, ahmad, 50)
    latest = history.page_messages(room)
    assert numbers(latest) == list(range(1, 51))
    assert latest.older_than is None


def test_removed_messages_do_not_count_in_a_page(chat):
    _cohort, room, teacher, _amina, ahmad = chat
    post(room, ahmad, 52)
    for message in room.messages.filter(number__in=[51, 52]):
        services.delete_message(teacher, message, _cohort)
    latest = history.page_messages(room)
    assert numbers(latest) == list(range(1, 51))
    assert latest.older_than is None


@pytest.mark.parametrize(
    "query", [{"before": "yesterday"}, {"before": "-3"}, {"before": ""}, {"before": "9" * 30}]
)
def test_a_position_that_is_not_a_whole_number_is_refused(query):
    with pytest.raises(ProtocolError):
        history.position_from(query)


def test_before_and_after_together_are_refused():
    with pytest.raises(ProtocolError):
        history.position_from({"before": "5", "after": "2"})


def test_the_page_shows_the_newest_with_a_link_to_older_ones(chat, login):
    cohort, room, _teacher, amina, ahmad = chat
    post(room, ahmad, 60)
    client = login(amina)
    html = client.get(f"/classes/{cohort.pk}/chat/").content.decode()
    assert shown_numbers(html) == list(range(11, 61))
    assert 'href="?before=11#latest"' in html
    assert "Load older messages" in html
    older = client.get(f"/classes/{cohort.pk}/chat/?before=11").content.decode()
    assert shown_numbers(older) == list(range(1, 11))
    assert "Load older messages" not in older
    assert f'href="/classes/{cohort.pk}/chat/#latest">Latest messages' in older


def test_without_javascript_latest_lands_between_the_newest_message_and_the_form(chat, login):
    cohort, room, _teacher, amina, ahmad = chat
    post(room, ahmad, 3)
    client = login(amina)
    html = client.get(f"/classes/{cohort.pk}/chat/").content.decode()
    assert html.index('id="m3"') < html.index('id="latest"') < html.index('id="chat-form"')
    sent = client.post(f"/classes/{cohort.pk}/chat/", {"text": "Hi", "client_id": "form-1"})
    assert sent["Location"] == f"/classes/{cohort.pk}/chat/#latest"


@pytest.mark.parametrize("query", ["?before=yesterday", "?before=", "?before=1&after=1"])
def test_a_broken_older_link_is_a_400_that_says_so_and_shows_the_latest(chat, login, query):
    cohort, room, _teacher, amina, ahmad = chat
    post(room, ahmad, 2)
    response = login(amina).get(f"/classes/{cohort.pk}/chat/{query}")
    assert response.status_code == 400
    html = response.content.decode()
    assert "That link is broken: showing the latest messages." in html
    assert shown_numbers(html) == [1, 2]


def test_people_outside_the_class_cannot_page_back_through_it(chat, login, make_user):
    cohort, room, _teacher, _amina, ahmad = chat
    post(room, ahmad, 2)
    outsider = login(make_user(Role.STUDENT))
    assert outsider.get(f"/classes/{cohort.pk}/chat/?before=2").status_code == 404
