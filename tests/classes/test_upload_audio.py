"""Voice recordings: recognised from their bytes, refused when too long or not audio."""

import pytest
from django.test import override_settings

from classes.uploads.audio import FALLBACK_BYTES_PER_SECOND, check_audio
from classes.uploads.errors import UploadRejected
from tests.classes import corpus


def checked(content, name="recording"):
    return check_audio(corpus.upload(content, name, "audio/webm"))


def rejection(content, name="recording.webm"):
    with pytest.raises(UploadRejected) as rejected:
        checked(content, name)
    return rejected.value


RECORDINGS = {
    "wav": (corpus.wav(3), "audio/wav", ".wav", 3.0),
    "float wav": (corpus.float_wav(2.5), "audio/wav", ".wav", 2.5),
    "ogg opus": (corpus.ogg_opus(12.5), "audio/ogg", ".ogg", 12.5),
    "ogg vorbis": (corpus.ogg_vorbis(7), "audio/ogg", ".ogg", 7.0),
    "m4a": (corpus.m4a(42), "audio/mp4", ".m4a", 42.0),
    "mp3": (corpus.mp3(100), "audio/mpeg", ".mp3", 100 * 417 * 8 / 128_000),
    "mp3 with xing": (corpus.mp3(3, xing_frames=200), "audio/mpeg", ".mp3", 200 * 1152 / 44100),
    "mp3 without id3": (corpus.mp3(10, id3=False), "audio/mpeg", ".mp3", 10 * 417 * 8 / 128_000),
    "webm with duration": (corpus.webm_with_duration(61), "audio/webm", ".webm", 61.0),
    "webm from a browser": (corpus.webm_live(95), "audio/webm", ".webm", 95.0),
}


@pytest.mark.parametrize("kind", RECORDINGS)
def test_each_audio_type_is_recognised_with_its_length(kind):
    content, mime_type, extension, seconds = RECORDINGS[kind]

    info = checked(content, "answer.bin")

    assert (info.mime_type, info.extension) == (mime_type, extension)
    assert info.duration_seconds == pytest.approx(seconds, abs=0.01)


def test_claimed_name_and_content_type_are_ignored():
    info = check_audio(corpus.upload(corpus.wav(1), "answer.mp3", "audio/mpeg"))

    assert (info.mime_type, info.extension) == ("audio/wav", ".wav")


@pytest.mark.parametrize(
    "content",
    [
        b"Hello teacher, here is my homework. " * 20,
        b"<!DOCTYPE html><html><script>alert(1)</script></html>",
        corpus.webm_with_duration(10, doc_type=b"matroska"),
        corpus.m4a(10, brand=b"heic"),
        b"\xff\xfb\x90\x00" + b"\x00" * 100 + b"not another frame" * 30,
    ],
    ids=["text", "html", "matroska", "heic-image", "one-fake-mp3-frame"],
)
def test_text_or_other_files_named_webm_are_refused(content):
    refused = rejection(content, "answer.webm")

    assert refused.code == "wrong_type"
    assert "WebM, Ogg, M4A, MP3 or WAV" in refused.messages[0]


def test_wav_longer_than_the_limit_is_refused_with_both_lengths():
    with override_settings(HARBOR_UPLOAD_MAX_AUDIO_SECONDS=60):
        refused = rejection(corpus.wav(61.5), "answer.wav")

    assert refused.code == "too_long"
    assert "(1:01)" in refused.messages[0] and "1:00" in refused.messages[0]


def test_default_limit_accepts_five_minutes_and_refuses_more():
    assert checked(corpus.wav(299)).duration_seconds == pytest.approx(299)
    assert rejection(corpus.wav(301)).code == "too_long"


@pytest.mark.parametrize(
    "recording",
    [
        corpus.ogg_opus(400),
        corpus.m4a(400),
        corpus.webm_with_duration(400),
        corpus.webm_live(400),
        corpus.mp3(3, xing_frames=20_000),
    ],
    ids=["ogg", "m4a", "webm", "webm-live", "mp3-vbr"],
)
def test_long_recordings_of_every_type_are_refused(recording):
    assert rejection(recording).code == "too_long"


def test_length_unknown_falls_back_to_a_size_bound():
    max_seconds = 2
    bound = max_seconds * FALLBACK_BYTES_PER_SECOND
    with override_settings(HARBOR_UPLOAD_MAX_AUDIO_SECONDS=max_seconds):
        small = checked(corpus.webm_without_timing(padding=bound // 2))
        refused = rejection(corpus.webm_without_timing(padding=bound))

    assert small.duration_seconds is None and small.mime_type == "audio/webm"
    assert refused.code == "too_long"


def test_oversized_recording_is_refused_before_anything_else():
    with override_settings(HARBOR_UPLOAD_MAX_AUDIO_BYTES=10_000):
        refused = rejection(corpus.wav(2), "answer.wav")

    assert refused.code == "too_large"
    assert "too large" in refused.messages[0]


def test_m4a_without_its_movie_header_is_refused_as_unreadable():
    cut = corpus.m4a(10)[:40]

    assert rejection(cut, "answer.m4a").code == "unreadable"


@pytest.mark.parametrize("seconds", [float("nan"), float("inf"), -5.0])
def test_webm_claiming_an_impossible_length_is_refused_as_unreadable(seconds):
    assert rejection(corpus.webm_with_duration(seconds)).code == "unreadable"


def test_empty_recording_is_refused():
    assert rejection(b"").code == "empty"


# Issue 12, finding 7: "a WAV whose header claims 1 s holding 21 minutes is
# accepted past the 300 s limit". Every format's length comes from its content.
LYING_HEADERS = {
    "wav": corpus.wav_claiming(1, 30),
    "ogg": corpus.ogg_opus_ending_early(30),
    "m4a": corpus.m4a_with_track(1, 30),
    "mp3": corpus.mp3(int(30 * 44100 / 1152), xing_frames=38),
    "webm": corpus.webm_claiming(1, 30),
}


@pytest.mark.parametrize("kind", LYING_HEADERS)
@override_settings(HARBOR_UPLOAD_MAX_AUDIO_SECONDS=20)
def test_a_header_claiming_one_second_does_not_hide_a_long_recording(kind):
    refused = rejection(LYING_HEADERS[kind], f"answer.{kind}")
    assert refused.code == "too_long"
