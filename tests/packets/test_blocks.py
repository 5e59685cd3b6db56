"""Each block renders from a realistic value, with no JavaScript and phone-sized media."""

import pytest
from django.utils import translation

from packets import blocks
from tests.packets.conftest import vocabulary_block

pytestmark = pytest.mark.django_db


def render(block, raw):
    return block.render(block.to_python(raw))


def test_heading_and_paragraph():
    assert render(blocks.HeadingBlock(), "At the clinic") == "<h2>At the clinic</h2>\n"
    html = render(blocks.ParagraphBlock(), "<p>Call the <b>clinic</b> before 9.</p>")
    assert "<b>clinic</b>" in html


def test_reading_passage_with_audio_and_glossary(recording):
    raw = {
        "title": "Fatima is sick",
        "text": "<p>Fatima calls the clinic.</p>",
        "audio": recording.pk,
        "glossary": [{"term": "receptionist", "meaning": "the person at the front desk"}],
    }
    html = render(blocks.ReadingPassageBlock(), raw)
    assert "Fatima calls the clinic." in html and "<dt>receptionist</dt>" in html
    assert 'preload="none"' in html and "2.0\xa0KB" in html


def test_image_is_a_webp_srcset_with_size_and_lazy_loading(picture):
    raw = {"image": {"image": picture.pk, "alt_text": "An exit sign", "decorative": False}}
    html = render(blocks.PacketImageBlock(), {**raw, "caption": "Find the exit"})
    assert ".webp 320w" in html and ".webp 720w" in html and ".webp 1080w" not in html
    assert 'width="320"' in html and 'height="213"' in html
    assert 'loading="lazy"' in html and 'alt="An exit sign"' in html
    assert "<figcaption>Find the exit</figcaption>" in html


def test_audio_clip_loads_only_when_played_and_shows_its_size(recording):
    raw = {"title": "Greetings", "audio": recording.pk, "transcript": "Hello. How are you?"}
    html = render(blocks.AudioBlock(), raw)
    assert '<audio controls preload="none"' in html and "2.0\xa0KB" in html
    assert "Hello. How are you?" in html


def test_video_link_never_embeds_and_tells_the_data_cost():
    raw = {"title": "Greetings song", "url": "https://example.org/v/1", "minutes": 4}
    html = render(blocks.VideoLinkBlock(), raw)
    assert "<iframe" not in html and "<video" not in html
    assert 'href="https://example.org/v/1"' in html and "about 20 MB" in html


def test_vocabulary_shows_the_translation_in_the_readers_language_only(picture):
    block = blocks.VocabularyListBlock()
    raw = vocabulary_block(2, picture=picture)["value"]
    raw["items"][0]["translations"].append({"language": "es", "text": "palabra"})
    with translation.override("es"):
        html = render(block, raw)
    assert "word 0" in html and "An example with word 0." in html
    assert "palabra" in html and "كلمة" not in html
    assert ".webp" in html and 'loading="lazy"' in html


def test_worksheet_shows_its_type_and_size_before_download(worksheet):
    raw = {"title": "Alphabet", "document": worksheet.pk, "instructions": "Print it."}
    html = render(blocks.WorksheetBlock(), raw)
    assert "PDF file" in html and "KB" in html and "download" in html


def test_resource_link():
    raw = {"title": "Bus map", "url": "https://example.org/map", "description": "City buses"}
    html = render(blocks.ResourceLinkBlock(), raw)
    assert 'href="https://example.org/map"' in html and "City buses" in html


def test_quiz_questions_render_as_a_disabled_preview():
    choice = blocks.MultipleChoiceQuestionBlock()
    html = render(
        choice,
        {
            "prompt": "Who checks your temperature?",
            "choices": [
                {"text": "the nurse", "correct": True},
                {"text": "the driver", "correct": False},
            ],
        },
    )
    assert '<fieldset class="question" disabled>' in html and "the nurse" in html
    html = render(blocks.FillInQuestionBlock(), {"prompt": "I have a ___.", "answers": "headache"})
    assert "I have a ___." in html and "headache" not in html


def test_student_note():
    html = render(blocks.StudentNoteBlock(), {"language": "es", "text": "Lee las palabras"})
    assert 'lang="es"' in html and "Lee las palabras" in html
