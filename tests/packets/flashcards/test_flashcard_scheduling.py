from datetime import UTC, datetime, timedelta

import pytest
from fsrs import Rating

from packets.flashcards.deck import packet_deck
from packets.flashcards.progress import due_today_count, practice_queue
from packets.flashcards.scheduling import grade_card
from packets.models import FlashcardProgress
from tests.packets.flashcards.conftest import vocabulary, word

pytestmark = pytest.mark.django_db

MONDAY_MORNING = datetime(2026, 3, 2, 14, 0, tzinfo=UTC)  # 09:00 in New York


@pytest.fixture
def doctor(clinic_packet):
    return packet_deck(clinic_packet).cards[0]


def test_good_pushes_the_due_date_out_to_another_day(student, doctor):
    progress = grade_card(student, doctor, Rating.Good, MONDAY_MORNING)
    assert progress.due >= MONDAY_MORNING + timedelta(days=1)
    assert due_today_count(student, MONDAY_MORNING) == 0


def test_again_brings_the_card_back_today(student, doctor):
    grade_card(student, doctor, Rating.Good, MONDAY_MORNING)
    two_days_later = MONDAY_MORNING + timedelta(days=2)
    progress = grade_card(student, doctor, Rating.Again, two_days_later)
    assert two_days_later < progress.due < two_days_later + timedelta(hours=1)
    assert progress.lapses == 1 and progress.reviews == 2
    assert due_today_count(student, two_days_later) == 1


def test_two_students_schedules_are_independent(make_user, doctor):
    amina, omar = make_user(), make_user()
    grade_card(amina, doctor, Rating.Easy, MONDAY_MORNING)
    grade_card(omar, doctor, Rating.Again, MONDAY_MORNING)
    amina_due = FlashcardProgress.objects.get(student=amina).due
    omar_due = FlashcardProgress.objects.get(student=omar).due
    assert amina_due > MONDAY_MORNING + timedelta(days=3)
    assert omar_due < MONDAY_MORNING + timedelta(hours=1)
    assert due_today_count(amina, MONDAY_MORNING) == 0
    assert due_today_count(omar, MONDAY_MORNING) == 1


def test_a_reviewed_card_waits_while_new_cards_come_first(student, clinic_packet, doctor):
    grade_card(student, doctor, Rating.Good, MONDAY_MORNING)
    queue = practice_queue(student, packet_deck(clinic_packet), MONDAY_MORNING)
    assert [card.term for card in queue.new] == ["nurse", "appointment"]
    assert queue.next_card.term == "nurse"
    assert queue.later[0][0] == doctor


def test_progress_survives_an_edit_of_the_word(student, clinic_packet, doctor):
    grade_card(student, doctor, Rating.Good, MONDAY_MORNING)
    clinic_packet.body[0].value["items"][0]["meaning"] = "someone who treats the sick"
    clinic_packet.save_revision().publish()
    queue = practice_queue(student, packet_deck(clinic_packet), MONDAY_MORNING)
    assert [card.term for card, _due in queue.later] == ["doctor"]
    assert "doctor" not in [card.term for card in queue.new]


def test_a_student_starts_at_most_twenty_new_words_a_day(student, make_packet):
    packet = make_packet(vocabulary(*[word(f"word {n}", f"meaning {n}") for n in range(23)]))
    deck = packet_deck(packet)
    for card in deck.cards[:20]:
        grade_card(student, card, Rating.Good, MONDAY_MORNING)
    today = practice_queue(student, deck, MONDAY_MORNING + timedelta(minutes=5))
    assert today.next_card is None and today.waiting == 3
    tomorrow = practice_queue(student, deck, MONDAY_MORNING + timedelta(days=1))
    assert [card.term for card in tomorrow.new] == ["word 20", "word 21", "word 22"]
