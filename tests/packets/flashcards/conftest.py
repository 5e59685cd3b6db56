"""Packets with vocabulary, built the way the admin builds them."""

import io
import itertools
import wave

import pytest
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import PageViewRestriction

from tests.factories import add_level, publish_assignment, publish_packet

_numbers = itertools.count(1)


def png_bytes(color=(200, 80, 40), size=(800, 600)):
    buffer = io.BytesIO()
    PILImage.new("RGB", size, color).save(buffer, "PNG")
    return buffer.getvalue()


def wav_bytes(seconds=0.2):
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as clip:
        clip.setnchannels(1)
        clip.setsampwidth(2)
        clip.setframerate(8000)
        clip.writeframes(b"\x00\x00" * int(8000 * seconds))
    return buffer.getvalue()


@pytest.fixture
def make_image(db):
    def make(title="picture"):
        name = f"{title}-{next(_numbers)}.png"
        return get_image_model().objects.create(
            title=title, file=ImageFile(io.BytesIO(png_bytes()), name=name)
        )

    return make


@pytest.fixture
def make_audio(db):
    def make(title="sound"):
        name = f"{title}-{next(_numbers)}.wav"
        return get_document_model().objects.create(
            title=title, file=ContentFile(wav_bytes(), name=name)
        )

    return make


def word(term, meaning, example="", image=None, audio=None, **translations):
    return {
        "term": term,
        "meaning": meaning,
        "example": example,
        "image": image,
        "audio": audio,
        "translations": [{"language": k, "text": v} for k, v in translations.items()],
    }


def vocabulary(*words, title="Words"):
    return ("vocabulary", {"title": title, "items": list(words)})


def new_level():
    number = next(_numbers)
    level = add_level(f"level-{number}", f"Level {number}")
    # Levels are signed-in only by default; these tests set privacy per packet.
    PageViewRestriction.objects.filter(page=level).delete()
    return level


def new_packet(level, *blocks, title=None, private=False):
    """Saved, not published: these tests publish (or not) themselves."""
    number = next(_numbers)
    packet = publish_packet(
        level,
        title or f"Week {number}",
        publish=False,
        slug=f"week-{number}",
        number=number,
        body=list(blocks) or [("heading", "No words this week")],
    )
    if private:
        signed_in_only(packet)
    return packet


@pytest.fixture
def level(db):
    return new_level()


@pytest.fixture
def make_packet(level):
    def make(*blocks, parent=None, title=None, private=False):
        return new_packet(parent or level, *blocks, title=title, private=private)

    return make


@pytest.fixture
def make_assignment():
    def make(packet, *blocks):
        number = next(_numbers)
        return publish_assignment(
            packet,
            title=f"Homework {number}",
            slug=f"homework-{number}",
            due_date=None,
            instructions=list(blocks),
            publish=False,
        )

    return make


def signed_in_only(page):
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)


@pytest.fixture
def clinic_packet(make_packet, make_image, make_audio):
    """A packet with three words: one with a picture and audio, Arabic and Dari meanings."""
    return make_packet(
        vocabulary(
            word(
                "doctor",
                "a person who treats sick people",
                "The doctor is kind.",
                image=make_image("doctor"),
                audio=make_audio("doctor"),
                ar="طبيب",
                prs="داکتر",
            ),
            word("nurse", "a person who cares for patients", ar="ممرضة", prs="نرس"),
            word("appointment", "a time to see the doctor", es="cita"),
        ),
        title="At the clinic",
    )
