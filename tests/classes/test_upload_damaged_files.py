"""Damaged uploads (cut short, bytes flipped) get a clear refusal, never a server error."""

import io
import random

import pytest

from classes.uploads.audio import check_audio
from classes.uploads.errors import UploadRejected
from classes.uploads.images import process_photo
from tests.classes import corpus

PICTURE = corpus.marked_picture((120, 80))
PHOTOS = {
    "jpeg": corpus.phone_jpeg((120, 80)),
    "png": corpus.encoded(PICTURE, "PNG"),
    "webp": corpus.encoded(PICTURE, "WEBP"),
    "heic": corpus.heic(PICTURE, exif=corpus.gps_exif(6)),
}
RECORDINGS = {
    "wav": corpus.wav(0.5),
    "ogg": corpus.ogg_opus(3),
    "vorbis": corpus.ogg_vorbis(2),
    "m4a": corpus.m4a(3),
    "mp3": corpus.mp3(12, xing_frames=40),
    "webm": corpus.webm_with_duration(3),
    "webm-live": corpus.webm_live(5),
}


def damaged_copies(content, *, seed, flips_within):
    """Deterministic damage: cut at 40 places, and 40 copies with 3 bytes changed."""
    rng = random.Random(seed)
    for cut in sorted(rng.sample(range(1, len(content)), 40)):
        yield content[:cut]
    for _ in range(40):
        damaged = bytearray(content)
        for _ in range(3):
            damaged[rng.randrange(min(flips_within, len(content)))] = rng.randrange(256)
        yield bytes(damaged)


def accepted_or_refused_clearly(check, content):
    try:
        check(io.BytesIO(content))
    except UploadRejected as refusal:
        assert refusal.messages[0]


@pytest.mark.filterwarnings("ignore::UserWarning")  # Pillow's notes on broken EXIF
@pytest.mark.parametrize("kind", PHOTOS)
def test_damaged_photo_is_refused_with_a_message_or_still_accepted(kind):
    for content in damaged_copies(PHOTOS[kind], seed=kind, flips_within=len(PHOTOS[kind])):
        accepted_or_refused_clearly(process_photo, content)


@pytest.mark.parametrize("kind", RECORDINGS)
def test_damaged_recording_is_refused_with_a_message_or_still_accepted(kind):
    # Headers are where parsing can go wrong: damage the first 200 bytes.
    for content in damaged_copies(RECORDINGS[kind], seed=kind, flips_within=200):
        accepted_or_refused_clearly(check_audio, content)
