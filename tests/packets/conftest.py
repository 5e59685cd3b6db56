"""Fixtures for packet tests: levels from the demo's own function, packets built
with realistic blocks, images and documents made in memory."""

import pytest
from django.core.files.base import ContentFile
from wagtail.documents.models import Document
from wagtail.images.models import Image

from packets import demo_images
from packets.demo import ensure_levels
from tests.factories import publish_assignment, publish_packet


@pytest.fixture
def levels(db):
    return ensure_levels()


@pytest.fixture
def picture(db):
    content = demo_images.png_bytes(demo_images.sign("EXIT", "green"))
    return Image.objects.create(
        title="Exit sign", file=ContentFile(content, name="exit.png"), file_size=len(content)
    )


@pytest.fixture
def worksheet(db):
    content = demo_images.worksheet_pdf("Alphabet", ["A B C"])
    return Document.objects.create(
        title="Alphabet", file=ContentFile(content, name="alphabet.pdf"), file_size=len(content)
    )


@pytest.fixture
def recording(db):
    content = b"ID3" + b"\0" * 2045
    return Document.objects.create(
        title="Hello", file=ContentFile(content, name="hello.mp3"), file_size=len(content)
    )


def vocabulary_block(count, picture=None):
    items = [
        {
            "term": f"word {n}",
            "meaning": f"meaning {n}",
            "example": f"An example with word {n}.",
            "image": picture.pk if picture else None,
            "audio": None,
            "translations": [{"language": "ar", "text": f"كلمة {n}"}],
        }
        for n in range(count)
    ]
    return {"type": "vocabulary", "value": {"title": "", "items": items}}


@pytest.fixture
def make_packet(levels):
    def make(level="level-1", slug="greetings", body=None, **fields):
        fields.setdefault("title", "Greetings")
        fields.setdefault("summary", "Say hello.")
        body = body if body is not None else [{"type": "heading", "value": "Hello"}]
        return publish_packet(levels[level], slug=slug, body=body, **fields)

    return make


@pytest.fixture
def make_assignment():
    def make(packet, slug="say-hello", kind="written", **fields):
        fields.setdefault("title", "Say hello")
        fields.setdefault(
            "instructions", [{"type": "paragraph", "value": "<p>Write three sentences.</p>"}]
        )
        return publish_assignment(packet, kind, slug=slug, **fields)

    return make
