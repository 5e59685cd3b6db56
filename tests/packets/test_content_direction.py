"""Teacher-written English is marked as English, left to right, in every
interface language; Harbor's own words inside it keep the reader's."""

import re

import pytest
from django.utils import translation

from tests.packets.conftest import vocabulary_block


@pytest.fixture
def arabic(login, student):
    student.preferred_language = "ar"
    student.save(update_fields=["preferred_language"])
    return login(student)


def test_a_packet_s_content_is_english_left_to_right_in_arabic(arabic, make_packet):
    packet = make_packet(body=[vocabulary_block(2)])
    html = arabic.get(packet.url).content.decode()
    assert '<html lang="ar" dir="rtl"' in html
    assert '<div class="content" lang="en" dir="ltr">' in html
    assert re.search(r'<h1 lang="en" dir="ltr">', html)
    with translation.override("ar"):
        vocabulary = translation.gettext("Vocabulary")
    assert f'<h2 lang="ar" dir="rtl">{vocabulary}</h2>' in html
