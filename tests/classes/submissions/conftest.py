"""A level-2 class with a packet holding one assignment of each kind, made the
way teachers publish them, and helpers to make photos and recordings."""

import secrets
import uuid

import pytest

from packets.demo import ensure_levels
from tests import factories
from tests.factories import photo_upload, wav_upload  # noqa: F401 - for the tests here

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
    """An assignment of this kind worth 10 points (a quiz with QUIZ's questions)."""
    fields.setdefault("slug", f"{kind}-{uuid.uuid4().hex[:6]}")
    fields.setdefault("points", 10)
    fields.setdefault("instructions", [{"type": "paragraph", "value": "<p>Do your best.</p>"}])
    fields.setdefault("questions", QUIZ if kind == "quiz" else [])
    return factories.publish_assignment(packet, kind, **fields)


@pytest.fixture
def bus_packet(db):
    level = ensure_levels()["level-2"]
    return factories.publish_packet(
        level, "Week 4: Reading a bus schedule", slug="bus", number=4, summary="Buses."
    )


@pytest.fixture
def assignments(bus_packet):
    """{kind: AssignmentPage} for written, photo, audio and quiz."""
    return {kind: publish_assignment(bus_packet, kind) for kind in KINDS}


@pytest.fixture
def amina(classroom, login):
    """The classroom's first student, signed in through the real form."""
    _cohort, _teacher, amina, _ahmad = classroom
    login(amina)
    return amina


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
