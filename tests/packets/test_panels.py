"""Packet and assignment pages stand on their own: other apps add per-viewer panels
and answer POSTs through Wagtail hooks (packets/panels.py), never by import."""

import pytest
from django.utils.html import format_html
from wagtail import hooks

from packets import panels

pytestmark = pytest.mark.django_db

OURS = {
    panels.PACKET_PAGE_STUDENT_STATUS,
    panels.ASSIGNMENT_PAGE_PANELS,
    panels.ASSIGNMENT_PAGE_POST,
    panels.PAGE_SHARE,
}


@pytest.fixture
def no_panel_hooks(monkeypatch):
    """As if no app registered the packets' hooks (Wagtail's own stay)."""
    get_hooks = hooks.get_hooks
    monkeypatch.setattr(hooks, "get_hooks", lambda name: [] if name in OURS else get_hooks(name))


def test_without_hooks_an_assignment_shows_its_quiz_preview_and_refuses_posts(
    login, student, make_packet, make_assignment, no_panel_hooks
):
    quiz = make_assignment(
        make_packet(),
        kind="quiz",
        questions=[
            {"type": "fill_in", "value": {"prompt": "I take ___ to work.", "answers": "bus"}},
        ],
    )
    client = login(student)
    page = client.get(quiz.url, HTTP_HOST="localhost").content.decode()
    assert "A preview of the quiz" in page and "I take ___ to work." in page
    assert "Your teacher will tell you how to hand in this work." in page
    assert client.post(quiz.url, {}, HTTP_HOST="localhost").status_code == 405


def test_an_assignment_answers_only_get_head_options_and_post(
    login, student, make_packet, make_assignment
):
    assignment = make_assignment(make_packet())
    client = login(student)
    for method in (client.put, client.delete, client.patch):
        assert method(assignment.url, HTTP_HOST="localhost").status_code == 405


def a_status(request, packet_id, assignment_ids):
    return format_html("<p id='status'>{} {}</p>", packet_id, len(assignment_ids))


def test_a_hooks_status_is_printed_on_the_packet_page(
    login, student, make_packet, make_assignment, monkeypatch
):
    packet = make_packet()
    make_assignment(packet)
    get_hooks = hooks.get_hooks
    monkeypatch.setattr(
        hooks,
        "get_hooks",
        lambda name: [a_status] if name == panels.PACKET_PAGE_STUDENT_STATUS else get_hooks(name),
    )
    page = login(student).get(packet.url, HTTP_HOST="localhost").content.decode()
    assert f"<p id='status'>{packet.pk} 1</p>" in page
