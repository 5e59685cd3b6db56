"""A student's pages kept whole per student (classes/student_pages.py): a kept
page costs only the sign-in's queries, and what changes it shows on the next load."""

import re
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from classes import student_pages
from classes.chat import services
from classes.chat.rooms import main_room
from classes.enrollment import withdraw
from classes.models import Enrollment, Session
from classes.schedule import set_cancelled
from tests.factories import give_feedback, hand_in, publish_assignment, publish_packet

# The session, the user and their role names: all a kept page reads.
SIGNED_IN = 3


def queries_of(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries), response.content.decode()


@pytest.fixture
def work(classroom):
    cohort, teacher, amina, _ahmad = classroom
    packet = publish_packet(cohort.level, "Week 9", number=9, summary="s")
    due = timezone.localdate() + timedelta(days=2)
    homework = publish_assignment(packet, title="Write about your week", due_date=due)
    return cohort, teacher, amina, packet, homework


def test_every_page_is_kept_and_costs_only_the_sign_in_when_kept(work, login):
    cohort, _teacher, amina, _packet, homework = work
    client = login(amina)
    client.get("/")  # shows (and so uses up) the "signed in" message: nothing is kept
    urls = ["/", cohort.level.url, homework.url]
    for url in [*urls, f"/classes/{cohort.pk}/", f"/classes/{cohort.pk}/chat/"]:
        cold, page = queries_of(client, url)
        warm, kept = queries_of(client, url)
        assert warm == SIGNED_IN < cold, url
        assert strip_tokens(kept) == strip_tokens(page), url


def strip_tokens(html):
    return student_pages.PER_REQUEST.sub("", html)


def hidden(name, html):
    return re.findall(rf'name="{name}" value="([^"]*)"', html)


def test_a_kept_page_has_its_own_csrf_and_one_time_tokens(work, login):
    cohort, *_rest = work
    client = login(work[2])
    client.get("/")  # the "signed in" message
    first = client.get(f"/classes/{cohort.pk}/chat/").content.decode()
    second = client.get(f"/classes/{cohort.pk}/chat/").content.decode()
    assert hidden("client_id", first) and hidden("client_id", first) != hidden("client_id", second)
    assert hidden("csrfmiddlewaretoken", second)
    # The kept page's form still posts (its CSRF token is good).
    token = hidden("csrfmiddlewaretoken", second)[0]
    client_id = hidden("client_id", second)[0]
    data = {"text": "Hello", "client_id": client_id, "csrfmiddlewaretoken": token}
    assert client.post(f"/classes/{cohort.pk}/chat/", data).status_code == 302


def test_work_handed_in_and_feedback_show_on_the_next_load(work, login):
    _cohort, teacher, amina, _packet, homework = work
    client = login(amina)
    assert "Write about your week" in due_panel(client.get("/").content.decode())
    submission = hand_in(amina, homework)
    assert "Write about your week" not in due_panel(client.get("/").content.decode())
    give_feedback(teacher, submission, "revision_requested")
    assert "Write about your week" in due_panel(client.get("/").content.decode())


def due_panel(html):
    start = html.index("Assignments due")
    return html[start : html.index("</section>", start)]


def test_a_new_revision_of_an_assignment_shows_on_the_next_load(work, login):
    *_rest, amina, _packet, homework = work
    client = login(amina)
    client.get(homework.url)
    homework.title = "Write about your weekend"
    homework.save_revision().publish()
    assert "Write about your weekend" in client.get(homework.url).content.decode()


def test_a_cancelled_session_shows_on_the_next_load(work, login):
    cohort, teacher, amina, *_rest = work
    client = login(amina)
    assert "Cancelled" not in client.get(f"/classes/{cohort.pk}/").content.decode()
    session = Session.objects.filter(cohort=cohort).order_by("starts_at").last()
    set_cancelled(session, True, by=teacher)
    assert "Cancelled" in client.get(f"/classes/{cohort.pk}/").content.decode()


def test_a_new_message_shows_and_a_withdrawn_student_loses_the_pages(classroom, login):
    cohort, _teacher, amina, ahmad = classroom
    client = login(amina)
    client.get(f"/classes/{cohort.pk}/chat/")
    services.post_message(ahmad, main_room(cohort), "See you tonight", "x-1")
    assert "See you tonight" in client.get(f"/classes/{cohort.pk}/chat/").content.decode()
    withdraw(Enrollment.objects.get(cohort=cohort, student=amina))
    assert client.get(f"/classes/{cohort.pk}/chat/").status_code == 404
    assert client.get(f"/classes/{cohort.pk}/").status_code == 404


def test_no_copy_is_served_older_than_a_minute(work, login, monkeypatch):
    *_rest, amina, _packet, homework = work
    client = login(amina)
    client.get(homework.url)
    later = student_pages.time.time() + student_pages.FRESH_FOR
    monkeypatch.setattr(student_pages.time, "time", lambda: later)
    cold, _page = queries_of(client, homework.url)
    assert cold > SIGNED_IN


def test_a_teachers_pages_are_not_kept(classroom, login):
    cohort, teacher, *_rest = classroom
    client = login(teacher)
    client.get(f"/classes/{cohort.pk}/")
    warm, _page = queries_of(client, f"/classes/{cohort.pk}/")
    assert warm > SIGNED_IN


def test_closing_the_breakout_groups_shows_on_the_next_load(classroom, login):
    """close_breakout writes with update(), which sends no signal."""
    cohort, teacher, amina, ahmad = classroom
    services.open_breakout(teacher, cohort, [[amina, ahmad]])
    client = login(amina)
    url = f"/classes/{cohort.pk}/chat/"
    # The first load marks the breakout notice seen (a change); the second is kept.
    client.get(url)
    client.get(url)
    assert (
        queries_of(client, url)[0] == SIGNED_IN
        and "(closed)" not in client.get(url).content.decode()
    )
    services.close_breakout(teacher, cohort)
    assert "(closed)" in client.get(url).content.decode()
