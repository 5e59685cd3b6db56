"""/voice/<key>.mp3 answers the audio when it is ready, 404 for anything else."""

import pytest

from packets.models import SpokenText
from packets.voice.services import request_voices, speak_now

pytestmark = pytest.mark.django_db


def test_a_spoken_text_is_served_as_audio_that_any_cache_may_keep(voice_on, client):
    speak_now(["bus"])
    spoken = SpokenText.objects.get()
    response = client.get(spoken.url)
    assert response.status_code == 200
    assert response["Content-Type"] == "audio/mpeg"
    assert "public" in response["Cache-Control"]
    assert int(response["Content-Length"]) == spoken.size


def test_a_spoken_text_answers_a_byte_range_as_safari_asks(voice_on, client):
    speak_now(["bus"])
    spoken = SpokenText.objects.get()
    whole = b"".join(client.get(spoken.url).streaming_content)
    assert client.get(spoken.url)["Accept-Ranges"] == "bytes"
    response = client.get(spoken.url, HTTP_RANGE="bytes=0-1")
    assert response.status_code == 206
    assert response["Content-Range"] == f"bytes 0-1/{spoken.size}"
    assert b"".join(response.streaming_content) == whole[:2]
    assert client.get(spoken.url, HTTP_RANGE=f"bytes={spoken.size}-").status_code == 416


@pytest.mark.parametrize(
    "name",
    [
        "nothex.mp3",
        "0" * 32 + ".mp3",  # a key, but no such text
        "0" * 32,
        "0" * 33 + ".mp3",
        "../../settings.py",
        "%00.mp3",
        "A" * 32 + ".mp3",
    ],
)
def test_a_bad_or_unknown_key_is_not_found(voice_on, client, name):
    assert client.get(f"/voice/{name}").status_code == 404


def test_audio_still_waiting_for_the_worker_is_not_found(voice_on, client):
    (key,) = request_voices(["bus"])
    assert client.get(f"/voice/{key}.mp3").status_code == 404


def test_the_wrong_extension_is_not_found(voice_on, client):
    speak_now(["bus"])
    spoken = SpokenText.objects.get()
    assert client.get(f"/voice/{spoken.key}.ogg").status_code == 404


def test_only_reading_is_allowed(voice_on, client):
    speak_now(["bus"])
    assert client.post(SpokenText.objects.get().url).status_code == 405


def test_a_text_longer_than_a_row_holds_is_left_silent(voice_on):
    assert request_voices(["x" * 301, "bus"]) == list(
        SpokenText.objects.values_list("key", flat=True)
    )
    assert list(SpokenText.objects.values_list("text", flat=True)) == ["bus"]


def test_content_published_before_the_voice_gets_one_from_the_command(
    settings, make_packet, run_worker
):
    from django.core.management import call_command

    from tests.packets.voice.conftest import ESPEAK, vocabulary_of

    make_packet(body=[vocabulary_of(("bus", "", None))])  # the voice is off
    assert not SpokenText.objects.exists()
    settings.HARBOR_VOICE = ESPEAK
    call_command("speak_vocabulary", stdout=None)
    run_worker()
    assert list(SpokenText.objects.ready().values_list("text", flat=True)) == ["bus"]
