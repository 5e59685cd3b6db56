"""English lessons stay English inside a right-to-left interface: a student
reading in Arabic sees the reading passage, vocabulary and flashcards laid out
left to right (punctuation where English puts it), while Harbor's own words
around them stay right to left."""

import pytest

from tests.conftest import PASSWORD
from tests.packets.flashcards.conftest import new_level, new_packet, vocabulary, word

pytestmark = pytest.mark.django_db(transaction=True)

READING = (
    "reading",
    {"title": "At the shop", "text": "<p>The price is $3.49.</p>", "glossary": []},
)


@pytest.fixture
def packet(transactional_db):
    return new_packet(
        new_level(),
        READING,
        vocabulary(word("receipt", "paper that shows what you paid.", ar="إيصال")),
        title="Shopping",
    )


@pytest.fixture
def arabic_reader(student):
    student.preferred_language = "ar"
    student.save(update_fields=["preferred_language"])
    return student


def direction(page, selector):
    return page.locator(selector).first.evaluate("e => getComputedStyle(e).direction")


def test_english_content_is_left_to_right_inside_the_arabic_interface(
    sign_in, arabic_reader, packet
):
    page = sign_in(arabic_reader, PASSWORD)
    page.goto(packet.url)
    assert page.evaluate("document.documentElement.dir") == "rtl"
    assert direction(page, "text=The price is $3.49.") == "ltr"
    assert direction(page, "text=paper that shows what you paid.") == "ltr"
    assert direction(page, "h1") == "ltr"
    assert direction(page, ".translation") == "rtl"  # the Arabic meaning
    assert direction(page, "header") == "rtl"  # Harbor's own menu

    page.goto(f"{packet.url}flashcards/")
    assert direction(page, ".flashcard-term") == "ltr"
