import copy

import pytest
from django.utils import timezone
from fsrs import Rating
from wagtail.images import get_image_model

from packets.flashcards.deck import IMAGE_RENDITION, packet_deck
from packets.flashcards.progress import due_today_count
from packets.flashcards.scheduling import grade_card
from tests.packets.flashcards.conftest import vocabulary, word

pytestmark = pytest.mark.django_db


def forget_every_card(student, packet):
    for card in packet_deck(packet).cards:
        grade_card(student, card, Rating.Again, timezone.now())


def without_word(packet, index):
    raw = copy.deepcopy(list(packet.body.raw_data))
    del raw[0]["value"]["items"][index]
    packet.body = raw
    return packet


def test_a_word_removed_from_a_packet_is_no_longer_due(student, clinic_packet):
    forget_every_card(student, clinic_packet)
    first_revision = clinic_packet.save_revision()
    first_revision.publish()
    without_word(clinic_packet, 1).save_revision().publish()
    assert due_today_count(student, timezone.now()) == 2
    first_revision.publish()  # the teacher reverts: the word and its progress come back
    assert due_today_count(student, timezone.now()) == 3


def test_a_word_removed_from_an_assignment_is_no_longer_due(student, make_packet, make_assignment):
    packet = make_packet(vocabulary(word("rent", "money for a home")))
    assignment = make_assignment(packet, vocabulary(word("lease", "a rent contract")))
    forget_every_card(student, packet)
    assignment.instructions = []
    assignment.save_revision().publish()
    assert due_today_count(student, timezone.now()) == 1


def test_publishing_a_packet_makes_its_card_pictures(
    make_packet, make_image, django_capture_on_commit_callbacks
):
    picture = make_image()
    packet = make_packet(vocabulary(word("bus", "a big car", image=picture)))
    renditions = get_image_model().get_rendition_model().objects.filter(image=picture)
    assert not renditions.exists()
    with django_capture_on_commit_callbacks(execute=True):
        packet.save_revision().publish()
    assert renditions.filter(filter_spec=IMAGE_RENDITION).count() == 1
