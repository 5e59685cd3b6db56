"""A student on a phone hears a packet's words: the generated voice's player is
on the page, its file is served as audio, and Chromium can play it."""

import pytest

from packets.voice.services import speak_now
from tests.packets.flashcards.conftest import new_level, new_packet, vocabulary, word

# The live server needs committed data (see tests/conftest.py on transactional tests).
pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def packet(transactional_db, settings):
    settings.HARBOR_VOICE = "packets.voice.espeak.EspeakVoice"
    packet = new_packet(
        new_level(),
        vocabulary(
            word("doctor", "a person who treats sick people", "The doctor is kind."),
            word("nurse", "a person who cares for patients"),
        ),
    )
    packet.save_revision().publish()  # asks the worker for the voices…
    speak_now(["doctor", "The doctor is kind.", "nurse"])  # …which it gives
    return packet


def test_a_student_reads_a_words_voice_on_the_packet_page_and_it_plays(phone, packet):
    phone.goto(packet.url)
    doctor = phone.locator(".word", has=phone.get_by_text("doctor", exact=True))
    player = doctor.locator("audio.voice").first
    assert player.get_attribute("preload") == "none"
    assert player.get_attribute("controls") is not None  # plays without JavaScript
    source = player.get_attribute("src")
    response = phone.request.get(source)
    assert response.status == 200
    assert response.headers["content-type"] == "audio/mpeg"
    assert len(response.body()) > 500
    seconds = player.evaluate(
        """audio => new Promise((resolve, reject) => {
            audio.addEventListener("loadedmetadata", () => resolve(audio.duration));
            audio.addEventListener("error", () => reject(new Error("cannot play")));
            audio.load();
        })"""
    )
    assert 0.2 < seconds < 5
    assert phone.evaluate("document.documentElement.scrollWidth") <= 360


def test_tapping_a_word_plays_its_voice_and_not_the_examples(phone, packet):
    phone.goto(packet.url)
    doctor = phone.locator(".word", has=phone.get_by_text("doctor", exact=True))
    players = doctor.locator("audio")
    assert players.count() == 2  # the word's, then the example's
    phone.evaluate(
        """() => { window.played = [];
            document.querySelectorAll("audio").forEach(audio =>
                audio.addEventListener("play", () => window.played.push(audio.src))); }"""
    )
    phone.get_by_text("doctor", exact=True).tap()
    played = phone.evaluate(
        """() => new Promise(resolve => {
            const start = Date.now();
            const look = () => window.played.length || Date.now() - start > 5000
                ? resolve(window.played) : setTimeout(look, 50);
            look();
        })"""
    )
    assert played == [players.first.evaluate("a => a.src")]
