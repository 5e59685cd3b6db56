"""A level-2 class with a packet holding one assignment of each kind, made the
way teachers publish them, and helpers to make photos and recordings."""

import io
import secrets
import uuid
from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image

from packets.demo import ensure_levels
from packets.models import AssignmentPage, PacketPage

KINDS = ("written", "photo", "audio", "quiz")
QUIZ = [
    {
        "type": "multiple_choice",
        "value": {
            "prompt": "Where do you wait for the bus?",
            "choices": [
                {"text": "At the bus stop", "correct": True},
                {"text": "At the clinic", "correct": False},
            ],
        },
    },
    {"type": "fill_in", "value": {"prompt": "I take ___ to work.", "answers": "the bus|bus"}},
]


def publish_assignment(packet, kind, **fields):
    assignment = AssignmentPage(
        title=fields.pop("title", f"{kind.title()} homework"),
        slug=f"{kind}-{uuid.uuid4().hex[:6]}",
        kind=kind,
        due_date=fields.pop("due_date", timezone.localdate() + timedelta(days=3)),
        points=fields.pop("points", 10),
        instructions=[{"type": "paragraph", "value": "<p>Do your best.</p>"}],
        questions=QUIZ if kind == "quiz" else [],
        **fields,
    )
    packet.add_child(instance=assignment)
    assignment.save_revision().publish()
    return assignment


@pytest.fixture
def bus_packet(db):
    level = ensure_levels()["level-2"]
    packet = PacketPage(
        title="Week 4: Reading a bus schedule", slug="bus", number=4, summary="Buses.", body=[]
    )
    level.add_child(instance=packet)
    packet.save_revision().publish()
    return packet


@pytest.fixture
def assignments(bus_packet):
    """{kind: AssignmentPage} for written, photo, audio and quiz."""
    return {kind: publish_assignment(bus_packet, kind) for kind in KINDS}


def photo_upload(name="worksheet.jpg", size=(1200, 900)):
    buffer = io.BytesIO()
    Image.new("RGB", size, "white").save(buffer, "JPEG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/jpeg")


def wav_upload(name="speaking.wav", seconds=2):
    import wave

    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(8000)
        out.writeframes(b"\0\0" * 8000 * seconds)
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="audio/wav")


def token():
    """A one-time token as the form carries one."""
    return secrets.token_urlsafe(24)


def open_page(client, page):
    return client.get(page.url, HTTP_HOST="localhost")


def post_work(client, assignment, data, **headers):
    """Post the assignment's form as a browser does (multipart, hand in unless told)."""
    data = {"action": "submit", **data}
    return client.post(assignment.url, data, HTTP_HOST="localhost", **headers)


def element(response, element_id, closing):
    """The HTML from the element with this id to its closing tag, for asserts."""
    html = response.content.decode()
    start = html.index(f'id="{element_id}"')
    return html[start : html.index(closing, start)]
