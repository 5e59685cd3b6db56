import pytest

from packets.flashcards.deck import level_deck, packet_deck
from packets.flashcards.quizlet import quizlet_text
from tests.packets.flashcards.conftest import vocabulary, word

pytestmark = pytest.mark.django_db


def test_a_packet_deck_includes_its_assignments_words(make_packet, make_assignment):
    packet = make_packet(vocabulary(word("rent", "money for a home")))
    make_assignment(packet, vocabulary(word("lease", "a rent contract")))
    assert [card.term for card in packet_deck(packet).cards] == ["rent", "lease"]


def test_a_level_deck_is_all_of_its_live_packets(level, make_packet):
    make_packet(vocabulary(word("bus", "a big car")))
    draft = make_packet(vocabulary(word("secret", "not yet published")))
    draft.unpublish()
    make_packet(vocabulary(word("train", "cars on rails")))
    assert [card.term for card in level_deck(level).cards] == ["bus", "train"]


def test_a_level_deck_costs_the_same_queries_for_more_packets(
    level, make_packet, make_image, make_audio, django_assert_num_queries
):
    make_packet(vocabulary(word("bus", "a big car", image=make_image(), audio=make_audio())))
    # packets, assignments, images, their renditions, audio documents
    with django_assert_num_queries(5) as few:
        level_deck(level)
    for number in range(5):
        picture, sound = make_image(), make_audio()
        make_packet(vocabulary(word(f"word{number}", "meaning", image=picture, audio=sound)))
    with django_assert_num_queries(len(few.captured_queries)):
        assert len(level_deck(level)) == 6


def test_quizlet_text_is_term_tab_definition_one_card_per_line(make_packet):
    packet = make_packet(
        vocabulary(
            word("bus\tstop", "where the bus\nstops"),
            word("خبز", "bread"),
            word("nurse", "  a person who\r\ncares  "),
        )
    )
    assert quizlet_text(packet_deck(packet)) == (
        "bus stop\twhere the bus stops\nخبز\tbread\nnurse\ta person who cares\n"
    )
