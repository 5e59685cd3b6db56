"""Generated voices go with the words into practice and into the Anki deck."""

import re

import pytest

from tests.packets.flashcards.test_flashcard_export_anki import open_apkg
from tests.packets.voice.conftest import vocabulary_of

pytestmark = pytest.mark.django_db

SOUND = re.compile(r"\[sound:([^\]]+)\]")


def apkg_of(client, page, tmp_path):
    response = client.get(f"{page.url}flashcards.apkg")
    assert response.status_code == 200
    return open_apkg(b"".join(response.streaming_content), tmp_path)


def test_a_levels_anki_deck_has_a_voice_for_every_note(
    voice_on, levels, make_packet, run_worker, login, student, tmp_path
):
    make_packet(slug="bus", body=[vocabulary_of(("bus", "The bus is late.", None))])
    make_packet(slug="more", body=[vocabulary_of(("train", "", None), ("bus", "", None))])
    run_worker()
    apkg = apkg_of(login(student), levels["level-1"], tmp_path)
    assert [note["fields"][0] for note in apkg["notes"]] == ["bus", "train", "bus"]
    for note in apkg["notes"]:
        (word_sound,) = SOUND.findall(note["fields"][5])
        assert word_sound.startswith("harbor-voice-") and word_sound.endswith(".mp3")
        assert len(apkg["files"][word_sound]) > 500
    # The example's voice plays on the back, with the example.
    (example_sound,) = SOUND.findall(apkg["notes"][0]["fields"][2])
    assert apkg["notes"][0]["fields"][2].startswith("The bus is late.")
    assert example_sound in apkg["files"]
    # "bus" is one file, however many notes say it.
    assert len(apkg["files"]) == 3


def test_the_teachers_recording_wins_in_the_anki_deck(
    voice_on, make_packet, run_worker, recording, login, student, tmp_path
):
    packet = make_packet(body=[vocabulary_of(("hello", "", recording), ("bye", "", None))])
    run_worker()
    hello, bye = apkg_of(login(student), packet, tmp_path)["notes"]
    assert SOUND.fullmatch(hello["fields"][5]).group(1).startswith("harbor-audio-")
    assert SOUND.fullmatch(bye["fields"][5]).group(1).startswith("harbor-voice-")


def test_practice_plays_the_words_voice_without_javascript(
    voice_on, make_packet, run_worker, login, student
):
    packet = make_packet(body=[vocabulary_of(("bus", "The bus is late.", None))])
    run_worker()
    client = login(student)
    page = client.get(f"{packet.url}flashcards/").content.decode()
    sources = re.findall(r'<audio class="voice" controls preload="none" src="([^"]+)"', page)
    assert len(sources) == 2  # the word, and the example on the back
    assert all(client.get(url).status_code == 200 for url in sources)


def test_a_word_not_spoken_yet_has_no_player_in_practice(voice_on, make_packet, login, student):
    packet = make_packet(body=[vocabulary_of(("bus", "", None))])
    page = login(student).get(f"{packet.url}flashcards/").content.decode()
    assert "flashcard-term" in page and '<audio class="voice"' not in page
