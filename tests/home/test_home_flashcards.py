import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from fsrs import Rating

from packets.flashcards.deck import packet_deck
from packets.flashcards.scheduling import grade_card
from tests.packets.flashcards.conftest import vocabulary, word

pytestmark = pytest.mark.django_db


def forget_every_card(student, packet):
    for card in packet_deck(packet).cards:
        grade_card(student, card, Rating.Again, timezone.now())


def test_a_student_sees_how_many_cards_are_due_today(login, student, clinic_packet):
    forget_every_card(student, clinic_packet)
    page = login(student).get("/").content.decode()
    assert "3 cards are due today." in page
    assert f'href="{clinic_packet.url}flashcards/">At the clinic</a> (3)' in page


def test_a_student_with_nothing_due_is_invited_to_learn_new_words(login, student, db):
    page = login(student).get("/").content.decode()
    assert "No cards are due today." in page


def test_another_students_cards_are_not_counted(login, make_user, student, clinic_packet):
    forget_every_card(make_user(), clinic_packet)
    assert "No cards are due today." in login(student).get("/").content.decode()


def test_teachers_get_no_flashcard_panel(login, teacher, db):
    assert "cards are due today" not in login(teacher).get("/").content.decode()


def test_the_home_page_query_count_does_not_grow_with_due_packets(
    login, student, make_packet, clinic_packet, django_assert_num_queries
):
    forget_every_card(student, clinic_packet)
    client = login(student)
    client.get("/")
    with CaptureQueriesContext(connection) as one_packet:
        client.get("/")
    for number in range(3):
        forget_every_card(student, make_packet(vocabulary(word(f"w{number}", "m"))))
    with django_assert_num_queries(len(one_packet.captured_queries)):
        page = client.get("/").content.decode()
    assert "6 cards are due today." in page
