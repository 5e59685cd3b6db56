"""Moderation forms go back to the page they came from, never to another site."""

import pytest

from classes.chat import services
from classes.chat.rooms import main_room

FOREIGN = ["https://evil.example/x", "//evil.example", "///evil.example", "https:evil.example"]


@pytest.fixture
def message(classroom):
    cohort, _teacher, amina, _ahmad = classroom
    posted, _ = services.post_message(amina, main_room(cohort), "hello", "c-1")
    return posted


def actions(cohort, message, student):
    chat = f"/classes/{cohort.pk}/chat/"
    return [
        (f"{chat}messages/{message.pk}/report/", {"reason": "rude"}, "student"),
        (f"{chat}messages/{message.pk}/delete/", {}, "teacher"),
        (f"{chat}mute/", {"student": student.pk, "minutes": 10}, "teacher"),
    ]


@pytest.mark.parametrize("target", FOREIGN)
def test_a_foreign_next_falls_back_to_the_chat(client, classroom, message, target):
    cohort, teacher, amina, ahmad = classroom
    for url, data, who in actions(cohort, message, amina):
        client.force_login(ahmad if who == "student" else teacher)
        response = client.post(url, {**data, "next": target})
        assert response.status_code == 302
        assert response["Location"] == f"/classes/{cohort.pk}/chat/", url


def test_a_next_on_this_site_is_kept(client, classroom, message):
    cohort, teacher, amina, ahmad = classroom
    back = f"/classes/{cohort.pk}/chat/?after=1"
    for url, data, who in actions(cohort, message, amina):
        client.force_login(ahmad if who == "student" else teacher)
        response = client.post(url, {**data, "next": back})
        assert response["Location"] == back, url
