import pytest
from django.contrib.auth import get_user_model
from wagtail.documents.models import Document
from wagtail.images.models import Image

from packets.demo_word_pictures import WORD_PICTURES
from packets.levels import AssignmentKind
from packets.models import AssignmentPage, LevelPage, PacketPage
from packets.permissions import level_collection

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(loaded_demo, db):
    """The demo, loaded twice once for this module (tests/conftest.py)."""


def test_every_level_has_two_packets_with_words_a_reading_and_a_picture(demo):
    assert LevelPage.objects.count() == 6
    for level in LevelPage.objects.all():
        packets = PacketPage.objects.child_of(level)
        assert packets.count() >= 2, level.slug
        for packet in packets:
            blocks = {block.block_type: block.value for block in packet.body}
            assert 8 <= len(blocks["vocabulary"]["items"]) <= 15, packet.slug
            assert "reading" in blocks and "image" in blocks
            assert blocks["image"]["image"].collection == level_collection(level)


def test_every_assignment_kind_appears_with_a_due_date(demo):
    assignments = AssignmentPage.objects.live()
    assert {a.kind for a in assignments} == set(AssignmentKind.values)
    assert all(a.due_date for a in assignments)
    quiz = assignments.filter(kind=AssignmentKind.QUIZ).first()
    assert {q.block_type for q in quiz.questions} == {"multiple_choice", "fill_in"}


def test_demo_pictures_are_drawn_once(demo):
    # One per packet and one per Level 1 word (packets/demo_word_pictures.py); the
    # guides' screenshots are home's (tests/home/test_demo_guides.py).
    pictures = Image.objects.exclude(title__startswith="Guide: ")
    assert pictures.count() == PacketPage.objects.count() + len(WORD_PICTURES)


def test_demo_teachers_edit_their_own_levels(demo, client):
    teacher1 = get_user_model().objects.get(username="teacher1")
    level_1_packet = PacketPage.objects.get(slug="greetings-and-introductions")
    level_6_packet = PacketPage.objects.get(slug="idioms-at-work")
    client.force_login(teacher1)
    assert client.get(f"/admin/pages/{level_1_packet.pk}/edit/").status_code == 200
    assert client.get(f"/admin/pages/{level_6_packet.pk}/edit/").status_code == 302


def test_demo_worksheets_show_their_real_size(demo):
    worksheets = Document.objects.all()
    assert worksheets
    for worksheet in worksheets:
        assert worksheet.file_size == worksheet.file.size > 0
        assert worksheet.file_hash
