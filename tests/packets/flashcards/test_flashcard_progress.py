import copy
from datetime import UTC, datetime, timedelta

import pytest
from django.template.loader import render_to_string
from fsrs import Rating

from packets.flashcards.deck import packet_deck
from packets.flashcards.progress import (
    hardest_words,
    practice_rows,
    practice_summary,
    start_of_week,
)
from packets.flashcards.scheduling import grade_card
from tests.packets.flashcards.conftest import vocabulary, word

pytestmark = pytest.mark.django_db

WEDNESDAY = datetime(2026, 3, 4, 15, 0, tzinfo=UTC)  # 10:00 in New York


def grade(student, packet, term, rating, when):
    card = next(c for c in packet_deck(packet).cards if c.term == term)
    return grade_card(student, card, rating, when)


def test_the_week_starts_on_monday_in_the_programs_time_zone():
    assert start_of_week(WEDNESDAY) == datetime(2026, 3, 2, 5, 0, tzinfo=UTC)


def test_summary_counts_cards_practised_this_week_and_due_per_student(
    make_user, level, clinic_packet
):
    amina, omar, idle = make_user(), make_user(), make_user()
    last_week = WEDNESDAY - timedelta(days=7)
    grade(amina, clinic_packet, "doctor", Rating.Good, last_week)  # due again last Friday
    grade(amina, clinic_packet, "nurse", Rating.Good, WEDNESDAY)
    grade(omar, clinic_packet, "doctor", Rating.Again, WEDNESDAY)
    grade(omar, clinic_packet, "nurse", Rating.Again, WEDNESDAY)
    summary = practice_summary(
        [amina.pk, omar.pk, idle.pk], level, start_of_week(WEDNESDAY), WEDNESDAY
    )
    assert (summary[amina.pk].practised, summary[amina.pk].due) == (1, 1)
    assert (summary[omar.pk].practised, summary[omar.pk].due) == (2, 2)
    assert (summary[idle.pk].practised, summary[idle.pk].due) == (0, 0)


def test_summary_counts_only_the_levels_packets(make_user, level, clinic_packet, make_packet):
    from packets.levels import CEFRBand, NRSLevel
    from tests.factories import add_level

    other_level = add_level("other", "Other", NRSLevel.ADVANCED, cefr_band=CEFRBand.B2)
    elsewhere = make_packet(vocabulary(word("idiom", "a saying")), parent=other_level)
    amina = make_user()
    grade(amina, elsewhere, "idiom", Rating.Again, WEDNESDAY)
    summary = practice_summary([amina.pk], level, start_of_week(WEDNESDAY), WEDNESDAY)
    assert summary[amina.pk].practised == 0


def test_summary_costs_one_query_for_a_whole_class(
    make_user, level, clinic_packet, django_assert_num_queries
):
    students = [make_user() for _ in range(5)]
    for student in students:
        grade(student, clinic_packet, "doctor", Rating.Good, WEDNESDAY)
    with django_assert_num_queries(1):
        practice_rows(students, level, start_of_week(WEDNESDAY), WEDNESDAY)


def test_hardest_words_are_the_ones_the_class_forgets_most(make_user, clinic_packet):
    amina, omar = make_user(), make_user()
    for student in (amina, omar):
        grade(student, clinic_packet, "appointment", Rating.Again, WEDNESDAY)
    grade(omar, clinic_packet, "nurse", Rating.Again, WEDNESDAY)
    grade(amina, clinic_packet, "doctor", Rating.Easy, WEDNESDAY)
    words = hardest_words([amina.pk, omar.pk], clinic_packet, limit=5)
    assert [(w.card.term, w.forgotten, w.students) for w in words] == [
        ("appointment", 2, 2),
        ("nurse", 1, 1),
    ]
    assert [w.card.term for w in hardest_words([amina.pk], clinic_packet, limit=1)] == [
        "appointment"
    ]


def test_a_word_deleted_from_the_packet_leaves_the_hardest_list(make_user, clinic_packet):
    amina = make_user()
    grade(amina, clinic_packet, "nurse", Rating.Again, WEDNESDAY)
    raw = copy.deepcopy(list(clinic_packet.body.raw_data))
    del raw[0]["value"]["items"][1]
    clinic_packet.body = raw
    clinic_packet.save_revision().publish()
    assert [card.term for card in packet_deck(clinic_packet).cards] == ["doctor", "appointment"]
    assert hardest_words([amina.pk], clinic_packet) == []


def test_the_class_progress_include_shows_students_and_hard_words(make_user, level, clinic_packet):
    amina = make_user(display_name="Amina Yusuf")
    grade(amina, clinic_packet, "nurse", Rating.Again, WEDNESDAY)
    html = render_to_string(
        "packets/flashcards/class_progress.html",
        {
            "practice_rows": practice_rows([amina], level, start_of_week(WEDNESDAY), WEDNESDAY),
            "hard_words": [(clinic_packet, hardest_words([amina.pk], clinic_packet))],
        },
    )
    assert "<td><bdi>Amina Yusuf</bdi></td><td>1</td><td>1</td>" in html
    assert "Hardest words in At the clinic" in html
    assert "nurse</span> · forgotten 1 time" in html
