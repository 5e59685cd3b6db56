"""The demo: every vocabulary word and example has a voice as soon as it is
loaded, and a beginner's (Level 1) deck has a picture and a voice on every card."""

import re

import pytest
from django.core.management import call_command

from packets.models import AssignmentPage, LevelPage, PacketPage, SpokenText
from packets.voice.texts import page_voices
from tests.packets.flashcards.test_flashcard_export_anki import open_apkg

pytestmark = pytest.mark.django_db

SOUND = re.compile(r"\[sound:([^\]]+)\]")
PICTURE = re.compile(r'<img src="([^"]+)">')


def test_the_demo_gives_every_word_a_voice_and_level_1_pictures(voice_on, login, student, tmp_path):
    call_command("demo", stdout=None)
    assert SpokenText.objects.count() > 150
    assert not SpokenText.objects.exclude(state=SpokenText.State.READY).exists()
    for page in PacketPage.objects.live():
        assert not page_voices(page.body).waiting
    for page in AssignmentPage.objects.live():
        assert not page_voices(page.instructions).waiting

    level_1 = LevelPage.objects.get(slug="level-1")
    client = login(student)
    greetings = PacketPage.objects.get(slug="greetings-and-introductions")
    page = client.get(greetings.url, HTTP_HOST="localhost").content.decode()
    words = re.findall(r'<div class="word">(.*?)</div>', page, re.S)
    assert len(words) == 8 and all("<img" in w and 'class="voice"' in w for w in words)
    response = client.get(f"{level_1.url}flashcards.apkg")
    apkg = open_apkg(b"".join(response.streaming_content), tmp_path)
    assert len(apkg["notes"]) == 16
    for note in apkg["notes"]:
        term, _meaning, example, _translation, picture, audio = note["fields"]
        (sound,) = SOUND.findall(audio)
        assert sound.startswith("harbor-voice-") and len(apkg["files"][sound]) > 500, term
        assert SOUND.search(example), term
        (image,) = PICTURE.findall(picture)
        assert apkg["files"][image][:4] == b"RIFF", term  # a WebP picture
