"""A beginner finds the flashcards by links: from a packet with words, from
its level, and from home when no card is due."""

import pytest

from packets.demo import ensure_levels
from tests.packets.flashcards.conftest import new_packet, vocabulary, word

pytestmark = pytest.mark.django_db


def test_a_packet_with_words_links_to_its_flashcards(login, student, clinic_packet):
    client = login(student)
    page = client.get(clinic_packet.url).content.decode()
    link = f'href="{clinic_packet.url}flashcards/" data-offline-page>'
    assert f"{link}Practise 3 words with flashcards</a>" in page
    assert client.get(f"{clinic_packet.url}flashcards/").status_code == 200


def test_a_packet_without_words_offers_no_flashcards(login, student, make_packet):
    packet = make_packet(("heading", "Listen and repeat"))
    assert "flashcards/" not in login(student).get(packet.url).content.decode()


def test_a_level_links_to_all_of_its_words(login, student, clinic_packet, level):
    client = login(student)
    page = client.get(level.url).content.decode()
    assert f'href="{level.url}flashcards/"' in page
    assert client.get(f"{level.url}flashcards/").status_code == 200


def test_home_with_nothing_due_links_to_this_week_s_flashcards(login, student, make_class):
    make_class(students=[student])
    packet = new_packet(ensure_levels()["level-2"], vocabulary(word("bus", "a big car")))
    packet.save_revision().publish()
    page = login(student).get("/").content.decode()
    assert "No cards are due today." in page
    assert f'href="{packet.url}flashcards/"' in page
